// PDFium's characters of a page, as the content drew them: each with its
// text object, origin, advance, text matrix and font size, in user space.
import type { Matrix } from '../display.ts';
import { shortest, type PdfiumPage } from './page.ts';
import type { Pdfium, Scratch } from './module.ts';
import type { Glyph, WidthCache } from './types.ts';

/**
 * Every character PDFium found on the page that the content drew (not the spaces and line ends it
 * adds). A glyph's advance is its width in the font (the /W or /Widths entry for its code, as pdf.js
 * takes it) at the font size, along the text's direction.
 */
export function glyphsOf(page: PdfiumPage): Glyph[] {
  return (page.memo.glyphs ??= readGlyphs(page));
}

function readGlyphs({ m, handle, scratch: s, widths }: PdfiumPage): Glyph[] {
  const tp = m._FPDFText_LoadPage(handle);
  if (!tp) return [];
  try {
    const n = m._FPDFText_CountChars(tp);
    const out: Glyph[] = [];
    // the matrix, font and size are the text object's: read once per object
    let last = 0;
    let mat: Matrix = [1, 0, 0, 1, 0, 0];
    let size = 0;
    let font = 0;
    for (let i = 0; i < n; i++) {
      if (m._FPDFText_IsGenerated(tp, i) !== 0) continue;
      const obj = m._FPDFText_GetTextObject(tp, i);
      if (!obj) continue;
      if (obj !== last) {
        last = obj;
        m._FPDFText_GetMatrix(tp, i, s.ptr);
        mat = [0, 1, 2, 3, 4, 5].map((k) => shortest(s.f32(k))) as Matrix;
        size = shortest(m._FPDFText_GetFontSize(tp, i));
        font = m._FPDFTextObj_GetFont(obj);
      }
      const code = m._FPDFText_GetUnicode(tp, i);
      const ch = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '';
      m._FPDFText_GetCharOrigin(tp, i, s.at(0), s.at(8));
      // PDFium computes in 32-bit floats: its numbers back to the shortest decimals they stand for
      const x = shortest(Math.fround(s.f64(0)));
      const y = shortest(Math.fround(s.f64(1)));
      const width = font ? widthInFont(m, s, widths, font, code) : null;
      const advance =
        width !== null ? (width * size * Math.hypot(mat[0], mat[1])) / 1000 : looseWidth(m, s, tp, i, mat, size);
      out.push({ ch, obj, x, y, advance, m: mat, size });
    }
    return out;
  } finally {
    m._FPDFText_ClosePage(tp);
  }
}

/** Where the font cannot say a glyph's width: the loose box's (which PDFium widens to the glyph's outline when that is wider). */
function looseWidth(m: Pdfium, s: Scratch, tp: number, i: number, mat: Matrix, size: number): number {
  // the loose box is measured along x: for turned text, an em
  if (!(mat[1] === 0 && mat[0] > 0)) return size * Math.hypot(mat[0], mat[1]);
  m._FPDFText_GetLooseCharBox(tp, i, s.ptr);
  return Math.abs(s.f32(2) - s.f32(0));
}

/** The character's width in the font, in thousandths of an em; null when the font cannot say. */
function widthInFont(m: Pdfium, s: Scratch, widths: WidthCache, font: number, code: number): number | null {
  let byCode = widths.get(font);
  if (!byCode) widths.set(font, (byCode = new Map()));
  let w = byCode.get(code);
  if (w === undefined) {
    w = m._FPDFFont_GetGlyphWidth(font, code, 1000, s.ptr) ? shortest(s.f32(0)) : null;
    byCode.set(code, w);
  }
  return w;
}
