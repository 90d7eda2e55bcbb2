// Which header rows name the columns of each table row. A self-evaluation
// table (绩效自评表) is one grid holding several tables: the budget rows under
// 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, then the indicator
// rows under 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分.
// A row further down that reads as a header starts a new segment, whose rows
// take their column names from it and not from the top.
import { readCellNumber } from '../text/cell-number.ts';
import { isHeaderWord, NUMBERING_WORD } from '../vocab/header-words.ts';
import { GOAL_LABEL, headerName } from '../vocab/indicators.ts';
import { unitDef } from '../vocab/units.ts';

/**
 * A key cell of a "key | value" row naming who reports or what the table is
 * about (部门（单位）名称 | 某某局, 项目名称 | 某某专项资金, 实施单位（盖章） | …): a cover line, not
 * column names. The project's name is kept as the table's subject instead
 * (projectOf), so that two projects' tables stay apart.
 */
const KEY_CELL =
  /^(?:部门|单位|部门[（(]单位[）)]|预算单位|主管部门|实施单位|填报单位|项目名称|项目单位|资金名称|专项名称)(?:名称)?\s*(?:[（(](?:盖章|签章|公章)[）)])?\s*[：:]?$|^(?:负责人|联系人|联系电话|电话|地址)\s*[：:]?$/;
const PROJECT_KEY = /^(?:项目名称|资金名称|专项名称)\s*[：:]?$/;

/** The project a table is about: the value of its 项目名称 cover line; null if it has none. */
export function projectOf(rows: string[][], headerRows: number): string | null {
  for (const row of rows.slice(0, Math.max(headerRows, 1))) {
    if (!isInfoRow(row)) continue;
    const i = row.findIndex((c) => PROJECT_KEY.test(c.trim()));
    const value = i < 0 ? undefined : row.slice(i + 1).find((c) => c.trim() !== '' && c !== row[i]);
    if (value) return value.trim();
  }
  return null;
}
/** A clause (完成年度目标，服务覆盖全部社区 — a 年度总体目标 row's text) names no column. */
const CLAUSE = /[，。；]/;
/** A bound or target (≥95%) is a value, not a column name. */
const BOUND = /^[≥≤><＞＜=≧≦]/;

/** Joins the names of a cell's headers: 基本支出·全年预算数. */
export const LABEL_JOINER = '·';

const isNumber = (cell: string | undefined) => cell !== undefined && readCellNumber(cell) !== null;

/**
 * The 年度总体目标 row (年度总体目标 | 为辖区老年人提供… | 完成年度目标…): its label first, texts after
 * it. A row of the form, naming no column, whatever the length of its texts.
 */
export function isGoalRow(row: string[]): boolean {
  const cells = row.map((c) => c.trim()).filter((c) => c !== '');
  return cells.length >= 2 && GOAL_LABEL.test(headerName(cells[0]!)) && cells.some((c) => c !== cells[0]);
}

/** A cell of sentences (年度总体目标's text: …防控。目标2：…): it names no column. */
export function isProse(cell: string): boolean {
  return cell.length >= 40 && /[。；]/.test(cell);
}

/**
 * A row further down that names columns: no numbers of its own, and the next
 * row with numbers has them (two or more) in columns where this row has
 * distinct, non-empty names.
 */
export function isSegmentHeader(rows: string[][], r: number): boolean {
  const row = rows[r];
  if (!row || row.some((cell) => isNumber(cell) || isProse(cell))) return false;
  let next = r + 1;
  while (next < rows.length && !rows[next]!.some((cell, c) => c > 0 && isNumber(cell))) next++;
  const below = rows[next];
  if (!below) return false;
  // A merged cell repeats its number and its header over the columns it covers: count each once.
  const names = below.flatMap((cell, c) =>
    c > 0 && isNumber(cell) && !(cell === below[c - 1] && row[c] === row[c - 1]) ? [(row[c] ?? '').trim()] : [],
  );
  if (names.some((n) => n === '' || BOUND.test(n) || CLAUSE.test(n)) || valuesUnderValueHeader(rows, r, below))
    return false;
  // One number below is enough when the row reads as a header by its words (三级指标 | 绩效指标性质 | 本年绩效指标值 | 绩效度量单位),
  // or the name over the number gives its unit (名称 | 主要实施内容 | 拟投入的资金（万元） | 期望达到的目标).
  if (names.length < 2 && !(names.length === 1 && (headerWordCount(row) >= 3 || namesUnit(names[0]!)))) return false;
  return new Set(names).size === names.length;
}

/**
 * A row of texts under columns the header above calls values (年度指标值, 实施周期指标值): an indicator
 * whose targets are words (效益指标 | … | 逐步提高 | 有所提高), not a header naming the columns anew.
 */
function valuesUnderValueHeader(rows: string[][], r: number, below: string[]): boolean {
  const cols = below.flatMap((cell, c) => (c > 0 && isNumber(cell) ? [c] : []));
  for (let k = r - 1; k >= 0; k--) {
    if (!cols.some((c) => isHeaderWord((rows[k]![c] ?? '').trim()))) continue;
    const value = (c: number) => /(?:指标值|完成值|目标值)$/.test((rows[k]![c] ?? '').trim());
    return cols.some(value) && cols.every((c) => !value(c) || !isHeaderWord((rows[r]![c] ?? '').trim()));
  }
  return false;
}

/** A column name ending in its unit in brackets: 拟投入的资金（万元）, 完成率(%). */
function namesUnit(name: string): boolean {
  const m = /[（(]([^（）()]{1,4})[)）]$/.exec(name);
  return m !== null && m.index > 0 && unitDef(m[1]!) !== undefined;
}

/** How many distinct cells of the row are words that only a header row is made of. */
function headerWordCount(row: string[]): number {
  return new Set(row.map((c) => c.trim()).filter((c) => isHeaderWord(c))).size;
}

/** "部门（单位）名称 | 某某局 | 某某局 …": a cover line inside the grid, not column names. */
export function isInfoRow(row: string[]): boolean {
  const distinct: string[] = [];
  for (const cell of row.map((c) => c.trim()).filter(Boolean))
    if (distinct[distinct.length - 1] !== cell) distinct.push(cell);
  if (distinct.length < 2 || distinct.length % 2 !== 0) return false;
  return distinct.every((cell, i) => i % 2 === 1 || KEY_CELL.test(cell));
}

/**
 * For each row, the indexes of the header rows that name its columns: the
 * table's top header rows (info rows left out), or the run of segment header
 * rows met last above it.
 */
export function headerRowsByRow(rows: string[][], topHeaderRows: number): number[][] {
  let current = [...Array(topHeaderRows).keys()].filter((i) => !isInfoRow(rows[i]!));
  const out: number[][] = [];
  for (let r = 0; r < rows.length; r++) {
    if (r < topHeaderRows) {
      out.push([]);
      continue;
    }
    if (isSegmentHeader(rows, r)) {
      // Consecutive header rows (a two-line header) name the columns together.
      current =
        r > 0 && out[r - 1]!.length === 0 && r - 1 >= topHeaderRows && isSegmentHeader(rows, r - 1)
          ? [...current, r]
          : [r];
      out.push([]);
      continue;
    }
    out.push(current);
  }
  return out;
}

/**
 * The distinct header cells above column c, top to bottom. A row that is the
 * table's title (one cell across it, or only a caption …表 and a unit line
 * 金额单位：万元) names no column and is left out.
 */
export function columnHeader(header: string[][], c: number): string {
  return columnPath(header, c).join(LABEL_JOINER);
}

/** The same as a list: column c's distinct header cells, top to bottom, trimmed (a column's `path` in the report). */
export function columnPath(header: string[][], c: number): string[] {
  return distinct(header.filter((row) => !isTitleRow(row) && !isColumnNumbering(row)).map((row) => row[c] ?? ''));
}

/**
 * A 决算 table's column-numbering row, part of its header: 栏次 | 1 | 2 | 3 …, or (with no name
 * cell, or ** in it) the integers 1, 2, 3 … in order, at least three of them. It names no column and holds no amount.
 */
export function isColumnNumbering(row: string[]): boolean {
  // ** stands in the name and code columns of some report systems' numbering row (** | ** | 1 | 2 | 3).
  const cells = row.map((c) => c.replace(/\s+/g, '')).filter((c) => c !== '' && !/^\*+$/.test(c));
  // a merged cell repeats itself over the columns it covers
  const distinct = cells.filter((c, i) => c !== cells[i - 1]);
  const named = distinct.filter((c) => NUMBERING_WORD.test(c)).length;
  const numbers = distinct.filter((c) => !NUMBERING_WORD.test(c));
  if (numbers.length < (named > 0 ? 2 : 3) || !numbers.every((c) => /^[0-9]{1,2}$/.test(c))) return false;
  return numbers.every((c, i) => Number(c) === Number(numbers[0]) + i) && (named > 0 || numbers[0] === '1');
}

const CAPTION_CELL =
  /表$|^表\s*[0-9一二三四五六七八九十]+|^[（(]?(?:金额)?单位\s*[：:]|^[（(](?:19|20)\d{2}\s*年度?[）)]$/;

function isTitleRow(row: string[]): boolean {
  if (row.length > 1 && row.every((x) => x === row[0])) return true;
  const filled = row.map((x) => x.replace(/\s+/g, '')).filter(Boolean);
  const cells = [...new Set(filled)];
  // One merged cell across most of the grid from its left edge (a title, its （2026年度） note), or only
  // captions and unit lines. One that leaves the row names' column blank heads the columns it spans
  // (支出决算（万元） over the four amounts of a table without borders).
  if (cells.length === 1 && row.length > 2 && filled.length >= 0.6 * row.length && row[0]!.trim() !== '') return true;
  return cells.length > 0 && cells.every((x) => CAPTION_CELL.test(x));
}

export function joinDistinct(cells: string[]): string {
  return distinct(cells).join(LABEL_JOINER);
}

function distinct(cells: string[]): string[] {
  const out: string[] = [];
  for (const c of cells.map((x) => x.trim()).filter(Boolean)) if (!out.includes(c)) out.push(c);
  return out;
}
