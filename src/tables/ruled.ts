// Tables drawn with ruling lines: the grid the borders make, its merged cells
// (an inner border missing between two grid cells), and the text in each cell.
import { readCellNumber } from '../text/cell-number.ts';
import type { BBox } from '../schema/report.ts';
import type { Segment, TextItem } from '../pdf/types.ts';
import { cellText, piecesOf, wordsOf, type Extent, type Piece } from './chunks.ts';

/** A table before its caption and unit are known. */
export interface DraftTable {
  bbox: BBox;
  rows: string[][];
  /** null where the grid cell is covered by a merged cell that starts left of it or above it */
  cellBoxes: (BBox | null)[][];
  /** a text-aligned table's: each cell's own text extent (null where it has none of its own) */
  extents?: (Extent | null)[][];
  items: Set<TextItem>;
}

/** Lines closer than this (points) are one line; a border may stop this short of the line it meets. */
const TOL = 2;

export function ruledTables(rules: Segment[], items: TextItem[]): DraftTable[] {
  const hs = mergeCollinear(
    rules.filter((s) => Math.abs(s.y1 - s.y0) < 0.01),
    'h',
  );
  const vs = mergeCollinear(
    rules.filter((s) => Math.abs(s.x1 - s.x0) < 0.01),
    'v',
  );
  const out: DraftTable[] = [];
  for (const g of components(hs, vs)) {
    const t = readGrid(g.hs, g.vs, items);
    if (t) out.push(t);
  }
  return out;
}

function mergeCollinear(segs: Segment[], dir: 'h' | 'v'): Segment[] {
  const key = (s: Segment) => (dir === 'h' ? s.y0 : s.x0);
  const lo = (s: Segment) => (dir === 'h' ? s.x0 : s.y0);
  const hi = (s: Segment) => (dir === 'h' ? s.x1 : s.y1);
  const sorted = [...segs].sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  const out: Segment[] = [];
  for (const s of sorted) {
    // Overlapping or touching pieces on (nearly) one line: Word draws each cell's border separately.
    // Sorted by position across, so only the last few lines can be the same line.
    let same: Segment | undefined;
    for (let k = out.length - 1; k >= 0 && key(s) - key(out[k]!) <= TOL / 2; k--) {
      if (lo(s) <= hi(out[k]!) + TOL && lo(out[k]!) <= hi(s) + TOL) {
        same = out[k];
        break;
      }
    }
    // Either end may grow: a piece a little further across (sorted after) can start before the line so far.
    if (same) {
      if (dir === 'h') [same.x0, same.x1] = [Math.min(same.x0, s.x0), Math.max(same.x1, s.x1)];
      else [same.y0, same.y1] = [Math.min(same.y0, s.y0), Math.max(same.y1, s.y1)];
    } else out.push({ ...s });
  }
  return out;
}

/** Groups of horizontal and vertical lines that touch or cross. */
function components(hs: Segment[], vs: Segment[]): { hs: Segment[]; vs: Segment[] }[] {
  const parent = Array.from({ length: hs.length + vs.length }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  // Verticals sorted by x: each horizontal meets only those within its x range.
  const byX = vs.map((v, j) => ({ v, j })).sort((a, b) => a.v.x0 - b.v.x0);
  hs.forEach((h, i) => {
    let lo = 0;
    let hi = byX.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (byX[mid]!.v.x0 < h.x0 - TOL) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < byX.length && byX[k]!.v.x0 <= h.x1 + TOL; k++) {
      const { v, j } = byX[k]!;
      if (h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL) parent[find(i)] = find(hs.length + j);
    }
  });
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  const at = (root: number) => groups.get(root) ?? groups.set(root, { hs: [], vs: [] }).get(root)!;
  hs.forEach((h, i) => at(find(i)).hs.push(h));
  vs.forEach((v, j) => at(find(hs.length + j)).vs.push(v));
  return [...groups.values()].filter((g) => g.hs.length >= 2 && g.vs.length >= 1);
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b))
    if (out.length === 0 || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

/** The lines of one grid: column boundaries xs (left to right), row boundaries ys (top to bottom). */
interface Grid {
  hs: Segment[];
  vs: Segment[];
  xs: number[];
  ys: number[];
}

function readGrid(hs: Segment[], vs: Segment[], items: TextItem[]): DraftTable | null {
  const grid = gridLines(hs, vs);
  const nRows = grid.ys.length - 1;
  const nCols = grid.xs.length - 1;
  // One ruled row is a table only as a part carried over (总分 | 100 | 99.65 at the top of a page): see below.
  if (nRows < 1 || nCols < 2 || (nRows === 1 && nCols < 3)) return null;
  const anchor = anchorsOf(grid);
  const { inCell, used } = textInCells(grid, anchor, items);
  // A frame around one block of text, or an empty grid, is not a table; nor a one-row box without a number.
  if (inCell.size < 2) return null;
  if (nRows === 1 && ![...inCell.values()].some((ps) => readCellNumber(cellText(ps)) !== null)) return null;
  const { rows, cellBoxes } = cellsOf(grid, anchor, inCell);
  return { bbox: [grid.xs[0]!, grid.ys[nRows]!, grid.xs[nCols]!, grid.ys[0]!], rows, cellBoxes, items: used };
}

/** A vertical border at x between the two row boundaries (at their middle). */
function vBorderAt(vs: Segment[], x: number, yTop: number, yBottom: number): boolean {
  const mid = (yTop + yBottom) / 2;
  return vs.some((v) => Math.abs(v.x0 - x) <= TOL && v.y0 <= mid && v.y1 >= mid);
}

/** A horizontal border at y between the two column boundaries (at their middle). */
function hBorderAt(hs: Segment[], y: number, xLeft: number, xRight: number): boolean {
  const mid = (xLeft + xRight) / 2;
  return hs.some((h) => Math.abs(h.y0 - y) <= TOL && h.x0 <= mid && h.x1 >= mid);
}

function gridLines(hs: Segment[], vs: Segment[]): Grid {
  // Column boundaries from the verticals, plus the ends of the horizontals where a table has no side borders.
  let xs = distinct([...vs.map((v) => v.x0), Math.min(...hs.map((h) => h.x0)), Math.max(...hs.map((h) => h.x1))]);
  let ys = distinct([
    ...hs.map((h) => h.y0),
    Math.min(...vs.map((v) => v.y0)),
    Math.max(...vs.map((v) => v.y1)),
  ]).reverse();
  // A boundary that no row (column) has a border on is a stub, not a column (row).
  xs = xs.filter((x, k) => k === 0 || k === xs.length - 1 || ys.slice(1).some((y, r) => vBorderAt(vs, x, ys[r]!, y)));
  ys = ys.filter((y, k) => k === 0 || k === ys.length - 1 || xs.slice(1).some((x, c) => hBorderAt(hs, y, xs[c]!, x)));
  return { hs, vs, xs, ys };
}

/** Each grid cell's anchor: the top-left grid cell of the merged cell it belongs to. */
function anchorsOf({ hs, vs, xs, ys }: Grid): [number, number][][] {
  const anchor: [number, number][][] = [];
  for (let r = 0; r < ys.length - 1; r++) {
    const row: [number, number][] = [];
    for (let c = 0; c < xs.length - 1; c++) {
      if (c > 0 && !vBorderAt(vs, xs[c]!, ys[r]!, ys[r + 1]!)) row.push(row[c - 1]!);
      else if (r > 0 && !hBorderAt(hs, ys[r]!, xs[c]!, xs[c + 1]!)) row.push(anchor[r - 1]![c]!);
      else row.push([r, c]);
    }
    anchor.push(row);
  }
  return anchor;
}

/** The text pieces in each merged cell (keyed by its anchor "r,c"), and the items they come from. */
function textInCells(
  { xs, ys }: Grid,
  anchor: [number, number][][],
  items: TextItem[],
): { inCell: Map<string, Piece[]>; used: Set<TextItem> } {
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  const inCell = new Map<string, Piece[]>();
  const used = new Set<TextItem>();
  const [left, right, top, bottom] = [xs[0]!, xs[nCols]!, ys[0]!, ys[nRows]!];
  // A run written across a cell border ("分值 执行率" in one Tj) is cut into its words, each to its own cell.
  const crosses = (p: Piece) => xs.some((x, k) => k > 0 && k < nCols && x > p.x0 + 2 && x < p.x1 - 2);
  for (const p of items.flatMap(piecesOf).flatMap((p) => (crosses(p) ? wordsOf(p) : [p]))) {
    const cx = (p.x0 + p.x1) / 2;
    const cy = p.y + 0.35 * p.size; // the middle of a CJK glyph above its baseline
    if (cx < left || cx > right || cy < bottom || cy > top) continue;
    const r = ys.findIndex((y, i) => i < nRows && cy <= y && cy >= ys[i + 1]!);
    const c = xs.findIndex((x, i) => i < nCols && cx >= x && cx <= xs[i + 1]!);
    if (r < 0 || c < 0) continue;
    const key = anchor[r]![c]!.join(',');
    inCell.set(key, [...(inCell.get(key) ?? []), p]);
    used.add(p.item);
  }
  return { inCell, used };
}

/** Each grid cell's text (a merged cell's text in every grid cell it covers) and box (only at the merged cell's anchor). */
function cellsOf(
  { xs, ys }: Grid,
  anchor: [number, number][][],
  inCell: Map<string, Piece[]>,
): { rows: string[][]; cellBoxes: (BBox | null)[][] } {
  const nRows = ys.length - 1;
  const nCols = xs.length - 1;
  const rows: string[][] = [];
  const cellBoxes: (BBox | null)[][] = [];
  for (let r = 0; r < nRows; r++) {
    rows.push(anchor[r]!.map(([ar, ac]) => cellText(inCell.get(`${ar},${ac}`) ?? [])));
    cellBoxes.push(
      anchor[r]!.map(([ar, ac], c) => {
        if (ar !== r || ac !== c) return null;
        // The merged cell's full box: as far right and down as its anchor reaches.
        let c1 = c;
        while (c1 + 1 < nCols && anchor[r]![c1 + 1]![0] === ar && anchor[r]![c1 + 1]![1] === ac) c1++;
        let r1 = r;
        while (r1 + 1 < nRows && anchor[r1 + 1]![c]![0] === ar && anchor[r1 + 1]![c]![1] === ac) r1++;
        return [xs[c]!, ys[r1 + 1]!, xs[c1 + 1]!, ys[r]!] as BBox;
      }),
    );
  }
  return { rows, cellBoxes };
}
