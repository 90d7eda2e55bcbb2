// What the PDFium readers make of a page and keep on it (page.ts's memo and
// widths), in a file of its own: page.ts, glyphs.ts and objects.ts all name
// these, and glyphs.ts and objects.ts import page.ts.
import type { Matrix } from '../display.ts';

/** One glyph as PDFium places it, in user space. */
export interface Glyph {
  ch: string;
  obj: number;
  /** origin (pen position) */
  x: number;
  y: number;
  /** advance along the baseline, user space */
  advance: number;
  /** the text matrix in user space (Tm × CTM), without the font size */
  m: Matrix;
  /** the font size set by Tf */
  size: number;
}

/** Widths by font and character, kept by the document (PDFium finds a character's code by a search of the font's map). */
export type WidthCache = Map<number, Map<number, number | null>>;

/** A text object's font and place in drawing order, for the joiner. */
export interface TextObjectInfo {
  fontId: number;
  fontName: string;
  /** changes where pdf.js would end an item: a marked-content sequence begun or ended, an XObject drawn */
  barrier: number;
  /** the object's place in drawing order */
  order: number;
  /** whether its font's program is in the file (PDFium has none but Latin ones of its own to draw with otherwise) */
  embedded: boolean;
}

/** One of a page's objects in drawing order (forms' contents after the form, then the form again as -5). */
export interface Visit {
  obj: number;
  type: number;
  /** object space → page user space, without the object's own matrix for text (PDFium's glyph positions have it) */
  parent: Matrix;
}
