// A piece of a line read twice: the detector sometimes gives a cell's last
// character, or a part of it, a small box of its own inside the box of the
// whole cell (年度预算 and 算 again over its right end; 分值 and 直, the right
// half of 值), and the echo would stand as a cell of its own. A line whose box
// lies mostly within the box of a line of more characters is that line's echo.
import type { OcrLine } from '../types.ts';

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
