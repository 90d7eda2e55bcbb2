// The documents of `extract` and `check` read as `batch` reads them: each in a
// document worker (src/batch/pool.ts) with a time limit, a memory bound and a
// page limit, so that a hostile file (a Flate bomb, an XObject fan-out, a page
// tree of 100,000 pages, an OCR crash) ends as one line naming it and its
// reason, and the files after it are still read.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { DEFAULT_LIMITS as DEFAULTS } from '../batch/limits.ts';
import { DocumentPool } from '../batch/pool.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import type { OcrMode } from '../pipeline/read-pages.ts';
import { tempPath } from '../util/files.ts';
import { rawBytesOf } from './raw-args.ts';

export interface Limits {
  timeoutSeconds: number;
  maxMemoryMb: number;
  maxPages: number;
}

export const DEFAULT_LIMITS: Limits = {
  timeoutSeconds: DEFAULTS.timeoutSeconds,
  maxMemoryMb: DEFAULTS.maxMemoryMb,
  maxPages: DEFAULTS.maxPages,
};

export interface ReadSettings {
  ocr: OcrMode;
  ocrDpi: number;
  ocrEngine: OcrEngineName;
  /** stage times into the report's tool.timings */
  timings?: boolean;
}

export type Read =
  | { ok: true; json: string; /** its pages were drawn (the `pageImages` asked for) */ drewPages: boolean }
  | {
      ok: false;
      code: string;
      reason: string;
      stack?: string;
      /** code `environment`: the errno and its file */ errno?: string;
      path?: string;
    };

export class IsolatedReader {
  private readonly pool: DocumentPool;
  private readonly limits: Limits;
  private id = 0;

  /**
   * `ocrWorkers`: the OCR workers of each document worker, kept across the documents it reads;
   * `size`: documents read at once (reads beyond it wait their turn).
   */
  constructor(limits: Limits, ocrWorkers: number, size = 1) {
    this.limits = limits;
    this.pool = new DocumentPool({
      size,
      timeoutMs: limits.timeoutSeconds * 1000,
      maxMemoryMb: limits.maxMemoryMb,
      ocrWorkers,
    });
  }

  /**
   * Reads `file` into its report's JSON (one line). `target`: where the worker
   * writes it (atomically); by default nowhere — the JSON comes back in memory, so
   * nothing is written outside the output folder. `pageImages`: draw
   * its pages into that folder while the document is open (as `batch --page-images` does; `all: false`:
   * only the pages holding a finding).
   */
  async read(
    file: string,
    settings: ReadSettings,
    target?: string,
    pageImages?: { dir: string; dpi: number; all?: boolean },
    raw?: Buffer | null,
  ): Promise<Read> {
    const id = ++this.id;
    const tmp = target ? tempPath(target) : undefined;
    // A name in another byte encoding (`raw`, or an argument's as given): opened by its own bytes.
    const bytes = raw ?? (existsSync(file) ? null : rawBytesOf(file));
    const result = await this.pool.run({
      id,
      file,
      ...(bytes && { source: new Uint8Array(bytes) }),
      ...(target && { target, tmp }),
      ocr: settings.ocr,
      ocrDpi: settings.ocrDpi,
      ocrEngine: settings.ocrEngine,
      maxPages: this.limits.maxPages,
      timings: settings.timings,
      ...(pageImages && { pageImages }),
    });
    if (!result.ok) {
      if (tmp) await rm(tmp, { force: true });
      return result;
    }
    const json = result.json ?? (await readFile(target!, 'utf8'));
    return { ok: true, json, drewPages: !!result.summary.pageImages };
  }

  async close(): Promise<void> {
    await this.pool.close();
  }
}
