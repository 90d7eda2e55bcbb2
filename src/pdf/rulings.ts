// Ruling lines of a page, for tables: horizontal and vertical strokes, and thin
// filled rectangles (Word draws table borders as filled rectangles, WPS and
// LibreOffice as stroked lines), in PDF points, origin bottom-left.
// How pdf.js packs paths, and the transform and clip kept: src/pdf/ops-walk.ts;
// what makes a path a rule: src/pdf/rule-paths.ts (shared with PDFium's paths).
import { AnnotationMode, OPS, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { displayOf, type Matrix } from './display.ts';
import { walkOps } from './ops-walk.ts';
import { addPathRules } from './rule-paths.ts';
import type { Segment } from './types.ts';

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

/**
 * Walks an operator list with the current transform and clip; exported for tests. A rule is
 * cut to the clip in force (a split cell's borders drawn on past its piece of the page are
 * not seen, and would make a grid over the header).
 */
export function rulesFromOps(
  fnArray: ArrayLike<number>,
  argsArray: unknown[],
  base: Matrix = [1, 0, 0, 1, 0, 0],
): Segment[] {
  const segments: Segment[] = [];
  walkOps(fnArray, argsArray, base, {
    path(paint, data, ctm, clip, colours) {
      addPathRules(segments, { stroke: STROKES.has(paint), fill: FILLS.has(paint) }, data, ctm, clip, colours);
    },
  });
  return segments;
}
