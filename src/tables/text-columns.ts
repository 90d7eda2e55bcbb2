// Columns of a table without borders, from where its chunks of text stand:
// a block of body rows has its own columns (the x ranges its chunks cover,
// split at the gutters none crosses), and the blocks of one table are laid on
// one grid whose cell borders are where their gutters meet (unionColumns) —
// the way a spreadsheet's rows share its column edges whatever each cell's
// alignment: a funds block's amounts set right and an indicator block's names
// set left stand apart in one column, and each block alone has its gutters there.
import { readCellNumber } from '../text/cell-number.ts';
import type { Chunk, TextLine } from './chunks.ts';

export interface Col {
  x0: number;
  x1: number;
}

/** The columns of the lines' chunks (see columnsOfSorted). */
export function columnsOf(lines: TextLine[]): Col[] {
  return columnsOfSorted(sortedChunks(lines));
}

/**
 * Columns: the x ranges covered by the body rows' chunks, split where no chunk crosses a gutter of
 * half an em — or any gutter right of a chunk of the same line: two chunks of one line are two cells
 * (a number set right and the next column's text set left, a cell's padding apart) — or any gutter
 * right of a figure, on whatever line: a figure set right ends its cell, so what starts past it is the
 * next cell's (a score and a reason wrapped above and below the score's line, LibreOffice's padding
 * apart: 19 beside 个别审批环 / 节仍需压缩; a target wrapped in a narrow cell, ≥12000 人 / 次, beside
 * the actual 12860 人次 on the line between — each was one column, two cells' text in one).
 */
export function columnsOfSorted(spans: Chunk[]): Col[] {
  const cols: Col[] = [];
  let lines = new Map<number, number>(); // the last column's chunks: line (baseline) → right edge
  let members: Chunk[] = []; // the last column's chunks
  let figureEdge = false; // the last column's right edge is a figure's
  const start = (chunks: Chunk[]) => {
    cols.push({ x0: Math.min(...chunks.map((m) => m.x0)), x1: Math.max(...chunks.map((m) => m.x1)) });
    lines = new Map();
    for (const m of chunks) lines.set(m.y, Math.max(lines.get(m.y) ?? -Infinity, m.x1));
    members = chunks;
    figureEdge = chunks.some((m) => m.x1 === cols.at(-1)!.x1 && readCellNumber(m.text) !== null);
  };
  for (const s of spans) {
    const last = cols[cols.length - 1];
    const sameLine = lines.get(s.y);
    const past = last !== undefined && s.x0 >= last.x1;
    if (!last || s.x0 >= last.x1 + 0.5 * s.size || (past && (sameLine !== undefined || figureEdge))) {
      start([s]);
      continue;
    }
    // A chunk of a line the column holds already, past its chunk there: the column is two cells,
    // parted where that chunk ends, when nothing of the column crosses there (二级 names gathered
    // before 满意度指标 | 度指标 showed the gutter between the 一级 column and the 二级 one).
    if (sameLine !== undefined && s.x0 >= sameLine) {
      const stay = members.filter((m) => m.x0 < sameLine);
      if (stay.every((m) => m.x1 <= s.x0)) {
        last.x1 = Math.max(...stay.map((m) => m.x1));
        start([...members.filter((m) => m.x0 >= sameLine), s]);
        continue;
      }
    }
    if (s.x1 > last.x1) figureEdge = readCellNumber(s.text) !== null;
    else if (s.x1 === last.x1) figureEdge ||= readCellNumber(s.text) !== null;
    last.x1 = Math.max(last.x1, s.x1);
    lines.set(s.y, Math.max(sameLine ?? -Infinity, s.x1));
    members.push(s);
  }
  return cols;
}

/** The chunks of the lines sorted by x0, ties in line and chunk order (as a stable sort gives them). */
export function sortedChunks(lines: TextLine[]): Chunk[] {
  return lines.flatMap((l) => l.chunks).sort((a, b) => a.x0 - b.x0);
}

/** `more` merged into the sorted `spans`; on equal x0 the chunks already there come first. */
export function mergeSorted(spans: Chunk[], more: Chunk[]): Chunk[] {
  const add = [...more].sort((a, b) => a.x0 - b.x0);
  const out: Chunk[] = [];
  let i = 0;
  for (const c of add) {
    while (i < spans.length && spans[i]!.x0 <= c.x0) out.push(spans[i++]!);
    out.push(c);
  }
  while (i < spans.length) out.push(spans[i++]!);
  return out;
}

export function sameColumns(a: Col[], b: Col[]): boolean {
  return a.length === b.length && a.every((c, i) => c.x0 === b[i]!.x0 && c.x1 === b[i]!.x1);
}

/** Each chunk of a body line sits in exactly one column, and no two in the same. */
export function consistent(line: TextLine, cols: Col[]): boolean {
  const idx = line.chunks.map((c) => fit(c, cols));
  return idx.every((c) => c.length === 1) && new Set(idx.map((c) => c[0])).size === idx.length;
}

/**
 * The columns a chunk sits in: those whose middle it covers; a chunk narrower
 * than its column, the one it overlaps most, else the nearest (a header set
 * left while the numbers under it are set right). Empty outside the table.
 */
export function fit(chunk: Chunk, cols: Col[]): number[] {
  const covered = covering(chunk, cols);
  return covered.length > 0 ? covered : nearest(chunk, cols);
}

/** The columns whose middle the chunk covers (give or take half an em). */
export function covering(chunk: Chunk, cols: Col[]): number[] {
  const slack = 0.5 * chunk.size;
  const covered = cols.flatMap((c, i) =>
    (c.x0 + c.x1) / 2 >= chunk.x0 - slack && (c.x0 + c.x1) / 2 <= chunk.x1 + slack ? [i] : [],
  );
  // A chunk inside one column that reaches past a neighbour's middle only by the slack is still in one column.
  const inner = covered.filter((i) => overlap(chunk, cols[i]!) > 0);
  return inner.length > 0 ? inner : covered;
}

/** The column a chunk over no column's middle overlaps most, else the nearest; none outside the table. */
export function nearest(chunk: Chunk, cols: Col[]): number[] {
  const first = cols[0]!;
  const last = cols[cols.length - 1]!;
  if (chunk.x1 < first.x0 - 2 * chunk.size || chunk.x0 > last.x1 + 2 * chunk.size) return [];
  let best = 0;
  cols.forEach((c, i) => {
    if (overlap(chunk, c) > overlap(chunk, cols[best]!)) best = i;
  });
  return [best];
}

/** The x range a set of boxes covers. */
export const extentOf = (ps: { x0: number; x1: number }[]): Col => ({
  x0: Math.min(...ps.map((p) => p.x0)),
  x1: Math.max(...ps.map((p) => p.x1)),
});

export function overlap(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
}

/** The gutters between a block's columns. */
function guttersOf(cols: Col[]): Col[] {
  return cols.slice(1).map((c, i) => ({ x0: cols[i]!.x1, x1: c.x0 }));
}

/**
 * The cell borders two blocks share: where a gutter of one meets a gutter of
 * the other, the border is where both are free; a gutter of either that meets
 * none of the other's lies inside one of the other's columns, whose cells then
 * span the border (a name set over the group and name columns of the block below).
 */
function meetGutters(ours: Col[], theirs: Col[]): Col[] {
  const out: Col[] = [];
  for (const s of ours) {
    const hits = theirs.filter((g) => overlap(s, g) >= 0);
    if (hits.length === 0) out.push(s);
    for (const g of hits) out.push({ x0: Math.max(s.x0, g.x0), x1: Math.min(s.x1, g.x1) });
  }
  for (const g of theirs) if (!ours.some((s) => overlap(s, g) >= 0)) out.push(g);
  return out.sort((a, b) => a.x0 - b.x0);
}

/** A block's columns, and which of them hold numbers (in most of its rows). */
export interface BlockColumns {
  cols: Col[];
  numeric: boolean[];
}

/** The grid of several blocks: the columns between their shared borders, and where each block's columns fall on it. */
export interface UnionGrid {
  cols: Col[];
  /** for each block, for each of its columns, the first and last grid column it covers */
  spans: [number, number][][];
}

/**
 * The blocks' columns laid on one grid (see meetGutters). Each grid column's
 * extent is the part of the blocks' columns between its borders.
 */
export function unionColumns(blocks: BlockColumns[]): UnionGrid {
  if (blocks.length === 1) return { cols: blocks[0]!.cols, spans: [blocks[0]!.cols.map((_, i) => [i, i])] };
  let borders = guttersOf(blocks[0]!.cols);
  for (const b of blocks.slice(1)) borders = meetGutters(borders, guttersOf(b.cols));
  const all = blocks.flatMap((b) => b.cols);
  const bounds = [
    Math.min(...all.map((c) => c.x0)),
    ...borders.flatMap((g) => [g.x0, g.x1]),
    Math.max(...all.map((c) => c.x1)),
  ];
  let cols: Col[] = [];
  for (let i = 0; i + 1 < bounds.length; i += 2) {
    const range = { x0: bounds[i]!, x1: bounds[i + 1]! };
    const parts = all.filter((c) => overlap(c, range) > 0);
    if (parts.length > 0)
      cols.push({
        x0: Math.max(range.x0, Math.min(...parts.map((c) => c.x0))),
        x1: Math.min(range.x1, Math.max(...parts.map((c) => c.x1))),
      });
  }
  cols = joinComplements(blocks, cols);
  return { cols, spans: blocks.map((b) => b.cols.map((c) => spanOn(c, cols))) };
}

/** The first and last grid column a block's column covers. */
function spanOn(c: Col, cols: Col[]): [number, number] {
  const on = cols.flatMap((u, i) => (overlap(u, c) > 0 ? [i] : []));
  if (on.length > 0) return [on[0]!, on[on.length - 1]!];
  const mid = (c.x0 + c.x1) / 2;
  let best = 0;
  cols.forEach((u, i) => {
    if (Math.abs((u.x0 + u.x1) / 2 - mid) < Math.abs((cols[best]!.x0 + cols[best]!.x1) / 2 - mid)) best = i;
  });
  return [best, best];
}

/**
 * Two neighbouring grid columns that no block fills both of, words in the left one and numbers in
 * the right one, are one column: a spreadsheet's cell with an indicator block's names set left and
 * a funds block's amounts set right (三级指标 over 运维成本 in the cell of 实施期资金总额 | 360.00).
 * Numbers then words are two cells (a border lies between a number set right and words set left).
 */
function joinComplements(blocks: BlockColumns[], cols: Col[]): Col[] {
  const out = [...cols];
  for (let u = 0; u + 1 < out.length;) {
    const on = (k: number) =>
      blocks.flatMap((b) =>
        b.cols.flatMap((c, i) => (overlap(c, out[k]!) > 0 ? [{ b, c, numeric: b.numeric[i]! }] : [])),
      );
    const left = on(u);
    const right = on(u + 1);
    const apart =
      left.length > 0 &&
      right.length > 0 &&
      left.every((l) => !l.numeric && !right.some((r) => r.b === l.b) && overlap(l.c, out[u + 1]!) <= 0) &&
      right.every((r) => r.numeric && overlap(r.c, out[u]!) <= 0);
    if (apart) out.splice(u, 2, { x0: out[u]!.x0, x1: out[u + 1]!.x1 });
    else u++;
  }
  return out;
}
