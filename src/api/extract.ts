// extractFile / extractBytes: one document to its Report.
import {
  extractBytes as extractBytesStage,
  extractFile as extractFileStage,
  type ExtractOptions as StageOptions,
} from '../pipeline/extract.ts';
import type { Report } from '../schema/report.ts';
import { guardStrayPdfRejections } from './stray.ts';
import type { OcrPool } from './ocr.ts';
import { workersOf } from './ocr-internal.ts';
import type { OcrEngine, OcrMode } from './ocr-types.ts';

export interface ExtractOptions {
  /** `auto` (default): OCR the pages without a usable text layer; `always`; `never` */
  ocr?: OcrMode;
  /** resolution pages are rendered at for OCR (default 200) */
  ocrDpi?: number;
  /** OCR workers shared across documents (createOcrPool; the caller closes it). Without one, workers are started for this document if a page needs OCR and closed at its end. */
  pool?: OcrPool;
  /** workers for a pool made for this document (default: the cores) */
  ocrWorkers?: number;
  /** the engine of a pool made for this document (default `ppocr`) */
  ocrEngine?: OcrEngine;
  /** a document declaring more pages fails with InputError `too-many-pages` before any page is read */
  maxPages?: number;
  /** write each stage's time (ms) into `tool.timings`, in the order the stages ran (default off: a report is then the same bytes every run) */
  timings?: boolean;
  /** checked before the document is read and when it is done: an aborted signal rejects with its reason (a document being read runs to its end first) */
  signal?: AbortSignal;
}

export interface ExtractBytesOptions extends ExtractOptions {
  /** recorded as `source.path` and named in errors (default `<bytes>`) */
  sourcePath?: string;
}

/**
 * Reads one PDF file into the report of the output contract (validated).
 * @throws InputError when the file is missing, not a PDF, encrypted, empty, corrupt or too long
 */
export async function extractFile(path: string, options: ExtractOptions = {}): Promise<Report> {
  options.signal?.throwIfAborted();
  guardStrayPdfRejections();
  const report = await extractFileStage(path, stageOptions(options));
  options.signal?.throwIfAborted();
  return report;
}

/** The same for PDF bytes in memory (the bytes are copied, not kept or changed). */
export async function extractBytes(
  bytes: Uint8Array | ArrayBuffer,
  options: ExtractBytesOptions = {},
): Promise<Report> {
  options.signal?.throwIfAborted();
  guardStrayPdfRejections();
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const report = await extractBytesStage(data, options.sourcePath ?? '<bytes>', stageOptions(options));
  options.signal?.throwIfAborted();
  return report;
}

function stageOptions(options: ExtractOptions): StageOptions {
  const out: StageOptions = {};
  if (options.ocr !== undefined) out.ocr = options.ocr;
  if (options.ocrDpi !== undefined) out.ocrDpi = options.ocrDpi;
  if (options.pool !== undefined) out.pool = workersOf(options.pool);
  if (options.ocrWorkers !== undefined) out.jobs = options.ocrWorkers;
  if (options.ocrEngine !== undefined) out.ocrEngine = options.ocrEngine;
  if (options.maxPages !== undefined) out.maxPages = options.maxPages;
  if (options.timings !== undefined) out.timings = options.timings;
  return out;
}
