// Header cells merged down two header rows, their text set in the middle of
// their height (a word processor's default, 垂直居中 in a sheet): their line
// stands halfway between the upper row's line and the lower row's, so the
// three lines look like one row to a reader that joins lines less than a line
// apart — and the upper row's spanning header (基本支出 over 人员经费 |
// 公用经费) became the first line of the cell under it (基本支出人员经费).
import type { TextLine } from './chunks.ts';
import type { Pitch, Row } from './text-rows.ts';
import { fit, type Col } from './text-columns.ts';

/** Where a header line's chunks are placed: a column for each, or more for one that spans. */
export type PlaceLine = (line: TextLine) => number[][];
const disjoint = (a: Set<number>, b: Set<number>) => [...a].every((c) => !b.has(c));

/**
 * The lines of a header under `line` whose upper one stands in the middle: a row of two lines (the
 * middle line joined to the lower one, less than a line above it), or two rows of one line each.
 */
export function middleBelow(header: Row[]): { mid: TextLine; lower: TextLine; rows: 1 | 2 } | null {
  const [first, second] = header;
  if (first?.lines.length === 2) return { lower: first.lines[0]!, mid: first.lines[1]!, rows: 1 };
  if (first?.lines.length === 1 && second?.lines.length === 1)
    return { mid: first.lines[0]!, lower: second.lines[0]!, rows: 2 };
  return null;
}

/**
 * `line` over a middle line halfway between it and a lower line, all three within a body row's
 * pitch: the middle line's cells span two rows, `line` is the upper row with them and the lower
 * line a row of its own — when `line` and `mid` share no column, nor `mid` and the lower line,
 * and `line` is no first line of the lower line's cells: the lower line has a cell in a column
 * `line` does not name, or a cell of `line` heads two or more of the lower line's.
 */
export function standsOverMiddle(
  [line, mid, lower]: [TextLine, TextLine, TextLine],
  place: PlaceLine,
  pitch: Pitch,
): boolean {
  const up = line.y - mid.y;
  const down = mid.y - lower.y;
  const size = Math.max(line.size, mid.size, lower.size);
  if (down < 0.3 * size || Math.abs(up - down) > 0.25 * size) return false;
  // Within a body row's pitch, or two and a half lines where the rows are set tight (OCR'd lines stand closer).
  if (line.y - lower.y > Math.max(pitch.row > 0 ? 1.25 * pitch.row : 0, 2.5 * size)) return false;
  const [top, middle, bottom] = [line, mid, lower].map((l) => new Set(place(l).flat())) as [
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (!disjoint(top, middle) || !disjoint(middle, bottom)) return false;
  const unnamed = [...bottom].some((c) => !top.has(c));
  const heads = place(line).some((cs) => cs.filter((k) => bottom.has(k)).length >= 2);
  return unnamed || heads;
}

/**
 * `line`, one chunk, is the last line of a header cell wrapped over two (科目编 | 码) whose first line
 * stands over it with the header's other cells set in the middle between them (`mid`): the first
 * line over the same column, the middle line in none of it, halfway between, a leading apart.
 */
export function wrapsAroundMiddle(line: TextLine, mid: TextLine, first: TextLine, cols: Col[]): boolean {
  if (line.chunks.length !== 1) return false;
  const size = Math.max(line.size, mid.size, first.size);
  const [up, down] = [first.y - mid.y, mid.y - line.y];
  if (down < 0.3 * size || Math.abs(up - down) > 0.25 * size || first.y - line.y > 1.8 * size) return false;
  const own = fit(line.chunks[0]!, cols);
  if (own.length !== 1) return false;
  const column = own[0]!;
  return (
    first.chunks.some((c) => fit(c, cols).includes(column)) && !mid.chunks.some((c) => fit(c, cols).includes(column))
  );
}
