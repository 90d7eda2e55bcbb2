// What a table's body says of its columns that places header words (text-header-rows.ts): which
// hold no figures (the row names), and which have their figures set right (their cells end there).
import { readCellNumber } from '../text/cell-number.ts';
import { cellText } from './chunks.ts';
import { extentOf, type Col } from './text-columns.ts';
import type { Row } from './text-rows.ts';

/** Columns whose body cells hold no number (the row names): a header placed by nearness goes there last. */
export function wordyColumns(rows: Row[], cols: Col[]): Set<number> {
  return new Set(
    cols.flatMap((_, c) => (rows.some((r) => readCellNumber(cellText(r.cells.get(c) ?? [])) !== null) ? [] : [c])),
  );
}

/**
 * Columns whose figures are set right: their right edges one, their left edges not — and, where a
 * column's figures are all of one width (260.30 down the column) and say nothing, as the table's
 * other figure columns are set (a sheet sets every figure right). Such a column's cell ends where its
 * figures end, so a header that starts past that edge names a column further right (a spreadsheet's
 * header set left in a wide cell stands nearer the figures on its left).
 */
export function setRightColumns(rows: Row[], cols: Col[]): Set<number> {
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  const sets = cols.map((_, c) => {
    const figures = rows
      .map((r) => r.cells.get(c) ?? [])
      .filter((ps) => ps.length > 0 && readCellNumber(cellText(ps)) !== null)
      .map(extentOf);
    if (figures.length === 0) return 'none';
    const [left, right] = [spread(figures.map((f) => f.x0)), spread(figures.map((f) => f.x1))];
    if (left < 2 && right < 2) return 'unknown';
    return right <= 1 && left >= 2 ? 'right' : 'other';
  });
  const known = sets.filter((s) => s === 'right' || s === 'other');
  const allRight = known.length > 0 && known.every((s) => s === 'right');
  return new Set(sets.flatMap((s, c) => (s === 'right' || (allRight && s === 'unknown') ? [c] : [])));
}

/**
 * The right edge the figures of each column set right share: where its cell ends. The figures' own,
 * not the grid column's: on a grid shared by two blocks the other block's lines (≥90% in a wider
 * glyph) may reach further right, up to where the next cell's header starts (占比 two points past
 * 120.00 was put with 年度资金总额, and the amounts under 年度资金总额占比 read as percentages).
 */
export function figureEdges(rows: Row[], cols: Col[], setRight: ReadonlySet<number>): Map<number, number> {
  return new Map(
    [...setRight].map((c) => {
      const ends = rows
        .map((r) => r.cells.get(c) ?? [])
        .filter((ps) => ps.length > 0 && readCellNumber(cellText(ps)) !== null)
        .map((ps) => extentOf(ps).x1);
      return [c, ends.length > 0 ? Math.max(...ends) : cols[c]!.x1];
    }),
  );
}

/** What the body says of its columns that places header words: which hold no figures, which are set right (and where their figures end). */
export interface BodyColumns {
  wordy: ReadonlySet<number>;
  setRight: ReadonlySet<number>;
  edges?: ReadonlyMap<number, number>;
}
