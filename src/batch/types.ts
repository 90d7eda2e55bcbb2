// The shapes of a batch, in a file of their own: run.ts plans and finishes a batch, plan.ts matches its
// inputs against the manifest, local.ts reads them on document processes, src/queue/ through workers.
import type { OcrEngineName } from '../ocr/types.ts';
import type { OcrMode } from '../pipeline/options.ts';
import type { TableCounts } from '../writers/csv.ts';
import type { ManifestRecord } from '../writers/manifest.ts';
import type { DocumentParts } from '../writers/writer.ts';
import type { CorrectionsDone } from './corrections.ts';
import type { ProgressMode } from './progress.ts';

export interface BatchOptions {
  /** files, folders, globs; or a name's own bytes (one that is not UTF-8, as the CLI passes it) */
  inputs: (string | Buffer)[];
  /** the output folder: docs/<name>.json, manifest.jsonl, facts.csv, findings.csv, documents.csv, facts.jsonl */
  out: string;
  /** documents at once (default: the number of cores) */
  jobs?: number;
  /** per document, seconds (default 600) */
  timeoutSeconds?: number;
  /** per document, MB of its process's resident memory, its OCR workers included (default 2048, at least 256) */
  maxMemoryMb?: number;
  /** a document declaring more pages fails without being read (default 2000) */
  maxPages?: number;
  /** redo every document, ignoring what earlier runs finished */
  force?: boolean;
  /** redo documents that failed in an earlier run with the same options */
  retryFailed?: boolean;
  ocr?: OcrMode;
  ocrDpi?: number;
  /** `ppocr` (default: PP-OCR through ONNX Runtime) or `tesseract` (tesseract.js) */
  ocrEngine?: OcrEngineName;
  /** each report carries its stage times in tool.timings (default off) */
  timings?: boolean;
  /**
   * also draw each document's pages (144 dpi) into DIR/pages/<name>/ while it is open (default off), for
   * `jixiao report DIR` to copy instead of opening every PDF again: every page (true), or `findings` only
   * those a first site draws (findingPages: the pages of its findings and of the facts they name)
   */
  pageImages?: boolean | 'findings';
  /** default: a bar on a terminal, lines otherwise */
  progress?: ProgressMode;
  progressIntervalMs?: number;
  /** replace a worker after this many documents (default 1000; one holding 60 % of --max-memory between documents is replaced at once) */
  recycleAfter?: number;
  /** stop starting documents; running ones are stopped and not recorded */
  signal?: AbortSignal;
  /** told as each input starts and as it ends with its manifest line (the library's runBatch events) */
  onEvent?: (event: BatchEvent) => void;
}

/** One input's progress: `started` when its document is handed to a worker; one of the others when its manifest line is known. */
export type BatchEvent =
  | { type: 'started'; index: number; path: string }
  | { type: 'done' | 'failed' | 'skipped'; index: number; path: string; record: ManifestRecord; reused: boolean };

export interface BatchResult {
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  /** finished by an earlier run and kept */
  reused: number;
  pages: number;
  seconds: number;
  /** 0 all ok, 1 some failed, 130 interrupted */
  exitCode: number;
  out: string;
  tables: TableCounts | null;
  /** what DIR/corrections.jsonl did to the documents (absent when the folder has none) */
  corrections?: CorrectionsDone;
}

/** One input of a batch as it goes through a run. */
export interface BatchItem {
  /** position among the inputs, as expanded */
  index: number;
  /** the input's name as shown and recorded (a name that is not UTF-8: decoded, a replacement character a byte) */
  file: string;
  /** its own bytes when it is not UTF-8: what is opened (and recorded as pathBytes), else null */
  raw: Buffer | null;
  /** it does not start as a PDF does (found while hashing, which stopped there) */
  notPdf?: boolean;
  name: string;
  /** docs/<name>.json relative to the output folder: the report JSON, the first of DOCUMENT_WRITERS (src/writers/index.ts) */
  doc: string;
  /** `doc`, absolute */
  target: string;
  /** every file of its document, absolute, in DOCUMENT_WRITERS' order: `target` first, then the other formats */
  files: string[];
  /** pages/<name> relative to the output folder: where --page-images draws its pages */
  pagesDir: string;
  sha256: string | null;
  bytes: number | null;
  record: ManifestRecord | null;
  /** finished before this run */
  reused: boolean;
}

/** A document ended: its manifest line, and the run writers' parts of its report when they were made with it. */
export type Finished = (item: BatchItem, record: ManifestRecord, parts?: DocumentParts) => Promise<void>;

/** What every manifest line of this run records its result depends on. */
export type RunBase = Pick<ManifestRecord, 'tool' | 'ocr' | 'ocrDpi' | 'ocrEngine' | 'limits' | 'timings'>;

export type ResolvedBatchOptions = Required<Omit<BatchOptions, 'signal' | 'onEvent'>> &
  Pick<BatchOptions, 'signal' | 'onEvent'>;

/** A batch after its inputs were hashed and matched against the manifest: what is left to run. */
export interface BatchPlan {
  opts: ResolvedBatchOptions;
  root: string;
  items: BatchItem[];
  /** the inputs to read in this run (one per distinct content) */
  toRun: BatchItem[];
  base: RunBase;
  /** later inputs with the same content as an earlier one, each with that first one: told and recorded at the end */
  duplicates: [BatchItem, BatchItem][];
  /** DIR/manifest.jsonl */
  manifest: string;
}

/**
 * How the documents of a batch are read: by document processes here (the local batch) or by workers taking
 * jobs from a queue (src/queue/). Planning, the manifest, docs/ and the tables are the same code for both.
 */
export interface DocumentRunner {
  /**
   * Told, before the inputs are hashed, that about `expected` documents will likely be read: set-up may begin
   * (document processes start loading) while the plan is made. `close` ends it if nothing is read after all.
   */
  prepare?(expected: number): void;
  /** Set-up before progress shows (start a worker, connect); throws BatchSetupError when nothing can run. */
  start(plan: BatchPlan): Promise<void>;
  /**
   * Reads plan.toRun, calling `finished` once for each document that ended (not for those a stop cut short), with
   * the run writers' parts of its report where the reader made them (DocumentParts).
   */
  run(plan: BatchPlan, finished: Finished): Promise<void>;
  close(): Promise<void>;
}
