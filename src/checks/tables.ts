// Reading tables for the checks: which columns are numbers, which row is the total.
import { readCellNumber } from '../text/cell-number.ts';
import { columnHeader, headerRowsByRow } from '../tables/headers.ts';
import type { Table } from '../schema/report.ts';
import { TOTAL_ROW_START } from '../vocab/concepts.ts';

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

/** The index of the first row whose cells hold numbers: the rows above are the header. */
export function bodyStart(table: Table): number {
  const i = table.rows.findIndex((r) => r.some((c) => cellNumber(c) !== null));
  return i < 0 ? table.rows.length : i;
}

export function totalRowIndex(table: Table): number {
  return table.rows.findIndex(
    (r) => TOTAL_ROW_START.test((r[0] ?? '').trim()) || TOTAL_ROW_START.test((r[1] ?? '').trim()),
  );
}

export function decimalsOf(cell: string): number {
  return readCellNumber(cell)?.decimals ?? 0;
}

/** For each row, the header rows naming its columns (see tables/headers.ts); header rows get none. */
export function headersByRow(table: Table): number[][] {
  return headerRowsByRow(table.rows, bodyStart(table));
}

/** Row r's name for column c: its header cells joined, as table facts name it. */
export function columnName(table: Table, headers: number[][], r: number, c: number): string {
  return columnHeader(
    (headers[r] ?? []).map((h) => table.rows[h]!),
    c,
  );
}
