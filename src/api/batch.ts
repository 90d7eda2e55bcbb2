// runBatch: many documents into an output folder, as `jixiao batch` does
// (document processes, time and memory limits, manifest, resume, CSV tables).
// What it returns is both a promise of the summary and an async iterable of
// per-document events; an AbortSignal stops it.
import type { CorrectionsDone } from '../batch/corrections.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  runBatch as runBatchStage,
  type BatchEvent as StageEvent,
  type BatchOptions as StageOptions,
} from '../batch/run.ts';
import type { ManifestRecord, ManifestStatus } from '../writers/manifest.ts';
import type { TableCounts } from '../writers/csv.ts';
import type { Report } from '../schema/report.ts';
import type { OcrEngine, OcrMode } from './ocr-types.ts';

export type { ManifestRecord, ManifestStatus, TableCounts };

export interface BatchOptions {
  /** the output folder: docs/<name>.json, manifest.jsonl, facts.csv, findings.csv, documents.csv, facts.jsonl */
  out: string;
  /** documents read at once, one worker thread each (default: the number of cores) */
  jobs?: number;
  /** per document (default 600): a document not done by then fails with code `timeout` */
  timeoutSeconds?: number;
  /** per document, MB of JavaScript heap and buffers (default 2048): beyond it the document fails with `out-of-memory` */
  maxMemoryMb?: number;
  /** a document declaring more pages fails unread (default 2000) */
  maxPages?: number;
  /** redo every document, ignoring what earlier runs in `out` finished */
  force?: boolean;
  /** redo documents that failed in an earlier run */
  retryFailed?: boolean;
  ocr?: OcrMode;
  ocrDpi?: number;
  /** `ppocr` (default: PP-OCR through ONNX Runtime) or `tesseract` (tesseract.js) */
  ocrEngine?: OcrEngine;
  /** each document's report carries its stage times in `tool.timings` (default off; not with a queue) */
  timings?: boolean;
  /**
   * also draw each document's pages (144 dpi) into `out/pages/<name>/` while it is open, for `jixiao report`
   * of the folder to copy rather than draw (default off; not with a queue)
   */
  pageImages?: boolean;
  /** progress on stderr, as the CLI shows it (default `none`) */
  progress?: 'bar' | 'lines' | 'none';
  /** stops the batch: no more documents start, running ones are stopped and not recorded (a later run redoes them); the result has `interrupted: true` */
  signal?: AbortSignal;
}

interface EventBase {
  /** position of the input among all inputs (folders and globs expanded, in order) */
  index: number;
  /** the input file as found */
  path: string;
}

/** The document was handed to a worker. */
export interface StartedEvent extends EventBase {
  type: 'started';
}

/** Read; its report is in `out` (`file`). */
export interface DoneEvent extends EventBase {
  type: 'done';
  /** its line in manifest.jsonl */
  record: ManifestRecord;
  /** finished by an earlier run into the same folder and kept (no `started` event) */
  reused: boolean;
  /** absolute path of docs/<name>.json */
  file: string;
  /** reads the report back from `file` */
  report(): Promise<Report>;
}

/** Could not be read: `record.code` (not-pdf, encrypted, corrupt, empty, not-found, unreadable, not-a-file, too-large, too-many-pages, timeout, out-of-memory, crashed, error) and `record.reason`. */
export interface FailedEvent extends EventBase {
  type: 'failed';
  record: ManifestRecord;
  reused: boolean;
}

/** The same content as an earlier input (`record.code` `duplicate`); told at the end of the batch. */
export interface SkippedEvent extends EventBase {
  type: 'skipped';
  record: ManifestRecord;
}

export type BatchEvent = StartedEvent | DoneEvent | FailedEvent | SkippedEvent;

export interface BatchResult {
  /** inputs (after expanding folders and globs) */
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  /** finished by an earlier run and kept */
  reused: number;
  /** pages read by this run */
  pages: number;
  seconds: number;
  /** the output folder (resolved) */
  out: string;
  /** stopped by the signal: the manifest holds what was finished; run again to go on */
  interrupted: boolean;
  /** rows written to the CSV tables (null when interrupted) */
  tables: TableCounts | null;
  /** what DIR/corrections.jsonl did to the documents (absent when the folder has none; contract 1.3) */
  corrections?: CorrectionsDone;
}

/**
 * A running batch. `await run` gives the summary; `for await (const e of run)`
 * gives every event from the start (each loop sees all of them; leaving the
 * loop early stops listening, not the batch — abort the signal for that).
 * It rejects (and a loop throws) with BatchSetupError when nothing could run:
 * no inputs found, the output folder unusable or locked by another batch; and
 * with BatchEnvironmentError when the machine stopped it (a full disk …: what was
 * recorded stands, the same call once that is fixed reads the rest).
 */
export class BatchRun implements PromiseLike<BatchResult>, AsyncIterable<BatchEvent> {
  readonly #events: BatchEvent[] = [];
  readonly #waiting: (() => void)[] = [];
  readonly #result: Promise<BatchResult>;
  #ended = false;

  /** @internal use runBatch() */
  constructor(inputs: readonly (string | Buffer)[], options: BatchOptions) {
    const { out } = options;
    const stage: StageOptions = {
      ...options,
      inputs: [...inputs],
      progress: options.progress ?? 'none',
      onEvent: (e) => this.#push(toEvent(e, out)),
    };
    this.#result = runBatchStage(stage).then(
      (r) => {
        this.#end();
        const { exitCode, ...rest } = r;
        return { ...rest, interrupted: exitCode === 130 };
      },
      (err: unknown) => {
        this.#end();
        throw err;
      },
    );
    // An error is the caller's through await or the loop; it is not an unhandled rejection if they only loop.
    this.#result.catch(() => {});
  }

  then<A = BatchResult, B = never>(
    onDone?: ((r: BatchResult) => A | PromiseLike<A>) | null,
    onError?: ((err: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then(onDone, onError);
  }

  catch<B = never>(onError?: ((err: unknown) => B | PromiseLike<B>) | null): Promise<BatchResult | B> {
    return this.#result.catch(onError);
  }

  finally(onFinally?: (() => void) | null): Promise<BatchResult> {
    return this.#result.finally(onFinally);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<BatchEvent> {
    let i = 0;
    for (;;) {
      if (i < this.#events.length) {
        yield this.#events[i++]!;
        continue;
      }
      if (this.#ended) {
        await this.#result; // throws the batch's error, if any
        return;
      }
      await new Promise<void>((wake) => this.#waiting.push(wake));
    }
  }

  #push(event: BatchEvent): void {
    this.#events.push(event);
    this.#wake();
  }

  #end(): void {
    this.#ended = true;
    this.#wake();
  }

  #wake(): void {
    for (const wake of this.#waiting.splice(0)) wake();
  }
}

/**
 * Reads many PDFs (files, folders searched recursively for *.pdf, glob
 * patterns) into `options.out`, in parallel and resumably, like `jixiao batch`.
 * An input may be a Buffer: a file name's own bytes, where they are not UTF-8.
 * A document that fails does not stop the others.
 */
export function runBatch(inputs: readonly (string | Buffer)[], options: BatchOptions): BatchRun {
  return new BatchRun(inputs, options);
}

function toEvent(e: StageEvent, out: string): BatchEvent {
  const base = { index: e.index, path: e.path };
  switch (e.type) {
    case 'started':
      return { type: 'started', ...base };
    case 'done': {
      const file = path.resolve(out, e.record.doc!);
      return {
        type: 'done',
        ...base,
        record: e.record,
        reused: e.reused,
        file,
        report: async () => JSON.parse(await readFile(file, 'utf8')) as Report,
      };
    }
    case 'failed':
      return { type: 'failed', ...base, record: e.record, reused: e.reused };
    case 'skipped':
      return { type: 'skipped', ...base, record: e.record };
  }
}
