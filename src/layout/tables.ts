// Tables from ruling lines: the grid the borders draw, its merged cells, and
// the text items inside each cell. A merged cell's text is repeated in every
// grid cell it covers, so that every row has the same columns and a numeric
// cell's label can join its row and column headers. The items of a table are
// taken out of the page, so that the prose stage never reads cells as paragraphs.
import type { BBox } from '../schema/report.ts';
import type { PageText, Segment, TextItem } from '../pdf/types.ts';
import { joinPieces, tidySpaces } from '../text/cjk.ts';

export interface TableModel {
  page: number;
  bbox: BBox;
  /** the caption line above the table (部门整体支出绩效自评表), if any */
  title: string | null;
  /** a unit line above the table or in its header (单位：万元) */
  unit: string | null;
  rows: string[][];
  cellBoxes: BBox[][];
  /** true where the grid cell is covered by a merged cell that starts above or to the left */
  covered: boolean[][];
}

const TOL = 1.5;
const UNIT_LINE = /(?:金额)?单位\s*[：:]\s*(万元|元|千元|亿元|%|分|人|个)/;

/** Does the page's text fall into columns? Only then are its rules worth reading. */
export function looksTabular(page: PageText): boolean {
  const rows = new Map<number, TextItem[]>();
  for (const it of page.items) {
    if (it.str.trim() === '') continue;
    const key = Math.round(it.y / 3);
    rows.set(key, [...(rows.get(key) ?? []), it]);
  }
  let columnar = 0;
  for (const items of rows.values()) {
    items.sort((a, b) => a.x - b.x);
    let gaps = 0;
    for (let i = 1; i < items.length; i++) if (items[i]!.x - (items[i - 1]!.x + items[i - 1]!.width) > 1.5 * items[i]!.size) gaps++;
    if (gaps >= 2) columnar++;
  }
  return columnar >= 2;
}

export function findTables(page: PageText): { tables: TableModel[]; rest: PageText } {
  const rules = page.rules ?? [];
  const hs = merge(rules.filter((s) => s.y0 === s.y1), 'h');
  const vs = merge(rules.filter((s) => s.x0 === s.x1), 'v');
  const tables: TableModel[] = [];
  const used = new Set<TextItem>();
  for (const grid of grids(hs, vs)) {
    const table = readGrid(grid, page, used);
    if (table) tables.push(table);
  }
  if (tables.length === 0) return { tables, rest: page };
  const rest = page.items.filter((it) => !used.has(it));
  for (const t of tables) {
    t.title = captionAbove(t, rest);
    t.unit = unitOf(t, rest);
  }
  return { tables, rest: { ...page, items: rest } };
}

interface Grid {
  hs: Segment[];
  vs: Segment[];
  ys: number[]; // row boundaries, top to bottom
  xs: number[]; // column boundaries, left to right
}

/** Collinear overlapping segments become one. */
function merge(segs: Segment[], dir: 'h' | 'v'): Segment[] {
  const key = (s: Segment) => (dir === 'h' ? s.y0 : s.x0);
  const lo = (s: Segment) => (dir === 'h' ? s.x0 : s.y0);
  const hi = (s: Segment) => (dir === 'h' ? s.x1 : s.y1);
  const sorted = [...segs].sort((a, b) => key(a) - key(b) || lo(a) - lo(b));
  const out: Segment[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && Math.abs(key(last) - key(s)) <= TOL && lo(s) <= hi(last) + TOL) {
      if (dir === 'h') last.x1 = Math.max(last.x1, s.x1);
      else last.y1 = Math.max(last.y1, s.y1);
    } else out.push({ ...s });
  }
  return out;
}

/** Connected groups of crossing horizontal and vertical rules with at least 2 × 2 lines. */
function grids(hs: Segment[], vs: Segment[]): Grid[] {
  const n = hs.length + vs.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  hs.forEach((h, i) =>
    vs.forEach((v, j) => {
      if (v.x0 >= h.x0 - TOL && v.x0 <= h.x1 + TOL && h.y0 >= v.y0 - TOL && h.y0 <= v.y1 + TOL) parent[find(i)] = find(hs.length + j);
    }),
  );
  const groups = new Map<number, { hs: Segment[]; vs: Segment[] }>();
  hs.forEach((h, i) => {
    const g = groups.get(find(i)) ?? { hs: [], vs: [] };
    g.hs.push(h);
    groups.set(find(i), g);
  });
  vs.forEach((v, j) => {
    const g = groups.get(find(hs.length + j)) ?? { hs: [], vs: [] };
    g.vs.push(v);
    groups.set(find(hs.length + j), g);
  });
  const out: Grid[] = [];
  for (const g of groups.values()) {
    const ys = distinct(g.hs.map((h) => h.y0)).sort((a, b) => b - a);
    const xs = distinct(g.vs.map((v) => v.x0)).sort((a, b) => a - b);
    if (ys.length >= 2 && xs.length >= 2) out.push({ ...g, ys, xs });
  }
  return out;
}

function distinct(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out[out.length - 1]! > TOL) out.push(v);
  return out;
}

function readGrid(grid: Grid, page: PageText, used: Set<TextItem>): TableModel | null {
  const rowsN = grid.ys.length - 1;
  const colsN = grid.xs.length - 1;
  // Is there a border between column c and c+1 in row r? Between row r and r+1 in column c?
  const vBorder = (r: number, c: number) => {
    const x = grid.xs[c + 1]!;
    const mid = (grid.ys[r]! + grid.ys[r + 1]!) / 2;
    return grid.vs.some((v) => Math.abs(v.x0 - x) <= TOL && v.y0 <= mid && v.y1 >= mid);
  };
  const hBorder = (r: number, c: number) => {
    const y = grid.ys[r + 1]!;
    const mid = (grid.xs[c]! + grid.xs[c + 1]!) / 2;
    return grid.hs.some((h) => Math.abs(h.y0 - y) <= TOL && h.x0 <= mid && h.x1 >= mid);
  };
  // Each grid cell's anchor: the top-left grid cell of the merged cell it belongs to.
  const anchor: [number, number][][] = Array.from({ length: rowsN }, () => Array<[number, number]>(colsN));
  for (let r = 0; r < rowsN; r++) {
    for (let c = 0; c < colsN; c++) {
      if (c > 0 && !vBorder(r, c - 1)) anchor[r]![c] = anchor[r]![c - 1]!;
      else if (r > 0 && !hBorder(r - 1, c)) anchor[r]![c] = anchor[r - 1]![c]!;
      else anchor[r]![c] = [r, c];
    }
  }
  const texts = new Map<string, TextItem[]>();
  const top = grid.ys[0]!;
  const bottom = grid.ys[rowsN]!;
  const left = grid.xs[0]!;
  const right = grid.xs[colsN]!;
  for (const it of page.items) {
    const cx = it.x + it.width / 2;
    const cy = it.y + 0.35 * it.size;
    if (cx < left || cx > right || cy < bottom || cy > top) continue;
    const r = grid.ys.findIndex((y, i) => i < rowsN && cy <= y && cy >= grid.ys[i + 1]!);
    const c = grid.xs.findIndex((x, i) => i < colsN && cx >= x && cx <= grid.xs[i + 1]!);
    if (r < 0 || c < 0) continue;
    const [ar, ac] = anchor[r]![c]!;
    const key = `${ar},${ac}`;
    texts.set(key, [...(texts.get(key) ?? []), it]);
    used.add(it);
  }
  if (texts.size === 0) return null;
  const rows: string[][] = [];
  const cellBoxes: BBox[][] = [];
  const covered: boolean[][] = [];
  for (let r = 0; r < rowsN; r++) {
    const row: string[] = [];
    const boxes: BBox[] = [];
    const cov: boolean[] = [];
    for (let c = 0; c < colsN; c++) {
      const [ar, ac] = anchor[r]![c]!;
      row.push(cellText(texts.get(`${ar},${ac}`) ?? []));
      boxes.push([grid.xs[c]!, grid.ys[r + 1]!, grid.xs[c + 1]!, grid.ys[r]!]);
      cov.push(ar !== r || ac !== c);
    }
    rows.push(row);
    cellBoxes.push(boxes);
    covered.push(cov);
  }
  return { page: page.number, bbox: [left, bottom, right, top], title: null, unit: null, rows, cellBoxes, covered };
}

/** A cell's items in reading order; lines of a wrapped cell joined without spaces between Chinese. */
function cellText(items: TextItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  let text = '';
  let prev: TextItem | null = null;
  for (const it of sorted) {
    const newLine = prev !== null && Math.abs(prev.y - it.y) > 0.35 * it.size;
    const gap = prev && !newLine ? it.x - (prev.x + prev.width) > 0.2 * it.size : false;
    text = joinPieces(text, tidySpaces(it.str), newLine ? false : gap);
    prev = it;
  }
  return tidySpaces(text);
}

/** The nearest line above the table within three lines' height, if it reads as a caption. */
function captionAbove(t: TableModel, items: TextItem[]): string | null {
  const above = items
    .filter((it) => it.y > t.bbox[3] && it.y - t.bbox[3] < 4 * it.size && it.str.trim() !== '' && !UNIT_LINE.test(it.str))
    .sort((a, b) => a.y - b.y);
  const line = above[0];
  if (!line) return null;
  const text = tidySpaces(items.filter((it) => Math.abs(it.y - line.y) < 0.35 * line.size).sort((a, b) => a.x - b.x).map((it) => it.str).join(''));
  return /表|情况|指标|明细|汇总/.test(text) ? text : null;
}

function unitOf(t: TableModel, items: TextItem[]): string | null {
  for (const it of items) {
    if (it.y > t.bbox[3] && it.y - t.bbox[3] < 6 * it.size) {
      const m = UNIT_LINE.exec(it.str.replace(/\s+/g, ''));
      if (m) return m[1]!;
    }
  }
  for (const row of t.rows.slice(0, 2)) for (const cell of row) {
    const m = UNIT_LINE.exec(cell.replace(/\s+/g, ''));
    if (m) return m[1]!;
  }
  return null;
}
