// A header read as its cells, not its lines (wrapped or not): each cell's lines
// (a stack: the lines of one cell start where it starts, set left, or are
// centred where it is centred, each a line under the last) and the cells that
// head others. Where the cells no other stands under (the leaves) are as many
// as the body's columns and stand left to right one over each, they take the
// columns in order — whatever the figures' alignment says. A header set left
// over figures of one width (nothing tells that they are set right) lies nearer
// the figures on its left, and read line by line its cells' wrapped lines were
// put a column left and joined with the next cell's (因公出国（境合计）费), and a
// group header 公务用车购置及运行费 over 小计 | 购置费 | 运行费 laid over the wrong
// columns: figures named after the next column.
import type { Piece, TextLine } from './chunks.ts';
import { extentOf, overlap, type Col } from './text-columns.ts';
import { gapEms } from './text-blocks.ts';
import { headerish, stackChunks, type Stack } from './text-header-stack.ts';
import { addLine, type Pitch, type Row } from './text-rows.ts';

/** At most this many lines in the header (two rows of cells wrapped over three lines, a subtitle above). */
const MAX_LINES = 12;
/** A cell's lines stand closer than the body's rows; two header rows (基本支出 over 人员经费, set left alike) as far apart. */
const WRAP_PITCH = 0.92;

/**
 * The header over lines[first] read by its cells, and the index of its top line, or null: every
 * cell that stands over others heading a run of two or more of them, the leaves one to a column (a
 * header of one line too: 本年预算数 set left where 上年预算数's figures end, the 合计 row's bold
 * figures reaching as far, put by nearness in 上年预算数's column). Of the lines above the body that may be a header's, the
 * most that read so, leaving out only top lines that are no cell's first line (a subtitle over the
 * whole table heads no run): a header cut short of its top lines is misread.
 */
export function leafHeader(
  lines: TextLine[],
  first: number,
  { floor, cols, pitch }: { floor: number; cols: Col[]; pitch: Pitch },
): { rows: Row[]; top: number; cells: Piece[][] } | null {
  const block: TextLine[] = [];
  for (let k = first - 1; k >= floor && block.length < MAX_LINES; k--) {
    const line = lines[k]!;
    if (gapEms(line, block[0] ?? lines[first]!) > 2.5 || !headerish(line, cols)) break;
    block.unshift(line);
  }
  // A top line of one chunk with no line under it (a subtitle, （2026年度）) may be left out, no other: a header cut short is misread.
  for (let top = 0; top < block.length; top++) {
    const stacks = stacksOf(block.slice(top), pitch);
    const rows = readLeaves(stacks, cols);
    if (rows)
      return { rows, top: first - block.length + top, cells: stacks.map((t) => t.chunks.flatMap((c) => c.pieces)) };
    if (block[top]!.chunks.length > 1 || stacks.some((t) => t.chunks[0]!.y === block[top]!.y && t.chunks.length > 1))
      return null;
  }
  return null;
}

/**
 * The block's chunks in stacks, top down: a chunk goes on the stack whose last chunk stands less than
 * 1.8 ems and less than a body row above it, and starts where it starts (set left: the same padding;
 * it may be wider, 结余 over ⑥=③-⑤ that cannot break), or, no wider, starts or is centred within
 * half an em of where it does. Mere overlap is not enough: a group's last line (行费, centred) stands
 * as near over the first line of a sub-header set left (公务用) as a cell's lines stand to each other.
 */
function stacksOf(block: TextLine[], pitch: Pitch): Stack[] {
  const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  return stackChunks(block, (last, chunk) => {
    const near = 0.5 * chunk.size;
    return (
      last.y > chunk.y &&
      (last.y - chunk.y) / chunk.size <= 1.8 &&
      (pitch.row === 0 || last.y - chunk.y < WRAP_PITCH * pitch.row) &&
      (Math.abs(last.x0 - chunk.x0) <= 0.15 * chunk.size ||
        (chunk.x1 - chunk.x0 <= last.x1 - last.x0 + near &&
          (Math.abs(last.x0 - chunk.x0) <= near || Math.abs(mid(last) - mid(chunk)) <= near)))
    );
  });
}

const top = (s: Stack) => Math.max(...s.chunks.map((c) => c.y));
const bottom = (s: Stack) => Math.min(...s.chunks.map((c) => c.y));

/**
 * The header rows the stacks make, or null. Leaves (no stack under them, below and overlapping)
 * left to right, apart, one over each column (it ends past the figures on its left and starts before
 * those on its right). Each other stack heads a run of two or more leaves, not all: those it is
 * centred over (a column taken as its figures and its leaf), else — set left — those it overlaps. Upper
 * row: the heads and the leaves no head is over (cells merged down both rows); lower row: the rest.
 */
function readLeaves(stacks: Stack[], cols: Col[]): Row[] | null {
  const under = (b: Stack, a: Stack) => b !== a && top(b) < bottom(a) && overlap(b, a) > 0;
  const leaves = stacks.filter((a) => !stacks.some((b) => under(b, a))).sort((a, b) => a.x0 - b.x0);
  if (leaves.length !== cols.length) return null;
  for (let i = 0; i < leaves.length; i++) {
    const leaf = leaves[i]!;
    if (i > 0 && leaf.x0 <= leaves[i - 1]!.x1) return null;
    if ((i > 0 && leaf.x1 <= cols[i - 1]!.x1) || (i + 1 < cols.length && leaf.x0 >= cols[i + 1]!.x0)) return null;
  }
  const extent = (c: number) => extentOf([cols[c]!, leaves[c]!]);
  const heads = stacks.filter((s) => !leaves.includes(s));
  const runs = heads.map((h) => runOf(h, leaves, extent));
  if (runs.some((r) => r === null || r[1] - r[0] < 1 || r[1] - r[0] + 1 === cols.length)) return null;
  const upper: Row = { lines: [], cells: new Map(), covered: new Set(), spannedFrom: new Map() };
  const lower: Row = { lines: [], cells: new Map(), covered: new Set() };
  heads.forEach((h, j) => {
    const [from, to] = runs[j]!;
    place(upper, h, from, cols);
    for (let c = from + 1; c <= to; c++) {
      upper.covered.add(c);
      upper.spannedFrom!.set(c, from);
    }
  });
  const headed = (c: number) => runs.some((r) => r![0] <= c && c <= r![1]);
  leaves.forEach((leaf, c) => place(headed(c) ? lower : upper, leaf, c, cols));
  return heads.length > 0 ? [upper, lower] : [upper];
}

/**
 * The run of leaves a head spans: the run it is centred over (a column taken as its figures and its
 * leaf) within a quarter of an em; else, set left (it starts where a leaf under it starts, its padding
 * the same, and wider than it: 结余 over the wider ⑥=③-⑤ is one cell's lines), from that
 * leaf on over the leaves beside it set as low as those under it (the lower row's: a cell merged down
 * both rows and set in their middle stands higher); else a run it is centred over within an em; else
 * none (a head that is neither is not understood, and the header is read line by line).
 */
function runOf(h: Stack, leaves: Stack[], extent: (c: number) => Col): [number, number] | null {
  const size = h.chunks[0]!.size;
  const over = leaves.flatMap((l, c) => (overlap(l, h) > 0 ? [c] : []));
  if (over.length === 0) return null;
  const centred = centredRun(h, leaves, extent);
  if (centred && centred[2] <= 0.25 * size) return [centred[0], centred[1]];
  const first = leaves[over[0]!]!;
  if (Math.abs(first.x0 - h.x0) <= 0.15 * size && h.x1 - h.x0 > first.x1 - first.x0 + 0.5 * size) {
    const low = over.reduce((n, c) => n + middle(leaves[c]!), 0) / over.length;
    let to = over[over.length - 1]!;
    while (
      to + 1 < leaves.length &&
      overlap(leaves[to + 1]!, h) <= 0 &&
      Math.abs(middle(leaves[to + 1]!) - low) <= 0.25 * size
    )
      to++;
    return [over[0]!, to];
  }
  return centred && centred[2] <= size ? [centred[0], centred[1]] : null;
}

/** The run of two or more leaves, one of them under the head, whose middle is nearest the head's (a point either way: the narrower), and how far off. */
function centredRun(h: Stack, leaves: Stack[], extent: (c: number) => Col): [number, number, number] | null {
  const mid = (h.x0 + h.x1) / 2;
  let best: [number, number, number] | null = null;
  for (let from = 0; from < leaves.length; from++)
    for (let to = from + 1; to < leaves.length; to++) {
      if (!leaves.slice(from, to + 1).some((l) => overlap(l, h) > 0)) continue;
      const off = Math.abs((extent(from).x0 + extent(to).x1) / 2 - mid);
      // Equally centred over a run and a wider one (columns of one width): the narrower, the cells right under it.
      const wider = best !== null && to - from < best[1] - best[0];
      if (!best || off < best[2] - 1 || (off <= best[2] + 1 && wider)) best = [from, to, off];
    }
  return best;
}

/** A stack's height middle. */
const middle = (s: Stack) => (top(s) + bottom(s)) / 2;

/** A stack's lines into a row, all in column c. */
function place(row: Row, s: Stack, c: number, cols: Col[]): void {
  for (const chunk of s.chunks) addLine(row, { y: chunk.y, size: chunk.size, chunks: [chunk] }, cols, [[c]]);
}

/**
 * Does a header read line by line misread the cells its stacks are: one of its cells holds lines of
 * two (因公出国（境合计）费: 合计 and the cell beside it), or one cell's lines stand in two of its cells
 * (公务用车购 over 运行费's column, 置费 under 小计's; 上年预算 a row over 数)? Where it reads each
 * whole, it stands.
 */
export function splitsCells(header: Row[], cells: Piece[][]): boolean {
  const cellOf = new Map<Piece, number>();
  cells.forEach((ps, i) => ps.forEach((p) => cellOf.set(p, i)));
  const placed = new Map<number, string>();
  for (const [r, row] of header.entries())
    for (const [c, ps] of row.cells) {
      const ids = new Set(ps.flatMap((p) => (cellOf.has(p) ? [cellOf.get(p)!] : [])));
      if (ids.size > 1) return true;
      for (const id of ids) {
        if (placed.has(id) && placed.get(id) !== `${r}:${c}`) return true;
        placed.set(id, `${r}:${c}`);
      }
    }
  return false;
}
