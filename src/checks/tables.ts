// Reading table cells for the checks: a cell's number, read once however often the rules ask.
import { readCellNumber } from '../text/cell-number.ts';

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
