// Whether the words atop the next page can be the rest of the row cut above them (carry.ts,
// mendSplitRows): a cell goes on to the next line only when its next word does not fit on its
// line, so a cell whose last line ends short of its column's widest line by more than that word
// (政策知晓度 in a column of 扶持农民专业合作社, 持续优化 beside 控制在13004.25元以内) was not cut:
// the words under it start a row of their own (居民健康水平 | 健全 | 健全), two indicators whose
// targets are words, one under the other.
import type { Extent } from './chunks.ts';
import type { TableModel } from './find.ts';

/**
 * Is `fragment` (a row of `part`, laid on `head`'s columns) ruled out as the rest of head's last
 * row: in a column it fills, the last row's cell is empty or ended a word's width or more short of
 * the column's widest line (over the rows of head's last block, from row `from`, and of the part),
 * so that cell was whole? Null where the extents are not known (a ruled table).
 */
export function wholeAbove(head: TableModel, from: number, part: TableModel, fragment: number): boolean | null {
  const lastRow = head.rows.length - 1;
  const last = head.extents?.[lastRow];
  const below = part.extents?.[fragment];
  if (!last || !below) return null;
  return part.rows[fragment]!.some((cell, c) => {
    if (cell.trim() === '') return false;
    const above = last[c];
    if ((head.rows[lastRow]![c] ?? '').trim() === '') return true;
    if (!above || !below[c]) return false;
    const widest = Math.max(...columnLines(head, c, from, lastRow + 1), ...columnLines(part, c, 0, part.rows.length));
    return above[4] - above[3] + wordWidth(cell, below[c]![2]) <= widest - 0.2 * above[2];
  });
}

/** The widest lines of column c's cells in rows [from, to), cells within their column only (not one spanning more). */
function columnLines(t: TableModel, c: number, from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to; r++) {
    const e: Extent | null | undefined = t.extents?.[r]?.[c];
    const box = t.cellBoxes[r]?.[c];
    if (!e || !box || e[5] > box[2] - box[0] + 1) continue;
    out.push(e[5]);
  }
  return out;
}

/**
 * The width of a cell's first word, which did not fit on the line above: one CJK character, or a
 * run of Latin letters and figures (0.5 em each: digits and letters set half width).
 */
function wordWidth(text: string, size: number): number {
  const t = text.trim();
  const run = /^[^\s\u2000-\u9fff\uf900-\ufaff\uff00-\uffef]+/.exec(t);
  return run ? 0.5 * size * run[0].length : size;
}
