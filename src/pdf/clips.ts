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
import type { TextItem } from './types.ts';

/** One showText: where it starts (shown page, points) and whether the clip leaves any of it visible. */
export interface TextRun {
  /** the glyphs' text, without spaces */
  text: string;
  x: number;
  y: number;
  /** the run's box: [x0, y0, x1, y1] */
  box: [number, number, number, number];
  shown: boolean;
}

type Rect = [number, number, number, number];

interface Glyph {
  width?: number;
  isSpace?: boolean;
  unicode?: string;
}

/** How close (points) an item's start must be to a run's to be that run. */
const SAME = 0.5;

/** The text runs of an operator list with their visibility under the clip; base maps user space to the shown page. */
// eslint-disable-next-line max-lines-per-function -- one walk over the graphics and text state operators
export function textRunsFromOps(
  fnArray: ArrayLike<number>,
  argsArray: unknown[],
  base: Matrix = [1, 0, 0, 1, 0, 0],
): TextRun[] {
  const runs: TextRun[] = [];
  let ctm: Matrix = base;
  let clip: Rect | null = null;
  let clipNext = false;
  const stack: { ctm: Matrix; clip: Rect | null }[] = [];
  // Text state, as pdf.js's canvas keeps it: the matrix set by Tm/BT and the offset moved since.
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let x = 0;
  let y = 0;
  let lineX = 0;
  let lineY = 0;
  let leading = 0;
  let size = 0;
  let charSpacing = 0;
  let wordSpacing = 0;
  let hScale = 1;
  let rise = 0;
  const moveTo = (dx: number, dy: number) => {
    x = lineX += dx;
    y = lineY += dy;
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ctm, clip });
        break;
      case OPS.restore: {
        const s = stack.pop();
        if (s) ({ ctm, clip } = s);
        break;
      }
      case OPS.transform:
        if (args) ctm = multiply(args as Matrix, ctm);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ctm, clip });
        const m = args?.[0] as ArrayLike<number> | null;
        if (m && m.length === 6) ctm = multiply(Array.from(m) as Matrix, ctm);
        const b = args?.[1] as ArrayLike<number> | null;
        if (b && b.length === 4)
          clip = meet(
            clip,
            boxOf(ctm, [
              [b[0]!, b[1]!],
              [b[2]!, b[3]!],
            ]),
          );
        break;
      }
      case OPS.paintFormXObjectEnd: {
        const s = stack.pop();
        if (s) ({ ctm, clip } = s);
        break;
      }
      case OPS.clip:
      case OPS.eoClip:
        clipNext = true;
        break;
      case OPS.constructPath: {
        if (!clipNext) break;
        clipNext = false;
        const data = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
        const pts = data ? pathPoints(data) : [];
        // A clip path that cannot be read leaves the clip as it was: text is hidden only on evidence.
        if (pts.length > 0) clip = meet(clip, boxOf(ctm, pts));
        break;
      }
      case OPS.beginText:
        tm = [1, 0, 0, 1, 0, 0];
        x = y = lineX = lineY = 0;
        break;
      case OPS.setTextMatrix: {
        const m = (args?.[0] ?? args) as ArrayLike<number>;
        tm = Array.from(m).slice(0, 6) as Matrix;
        x = y = lineX = lineY = 0;
        break;
      }
      case OPS.moveText:
        moveTo(Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.setLeadingMoveText:
        leading = Number(args?.[1]);
        moveTo(Number(args?.[0]), Number(args?.[1]));
        break;
      case OPS.setLeading:
        leading = -Number(args?.[0]);
        break;
      case OPS.nextLine:
        moveTo(0, leading);
        break;
      case OPS.setFont:
        size = Number(args?.[1]) || 0;
        break;
      case OPS.setCharSpacing:
        charSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setWordSpacing:
        wordSpacing = Number(args?.[0]) || 0;
        break;
      case OPS.setHScale:
        hScale = (Number(args?.[0]) || 100) / 100;
        break;
      case OPS.setTextRise:
        rise = Number(args?.[0]) || 0;
        break;
      case OPS.showText: {
        const glyphs = (args?.[0] ?? []) as (Glyph | number | null)[];
        let advance = 0;
        let text = '';
        for (const g of glyphs) {
          if (typeof g === 'number') advance -= (g * size) / 1000;
          else if (g) {
            advance += ((g.width ?? 0) * size) / 1000 + charSpacing + (g.isSpace ? wordSpacing : 0);
            text += g.unicode ?? '';
          }
        }
        advance *= hScale;
        const m = multiply(tm, ctm);
        const [sx, sy] = apply(m, x, y + rise);
        // The glyphs' em box; shown when at least half an em of it (or half the box) is inside the clip both ways.
        const box = boxOf(m, [
          [x, y + rise - 0.12 * size],
          [x + advance, y + rise + 0.88 * size],
        ]);
        const em = size * Math.hypot(m[2], m[3]);
        const shown = clip === null || visible(box, clip, em);
        runs.push({ text: text.replace(/\s+/g, ''), x: sx, y: sy, box, shown });
        x += advance;
        break;
      }
    }
  }
  return runs;
}

/**
 * The items left when those drawn only by hidden runs are dropped. An item's runs are those on its
 * baseline that start within it and whose text is in its text (pdf.js joins runs into items; two
 * runs may start at one point, a hidden one under a shown one). An item none of whose runs is
 * found is kept: text is left out only on evidence.
 */
export function withoutHidden(items: TextItem[], runs: TextRun[]): TextItem[] {
  if (runs.every((r) => r.shown)) return items;
  return items.filter((item) => {
    const lo = Math.min(item.x, item.x + item.width);
    const hi = Math.max(item.x, item.x + item.width);
    const text = item.str.replace(/\s+/g, '');
    const own = runs.filter(
      (r) =>
        r.text !== '' &&
        Math.abs(r.y - item.y) <= SAME &&
        r.x >= lo - SAME &&
        r.x < Math.max(hi - SAME, lo + SAME) &&
        text.includes(r.text),
    );
    return own.length === 0 || own.some((r) => r.shown);
  });
}

function pathPoints(data: ArrayLike<number>): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    const n = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : op === 4 ? 0 : -1;
    if (n < 0) return []; // an op not known: the path cannot be decoded
    for (let k = 0; k < n; k += 2) pts.push([data[i + k]!, data[i + k + 1]!]);
    i += n;
  }
  return pts;
}

function boxOf(m: Matrix, pts: [number, number][]): Rect {
  const xs: number[] = [];
  const ys: number[] = [];
  const corners: [number, number][] =
    pts.length === 2 ? [pts[0]!, pts[1]!, [pts[0]![0], pts[1]![1]], [pts[1]![0], pts[0]![1]]] : pts;
  for (const [px, py] of corners) {
    const [qx, qy] = apply(m, px, py);
    xs.push(qx);
    ys.push(qy);
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function meet(a: Rect | null, b: Rect): Rect {
  if (!a) return b;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/** Enough of the box inside the clip to be read: half an em, or half the box where it is smaller, across and down. */
function visible(box: Rect, clip: Rect, em: number): boolean {
  const across = Math.min(box[2], clip[2]) - Math.max(box[0], clip[0]);
  const down = Math.min(box[3], clip[3]) - Math.max(box[1], clip[1]);
  return (
    across >= 0.5 * Math.min(box[2] - box[0], em) &&
    down >= 0.5 * Math.min(box[3] - box[1], em) &&
    across > 0 &&
    down > 0
  );
}
