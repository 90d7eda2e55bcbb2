// The variation harness's source of truth: a table class written once as a
// logical table (its columns, rows and cells, and what each number cell is
// as a fact), from which every style renders its HTML and the expected facts
// are derived. Nothing here is read back from a run of the code.
import type { Comparator, Fact } from '../../../src/schema/report.ts';

/** What a column holds: names of rows, codes, or one kind of number (bare, its unit from the column's measure). */
export type Measure = 'code' | 'name' | 'money' | 'score' | 'percent' | 'value' | 'text';

export interface Column {
  /** the column's header, top to bottom (基本支出 › 人员经费); equal neighbours merge */
  head: string[];
  measure: Measure;
}

/** A cell whose fact is written out: a target or actual value (≥12000人次), or a value cell with no fact (有效提升). */
export interface ValueCell {
  text: string;
  fact: { value: number; unit: string; kind: Fact['kind']; comparator: Comparator | null } | null;
}

export type Cell = string | ValueCell;

export interface Row {
  /** one per column, '' for an empty cell; a cell spanning columns is followed by fewer cells (see spans) */
  cells: Cell[];
  /** grid columns each cell takes (default one each): 总分 over the five name and value columns */
  spans?: number[];
  /** the row's level for names set indented (决算 类 1, 款 2, 项 3) */
  level?: number;
}

/** A header over some columns drawn only in the two-row styles: 预算执行情况 over the three amounts. */
export interface Spanning {
  text: string;
  from: number;
  to: number;
}

/** One part of a grid under its own header row(s): the budget rows, then the indicator rows of a 自评表. */
export interface Segment {
  columns: Column[];
  /** a group naming the rows beside them (项目资金): a merged left column, repeated, or the header's first cell */
  group?: string;
  spanning?: Spanning[];
  /** rows without a header row of their own (the 年度总体目标 line) */
  noHeader?: boolean;
  rows: Row[];
}

/** A "key | value" line over the grid (项目名称 | 某某专项资金): cells and the grid columns each takes. */
export interface CoverRow {
  cells: string[];
  spans: number[];
}

export interface LogicalTable {
  /** file-safe name of the class: project-self-eval */
  id: string;
  /** what the class is, in one line, for the matrix */
  title: string;
  caption: string;
  /** a line under the caption (（2023年度）) */
  note?: string;
  /** the unit of the bare money cells */
  unit: string;
  cover?: CoverRow[];
  segments: Segment[];
  /** inconsistencies written into this class on purpose (a twin of a clean class, classes/planted.ts): each must be found */
  planted?: Plant[];
}

/**
 * One inconsistency written into a table, as an auditor would look for it: the rule that must
 * report it (or one of `alt`, rules that may see the same figures first), and a figure the
 * finding must name — its printed or expected value, or the value of a fact it cites.
 */
export interface Plant {
  rule: string;
  alt?: string[];
  figure: number;
  /** the figure is an amount in the class's unit (a style that writes amounts in 元 names it ×10000) */
  money?: boolean;
  /** what was changed, for the matrix and a failing test's message */
  what: string;
}

/** A number cell as a fact: what every style must read from it. */
export interface ExpectedFact {
  value: number;
  unit: string;
  kind: Fact['kind'];
  comparator: Comparator | null;
  /** the label must hold these names in this order: the row's own name, then the column's */
  need: string[];
  /** and may hold these besides (the row group, upper headers, a spanning header) — nothing else */
  may: string[];
  /** where the cell is in the grid as rendered (row index among all rows of the table, header rows included) */
  at: { row: number; col: number };
}

export const v = (text: string, fact: ValueCell['fact'] = null): ValueCell => ({ text, fact });

/** A target or actual value with its fact: t('≥12000人次', 12000, '人次', 'count', '>='). */
export function t(
  text: string,
  value: number,
  unit: string,
  kind: Fact['kind'],
  comparator: Comparator | null = null,
): ValueCell {
  return { text, fact: { value, unit, kind, comparator } };
}

export const textOf = (cell: Cell): string => (typeof cell === 'string' ? cell : cell.text);

/** A row's name as labels give it: list markers (一、 1.) and 其中： are not part of it (the contract's convention). */
export function nameOf(text: string): string {
  return text
    .trim()
    .replace(/^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．]\s*)?(?:其中\s*[：:]\s*)?/, '')
    .trim();
}
