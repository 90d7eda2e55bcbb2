// Boxes in the shown page, for clips: a path's box under a transform, two
// clips met, and whether a run of text is visible inside a clip.
import { apply, type Matrix } from './display.ts';

/** [x0, y0, x1, y1] in the shown page; x1 < x0 or y1 < y0 is an empty clip. */
export type Rect = [number, number, number, number];

/** The box of the points under m; two points are opposite corners of a rectangle. */
export function boxOf(m: Matrix, pts: [number, number][]): Rect {
  const corners: [number, number][] =
    pts.length === 2 ? [pts[0]!, pts[1]!, [pts[0]![0], pts[1]![1]], [pts[1]![0], pts[0]![1]]] : pts;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [px, py] of corners) {
    const [qx, qy] = apply(m, px, py);
    x0 = Math.min(x0, qx);
    y0 = Math.min(y0, qy);
    x1 = Math.max(x1, qx);
    y1 = Math.max(y1, qy);
  }
  return [x0, y0, x1, y1];
}

export function meet(a: Rect | null, b: Rect): Rect {
  if (!a) return b;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/** Enough of the box inside the clip to be read: half an em, or half the box where it is smaller, across and down. */
export function visible(box: Rect, clip: Rect, em: number): boolean {
  const across = Math.min(box[2], clip[2]) - Math.max(box[0], clip[0]);
  const down = Math.min(box[3], clip[3]) - Math.max(box[1], clip[1]);
  return (
    across > 0 &&
    down > 0 &&
    across >= 0.5 * Math.min(box[2] - box[0], em) &&
    down >= 0.5 * Math.min(box[3] - box[1], em)
  );
}
