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
import { createOcrPool, type OcrEngineName, type OcrPool } from '../ocr/pool.ts';
import { PAGE_STAGES, type OcrMode, type PagesState } from './read-pages.ts';
import { runStagesAsync, type Stage, type StageTiming } from './stages.ts';

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
  /** write each stage's time into the report's `tool.timings` (off: reports stay byte-for-byte reproducible) */
  timings?: boolean;
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

interface ReadState extends PagesState {
  readonly source: SourceInfo;
  readonly maxPages: number | undefined;
  readonly open: OpenOptions;
}

/** Opening, with the limit on pages checked before any page is read. */
const OPEN_STAGE: Stage<ReadState> = {
  name: 'open',
  async run(s) {
    try {
      s.pdf = await openDocument(s.source.bytes, undefined, s.open);
    } catch (err) {
      if (err instanceof PdfOpenError) throw new InputError(s.source.path, err.reason, err.message, { cause: err });
      throw err;
    }
    const n = s.pdf.numPages;
    if (s.maxPages !== undefined && n > s.maxPages) {
      throw new InputError(
        s.source.path,
        'too-many-pages',
        `declares ${n} pages, more than the limit of ${s.maxPages} (--max-pages)`,
      );
    }
  },
};

/** Every stage of one document, in order: what --timings lists. */
export const STAGE_NAMES: readonly string[] = [OPEN_STAGE, ...PAGE_STAGES, ...ASSEMBLY_STAGES].map((s) => s.name);

export const DEFAULT_OPTIONS = { ocr: 'auto', ocrDpi: 200 } as const;

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
  const pool = () => opts.pool ?? (ownPool ??= createOcrPool(opts.jobs, opts.ocrEngine));
  // Hashed before pdf.js is given the bytes: it may detach them.
  const source: SourceInfo = opts.ownBytes
    ? { path: sourcePath, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), length: bytes.length }
    : { path: sourcePath, bytes };
  const state = {
    source,
    open: { transfer: !!opts.ownBytes, maxImagePixels: opts.maxImagePixels },
    maxPages: opts.maxPages,
    readOptions: { ocr: opts.ocr, ocrDpi: opts.ocrDpi, pool },
  } as ReadState;
  const timings: StageTiming[] = [];
  try {
    await runStagesAsync([OPEN_STAGE, ...PAGE_STAGES], state, timings);
    const report = assembleReport(state.source, state.pages, opts.timings ? { timings } : {});
    await opts.whileOpen?.(state.pdf, report);
    return report;
  } catch (err) {
    throw asInputError(sourcePath, err);
  } finally {
    await (state.pdf as PdfDocument | undefined)?.destroy();
    await (ownPool as OcrPool | null)?.close();
  }
}
