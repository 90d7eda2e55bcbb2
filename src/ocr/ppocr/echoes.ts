// A piece of a line read twice: the detector sometimes gives a cell's last
// character, or a part of it, a small box of its own inside the box of the
// whole cell (年度预算 and 算 again over its right end; 分值 and 直, the right
// half of 值), and the echo would stand as a cell of its own. A line whose box
// lies mostly within the box of a line of more characters is that line's echo.
import type { OcrLine } from '../types.ts';
import type { Box } from './det.ts';
import type { ReadChar, ReadLine } from './rec.ts';

/** Share of the smaller box's area that must lie inside the larger one. */
const INSIDE = 0.7;

export function withoutEchoes(lines: OcrLine[]): OcrLine[] {
  const text = (l: OcrLine) => l.words.map((w) => w.text).join('');
  const area = (b: OcrLine['bbox']) => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);
  const overlap = (a: OcrLine['bbox'], b: OcrLine['bbox']) =>
    area({ x0: Math.max(a.x0, b.x0), y0: Math.max(a.y0, b.y0), x1: Math.min(a.x1, b.x1), y1: Math.min(a.y1, b.y1) });
  return lines.filter(
    (l) =>
      !lines.some(
        (o) => o !== l && text(o).length > text(l).length && overlap(l.bbox, o.bbox) >= INSIDE * area(l.bbox),
      ),
  );
}

/**
 * Two boxes side by side that overlap read the same characters twice: the one box runs
 * on into its neighbour (财政拨款收入 with 事 of 事业收入 after it). Characters at the end
 * of a read box that the next box on the line reads too, at the same place, are left to
 * it (a box inside another is an echo, withoutEchoes' case).
 */
export function withoutOverlaps(read: ReadLine[]): ReadLine[] {
  const sameLine = (a: Box, b: Box) =>
    Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) >= 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0);
  return read.map((r) => {
    const h = r.box.y1 - r.box.y0;
    const next = read.filter((o) => o !== r && sameLine(o.box, r.box) && o.box.x0 > r.box.x0 && o.box.x1 > r.box.x1);
    const readThere = (c: ReadChar) =>
      next.some((o) => c.x > o.box.x0 && o.chars.some((d) => d.ch === c.ch && Math.abs(d.x - c.x) < h / 2));
    let b = r.chars.length;
    while (b > 1 && readThere(r.chars[b - 1]!)) b--;
    return b === r.chars.length ? r : { ...r, chars: r.chars.slice(0, b) };
  });
}
