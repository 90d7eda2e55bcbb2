// The PDFium engine behind the seam of ../document.ts: a document read from
// its bytes block by block as PDFium asks for them (they stay in JavaScript:
// the file is held once), each page loaded when first asked for and closed
// when another is. Some pages go to pdf.js, opened for them only: a
// text layer with a glyph PDFium maps to a control code (published-05's
// hyphen came as U+0002; pdf.js names it from the font), a page drawn for
// OCR or the review site whose Chinese is set in a font the file does not
// carry (PDFium in WebAssembly sees no system fonts and would leave it blank;
// pdf.js draws it through the canvas's system fonts), and a page PDFium cannot
// load (a page tree that loops: pdf.js says why). A page drawn for OCR that
// is one scanned image is drawn from that image as pdf.js would draw it
// (scan-image.ts); any other page for OCR is drawn by pdf.js
// (JIXIAO_OCR_RENDER=pdfium for PDFium's drawing): on the scanned corpus
// PDFium's drawing read slightly worse. When PDFium traps (it
// aborts when its 2 GB heap is full: 10⁹ nested forms, a bomb past the heap)
// its instance is dropped, and the rest of the document is pdf.js's, under the
// same limits of time and memory as with JIXIAO_PDF_ENGINE=pdfjs: one
// document's fault never reaches the next document's PDFium.
import { displayFor } from '../display.ts';
import type { PdfDocument } from '../engine.ts';
import { PdfOpenError } from '../errors.ts';
import type { OpenOptions } from '../open.ts';
import type { WidthCache } from './types.ts';
import { discard, isTrap, pdfium, Scratch, type FileAccess, type Pdfium } from './module.ts';
import { shortest, type PdfiumPage } from './page.ts';
import { drawsUnembeddedCjk, readGraphics, readImages } from './objects.ts';
import { renderPage } from './render.ts';
import { drawScannedPage } from './scan-image.ts';
import { readText } from './text.ts';

// FPDF_GetLastError
const ERR_FORMAT = 3;
const ERR_PASSWORD = 4;
const ERR_SECURITY = 5;

/** A page PDFium could not load (FPDF_LoadPage gave none): pdf.js is asked instead. */
class UnloadablePage extends Error {}

/** An open PDFium document: all that holds the wasm instance, dropped at once when it traps. */
interface Live {
  m: Pdfium;
  doc: number;
  file: FileAccess;
  scratch: Scratch;
  withPage: <T>(n: number, use: (page: PdfiumPage) => T) => Promise<T>;
  close: () => void;
}

export async function openPdfiumDocument(bytes: Uint8Array, options: OpenOptions = {}): Promise<PdfDocument> {
  const opened = await openLive(bytes);
  const openPdfjs = pdfjsOf(bytes, options);
  // PDFium trapped opening it: the document is pdf.js's.
  if (!opened) return openPdfjs(true);
  let live: Live | null = opened.live;
  // pdf.js, opened only for the pages PDFium cannot do alike (see the file's head), and kept till the end
  let pdfjs: Promise<PdfDocument> | null = null;
  const other = () => (pdfjs ??= openPdfjs(!live));
  const byPdfjs = new Set<number>();
  /** `use` on page n by PDFium, if it can: null when PDFium cannot load it or has trapped (the instance then dropped). */
  const tryPdfium = async <T>(n: number, use: (page: PdfiumPage) => T): Promise<T | null> => {
    if (!live) return null;
    const { m } = live;
    try {
      return await live.withPage(n, use);
    } catch (err) {
      if (err instanceof UnloadablePage) return null;
      if (!isTrap(err)) throw err;
      live = null;
      discard(m);
      return null;
    }
  };
  return {
    engine: 'pdfium',
    numPages: opened.numPages,
    async readText(n) {
      const text = byPdfjs.has(n) ? null : await tryPdfium(n, readText);
      if (text) return text;
      byPdfjs.add(n);
      return (await other()).readText(n);
    },
    // The runs must be those of the items' engine: withoutHidden matches them by their text.
    async readGraphics(n) {
      if (byPdfjs.has(n)) return (await other()).readGraphics(n);
      const graphics = await tryPdfium(n, readGraphics);
      if (!graphics) throw new Error('PDFium stopped on this page after its text was read');
      return graphics;
    },
    readImages: async (n) => (byPdfjs.has(n) ? null : await tryPdfium(n, readImages)) ?? (await other()).readImages(n),
    renderGrey: (n, dpi, purpose = 'view') => drawn(tryPdfium, other, n, dpi, purpose),
    async pageSize(n) {
      const size = await tryPdfium(n, ({ display }) => ({ width: display.width, height: display.height }));
      return size ?? (await other()).pageSize(n);
    },
    async destroy() {
      const l = live;
      live = null;
      if (l) {
        l.close();
        l.m._FPDF_CloseDocument(l.doc);
        l.file.release();
        l.scratch.free();
      }
      await (await pdfjs?.catch(() => null))?.destroy();
    },
  };
}

type TryPdfium = <T>(n: number, use: (page: PdfiumPage) => T) => Promise<T | null>;

/** Page n drawn grey at dpi: by PDFium, or by pdf.js (`other`) where PDFium cannot or should not. */
async function drawn(tryPdfium: TryPdfium, other: () => Promise<PdfDocument>, n: number, dpi: number, purpose: string) {
  const how = purpose === 'ocr' ? ocrDrawing() : 'pdfium';
  // a page of one scanned image drawn from it (scan-image.ts): as pdf.js draws it, at a fraction of the CPU
  const scan = how === 'pdfjs' ? null : purpose === 'ocr' && (await tryPdfium(n, (p) => drawScannedPage(p, dpi)));
  if (scan) return scan;
  if (how !== 'pdfium') return (await other()).renderGrey(n, dpi);
  const image = await tryPdfium(n, (page) => (drawsUnembeddedCjk(page) ? null : renderPage(page, dpi)));
  return image ?? (await other()).renderGrey(n, dpi);
}

/**
 * Who draws a page for OCR: a page of one scanned image is drawn from it, any other by pdf.js (PDFium's
 * drawing read the scanned corpus slightly worse, docs/speed.md); JIXIAO_OCR_RENDER=pdfium draws the
 * others by PDFium, =pdfjs every page by pdf.js.
 */
function ocrDrawing(): 'scan' | 'pdfium' | 'pdfjs' {
  const how = process.env.JIXIAO_OCR_RENDER;
  return how === 'pdfium' || how === 'pdfjs' ? how : 'scan';
}

/** pdf.js over the same bytes; it may take them without a copy (detaching them) only once PDFium reads them no more. */
function pdfjsOf(bytes: Uint8Array, options: OpenOptions) {
  return (transfer: boolean): Promise<PdfDocument> =>
    import('../pdfjs-document.ts').then((e) =>
      e.openPdfjsDocument(bytes, { ...options, transfer: !!options.transfer && transfer }),
    );
}

/**
 * The document opened in this process's PDFium; null when PDFium trapped opening it (the instance then
 * dropped); PdfOpenError for what PDFium finds no PDF or encrypted.
 */
async function openLive(bytes: Uint8Array): Promise<{ live: Live; numPages: number } | null> {
  const m = await pdfium();
  try {
    const file = m.fileAccess(bytes);
    const doc = m._FPDF_LoadCustomDocument(file.ptr, 0);
    if (!doc) {
      const code = m._FPDF_GetLastError();
      file.release();
      if (code === ERR_PASSWORD || code === ERR_SECURITY)
        throw new PdfOpenError('encrypted', 'encrypted PDF: a password is required');
      throw new PdfOpenError(
        'corrupt',
        `corrupt or truncated PDF: ${code === ERR_FORMAT ? 'no valid structure' : `PDFium error ${code}`}`,
      );
    }
    const scratch = new Scratch(m);
    let open = true;
    const { withPage, close } = pageLoader(m, doc, scratch, new Map(), () => open);
    const numPages = pageCount(m, doc, scratch);
    const live: Live = { m, doc, file, scratch, withPage, close: () => ((open = false), close()) };
    return { live, numPages };
  } catch (err) {
    if (!isTrap(err)) throw err;
    discard(m);
    return null;
  }
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
      if (!handle) throw new UnloadablePage(`page ${n} cannot be loaded`);
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
