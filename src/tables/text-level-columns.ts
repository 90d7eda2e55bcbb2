// The 一级 and 二级 columns of a table without borders stand side by side with a
// gutter narrower than half an em between them when the 一级's cell is narrow
// (一级指 / 标 wrapped, 产出指 / 标): the body's chunks alone run them into one
// column, 一级指标二级指标 its header, the 二级 names lost in the 一级's cells.
// Where the header sets a level's name (二级指标) inside a column and no chunk
// crosses its left edge — nor a chunk of the rows above the header that the
// table's grid shares (a funds block's 其中：本年财政拨款) — the column is two.
import type { Chunk } from './chunks.ts';
import type { Col } from './text-columns.ts';

/** The columns split at the left edge of each level name standing inside one, where no chunk crosses it. */
export function splitAtLevelNames(cols: Col[], chunks: Chunk[], names: Chunk[], above: Chunk[]): Col[] {
  let out = cols;
  for (const name of names) {
    const x = name.x0;
    const i = out.findIndex((c) => c.x0 < x - 1 && c.x1 > x);
    if (i < 0) continue;
    const col = out[i]!;
    const inside = chunks.filter((c) => c.x0 >= col.x0 - 1 && c.x1 <= col.x1 + 1);
    if ([...inside, ...above].some((c) => c.x0 < x - 1 && c.x1 > x + 1)) continue;
    const left = inside.filter((c) => c.x1 <= x + 1);
    if (left.length === 0) continue;
    const x1 = Math.max(...left.map((c) => c.x1));
    out = [...out.slice(0, i), { x0: col.x0, x1 }, { x0: x, x1: col.x1 }, ...out.slice(i + 1)];
  }
  return out;
}
