// The grid of a text-aligned table (text-aligned.ts): which of a block's
// columns hold numbers (for laying the blocks on one grid), a block's row
// laid on the table's grid, and the rows as the cells and boxes of a DraftTable.
import type { BBox } from '../schema/report.ts';
import type { TextItem } from '../pdf/types.ts';
import { readCellNumber } from '../text/cell-number.ts';
import { unionBox } from '../util/geometry.ts';
import { cellText, type Extent, type Piece, type TextLine } from './chunks.ts';
import type { DraftTable } from './ruled.ts';
import { fit, type Col } from './text-columns.ts';
import type { Body } from './text-blocks.ts';
import type { Row } from './text-rows.ts';

/** Which of a block's columns hold numbers in most of the rows that fill them. */
export function numericColumns(lines: TextLine[], body: Body): boolean[] {
  const counts = body.cols.map(() => ({ numbers: 0, all: 0 }));
  for (const k of body.starters)
    for (const chunk of lines[k]!.chunks) {
      const at = counts[fit(chunk, body.cols)[0]!];
      if (!at) continue;
      at.all++;
      if (readCellNumber(chunk.text) !== null) at.numbers++;
    }
  return counts.map((c) => c.all > 0 && 2 * c.numbers >= c.all);
}

/** A row read on its block's columns, laid on the table's grid: a cell over several grid columns covers those after its first. */
export function onColumns(row: Row, spans: [number, number][]): Row {
  const out: Row = { lines: row.lines, cells: new Map(), covered: new Set() };
  for (const [c, pieces] of row.cells) {
    const [from, to] = spans[c]!;
    out.cells.set(from, pieces);
    for (let k = from + 1; k <= to; k++) out.covered.add(k);
  }
  for (const c of row.covered) {
    const [from, to] = spans[c]!;
    for (let k = from; k <= to; k++) if (!out.cells.has(k)) out.covered.add(k);
  }
  if (row.spannedDown) out.spannedDown = new Map([...row.spannedDown].map(([c, ps]) => [spans[c]![0], ps]));
  return out;
}

/** The rows' cells as a grid: each cell's text and box; a cell covered by a spanning chunk repeats its text with no box. */
export function gridOf(all: Row[], cols: Col[]): DraftTable {
  const table: string[][] = [];
  const boxes: (BBox | null)[][] = [];
  const extents: (Extent | null)[][] = [];
  const used = new Set<TextItem>();
  for (const row of all) {
    const ys = row.lines.map((l) => l.y);
    const size = Math.max(...row.lines.map((l) => l.size));
    const y0 = Math.min(...ys) - 0.25 * size;
    const y1 = Math.max(...ys) + 0.85 * size;
    const texts: string[] = [];
    const bs: (BBox | null)[] = [];
    const es: (Extent | null)[] = [];
    cols.forEach((col, c) => {
      const down = row.cells.has(c) ? undefined : row.spannedDown?.get(c);
      if (down) {
        texts.push(cellText(down));
        bs.push(null);
        es.push(null);
        return;
      }
      if (row.covered.has(c) && !row.cells.has(c)) {
        const from = row.spannedFrom?.get(c);
        texts.push(from !== undefined ? cellText(row.cells.get(from)!) : (texts[c - 1] ?? ''));
        bs.push(null);
        es.push(null);
        return;
      }
      const ps = row.cells.get(c) ?? [];
      for (const p of ps) used.add(p.item);
      texts.push(cellText(ps));
      bs.push([col.x0, y0, col.x1, y1]);
      es.push(extentOf(ps));
    });
    table.push(texts);
    boxes.push(bs);
    extents.push(es);
  }
  const flat = boxes.flat().filter((b): b is BBox => b !== null);
  const bbox: BBox = unionBox(flat)!;
  return { bbox, rows: table, cellBoxes: boxes, extents, items: used };
}

function extentOf(pieces: Piece[]): Extent | null {
  const ps = pieces.filter((p) => p.str.trim() !== '');
  if (ps.length === 0) return null;
  const ys = ps.map((p) => p.y);
  const low = Math.min(...ys);
  const lines = new Map<number, Piece[]>();
  for (const p of ps) lines.set(Math.round(p.y * 10), [...(lines.get(Math.round(p.y * 10)) ?? []), p]);
  const edges = (l: Piece[]) => [Math.min(...l.map((p) => p.x0)), Math.max(...l.map((p) => p.x1))] as const;
  const [x0, x1] = edges(lines.get(Math.round(low * 10))!);
  const widest = Math.max(...[...lines.values()].map((l) => edges(l)[1] - edges(l)[0]));
  return [low, Math.max(...ys), Math.max(...ps.map((p) => p.size)), x0, x1, widest];
}
