// The PDFium engine behind the seam of ../document.ts: a document opened from
// a copy of its bytes in the wasm heap, each page loaded when first asked for
// and closed when another is. Two kinds of page go to pdf.js, opened for them only: a
// text layer with a glyph PDFium maps to a control code (published-05's
// hyphen came as U+0002; pdf.js names it from the font), and a page drawn for
// OCR or the review site whose Chinese is set in a font the file does not
// carry (PDFium in WebAssembly sees no system fonts and would leave it blank;
// pdf.js draws it through the canvas's system fonts). And pages drawn for OCR
// are drawn by pdf.js (JIXIAO_OCR_RENDER=pdfium for PDFium's drawing): on the
// scanned corpus PDFium's drawing read slightly worse.
import { displayFor } from '../display.ts';
import type { PdfDocument } from '../engine.ts';
import { PdfOpenError } from '../errors.ts';
import type { WidthCache } from './types.ts';
import { pdfium, Scratch, type Pdfium } from './module.ts';
import { shortest, type PdfiumPage } from './page.ts';
import { drawsUnembeddedCjk, readGraphics } from './objects.ts';
import { renderPage } from './render.ts';
import { readText } from './text.ts';

// FPDF_GetLastError
const ERR_FORMAT = 3;
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

export async function openPdfiumDocument(bytes: Uint8Array): Promise<PdfDocument> {
  const m = await pdfium();
  const buf = m._malloc(bytes.length);
  if (!buf) throw new PdfOpenError('corrupt', 'unreadable PDF: no memory for its bytes');
  m.HEAPU8.set(bytes, buf);
  const doc = m._FPDF_LoadMemDocument(buf, bytes.length, 0);
  if (!doc) {
    const code = m._FPDF_GetLastError();
    m._free(buf);
    if (code === ERR_PASSWORD || code === ERR_SECURITY)
      throw new PdfOpenError('encrypted', 'encrypted PDF: a password is required');
    throw new PdfOpenError(
      'corrupt',
      `corrupt or truncated PDF: ${code === ERR_FORMAT ? 'no valid structure' : `PDFium error ${code}`}`,
    );
  }
  const scratch = new Scratch(m);
  const widths: WidthCache = new Map();
  let open = true;
  const { withPage, close } = pageLoader(m, doc, scratch, widths, () => open);
  // pdf.js, opened only for the pages PDFium cannot do alike (see the file's head), and kept till the end
  let pdfjs: Promise<PdfDocument> | null = null;
  const other = () => (pdfjs ??= import('../pdfjs-document.ts').then((e) => e.openPdfjsDocument(bytes)));
  const byPdfjs = new Set<number>();
  return {
    engine: 'pdfium',
    numPages: pageCount(m, doc, scratch),
    async readText(n) {
      const text = await withPage(n, readText);
      if (text) return text;
      byPdfjs.add(n);
      return (await other()).readText(n);
    },
    // The runs must be those of the items' engine: withoutHidden matches them by their text.
    readGraphics: async (n) => (byPdfjs.has(n) ? (await other()).readGraphics(n) : withPage(n, readGraphics)),
    async renderGrey(n, dpi, purpose = 'view') {
      if (purpose === 'ocr' && process.env.JIXIAO_OCR_RENDER !== 'pdfium') return (await other()).renderGrey(n, dpi);
      const image = await withPage(n, (page) => (drawsUnembeddedCjk(page) ? null : renderPage(page, dpi)));
      return image ?? (await other()).renderGrey(n, dpi);
    },
    pageSize: (n) => withPage(n, ({ display }) => ({ width: display.width, height: display.height })),
    async destroy() {
      if (!open) return;
      open = false;
      close();
      m._FPDF_CloseDocument(doc);
      m._free(buf);
      scratch.free();
      await (await pdfjs?.catch(() => null))?.destroy();
    },
  };
}

/**
 * Pages loaded on demand. The page last read stays loaded, its glyphs and objects kept: the
 * pipeline reads a page's text, then its rules (a table's page) or its picture (OCR), in turn.
 */
function pageLoader(m: Pdfium, doc: number, scratch: Scratch, widths: WidthCache, isOpen: () => boolean) {
  let kept: PdfiumPage | null = null;
  const close = () => {
    if (kept) m._FPDF_ClosePage(kept.handle);
    kept = null;
  };
  const withPage = async <T>(n: number, use: (page: PdfiumPage) => T): Promise<T> => {
    if (!isOpen()) throw new Error('the document is closed');
    if (kept?.number !== n) {
      close();
      const handle = m._FPDF_LoadPage(doc, n - 1);
      if (!handle) throw new Error(`page ${n} cannot be loaded`);
      const view = viewOf(m, handle, scratch);
      const display = displayFor(view, 90 * m._FPDFPage_GetRotation(handle));
      kept = { m, handle, number: n, view, display, scratch, widths, memo: {} };
    }
    return use(kept);
  };
  return { withPage, close };
}

/** The page's visible box as pdf.js takes it: the crop box within the media box, else the media box (else US Letter). */
function viewOf(m: Pdfium, page: number, s: Scratch): [number, number, number, number] {
  const box = (get: Pdfium['_FPDFPage_GetMediaBox']): [number, number, number, number] | null => {
    if (!get.call(m, page, s.at(0), s.at(4), s.at(8), s.at(12))) return null;
    const [l, b, r, t] = [0, 1, 2, 3].map((i) => shortest(s.f32(i))) as [number, number, number, number];
    const rect: [number, number, number, number] = [Math.min(l, r), Math.min(b, t), Math.max(l, r), Math.max(b, t)];
    return rect[2] > rect[0] && rect[3] > rect[1] ? rect : null;
  };
  const media = box(m._FPDFPage_GetMediaBox) ?? [0, 0, 612, 792];
  const crop = box(m._FPDFPage_GetCropBox);
  if (!crop) return media;
  const meet: [number, number, number, number] = [
    Math.max(crop[0], media[0]),
    Math.max(crop[1], media[1]),
    Math.min(crop[2], media[2]),
    Math.min(crop[3], media[3]),
  ];
  return meet[2] > meet[0] && meet[3] > meet[1] ? meet : media;
}

/**
 * The pages there are. PDFium takes the page tree's /Count on trust; pdf.js checks that the last
 * page it claims is there and counts the tree when it is not — a file claiming 100,000 pages with
 * one is one page. Here: the pages that can be found, taken to be the first ones (a binary search).
 */
function pageCount(m: Pdfium, doc: number, s: Scratch): number {
  const claimed = m._FPDF_GetPageCount(doc);
  const found = (i: number) => m._FPDF_GetPageSizeByIndexF(doc, i, s.ptr) !== 0;
  if (claimed <= 1 || found(claimed - 1)) return claimed;
  let [lo, hi] = [0, claimed - 1]; // found(lo) is not yet known; !found(hi)
  if (!found(0)) return claimed;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (found(mid)) lo = mid;
    else hi = mid;
  }
  return lo + 1;
}
