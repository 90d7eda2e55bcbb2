// Reads one page's text layer into positioned items (PDF points).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { unifyIdeographs } from '../text/ideographs.ts';
import { displayOf, multiply, type Matrix } from './display.ts';
import type { PageText, TextItem } from './types.ts';

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export async function readPageText(doc: PDFDocumentProxy, pageNumber: number): Promise<PageText> {
  const page = await doc.getPage(pageNumber);
  try {
    // The page as shown: its box moved to the origin and turned by /Rotate.
    const display = displayOf(page);
    const content = await page.getTextContent({ disableNormalization: false });
    const items: TextItem[] = [];
    for (const raw of content.items as RawItem[]) {
      if (typeof raw.str !== 'string' || raw.str.length === 0) continue;
      const [a, b, c, d, e, f] = multiply(raw.transform as Matrix, display.matrix);
      const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height;
      // A run written right to left on the shown page (a page turned 180°) starts at its far end.
      const x = a < 0 && Math.abs(a) > Math.abs(b) ? e - raw.width : e;
      items.push({
        // ⼀ (a Kangxi radical in the Unicode map) is 一: every reader downstream sees the ideograph.
        str: itemText(raw.str, raw.width, size),
        x,
        y: f,
        width: raw.width,
        size,
        font: raw.fontName,
      });
    }
    return {
      number: pageNumber,
      width: display.width,
      height: display.height,
      items,
      method: 'text',
      ocrConfidence: null,
    };
  } finally {
    page.cleanup();
  }
}

/**
 * A text item's string as every engine gives it to the reader: letter spacing closed up, and
 * ⼀ (a Kangxi radical in the Unicode map) read as 一, so every reader downstream sees the ideograph.
 */
export function itemText(str: string, width: number, size: number): string {
  return unifyIdeographs(closeLetterSpacing(str, width, size));
}

/**
 * A justified or letter-spaced line comes from pdf.js with a space after every glyph:
 * "算 9 9 9 . 8 3 万 元 ，" — read as it stands, that is the number 3. When every other
 * character is one space and the glyphs sit close (an advance of at most 1.6 em each, so
 * not cells of a table drawn in one run) over four glyphs or more, the spaces are
 * spacing, not words: dropped.
 */
export function closeLetterSpacing(str: string, width: number, size: number): string {
  // at least four glyphs: "- 1 -", a page number's dashes, is spaced on purpose
  if (str.length < 7 || !/^(?:\S )+\S ?$/u.test(str)) return str;
  const glyphs = Math.ceil(str.length / 2);
  if (!(size > 0) || width / glyphs > 1.6 * size) return str;
  return str.replace(/ /g, '');
}
