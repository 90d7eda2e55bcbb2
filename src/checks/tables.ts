// The report's tables as the table rules read them: each table's body rows
// (below its header, without the headers repeated on later pages), its
// columns' names, and whether it may go on past its last page. The structure
// itself — parts joined, header rows, segments, column paths, row roles and
// levels — is the report's (tables/structure.ts); nothing here guesses it.
// And the arithmetic of amounts as printed: a cell's number (read once
// however often the rules ask), blanks and dashes as zero, rounding slack.
import type { Table } from '../schema/report.ts';
import { columnsAt } from '../tables/reading.ts';
import { readCellNumber } from '../text/cell-number.ts';
import type { CheckInput } from './types.ts';

export interface TableRows {
  table: Table;
  /** the rows below the top header but the headers repeated atop later parts: indexes into table.rows */
  body: number[];
  /** the next table of the report starts on the page after this one's last, with as many columns: this one may go on there */
  mayContinue: boolean;
}

const TABLES = new WeakMap<CheckInput, TableRows[]>();

/** Every table of the report with its body rows, once per document. */
export function tablesOf(doc: CheckInput): TableRows[] {
  let cached = TABLES.get(doc);
  if (!cached) TABLES.set(doc, (cached = doc.tables.map((t, i) => rowsOf(t, doc.tables[i + 1]))));
  return cached;
}

function rowsOf(table: Table, next: Table | undefined): TableRows {
  const repeated = new Set<number>();
  for (const p of table.parts) for (let r = p.firstRow; r < p.firstRow + p.headerRows; r++) repeated.add(r);
  const body = table.rows.flatMap((_, r) => (r >= table.headerRows && !repeated.has(r) ? [r] : []));
  const last = table.pages[table.pages.length - 1] ?? table.page;
  const mayContinue = next !== undefined && next.page === last + 1 && next.columns.length === table.columns.length;
  return { table, body, mayContinue };
}

/** A header cell as the rules match it: its spaces taken out (项　目 → 项目). */
export const squash = (cell: string) => cell.replace(/\s+/g, '');

/** The header path of column c at row r (its segment's, or the top header's), spaces taken out. */
export function pathAt(t: Table, r: number, c: number): string[] {
  return (columnsAt(t, r)[c]?.path ?? []).map(squash).filter(Boolean);
}

/** The innermost header of column c at row r: 得分, 年初预算数. */
export function leafAt(t: Table, r: number, c: number): string {
  return pathAt(t, r, c).pop() ?? '';
}

/** A self-evaluation table: so titled, or with a 分值 and a 得分 column in one row. */
export function isSelfEvaluation(t: Table): boolean {
  return (
    /自评表|评分表/.test(t.title ?? '') ||
    t.rows.some((r) => r.some((c) => /^分值$/.test(c.trim())) && r.some((c) => /^得分$/.test(c.trim())))
  );
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

/** Cells repeat (merged cells, the same 0.00 down a column) and every table rule reads them: read each text once. */
const CELL_CACHE = new Map<string, number | null>();
export function cellNumber(cell: string | undefined): number | null {
  if (cell === undefined) return null;
  let v = CELL_CACHE.get(cell);
  if (v === undefined) {
    v = readCellNumber(cell)?.value ?? null;
    if (CELL_CACHE.size > 50_000) CELL_CACHE.clear();
    CELL_CACHE.set(cell, v);
  }
  return v;
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
