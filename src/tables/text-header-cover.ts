// Cover lines over a text-aligned table's header (项目名称 | …, 主管部门 | … | 实施单位 | …): their cells
// key, value, key, value in columns, and the lines of values wrapped in their cells, above or below
// the keys' line, read as the values' (text-header-rows.ts reads which lines are cover lines).
import { cellText, type Chunk, type TextLine } from './chunks.ts';
import { isInfoRow } from './headers.ts';
import { fit, overlap, type Col } from './text-columns.ts';
import { gapEms } from './text-blocks.ts';
import { addLine, newRow, type Row } from './text-rows.ts';
import { YEAR_LINE } from '../vocab/covers.ts';
import { isHeaderWord } from '../vocab/header-words.ts';

export const isCover = (line: TextLine) => isInfoRow(line.chunks.map((c) => c.text));

/** A cover line, or one whose last key's value is wrapped off it (主管部门 | 某区市场监督管理局 | 实施单位). */
export function isCoverLine(line: TextLine): boolean {
  const texts = line.chunks.map((c) => c.text);
  return isInfoRow(texts) || (texts.length > 0 && isKey(texts.at(-1)!) && isInfoRow([...texts, '—']));
}

/** The cover line as a row atop the header; the line under it joined when it holds its values' last lines. */
export function unshiftCover(header: Row[], line: TextLine, cols: Col[]): void {
  const fits = coverFits(line, cols);
  const cover = newRow(line, cols, fits);
  if (header[0] && valuesUnder(line, header[0])) {
    // Each last line in the column after its key's, as the value's first line would be (coverFits).
    const lower = header.shift()!.lines[0]!;
    const keyColumn = (c: Chunk) => Math.max(...fits[line.chunks.findLastIndex((k) => k.x1 <= c.x0)]!);
    addLine(
      cover,
      lower,
      cols,
      lower.chunks.map((c) => [Math.max(fit(c, cols)[0]!, keyColumn(c) + 1)]),
    );
  }
  header.unshift(cover);
}

/** The last line of a cover value wrapped around the cover line above it (心 under 主管部门 | … | 实施单位). */
export function coverTail(line: TextLine, up: TextLine | undefined): boolean {
  return (
    up !== undefined && isCoverLine(up) && gapEms(up, line) <= 1.6 && line.chunks.every((c) => inValuePlace(c, up))
  );
}
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
 * A cover line over a line of one row holding the last lines of its values (局 | 中心 under 某区市场
 * 监督管理 | 某区食品安全检测, the keys set in the middle between; 心 under 某区食品安全检测中 beside
 * 实施单位): less than a line apart, each chunk in a value's place the cover line leaves empty.
 */
function valuesUnder(line: TextLine, below: Row): boolean {
  if (below.lines.length !== 1) return false;
  const lower = below.lines[0]!;
  return gapEms(line, lower) <= 1.6 && !isCover(lower) && lower.chunks.every((c) => inValuePlace(c, line));
}

/**
 * A chunk in the place of a cover line's value left empty on that line: right of a key whose value
 * the line does not hold (the line's next cell another key, or none), over none of its cells, and no
 * header word.
 */
function inValuePlace(chunk: Chunk, cover: TextLine): boolean {
  const cells = cover.chunks;
  const key = cells.findLast((k) => k.x1 <= chunk.x0);
  const next = cells.find((k) => k.x0 >= chunk.x1);
  return (
    key !== undefined &&
    isKey(key.text) &&
    (next === undefined || (cells.indexOf(next) === cells.indexOf(key) + 1 && isKey(next.text))) &&
    !cells.some((k) => overlap(k, chunk) > 0) &&
    !isHeaderWord(chunk.text)
  );
}

/**
 * The columns of a cover row's values whose first lines this line's chunks are (某区食品安全检测中 over
 * the 心 beside 实施单位, the other cells centred on the two lines; 某区市场监督管理 | 某区食品安全检测
 * over 局 | 中心, cells set at the foot): less than a line above it, each chunk over a value's text.
 * Null for any other line.
 */
export function coverValueWrapped(line: TextLine, below: Row, cols: Col[]): number[][] | null {
  // The caption's （2026年度） set close over the first cover line is the caption's, not a value's first line.
  if (!isCover(below.lines[0]!) || (line.chunks.length === 1 && YEAR_LINE.test(line.chunks[0]!.text.trim())))
    return null;
  const top = below.lines.reduce((a, b) => (a.y > b.y ? a : b));
  if (gapEms(line, top) > 1.6) return null;
  const valueUnder = (chunk: Chunk) =>
    [...below.cells].find(
      ([c, ps]) => c > 0 && c < cols.length && ps.some((p) => overlap(p, chunk) > 0) && !isKey(cellText(ps)),
    )?.[0];
  const at = line.chunks.map(valueUnder);
  return at.every((c) => c !== undefined) ? at.map((c) => [c]) : null;
}
