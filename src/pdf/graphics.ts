// One pass over a page's operator list for what tables need from the drawing:
// the ruling lines, and the text runs with whether the clip lets them show.
import { AnnotationMode, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { textRunsFromOps, type TextRun } from './clips.ts';
import { displayOf } from './display.ts';
import { rulesFromOps } from './rulings.ts';
import type { Segment } from './types.ts';

export interface PageGraphics {
  rules: Segment[];
  runs: TextRun[];
}

export async function readPageGraphics(doc: PDFDocumentProxy, pageNumber: number): Promise<PageGraphics> {
  const page = await doc.getPage(pageNumber);
  try {
    const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE });
    const base = displayOf(page).matrix;
    return {
      rules: rulesFromOps(ops.fnArray, ops.argsArray, base),
      runs: textRunsFromOps(ops.fnArray, ops.argsArray, base),
    };
  } finally {
    page.cleanup();
  }
}
