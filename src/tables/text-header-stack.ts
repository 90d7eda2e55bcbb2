// A header whose cells wrap over several lines, each cell centred in its row
// (a 三线表 set in narrow columns): the lines of a spanning cell (基本 / 支出)
// and of the cells under it (人员 / 经费) interleave with those of cells down
// both rows (本年 / 支出 / 合计), so no line is one header row. Read instead
// as stacks: the chunks of one column standing a line apart are one cell; a
// cell centred over a run of columns with cells under it is the upper row.
import { readCellNumber } from '../text/cell-number.ts';
import type { Chunk, TextLine } from './chunks.ts';
import { isInfoRow } from './headers.ts';
import { fit, overlap, type Col } from './text-columns.ts';
import { gapEms } from './text-blocks.ts';
import { addLine, type Pitch, type Row } from './text-rows.ts';

/** At most this many lines in a stacked header (three rows of three lines and a little). */
const MAX_LINES = 10;

/** One cell's chunks, top down, and their extent. */
export interface Stack {
  chunks: Chunk[];
  x0: number;
  x1: number;
}

/**
 * The header rows read as stacks over lines[first], and the index of their top line, or null: its
 * lines stand closer than the body's rows (a cell's lines), hold no figure, caption, key：value or
 * cover line, and the stacks give two rows at most.
 */
export function stackedHeader(
  lines: TextLine[],
  first: number,
  { cols, pitch, floor }: { cols: Col[]; pitch: Pitch; floor: number },
): { rows: Row[]; top: number } | null {
  const block: TextLine[] = [];
  for (let k = first - 1; k >= floor && block.length < MAX_LINES; k--) {
    const line = lines[k]!;
    const below = block[0] ?? lines[first]!;
    const apart = block.length > 0 && line.y - below.y >= 0.85 * pitch.row;
    if (apart || gapEms(line, below) > 2.5 || !headerish(line, cols)) break;
    block.unshift(line);
  }
  if (block.length < 3) return null;
  const stacks = stacksOf(block);
  const upper = stacks.filter((s) => stacks.some((b) => b !== s && under(b, s, cols)));
  if (upper.some((s) => stacks.some((b) => b !== s && under(s, b, cols)))) return null;
  const lower = stacks.filter((s) => !upper.includes(s));
  const rows = [upper, lower].filter((row) => row.length > 0).map((row) => rowOf(row, cols));
  return { rows, top: first - block.length };
}

/** A line that may be a header's: no figure, no caption (…表), no key：value, no cover line, every chunk over the table. */
export function headerish(line: TextLine, cols: Col[]): boolean {
  return (
    !isInfoRow(line.chunks.map((c) => c.text)) &&
    line.chunks.every((c) => readCellNumber(c.text) === null && !/[：:]|表$/.test(c.text) && fit(c, cols).length > 0)
  );
}

/** The block's chunks in stacks, top down: a chunk under the last of a stack it overlaps, a line or so below it, goes on it. */
function stacksOf(block: TextLine[]): Stack[] {
  return stackChunks(
    block,
    (last, chunk) => overlap(last, chunk) > 0 && last.y > chunk.y && (last.y - chunk.y) / chunk.size <= 1.6,
  );
}

/** The block's chunks in stacks, top down: each on the first stack whose last chunk `joins` it, else a stack of its own. */
export function stackChunks(block: TextLine[], joins: (last: Chunk, chunk: Chunk) => boolean): Stack[] {
  const stacks: Stack[] = [];
  for (const line of block)
    for (const chunk of line.chunks) {
      const on = stacks.find((s) => joins(s.chunks.at(-1)!, chunk));
      if (on)
        Object.assign(on, {
          chunks: [...on.chunks, chunk],
          x0: Math.min(on.x0, chunk.x0),
          x1: Math.max(on.x1, chunk.x1),
        });
      else stacks.push({ chunks: [chunk], x0: chunk.x0, x1: chunk.x1 });
    }
  return stacks;
}

/** Does stack b stand below stack a, in a column of the run a is centred over (人员 / 经费 under 基本 / 支出)? */
function under(b: Stack, a: Stack, cols: Col[]): boolean {
  const run = centredOver(a, cols);
  if (!run || Math.max(...b.chunks.map((c) => c.y)) >= Math.min(...a.chunks.map((c) => c.y))) return false;
  const cs = fit({ ...b.chunks[0]!, x0: b.x0, x1: b.x1 }, cols);
  return cs.length > 0 && cs.every((c) => c >= run[0] && c <= run[1]);
}

/** The run of two or more columns (not all) whose figures a stack is centred over, within an em. */
function centredOver(s: Stack, cols: Col[]): [number, number] | null {
  const size = s.chunks[0]!.size;
  const mid = (s.x0 + s.x1) / 2;
  for (let from = 0; from < cols.length; from++)
    for (let to = from + 1; to < cols.length; to++) {
      if (from === 0 && to === cols.length - 1) continue;
      if (Math.abs((cols[from]!.x0 + cols[to]!.x1) / 2 - mid) <= size) return [from, to];
    }
  return null;
}

/** A header row of stacks: each stack's lines in the column its extent fits. */
function rowOf(stacks: Stack[], cols: Col[]): Row {
  const row: Row = { lines: [], cells: new Map(), covered: new Set() };
  for (const s of stacks) {
    const cs = fit({ ...s.chunks[0]!, x0: s.x0, x1: s.x1 }, cols);
    for (const chunk of s.chunks) addLine(row, { y: chunk.y, size: chunk.size, chunks: [chunk] }, cols, [cs]);
  }
  return row;
}
