// One seam over the two PDF engines: what the pipeline asks of an open
// document (its pages' positioned text, ruling lines and text runs with their
// clips, a grey rendering), whichever engine reads it. PDFium (compiled to
// WebAssembly) is the default; pdf.js stays for comparison and as a fallback
// (JIXIAO_PDF_ENGINE=pdfjs). Measurements and the differences between them:
// docs/speed.md.
import { checkPdfHeader } from './errors.ts';
import type { TextRun } from './hidden.ts';
import type { OpenOptions } from './open.ts';
import type { GreyImage } from './render.ts';
import type { PageText, Segment } from './types.ts';

export type PdfEngineName = 'pdfium' | 'pdfjs';

export interface PageGraphics {
  rules: Segment[];
  runs: TextRun[];
}

export interface PdfDocument {
  readonly engine: PdfEngineName;
  readonly numPages: number;
  /** the page's text items in the shown page (points, origin bottom-left) */
  readText(pageNumber: number): Promise<PageText>;
  /** ruling lines and text runs with whether the clip shows them */
  readGraphics(pageNumber: number): Promise<PageGraphics>;
  /**
   * The shown page drawn grey on white at `dpi`. For OCR (`purpose` 'ocr') PDFium hands the drawing
   * to pdf.js: on the scanned corpus PDFium's drawing of the scans read slightly worse (docs/speed.md).
   */
  renderGrey(pageNumber: number, dpi: number, purpose?: 'ocr' | 'view'): Promise<GreyImage>;
  /** the shown page's size in points (its visible box, turned by /Rotate) */
  pageSize(pageNumber: number): Promise<{ width: number; height: number }>;
  /** frees the document; call once, in a finally */
  destroy(): Promise<void>;
}

/** The engine asked for by JIXIAO_PDF_ENGINE, else PDFium. */
export function defaultPdfEngine(): PdfEngineName {
  return process.env.JIXIAO_PDF_ENGINE === 'pdfjs' ? 'pdfjs' : 'pdfium';
}

/** Opens PDF bytes with an engine; throws PdfOpenError for what is no readable PDF. */
export async function openDocument(
  bytes: Uint8Array,
  engine = defaultPdfEngine(),
  options: OpenOptions = {},
): Promise<PdfDocument> {
  checkPdfHeader(bytes);
  // Each engine is loaded only when used: a process reading with PDFium never loads pdf.js.
  if (engine === 'pdfjs') return (await import('./pdfjs-document.ts')).openPdfjsDocument(bytes, options);
  return (await import('./pdfium/document.ts')).openPdfiumDocument(bytes, options);
}
