// The units of a table's numbers, decided here once for facts/ and checks/.
// A bare number's unit, first found:
//   1. written in its cell (98%, 96分) — read with the cell;
//   2. its column's header (年初预算数（万元）, 金额（单位：万元）) or name
//      (…率/比例 → %, 分值/得分 → 分);
//   3. a unit note in its row's name (项目资金（万元）, a row group merged over
//      the funds rows of a 自评表);
//   4. the column's unit as the structure gives it (columnUnit): the row group
//      of its block, the header of its block's name column (年度预算（万元） |
//      年初预算数 | …), then the table's 单位 line — never a money unit for a
//      column or row that counts people or things.
import { matchUnitAt, unitDef } from '../vocab/units.ts';
import {
  ACTUAL_HEADER,
  COUNTED,
  RATE_HEADER,
  SCORE_HEADER,
  TARGET_HEADER,
  VALUE_HEADER,
} from '../vocab/table-columns.ts';
import { LABEL_JOINER } from './headers.ts';
import { memoized } from '../util/memo.ts';

// 单位：万元 / 金额单位：万元 / （单位：万元）: the unit must end there (编制单位：元江县… is not a unit).
const UNIT_LINE = /单位\s*[：:]\s*([^\s，,；;、)）]+)/;

/** The unit a 单位 line states (单位：万元 → 万元), or null. */
export function unitIn(text: string): string | null {
  const m = UNIT_LINE.exec(text.replace(/[ \u3000]+/g, ''));
  if (!m) return null;
  const u = matchUnitAt(m[1]!);
  return u && u.length === m[1]!.length ? u.def.unit : null;
}

/** ③, ③=①+②, ⑦=⑤/③ after a column's name; or ① before it. */
const CIRCLED_FORMULA = /\s*[（(]?[①-⑳](?:\s*[=＝][①-⑳+＋\-－/×*（()）\s]*)?[）)]?\s*$|^\s*[①-⑳]\s*/;

/** A unit in brackets in a header: 年初预算数（万元）, 得分(分), 金额（单位：万元）. */
const BRACKET_UNIT = /[（(]\s*(?:(?:金额)?单位\s*[：:]\s*)?([^（）()]{1,6}?)\s*[）)]/g;

/** The unit a header or a row's name writes: a 单位 line, or a unit in brackets; null if none. */
export function headerUnit(header: string): string | null {
  const inLine = unitIn(header);
  if (inLine) return inLine;
  for (const m of header.replace(/％/g, '%').matchAll(BRACKET_UNIT)) if (unitDef(m[1]!)) return m[1]!;
  return null;
}

/**
 * A header without its unit note: 年初预算数（万元） → 年初预算数 (each part of a joined header); and
 * without the circled formula some forms number their columns by (全年预算数③=①+②, 执行率⑦=⑤/③):
 * it names no quantity, and it hides the name's ending (…率 → %).
 */
export const stripUnits: (header: string) => string = memoized((header) =>
  header
    .split(LABEL_JOINER)
    .map((h) =>
      h
        .replace(/[（(]\s*(?:(?:金额)?单位\s*[：:]\s*)?[^（）()]{1,6}?\s*[）)]/g, (m) => (headerUnit(m) ? '' : m))
        .replace(CIRCLED_FORMULA, '')
        .trim(),
    )
    .filter(Boolean)
    .join(LABEL_JOINER),
);

/** A column of targets, actual values or notes: its numbers take only the units written in them or its header. */
export function isValueColumn(path: string[]): boolean {
  return VALUE_HEADER.test(stripUnits(path.join(LABEL_JOINER)));
}

/**
 * A column of an indicator's target or actual value (年度指标值, 实际完成值): a bare number there takes
 * its row's unit (a 度量单位 cell, the target's). A note's (备注, 说明, 偏差原因) does not: a figure in a
 * note is no value of the indicator's (a weight set under 备注 is not 10%).
 */
export function isTargetOrActual(path: string[]): boolean {
  return path.some((cell) => {
    const name = stripUnits(cell);
    return TARGET_HEADER.test(name) || ACTUAL_HEADER.test(name);
  });
}

/** The unit a column's own header or name gives its numbers (年初预算数（万元）; 执行率 → %; 得分 → 分), or null. */
export function ownUnit(path: string[]): string | null {
  const header = path.join(LABEL_JOINER);
  const written = headerUnit(header);
  if (written) return written;
  if (isValueColumn(path)) return null;
  // 执行率（B/A）, 得分（10分制）: a note in brackets does not change what the column holds.
  const name = stripUnits(header).replace(/[（(][^（）()]*[）)]/g, '');
  if (RATE_HEADER.test(name)) return '%';
  if (SCORE_HEADER.test(name)) return '分';
  return null;
}

/** What a block of rows (the top block or a segment) gives the columns that have no unit of their own. */
export interface BlockUnits {
  /** a unit note in the names of every row of the block that has numbers (项目资金（万元） merged over them) */
  rowGroup: string | null;
  /** a unit in the header of the block's name column (年度预算（万元） | 年初预算数 | …) */
  nameHeader: string | null;
  /** the table's 单位 line */
  table: string | null;
}

/** The unit a column's bare numbers take, or null: its own, else its block's, else the table's (see the head of this file). */
export function columnUnit(path: string[], block: BlockUnits): string | null {
  const own = ownUnit(path);
  if (own || isValueColumn(path)) return own;
  const counted = COUNTED.test(stripUnits(path.join(LABEL_JOINER)));
  for (const unit of [block.rowGroup, block.nameHeader, block.table]) {
    if (!unit) continue;
    return counted && unitDef(unit)?.kind === 'money' ? null : unit;
  }
  return null;
}

/**
 * The unit of a bare number in a column whose path and unit are given, in a
 * row named rowName (its name cells joined, unit notes kept): the column's own
 * unit, else the row's note, else the column's unit — which a row that counts
 * people or things (年末实有人数) does not take when it is money.
 */
export function cellUnit(column: { path: string[]; unit: string | null }, rowName: string): string | null {
  if (isValueColumn(column.path)) return headerUnit(column.path.join(LABEL_JOINER));
  const own = ownUnit(column.path);
  if (own) return own;
  const inRow = headerUnit(rowName);
  if (inRow) return inRow;
  if (column.unit && unitDef(column.unit)?.kind === 'money' && COUNTED.test(stripUnits(rowName))) return null;
  return column.unit;
}
