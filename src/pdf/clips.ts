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
import { boxOf, visible, type Rect } from './boxes.ts';
import { walkOps } from './ops-walk.ts';
import type { TextRun } from './hidden.ts';

export { withoutHidden, type TextRun } from './hidden.ts';

interface Glyph {
  width?: number;
  isSpace?: boolean;
  unicode?: string;
}

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
