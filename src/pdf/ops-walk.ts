// A walk over a page's operator list keeping the graphics state that both
// ruling lines and clipped text need: the current transform and the clip (as
// the box of the clip paths met so far; a box is all that is kept, so a shape
// that is not a rectangle clips no less than its box). Form XObjects bring
// their matrix and their bounding box, which clips too.
//
// pdf.js 5+/6 packs each path into one constructPath op:
//   args = [paintOp, [Float32Array of DrawOPS], minMax | null]
// where paintOp is the operator that ended the path (OPS.stroke, OPS.fill, …,
// OPS.endPath for clips) and the data holds moveTo 0 (x y), lineTo 1 (x y),
// curveTo 2 (6 numbers), quadraticCurveTo 3 (4 numbers), closePath 4, in user
// space. A clip op (W, W*) comes just before the path it clips to.
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { boxOf, meet, type Rect } from './boxes.ts';
import { multiply, type Matrix } from './display.ts';

export { boxOf, type Rect } from './boxes.ts';

/** The colours in force, as pdf.js gives them (`#rrggbb`; gray and CMYK come converted); '' for a pattern. */
export interface Paint {
  fill: string;
  stroke: string;
}

export interface OpsVisitor {
  /** a painted path (not a clip): its paint op and data, in user space under ctm */
  path?(paint: number, data: ArrayLike<number>, ctm: Matrix, clip: Rect | null, colours: Paint): void;
  /** any other op, with the transform and clip in force (text operators) */
  other?(fn: number, args: unknown[] | null, ctm: Matrix, clip: Rect | null): void;
}

export function walkOps(fnArray: ArrayLike<number>, argsArray: unknown[], base: Matrix, visit: OpsVisitor): void {
  let ctm: Matrix = base;
  let clip: Rect | null = null;
  let clipNext = false;
  let colours: Paint = { fill: '#000000', stroke: '#000000' };
  const stack: { ctm: Matrix; clip: Rect | null; colours: Paint }[] = [];
  const push = () => stack.push({ ctm, clip, colours });
  const pop = () => {
    const s = stack.pop();
    if (s) ({ ctm, clip, colours } = s);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i]!;
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) push();
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) pop();
    else if (fn === OPS.transform) {
      if (args) ctm = multiply(args as Matrix, ctm);
    } else if (fn === OPS.setFillRGBColor) colours = { ...colours, fill: String(args?.[0] ?? '') };
    else if (fn === OPS.setStrokeRGBColor) colours = { ...colours, stroke: String(args?.[0] ?? '') };
    else if (fn === OPS.setFillColorN) colours = { ...colours, fill: '' };
    else if (fn === OPS.setStrokeColorN) colours = { ...colours, stroke: '' };
    else if (fn === OPS.paintFormXObjectBegin) {
      push();
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
    } else if (fn === OPS.clip || fn === OPS.eoClip) clipNext = true;
    else if (fn === OPS.constructPath) {
      const paint = args?.[0] as number;
      const data = (args?.[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (clipNext) {
        clipNext = false;
        const pts = data ? pathPoints(data) : [];
        // A clip path that cannot be read leaves the clip as it was: nothing is hidden without evidence.
        if (pts.length > 0) clip = meet(clip, boxOf(ctm, pts));
      }
      if (data && paint !== OPS.endPath) visit.path?.(paint, data, ctm, clip, colours);
    } else visit.other?.(fn, args, ctm, clip);
  }
}

/** Every point of a path's data (control points too), or none when an op is not known. */
function pathPoints(data: ArrayLike<number>): [number, number][] {
  const pts: [number, number][] = [];
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    const n = op === 0 || op === 1 ? 2 : op === 2 ? 6 : op === 3 ? 4 : op === 4 ? 0 : -1;
    if (n < 0) return [];
    for (let k = 0; k < n; k += 2) pts.push([data[i + k]!, data[i + k + 1]!]);
    i += n;
  }
  return pts;
}
