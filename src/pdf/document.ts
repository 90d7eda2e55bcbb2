// One seam over the two PDF engines: what the pipeline asks of an open
// document (its pages' positioned text, ruling lines and text runs with their
// clips, a grey rendering), whichever engine reads it. PDFium (compiled to
// WebAssembly) is the default; pdf.js stays for comparison and as a fallback
// (JIXIAO_PDF_ENGINE=pdfjs). Measurements and the differences between them:
// docs/speed.md.
import type { PdfDocument, PdfEngineName } from './engine.ts';
import { checkPdfHeader } from './errors.ts';
import type { OpenOptions } from './open.ts';

export type { PageGraphics, PdfDocument, PdfEngineName } from './engine.ts';

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
