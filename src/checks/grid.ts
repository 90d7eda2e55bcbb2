// Tables as the checks read them: one logical table from the parts a page
// break cut it into, its header rows, each column's header path, and each
// body row's level in a code hierarchy (科目编码 201 / 20101 / 2010101, or
// names indented by level).
import type { Table } from '../schema/report.ts';
import { isColumnNumbering, isSegmentHeader } from '../tables/headers.ts';
import { TOTAL_ROW_START } from '../vocab/concepts.ts';
import { cellNumber } from './tables.ts';
import type { CheckInput } from './types.ts';

export interface GridRow {
  cells: string[];
  page: number;
  /** indentation of the row's name in points (from the layout), null when unknown */
  indent: number | null;
}

export interface Grid {
  /** the first part's id and title */
  id: string;
  title: string | null;
  page: number;
  width: number;
  header: string[][];
  body: GridRow[];
  /** the column naming the rows */
  nameColumn: number;
  /** a table of the same width starts the next page and was not joined: this one may go on there */
  mayContinue: boolean;
}

const hasNumber = (row: string[]) => row.some((c) => cellNumber(c) !== null);
const headerCount = (t: Table) => {
  // a column-numbering row (栏次 | 1 | 2 | 3 …) is header
  const i = t.rows.findIndex((r) => hasNumber(r) && !isColumnNumbering(r));
  return i < 0 ? t.rows.length : i;
};
const blank = (r: string[]) => r.every((c) => c.trim() === '');
const sameRows = (x: string[][], y: string[][]) => {
  const [a, b] = [x.filter((r) => !blank(r)), y.filter((r) => !blank(r))];
  return a.length === b.length && a.every((r, i) => r.join('|') === b[i]!.join('|'));
};
const widthOf = (t: Table) => Math.max(0, ...t.rows.map((r) => r.length));

/**
 * Tables joined across page breaks: a table on the next page with the same
 * columns, no title of its own (or the same), and either no header or the
 * first part's header repeated, continues the one before — unless that one
 * already ended with its total row.
 */
const GRIDS = new WeakMap<CheckInput, Grid[]>();

export function grids(doc: CheckInput): Grid[] {
  let cached = GRIDS.get(doc);
  if (!cached) GRIDS.set(doc, (cached = readGrids(doc)));
  return cached;
}

function readGrids(doc: CheckInput): Grid[] {
  const out: Grid[] = [];
  const hints = doc.hints?.tables;
  let last: { grid: Grid; page: number; tableIndex: number } | null = null;
  doc.tables.forEach((t, i) => {
    const h = headerCount(t);
    const header = t.rows.slice(0, h).filter((r) => !blank(r));
    const hint = hints?.[i];
    const body = t.rows.slice(h).map((cells, r) => ({ cells, page: t.page, indent: hint?.indent[h + r] ?? null }));
    const prev = last?.grid;
    const joins =
      prev !== undefined &&
      last!.page + 1 === t.page &&
      last!.tableIndex === i - 1 &&
      (prev.width === widthOf(t) || (h === 0 && Math.abs(prev.width - widthOf(t)) === 1)) &&
      (t.title === null || t.title === prev.title) &&
      (h === 0 || sameRows(header, prev.header)) &&
      !isTotalRow(prev.body[prev.body.length - 1]?.cells ?? []);
    if (joins) {
      // A part one column short (a merged last column read as none): padded at the end.
      prev.body.push(
        ...body.map((r) => ({
          ...r,
          cells: [...r.cells, ...Array(Math.max(0, prev.width - r.cells.length)).fill('')],
        })),
      );
      last = { grid: prev, page: t.page, tableIndex: i };
      return;
    }
    if (prev && last!.page + 1 === t.page && prev.width === widthOf(t) && last!.tableIndex === i - 1)
      prev.mayContinue = true;
    const grid: Grid = {
      id: t.id,
      title: t.title,
      page: t.page,
      width: widthOf(t),
      header,
      body,
      nameColumn: hint?.nameColumn ?? nameColumnOf(t.rows.slice(h)),
      mayContinue: false,
    };
    out.push(grid);
    last = { grid, page: t.page, tableIndex: i };
  });
  return out;
}

function nameColumnOf(body: string[][]): number {
  const width = Math.max(0, ...body.map((r) => r.length));
  for (let c = 0; c < width; c++)
    if (body.filter((r) => /[\u4e00-\u9fff]/.test(r[c] ?? '')).length >= body.length / 2) return c;
  return 0;
}

export function isTotalRow(cells: string[]): boolean {
  return cells.slice(0, 3).some((c) => TOTAL_ROW_START.test(c.trim()));
}

/** Column c's header path: its distinct header cells, top to bottom (支出决算 › 基本支出 › 小计). */
export function headerPath(header: string[][], c: number): string[] {
  const out: string[] = [];
  for (const row of header) {
    if (row.length > 1 && row.every((x) => x === row[0])) continue; // a title across the table
    if (isColumnNumbering(row)) continue;
    const cell = (row[c] ?? '').replace(/\s+/g, '');
    if (cell && out[out.length - 1] !== cell) out.push(cell);
  }
  return out;
}

const CODE = /^(\d{3}|\d{5}|\d{7})$/;
const CODE_IN_NAME = /^(\d{3}|\d{5}|\d{7})(?=\s*[\u4e00-\u9fff])/;

/**
 * Each body row's level (1 = 类, 2 = 款, 3 = 项), or null for all rows when the
 * table shows no hierarchy: from 科目编码 (a column of 3/5/7-digit codes, or the
 * code leading the name), else from the indentation of the names. Total rows get 0.
 */
export function rowLevels(g: Grid): (number | null)[] | null {
  const rows = g.body;
  const codeColumn = [...Array(g.width).keys()].find(
    (c) => rows.filter((r) => CODE.test((r.cells[c] ?? '').trim())).length >= Math.max(2, rows.length / 2),
  );
  const codeOf = (r: GridRow): string | null => {
    if (codeColumn !== undefined && CODE.test((r.cells[codeColumn] ?? '').trim())) return r.cells[codeColumn]!.trim();
    const m = CODE_IN_NAME.exec((r.cells[g.nameColumn] ?? '').trim());
    return m ? m[1]! : null;
  };
  const codes = rows.map(codeOf);
  if (codes.filter((c) => c !== null).length >= Math.max(2, rows.length / 2)) {
    return rows.map((r, i) => (isTotalRow(r.cells) ? 0 : codes[i] ? (codes[i]!.length - 1) / 2 : null));
  }
  // Indentation: distinct left edges (within 2 pt), ranked.
  const indents = rows.filter((r) => !isTotalRow(r.cells) && r.indent !== null).map((r) => r.indent!);
  if (indents.length < rows.length / 2) return null;
  const steps: number[] = [];
  for (const x of [...indents].sort((a, b) => a - b))
    if (steps.length === 0 || x - steps[steps.length - 1]! > 2) steps.push(x);
  if (steps.length < 2 || steps.length > 4) return null;
  return rows.map((r) =>
    isTotalRow(r.cells)
      ? 0
      : r.indent === null
        ? null
        : steps.findIndex((s) => Math.abs(r.indent! - s) <= 2) + 1 || null,
  );
}

/** The number in a cell, 0 for an empty cell or a dash (决算 tables leave zero cells blank); null for text. */
export function amount(cell: string | undefined): number | null {
  const t = (cell ?? '').trim();
  if (t === '' || /^[-—–－/]+$/.test(t)) return 0;
  return cellNumber(t);
}

export function written(cell: string | undefined): boolean {
  return cellNumber((cell ?? '').trim()) !== null;
}

export function decimals(cells: (string | undefined)[]): number {
  let d = 0;
  for (const c of cells) {
    const m = /\.(\d+)/.exec((c ?? '').replace(/,/g, ''));
    if (m) d = Math.max(d, m[1]!.length);
  }
  return d;
}

/** Parts agree with their total within half a unit of the last place of each figure. */
export function agrees(total: number, parts: number[], d: number): boolean {
  const slack = (parts.length + 1) * 0.5 * 10 ** -d + 1e-9 * Math.max(1, Math.abs(total));
  return Math.abs(parts.reduce((s, v) => s + v, 0) - total) <= slack;
}

export const round = (v: number, d: number) => Number(v.toFixed(d));

// ——— self-evaluation tables ———

export function isSelfEvaluation(g: Grid): boolean {
  const all = [...g.header, ...g.body.map((r) => r.cells)];
  return (
    /自评表|评分表/.test(g.title ?? '') ||
    all.some((r) => r.some((c) => /^分值$/.test(c.trim())) && r.some((c) => /^得分$/.test(c.trim())))
  );
}

/** The grid's rows with, for each, the header rows naming its columns (its segment's). */
const SEGMENTS = new WeakMap<Grid, Segments>();

export interface Segments {
  rows: string[][];
  headerOf: (r: number) => string[][];
  /** the body rows that are a segment's header (一级指标 | … | 分值 | 得分 further down the grid) */
  isHeader: boolean[];
}

export function segments(g: Grid): Segments {
  const cached = SEGMENTS.get(g);
  if (cached) return cached;
  const rows = g.body.map((r) => r.cells);
  const heads: string[][][] = [];
  const isHeader: boolean[] = [];
  let current = g.header;
  let previousWasHeader = false;
  rows.forEach((row, r) => {
    const header = isSegmentHeader(rows, r);
    // Consecutive header rows (a two-line header) name the columns together.
    if (header) current = previousWasHeader ? [...current, row] : [row];
    previousWasHeader = header;
    isHeader.push(header);
    heads.push(current);
  });
  const out = { rows, headerOf: (r: number) => heads[r]!, isHeader };
  SEGMENTS.set(g, out);
  return out;
}

/** The name of a row: its distinct text cells before the first number, 其中： taken off. */
export function labelsOf(row: string[]): string[] {
  const out: string[] = [];
  for (const c of row) {
    if (written(c)) break;
    const t = c.replace(/\s+/g, '').replace(/^其中[：:]?/, '');
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}
