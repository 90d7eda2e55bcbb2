// Cover lines over a text-aligned table's header (项目名称 | …, 主管部门 | … | 实施单位 | …): their cells
// key, value, key, value in columns, and the lines of values wrapped in their cells, above or below
// the keys' line, read as the values' (text-header-rows.ts reads which lines are cover lines).
import { cellText, type Chunk, type TextLine } from './chunks.ts';
import { isInfoRow } from './headers.ts';
import { fit, overlap, type Col } from './text-columns.ts';
import { gapEms } from './text-blocks.ts';
import type { Row } from './text-rows.ts';
import { isHeaderWord } from '../vocab/header-words.ts';

export const isCover = (line: TextLine) => isInfoRow(line.chunks.map((c) => c.text));
/** A cover line's key (主管部门, 实施单位 …): a cell that makes a cover line with any value after it. */
const isKey = (text: string) => isInfoRow([text, '—']);

/**
 * A cover line's cells in columns, key, value, key, value, each right of the one before: a value
 * wrapped in a narrow cell (某区食品安全检测中 | 心) leaves its last line in the gutter, nearer the
 * key's column than its own, and the key and the value became one cell (实施单位心).
 */
export function coverFits(line: TextLine, cols: Col[]): number[][] {
  let last = -1;
  return line.chunks.map((chunk) => {
    let f = fit(chunk, cols);
    if (f.length > 0 && f[0]! <= last && last + 1 < cols.length) f = [last + 1];
    last = Math.max(last, ...f);
    return f;
  });
}

/**
 * A cover line of keys only (主管部门 | 实施单位) over a line of one row holding the last lines of its
 * values (局 | 中心 under 某区市场监督管理 | 某区食品安全检测, the keys set in the middle between): less
 * than a line apart, each chunk right of a key and short of the next, no header word among them.
 */
export function valuesUnder(line: TextLine, below: Row): boolean {
  const keys = line.chunks;
  if (below.lines.length !== 1 || !keys.every((k) => isKey(k.text))) return false;
  const lower = below.lines[0]!;
  if (gapEms(line, lower) > 1.6 || isCover(lower)) return false;
  return lower.chunks.every((c, i) => {
    const key = keys.findLast((k) => k.x1 <= c.x0);
    const next = keys.find((k) => k.x0 >= c.x1);
    return (
      key !== undefined &&
      (next === undefined || keys.indexOf(next) === keys.indexOf(key) + 1) &&
      !isHeaderWord(lower.chunks[i]!.text)
    );
  });
}

/** The cells and lines of `from` added to `row`. */
export function joinRow(row: Row, from: Row): void {
  for (const [c, ps] of from.cells) row.cells.set(c, [...(row.cells.get(c) ?? []), ...ps]);
  row.lines.push(...from.lines);
}

/**
 * The columns of a cover row's values whose first lines this line's chunks are (某区食品安全检测中 over
 * the 心 beside 实施单位, the other cells centred on the two lines; 某区市场监督管理 | 某区食品安全检测
 * over 局 | 中心, cells set at the foot): less than a line above it, each chunk over a value's text.
 * Null for any other line.
 */
export function coverValueWrapped(line: TextLine, below: Row, cols: Col[]): number[][] | null {
  if (!isCover(below.lines[0]!)) return null;
  const top = below.lines.reduce((a, b) => (a.y > b.y ? a : b));
  if (gapEms(line, top) > 1.6) return null;
  const valueUnder = (chunk: Chunk) =>
    [...below.cells].find(
      ([c, ps]) => c > 0 && c < cols.length && ps.some((p) => overlap(p, chunk) > 0) && !isKey(cellText(ps)),
    )?.[0];
  const at = line.chunks.map(valueUnder);
  return at.every((c) => c !== undefined) ? at.map((c) => [c]) : null;
}
