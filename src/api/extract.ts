// extractFile / extractBytes: one document to its Report.
import {
  extractBytes as extractBytesStage,
  extractFile as extractFileStage,
  type ExtractOptions as StageOptions,
} from '../pipeline/extract.ts';
import type { ReadingOptions } from '../pipeline/options.ts';
import type { Report } from '../schema/report.ts';
import { guardStrayPdfRejections } from './stray.ts';
import type { OcrPool } from './ocr.ts';
import { workersOf } from './ocr-internal.ts';

/** The pipeline's options of reading, as they are (src/pipeline/options.ts), a pool made by createOcrPool(), and a signal. */
export interface ExtractOptions extends ReadingOptions {
  /** OCR workers shared across documents (createOcrPool; the caller closes it). Without one, workers are started for this document if a page needs OCR and closed at its end. */
  pool?: OcrPool;
  /** checked before the document is read and when it is done: an aborted signal rejects with its reason (a document being read runs to its end first) */
  signal?: AbortSignal;
}

/** Which options go through to the pipeline: every one of ReadingOptions (tsc holds the list to it), and no other a caller may have put in. */
const PASSED: Record<keyof ReadingOptions, true> = {
  ocr: true,
  ocrDpi: true,
  ocrWorkers: true,
  ocrEngine: true,
  maxPages: true,
  timings: true,
};

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

/** Only the options named in PASSED, and only those given (the pipeline's defaults stand for the rest). */
function stageOptions(options: ExtractOptions): StageOptions {
  const out: StageOptions = {};
  for (const key of Object.keys(PASSED) as (keyof ReadingOptions)[]) pass(options, out, key);
  if (options.pool !== undefined) out.pool = workersOf(options.pool);
  return out;
}

function pass<K extends keyof ReadingOptions>(from: ReadingOptions, to: ReadingOptions, key: K): void {
  if (from[key] !== undefined) to[key] = from[key];
}
