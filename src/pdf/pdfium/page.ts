// A PDFium page as the readers get it, and PDFium's 32-bit numbers read back.
import type { Display } from '../display.ts';
import type { Pdfium, Scratch } from './module.ts';
import type { Glyph, TextObjectInfo, Visit, WidthCache } from './types.ts';

/** A loaded page and how it is shown. */
export interface PdfiumPage {
  m: Pdfium;
  handle: number;
  number: number;
  /** the visible box in user space: [x0, y0, x1, y1] */
  view: [number, number, number, number];
  display: Display;
  scratch: Scratch;
  /** the document's glyph widths found so far */
  widths: WidthCache;
  /** what was read of the page, for the next reader of it */
  memo: { glyphs?: Glyph[]; objects?: Map<number, TextObjectInfo>; visits?: Visit[]; ordered?: Glyph[] };
}

/** PDFium keeps numbers as 32-bit floats: the shortest decimal that is the same float (595.28, not 595.280029), as the file most likely wrote it. */
export function shortest(f: number): number {
  if (Number.isInteger(f)) return f;
  for (let k = 1, p = 10; k < 8; k++, p *= 10) {
    const v = Math.round(f * p) / p;
    if (Math.fround(v) === f) return v;
  }
  return f;
}
