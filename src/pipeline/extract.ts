// One document, end to end: read the file, open it safely, read its pages,
// run the stages, destroy the document whatever happens.
import { readFile } from 'node:fs/promises';
import { openPdf, PdfOpenError } from '../pdf/open.ts';
import type { Report } from '../schema/report.ts';
import { assembleReport } from './assemble.ts';
import { asInputError, InputError } from './errors.ts';
import { createOcrPool, type OcrEngineName, type OcrPool } from '../ocr/pool.ts';
import { readPages, type OcrMode } from './read-pages.ts';

export { InputError } from './errors.ts';

export interface ExtractOptions {
  ocr?: OcrMode;
  ocrDpi?: number;
  /** an OCR pool shared across documents (the caller closes it); without one, a pool is made for this document when a page needs OCR and closed at its end */
  pool?: OcrPool;
  /** OCR workers for a pool made here */
  jobs?: number;
  /** the engine of a pool made here (default PP-OCR) */
  ocrEngine?: OcrEngineName;
  /** a document declaring more pages fails before any page is read */
  maxPages?: number;
}

export const DEFAULT_OPTIONS = { ocr: 'auto', ocrDpi: 200 } as const;

export async function extractFile(filePath: string, options: ExtractOptions = {}): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(filePath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(filePath, 'not-found', 'no such file', { cause: err });
    if (code === 'EISDIR') throw new InputError(filePath, 'unreadable', 'is a directory, not a PDF file', { cause: err });
    throw new InputError(filePath, 'unreadable', `cannot read file (${code ?? String(err)})`, { cause: err });
  }
  return extractBytes(bytes, filePath, options);
}

export async function extractBytes(bytes: Uint8Array, sourcePath: string, options: ExtractOptions = {}): Promise<Report> {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  let ownPool: OcrPool | null = null;
  const pool = () => opts.pool ?? (ownPool ??= createOcrPool(opts.jobs, opts.ocrEngine));
  let pdf;
  try {
    pdf = await openPdf(bytes);
  } catch (err) {
    if (err instanceof PdfOpenError) throw new InputError(sourcePath, err.reason, err.message, { cause: err });
    throw err;
  }
  try {
    const n = pdf.doc.numPages;
    if (opts.maxPages !== undefined && n > opts.maxPages) {
      throw new InputError(sourcePath, 'too-many-pages', `declares ${n} pages, more than the limit of ${opts.maxPages} (--max-pages)`);
    }
    const pages = await readPages(pdf, { ocr: opts.ocr, ocrDpi: opts.ocrDpi, pool });
    return assembleReport({ path: sourcePath, bytes }, pages);
  } catch (err) {
    throw asInputError(sourcePath, err);
  } finally {
    await pdf.destroy();
    await (ownPool as OcrPool | null)?.close();
  }
}
