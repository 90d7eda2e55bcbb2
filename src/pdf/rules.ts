// Ruling lines of a page, for tables: the horizontal and vertical strokes and
// thin filled rectangles (Word draws table borders both ways), in PDF points.
import { OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Segment } from './types.ts';

// pdf.js's path operators inside a constructPath's data (DrawOPS).
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;
/** A filled rectangle thinner than this is a rule. */
const THIN = 2.5;
const MIN_LENGTH = 4;

type Matrix = [number, number, number, number, number, number];

export async function readPageRules(doc: PDFDocumentProxy, pageNumber: number): Promise<Segment[]> {
  const page = await doc.getPage(pageNumber);
  try {
    const [vx0, vy0] = page.view as [number, number, number, number];
    const ops = await page.getOperatorList();
    const segments: Segment[] = [];
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    for (let i = 0; i < ops.fnArray.length; i++) {
      const fn = ops.fnArray[i];
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = multiply(args as Matrix, ctm);
      else if (fn === OPS.constructPath) {
        const paint = args[0] as number;
        const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
        if (!data) continue;
        const stroke = paint === OPS.stroke || paint === OPS.closeStroke || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
        const fill = paint === OPS.fill || paint === OPS.eoFill || paint === OPS.fillStroke || paint === OPS.eoFillStroke;
        for (const poly of polylines(data)) {
          const pts = poly.map(([x, y]) => apply(ctm, x, y)).map(([x, y]) => [x - vx0, y - vy0] as [number, number]);
          if (stroke) for (let k = 1; k < pts.length; k++) addSegment(segments, pts[k - 1]!, pts[k]!);
          if (fill) addThinRect(segments, pts);
        }
      }
    }
    return segments;
  } finally {
    page.cleanup();
  }
}

/** The straight pieces of a path; curves end a piece. */
function polylines(data: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      if (cur.length > 1) out.push(cur);
      cur = [[data[i++]!, data[i++]!]];
    } else if (op === LINE) cur.push([data[i++]!, data[i++]!]);
    else if (op === CURVE) {
      i += 6;
      if (cur.length > 1) out.push(cur);
      cur = [];
    } else if (op === QUAD) {
      i += 4;
      if (cur.length > 1) out.push(cur);
      cur = [];
    } else if (op === CLOSE) {
      if (cur.length > 1) cur.push(cur[0]!);
    } else break;
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

function addSegment(out: Segment[], [x0, y0]: [number, number], [x1, y1]: [number, number]): void {
  const horizontal = Math.abs(y1 - y0) < 0.5 && Math.abs(x1 - x0) >= MIN_LENGTH;
  const vertical = Math.abs(x1 - x0) < 0.5 && Math.abs(y1 - y0) >= MIN_LENGTH;
  if (horizontal) out.push({ x0: Math.min(x0, x1), y0: (y0 + y1) / 2, x1: Math.max(x0, x1), y1: (y0 + y1) / 2 });
  else if (vertical) out.push({ x0: (x0 + x1) / 2, y0: Math.min(y0, y1), x1: (x0 + x1) / 2, y1: Math.max(y0, y1) });
}

function addThinRect(out: Segment[], pts: [number, number][]): void {
  if (pts.length < 4) return;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  if (y1 - y0 <= THIN && x1 - x0 >= MIN_LENGTH) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  else if (x1 - x0 <= THIN && y1 - y0 >= MIN_LENGTH) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
}

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
