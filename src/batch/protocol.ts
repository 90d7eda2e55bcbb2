// Messages between the batch and its document workers (child processes: structured clone over IPC).
import type { OcrEngineName } from '../ocr/types.ts';
import type { OcrMode } from '../pipeline/read-pages.ts';
import type { Severity } from '../schema/report.ts';
import type { DocumentParts } from '../writers/writer.ts';

export interface Job {
  id: number;
  /** the input as given (recorded as source.path) */
  file: string;
  /** where to read the bytes when not from `file`: a queue worker's path, or the name's own bytes (not UTF-8) */
  source?: string | Uint8Array;
  /** the PDF itself (a queue job's inline copy): nothing is read from disk */
  data?: Uint8Array;
  /** absolute path of docs/<name>.json, already checked to lie inside the output folder; none: the JSON comes back in the answer */
  target?: string;
  /** the temporary file the report is written to before the rename (with `target`) */
  tmp?: string;
  /**
   * a batch's: the manifest line's `doc`; the run writers' parts for it (DocumentParts) come back with the answer,
   * so that the batch neither reads the report back nor renders its rows
   */
  doc?: string;
  ocr: OcrMode;
  ocrDpi: number;
  /** default PP-OCR */
  ocrEngine?: OcrEngineName;
  maxPages: number;
  /** stage times into the report's tool.timings */
  timings?: boolean;
  /**
   * --page-images: draw the pages into `dir` (absolute, checked to lie inside the output folder) while the
   * document is open; `all: false` (`jixiao report`'s PDF inputs): only those holding a finding
   */
  pageImages?: { dir: string; dpi: number; all?: boolean };
}

export interface DocSummary {
  sha256: string;
  pages: number;
  ocrPages: number;
  findings: Record<Severity, number>;
  /** its pages were drawn (--page-images) */
  pageImages?: boolean;
}

export type ToWorker = Job;

export type FromWorker =
  | { type: 'ready' }
  /** resident bytes, from a worker whose parent cannot read /proc */
  | { type: 'memory'; rss: number }
  /** `json`: the report's JSON (one line) when the job had no target; `parts`: when it had a `doc` */
  | { type: 'done'; id: number; summary: DocSummary; json?: string; parts?: DocumentParts }
  | ({ type: 'failed'; id: number } & Failure);

/**
 * Why a document failed. Code `environment` is not the document's failure but the machine's (a full disk …):
 * `errno` (ENOSPC, EDQUOT, EROFS, EMFILE, ENFILE) and the file it happened on; the batch stops on it.
 */
export interface Failure {
  code: string;
  reason: string;
  errno?: string;
  path?: string;
  /** the error's stack, for --debug */
  stack?: string;
}

export type JobResult =
  { ok: true; summary: DocSummary; json?: string; parts?: DocumentParts } | ({ ok: false } & Failure);
