// Ruling lines of a page, for tables: horizontal and vertical strokes, and thin
// filled rectangles (Word draws table borders as filled rectangles, WPS and
// LibreOffice as stroked lines), in PDF points, origin bottom-left.
//
// pdf.js 5+/6 packs each path into one constructPath op:
//   args = [paintOp, [Float32Array of DrawOPS], minMax | null]
// where paintOp is the operator that ended the path (OPS.stroke, OPS.fill, …,
// OPS.endPath for clips) and the data holds moveTo 0 (x y), lineTo 1 (x y),
// curveTo 2 (6 numbers), quadraticCurveTo 3 (4 numbers), closePath 4, in user
// space: the current transform (cm ops, form XObject matrices) is applied here.
import { AnnotationMode, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { apply, displayOf, multiply, type Matrix, type Point } from './display.ts';
import type { Segment } from './types.ts';

const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;
/** A filled rectangle thinner than this (points) is a rule, not a shaded area. */
const THIN = 2.5;
/** The longest edge off the axes a filled rule may have: a mitred corner of a band THIN thick. */
const MITRE = THIN * Math.SQRT2;
/** Shorter strokes are glyph-like marks (ticks, bullets), not rules. */
const MIN_LENGTH = 4;
/** Slope tolerance: how far off axis (points) a rule may be. */
const SKEW = 0.5;

const STROKES = new Set<number>([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILLS = new Set<number>([
  OPS.fill,
  OPS.eoFill,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);

/** The page's axis-aligned ruling lines. Each segment has y0 === y1 (horizontal) or x0 === x1 (vertical). */
export async function readPageRules(doc: PDFDocumentProxy, pageNumber: number): Promise<Segment[]> {
  const page = await doc.getPage(pageNumber);
  try {
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    return rulesFromOps(ops.fnArray, ops.argsArray, displayOf(page).matrix);
  } finally {
    page.cleanup();
  }
}

/** Walks an operator list with the current transform; exported for tests. */
export function rulesFromOps(
  fnArray: ArrayLike<number>,
  argsArray: unknown[],
  base: Matrix = [1, 0, 0, 1, 0, 0],
): Segment[] {
  const segments: Segment[] = [];
  let ctm: Matrix = base;
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      const m = args[0] as ArrayLike<number> | null;
      if (m && m.length === 6) ctm = multiply(Array.from(m) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!data) continue;
      const stroke = STROKES.has(paint);
      const fill = FILLS.has(paint);
      if (!stroke && !fill) continue; // endPath: a clip, nothing drawn
      for (const poly of polylines(data)) {
        const pts = poly.map(([x, y]) => apply(ctm, x, y));
        if (stroke) for (let k = 1; k < pts.length; k++) addSegment(segments, pts[k - 1]!, pts[k]!);
        else addThinRect(segments, pts);
      }
    }
  }
  return segments;
}

/** The straight subpaths of a path; a curve ends one. */
function polylines(data: ArrayLike<number>): Point[][] {
  const out: Point[][] = [];
  let cur: Point[] = [];
  const end = () => {
    if (cur.length > 1) out.push(cur);
    cur = [];
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE) {
      end();
      cur = [[data[i]!, data[i + 1]!]];
      i += 2;
    } else if (op === LINE) {
      cur.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === CURVE) {
      end();
      cur = [[data[i + 4]!, data[i + 5]!]];
      i += 6;
    } else if (op === QUAD) {
      end();
      cur = [[data[i + 2]!, data[i + 3]!]];
      i += 4;
    } else if (op === CLOSE) {
      const first = cur[0];
      if (cur.length > 1 && first) cur.push(first);
      const start = first;
      end();
      if (start) cur = [start];
    } else break; // unknown op: the rest cannot be decoded
  }
  end();
  return out;
}

function addSegment(out: Segment[], [x0, y0]: Point, [x1, y1]: Point): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (dy <= SKEW && dx >= MIN_LENGTH) {
    const y = (y0 + y1) / 2;
    out.push({ x0: Math.min(x0, x1), y0: y, x1: Math.max(x0, x1), y1: y });
  } else if (dx <= SKEW && dy >= MIN_LENGTH) {
    const x = (x0 + x1) / 2;
    out.push({ x0: x, y0: Math.min(y0, y1), x1: x, y1: Math.max(y0, y1) });
  }
}

/**
 * A filled axis-aligned rectangle that is long and thin is a rule along its long side. Its corners
 * may be mitred (spreadsheet exports draw each border as a band whose ends are cut at 45° where
 * borders meet): an edge off the axes is allowed where it is no longer than a rule is thick.
 */
function addThinRect(out: Segment[], pts: Point[]): void {
  if (pts.length < 3) return;
  // Only rectangles: every edge on an axis, or a corner's short cut.
  for (let k = 1; k < pts.length; k++) {
    const [ax, ay] = pts[k - 1]!;
    const [bx, by] = pts[k]!;
    if (Math.abs(ax - bx) > SKEW && Math.abs(ay - by) > SKEW && Math.hypot(ax - bx, ay - by) > MITRE) return;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN && w >= MIN_LENGTH && w > h) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  else if (w <= THIN && h >= MIN_LENGTH && h > w) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
}
