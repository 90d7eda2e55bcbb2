// One document, end to end: read the file, then the stages — open (safely),
// read, ocr, then those of assemble.ts — and destroy the document whatever happens.
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { openDocument, type PdfDocument } from '../pdf/document.ts';
import { PdfOpenError } from '../pdf/errors.ts';
import type { OpenOptions } from '../pdf/open.ts';
import type { Report } from '../schema/report.ts';
import { ASSEMBLY_STAGES, assembleReport, type SourceInfo } from './assemble.ts';
import { asInputError, InputError } from './errors.ts';
import { createOcrPool, type OcrPool } from '../ocr/pool.ts';
import { DEFAULT_OPTIONS, type ReadingOptions } from './options.ts';
import { PAGE_STAGES } from './read-pages.ts';
import { asyncPipeline, type StageTiming } from './stages.ts';

export { InputError } from './errors.ts';

/** What the caller chooses (options.ts), and how the batch and the review site hand their work over. */
export interface ExtractOptions extends ReadingOptions {
  /** an OCR pool shared across documents (the caller closes it); without one, a pool is made for this document when a page needs OCR and closed at its end */
  pool?: OcrPool;
  /**
   * Called with the report while the PDF is still open, before it is destroyed: work that needs the
   * document again (drawing its pages for the review site) reuses its parsed fonts instead of opening it twice.
   * Its failure fails the document.
   */
  whileOpen?: (pdf: PdfDocument, report: Report) => Promise<void>;
  /** the caller gives the bytes away: the engine takes them without a copy (a large file is held once, not twice) */
  ownBytes?: boolean;
  /** images of more pixels are not decoded (see pdf/open.ts): the memory bound's share for one image */
  maxImagePixels?: number;
}

interface Opening {
  readonly source: SourceInfo;
  readonly maxPages: number | undefined;
  readonly open: OpenOptions;
}

/** Opening, with the limit on pages checked before any page is read (a document refused is closed here). */
async function openPdf({ source, maxPages, open }: Opening): Promise<{ pdf: PdfDocument }> {
  let pdf: PdfDocument;
  try {
    pdf = await openDocument(source.bytes, undefined, open);
  } catch (err) {
    if (err instanceof PdfOpenError) throw new InputError(source.path, err.reason, err.message, { cause: err });
    throw err;
  }
  const n = pdf.numPages;
  if (maxPages !== undefined && n > maxPages) {
    await pdf.destroy();
    throw new InputError(
      source.path,
      'too-many-pages',
      `declares ${n} pages, more than the limit of ${maxPages} (--max-pages)`,
    );
  }
  return { pdf };
}

/** A stage of its own, so that the document is closed whatever the stages after it do. */
const OPEN_STAGE = asyncPipeline<Opening>().then('open', openPdf);

/** Every stage of one document, in order: what --timings lists. */
export const STAGE_NAMES: readonly string[] = [OPEN_STAGE, PAGE_STAGES, ASSEMBLY_STAGES].flatMap((p) => p.names);

export { DEFAULT_OPTIONS };

export async function extractFile(filePath: string, options: ExtractOptions = {}): Promise<Report> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(filePath));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(filePath, 'not-found', 'no such file', { cause: err });
    if (code === 'EISDIR')
      throw new InputError(filePath, 'unreadable', 'is a directory, not a PDF file', { cause: err });
    throw new InputError(filePath, 'unreadable', `cannot read file (${code ?? String(err)})`, { cause: err });
  }
  return extractBytes(bytes, filePath, options);
}

export async function extractBytes(
  bytes: Uint8Array,
  sourcePath: string,
  options: ExtractOptions = {},
): Promise<Report> {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  let ownPool: OcrPool | null = null;
  const pool = () => opts.pool ?? (ownPool ??= createOcrPool(opts.ocrWorkers, opts.ocrEngine));
  // Hashed before pdf.js is given the bytes: it may detach them.
  const source: SourceInfo = opts.ownBytes
    ? { path: sourcePath, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), length: bytes.length }
    : { path: sourcePath, bytes };
  const open = { transfer: !!opts.ownBytes, maxImagePixels: opts.maxImagePixels };
  const timings: StageTiming[] = [];
  let pdf: PdfDocument | undefined;
  try {
    ({ pdf } = await OPEN_STAGE.run({ source, maxPages: opts.maxPages, open }, timings));
    const readOptions = { ocr: opts.ocr, ocrDpi: opts.ocrDpi, pool };
    const { pages } = await PAGE_STAGES.run({ pdf, readOptions }, timings);
    const report = assembleReport(source, pages, opts.timings ? { timings } : {});
    await opts.whileOpen?.(pdf, report);
    return report;
  } catch (err) {
    throw asInputError(sourcePath, err);
  } finally {
    await pdf?.destroy();
    await (ownPool as OcrPool | null)?.close();
  }
}
