// Text the page draws where its clip hides it. Report systems that split a
// merged table cell over two pages write the whole cell's text on both and
// clip each part to its piece of the cell: on the second page the project's
// name and amounts land over the header, unseen in any viewer but present in
// the text layer (pdf.js's text content knows nothing of clips), and were read
// into the header cells. Walking the operator list, every text run (one
// showText) gets its box in the shown page and whether enough of it lies
// inside the clip in force to be read; a text item is hidden when the runs
// that draw it are.
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, multiply, type Matrix } from './display.ts';
import { boxOf, walkOps, type Rect } from './ops-walk.ts';
import type { TextItem } from './types.ts';

/** One showText: where it starts (shown page, points) and whether the clip leaves enough of it visible to be read. */
export interface TextRun {
  /** the glyphs' text, without spaces */
  text: string;
  x: number;
  y: number;
  /** the run's box: [x0, y0, x1, y1] */
  box: Rect;
  shown: boolean;
}

interface Glyph {
  width?: number;
  isSpace?: boolean;
  unicode?: string;
}

/** How close (points) an item's start must be to a run's to be that run. */
const SAME = 0.5;

/** The text runs of an operator list with their visibility under the clip; base maps user space to the shown page. */
export function textRunsFromOps(
  fnArray: ArrayLike<number>,
  argsArray: unknown[],
  base: Matrix = [1, 0, 0, 1, 0, 0],
): TextRun[] {
  const runs: TextRun[] = [];
  const text = new TextState();
  walkOps(fnArray, argsArray, base, {
    other(fn, args, ctm, clip) {
      if (fn !== OPS.showText) text.apply(fn, args);
      else runs.push(text.show((args?.[0] ?? []) as (Glyph | number | null)[], ctm, clip));
    },
  });
  return runs;
}

/** The text state as pdf.js's canvas keeps it: the matrix set by Tm (or BT) and the offset moved since. */
class TextState {
  private tm: Matrix = [1, 0, 0, 1, 0, 0];
  private x = 0;
  private y = 0;
  private lineX = 0;
  private lineY = 0;
  private leading = 0;
  private size = 0;
  private charSpacing = 0;
  private wordSpacing = 0;
  private hScale = 1;
  private rise = 0;

  apply(fn: number, args: unknown[] | null): void {
    const a = (k: number) => Number(args?.[k]) || 0;
    if (fn === OPS.beginText) this.setMatrix([1, 0, 0, 1, 0, 0]);
    else if (fn === OPS.setTextMatrix)
      this.setMatrix(Array.from((args?.[0] ?? args) as ArrayLike<number>).slice(0, 6) as Matrix);
    else if (fn === OPS.moveText) this.move(a(0), a(1));
    else if (fn === OPS.setLeadingMoveText) {
      this.leading = a(1);
      this.move(a(0), a(1));
    } else if (fn === OPS.setLeading) this.leading = -a(0);
    else if (fn === OPS.nextLine) this.move(0, this.leading);
    else if (fn === OPS.setFont) this.size = a(1);
    else if (fn === OPS.setCharSpacing) this.charSpacing = a(0);
    else if (fn === OPS.setWordSpacing) this.wordSpacing = a(0);
    else if (fn === OPS.setHScale) this.hScale = (a(0) || 100) / 100;
    else if (fn === OPS.setTextRise) this.rise = a(0);
  }

  /** One showText: its run, and the text position moved past it. */
  show(glyphs: (Glyph | number | null)[], ctm: Matrix, clip: Rect | null): TextRun {
    const { size } = this;
    let advance = 0;
    let text = '';
    for (const g of glyphs) {
      if (typeof g === 'number') advance -= (g * size) / 1000;
      else if (g) {
        advance += ((g.width ?? 0) * size) / 1000 + this.charSpacing + (g.isSpace ? this.wordSpacing : 0);
        text += g.unicode ?? '';
      }
    }
    advance *= this.hScale;
    const m = multiply(this.tm, ctm);
    const y = this.y + this.rise;
    const [sx, sy] = apply(m, this.x, y);
    // The glyphs' em box; shown when at least half an em of it (or half the box) is inside the clip both ways.
    const box = boxOf(m, [
      [this.x, y - 0.12 * size],
      [this.x + advance, y + 0.88 * size],
    ]);
    const em = size * Math.hypot(m[2], m[3]);
    this.x += advance;
    return { text: text.replace(/\s+/g, ''), x: sx, y: sy, box, shown: clip === null || visible(box, clip, em) };
  }

  private setMatrix(m: Matrix): void {
    this.tm = m;
    this.x = this.y = this.lineX = this.lineY = 0;
  }

  private move(dx: number, dy: number): void {
    this.x = this.lineX += dx;
    this.y = this.lineY += dy;
  }
}

/**
 * The items left when those drawn only by hidden runs are dropped. An item's runs are those on its
 * baseline that start within it and whose text is in its text (pdf.js joins runs into items; two
 * runs may start at one point, a hidden one under a shown one). An item none of whose runs is
 * found is kept: text is left out only on evidence.
 */
export function withoutHidden(items: TextItem[], runs: TextRun[]): TextItem[] {
  if (runs.every((r) => r.shown)) return items;
  // Runs by baseline, to the point: an item looks only at the runs on its own line and the next points.
  const byLine = new Map<number, TextRun[]>();
  for (const r of runs) {
    if (r.text === '') continue;
    const key = Math.round(r.y);
    byLine.set(key, [...(byLine.get(key) ?? []), r]);
  }
  return items.filter((item) => {
    const lo = Math.min(item.x, item.x + item.width);
    const hi = Math.max(item.x, item.x + item.width);
    const text = item.str.replace(/\s+/g, '');
    const key = Math.round(item.y);
    const own = [key - 1, key, key + 1].flatMap((k) =>
      (byLine.get(k) ?? []).filter(
        (r) =>
          Math.abs(r.y - item.y) <= SAME &&
          r.x >= lo - SAME &&
          r.x < Math.max(hi - SAME, lo + SAME) &&
          text.includes(r.text),
      ),
    );
    return own.length === 0 || own.some((r) => r.shown);
  });
}

/** Enough of the box inside the clip to be read: half an em, or half the box where it is smaller, across and down. */
function visible(box: Rect, clip: Rect, em: number): boolean {
  const across = Math.min(box[2], clip[2]) - Math.max(box[0], clip[0]);
  const down = Math.min(box[3], clip[3]) - Math.max(box[1], clip[1]);
  return (
    across > 0 &&
    down > 0 &&
    across >= 0.5 * Math.min(box[2] - box[0], em) &&
    down >= 0.5 * Math.min(box[3] - box[1], em)
  );
}
