// What each row and each column of a table is. Rows: header, cover (a key |
// value line about the table: 项目名称 | …), body, total (合计, 总计, 总分 …),
// blank. Columns, read from their header and their body cells: names of the
// rows, codes (科目编码), ordinals (序号), numbers, or other text.
import type { ColumnRole, RowRole } from '../schema/report.ts';
import { readCellNumber } from '../text/cell-number.ts';
import { TOTAL_ROW_START } from '../vocab/concepts.ts';
import {
  CODE_HEADER,
  COMPARATOR_COLUMN,
  NOT_A_QUANTITY,
  PROSE_COLUMN,
  UNIT_COLUMN,
  VALUE_HEADER,
} from '../vocab/table-columns.ts';
import { isInfoRow, LABEL_JOINER } from './headers.ts';
import { ownUnit, stripUnits } from './units.ts';
import { memoized } from '../util/memo.ts';

/** A 科目编码 of a 类 (201), 款 (20101) or 项 (2010101). */
export const SUBJECT_CODE = /^(\d{3}|\d{5}|\d{7})$/;
const CJK = /[\u4e00-\u9fff]/;
/** A dash or slash in a number column: nothing (决算 tables leave zero cells so). */
const NOTHING = /^[-—–－/]+$/;

/**
 * A column of 科目编码 without a header saying so: most of its cells are 3, 5
 * or 7 digits, each a different code, and they form a hierarchy (codes of
 * several lengths, or of one 类: the same first three digits). Amounts such as
 * 240 and 172 do not.
 */
function isCodeColumn(written: string[], rows: number): boolean {
  const codes = written.filter((x) => SUBJECT_CODE.test(x));
  if (codes.length < Math.max(2, rows / 2) || new Set(codes).size < codes.length) return false;
  return new Set(codes.map((x) => x.length)).size > 1 || new Set(codes.map((x) => x.slice(0, 3))).size < codes.length;
}

const isBlankRow = (row: string[]) => row.every((c) => c.trim() === '');

/** A row whose first cells name it a total: 合计, 总计, 小计, 总分 … */
function isTotalRow(row: string[]): boolean {
  return row.slice(0, 3).some((c) => TOTAL_ROW_START.test(c.trim()));
}

/** The role of a row that is not a header: blank, total or body. */
export function bodyRole(row: string[]): RowRole {
  if (isBlankRow(row)) return 'blank';
  return isTotalRow(row) ? 'total' : 'body';
}

/** The role of a header row: a cover line, a blank spacer, or a header. */
export function headerRole(row: string[]): RowRole {
  if (isBlankRow(row)) return 'blank';
  return isInfoRow(row) ? 'cover' : 'header';
}

/** An ordinal number in a table's first column (1, 2 … beside the names): not a quantity. */
export function isOrdinalCell(row: string[], c: number): boolean {
  return c === 0 && /^[0-9]{1,3}$/.test((row[0] ?? '').trim());
}

/** A column whose header says its numbers are codes or ordinals (序号, 科目编码, 年度 …). */
export function isOrdinalHeader(path: string[]): boolean {
  return ordinalHeader(path.join(LABEL_JOINER));
}

/** Kept per header: every cell under it asks again. */
const ordinalHeader = memoized((header: string) => header.split(LABEL_JOINER).some((p) => NOT_A_QUANTITY.test(p)));

/** A column of values, prose, units or bounds: what its cells say is not the name of the row. */
function namesNothing(path: string[]): boolean {
  const name = stripUnits(path.join(LABEL_JOINER));
  const last = name.split(LABEL_JOINER).pop() ?? '';
  return VALUE_HEADER.test(name) || PROSE_COLUMN.test(last) || UNIT_COLUMN.test(last) || COMPARATOR_COLUMN.test(name);
}

/** Column c has no number column before it and a column of words after it (in most rows). */
function beforeNames(c: number, roles: ColumnRole[], body: string[][]): boolean {
  if (roles.includes('number')) return false;
  const width = Math.max(0, ...body.map((r) => r.length));
  for (let k = c + 1; k < width; k++) {
    const words = body.filter((r) => CJK.test(r[k] ?? '') && readCellNumber(r[k]!) === null).length;
    if (words > 0 && 2 * words >= body.length) return true;
    if (body.some((r) => readCellNumber(r[k] ?? '') !== null)) return false;
  }
  return false;
}

/**
 * Each column's role over the body rows of one block (and its total rows
 * where the body leaves a column blank): codes and ordinals by header or
 * content; numbers where at least half the written cells read as numbers
 * (or, left blank, where the table states a unit for its amounts: `amounts`);
 * names where most rows hold words, left of the first number column; text
 * otherwise.
 */
export function columnRoles(
  paths: string[][],
  body: string[][],
  totals: string[][] = [],
  amounts = false,
): ColumnRole[] {
  const width = paths.length;
  const cells = (rows: string[][], c: number) =>
    rows.map((r) => (r[c] ?? '').trim()).filter((x) => x !== '' && !NOTHING.test(x));
  const roles: ColumnRole[] = [];
  for (let c = 0; c < width; c++) {
    // A total row (总分 merged across the names) is read only for a column the body rows leave blank.
    const own = cells(body, c);
    const written = own.length > 0 ? own : cells(totals, c);
    const path = paths[c]!;
    if (isOrdinalHeader(path)) roles.push(path.some((p) => CODE_HEADER.test(p)) ? 'code' : 'ordinal');
    else if (!roles.includes('number') && isCodeColumn(written, body.length)) roles.push('code');
    else if (c === 0 && written.length > 0 && written.every((x) => isOrdinalCell([x], 0))) roles.push('ordinal');
    else if (written.length > 0 && 2 * written.filter((x) => readCellNumber(x) !== null).length >= written.length)
      roles.push('number');
    // A column left blank in this block holds numbers when its name gives a unit (分值, 执行率, 金额（万元）)
    // or the table states one for its amounts (单位：万元) and the column is no value column — unless it
    // stands before the rows' names: a group cell set at the top of its rows (年度预算（万元） over
    // 年度资金总额 / 其中…) is read into the header, and leaves its column blank below.
    else if (
      written.length === 0 &&
      (ownUnit(path) !== null || (amounts && !namesNothing(path))) &&
      !beforeNames(c, roles, body)
    )
      roles.push('number');
    else roles.push('text');
  }
  const firstNumber = roles.indexOf('number');
  for (let c = 0; c < (firstNumber < 0 ? width : firstNumber); c++) {
    const words = body.filter((r) => CJK.test(r[c] ?? '')).length;
    if (roles[c] === 'text' && !namesNothing(paths[c]!) && words > 0 && 2 * words >= body.length) roles[c] = 'name';
  }
  return roles;
}
