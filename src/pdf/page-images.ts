// The images a page draws, as both engines report them: where each is shown
// (its box in the shown page, cut to its clip) and how many pixels it has.
// Whether a page with next to no text layer may still hold text — a scanned
// page, a photographed 盖章 page, a screenshot of a table — is decided from
// them (pdf/ocr-need.ts), without drawing the page.
import { boxOf, meet, type Rect } from './boxes.ts';
import type { Matrix } from './display.ts';

export interface PageImage {
  /** the box of the image's unit square under its transform, cut to the clip in force, in the shown page */
  box: Rect;
  /** the points of the shown page one pixel of the image spans across and down; null when not known */
  pointsPerPixel: [number, number] | null;
}

/** An image drawn under `m` (its unit square → the shown page) with `clip`, of width × height pixels (0 when not known). */
export function pageImage(m: Matrix, clip: Rect | null, width: number, height: number): PageImage {
  const box = boxOf(m, [
    [0, 0],
    [1, 1],
  ]);
  const known = width > 0 && height > 0;
  return {
    box: clip ? meet(clip, box) : box,
    pointsPerPixel: known ? [Math.hypot(m[0], m[1]) / width, Math.hypot(m[2], m[3]) / height] : null,
  };
}
