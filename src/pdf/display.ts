// The page as it is shown: user space turned by the page's /Rotate and moved
// so that the visible box starts at the origin, in points, origin bottom-left.
// Text items and ruling lines are both read in it, so that a landscape page
// set with /Rotate 90 reads left to right, top to bottom, as a person sees it.
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type Matrix = [number, number, number, number, number, number];
export type Point = [number, number];

export interface Display {
  /** user space → shown page (bottom-left origin) */
  matrix: Matrix;
  width: number;
  height: number;
}

export function displayOf(page: PDFPageProxy): Display {
  const viewport = page.getViewport({ scale: 1 });
  // pdf.js's viewport maps to a top-left origin with y down; flip it back up.
  const matrix = multiply(viewport.transform as Matrix, [1, 0, 0, -1, 0, viewport.height]);
  return { matrix, width: viewport.width, height: viewport.height };
}

/**
 * The same display for a page's visible box ([x0, y0, x1, y1], user space) and /Rotate, computed
 * as pdf.js's viewport computes it (so that both engines place text and rules alike).
 */
export function displayFor(view: readonly number[], rotate: number): Display {
  const [x0, y0, x1, y1] = view as [number, number, number, number];
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const r = ((rotate % 360) + 360) % 360;
  // pdf.js's rotateA..D for a top-left origin, then flipped back up below
  const [a, b, c, d] = r === 180 ? [-1, 0, 0, 1] : r === 90 ? [0, 1, 1, 0] : r === 270 ? [0, -1, -1, 0] : [1, 0, 0, -1];
  const turned = a === 0;
  const ox = turned ? Math.abs(cy - y0) : Math.abs(cx - x0);
  const oy = turned ? Math.abs(cx - x0) : Math.abs(cy - y0);
  const width = turned ? Math.abs(y1 - y0) : Math.abs(x1 - x0);
  const height = turned ? Math.abs(x1 - x0) : Math.abs(y1 - y0);
  const viewport: Matrix = [a, b, c, d, ox - a * cx - c * cy, oy - b * cx - d * cy];
  return { matrix: multiply(viewport, [1, 0, 0, -1, 0, height]), width, height };
}

/** m then n. */
export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): Point {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}
