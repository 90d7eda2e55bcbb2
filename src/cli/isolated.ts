// The documents of `extract` and `check` read as `batch` reads them: each in a
// document worker (src/batch/pool.ts) with a time limit, a memory bound and a
// page limit, so that a hostile file (a Flate bomb, an XObject fan-out, a page
// tree of 100,000 pages, an OCR crash) ends as one line naming it and its
// reason, and the files after it are still read.
import { existsSync } from 'node:fs';
import { mkdtemp, open, readFile, rm, type FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULTS } from '../batch/run.ts';
import { DocumentPool } from '../batch/pool.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import type { OcrMode } from '../pipeline/read-pages.ts';
import { tempPath } from '../writers/files.ts';
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
  | { ok: false; code: string; reason: string; stack?: string };

export class IsolatedReader {
  private readonly pool: DocumentPool;
  private readonly limits: Limits;
  private scratch: Promise<string> | null = null;
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
   * writes it (atomically); by default a scratch file, read back and removed. `pageImages`: draw
   * its pages into that folder while the document is open (as `batch --page-images` does).
   */
  async read(
    file: string,
    settings: ReadSettings,
    target?: string,
    pageImages?: { dir: string; dpi: number },
  ): Promise<Read> {
    const id = ++this.id;
    const out = target ?? path.join(await (this.scratch ??= mkdtemp(path.join(os.tmpdir(), 'jixiao-'))), `${id}.json`);
    const tmp = tempPath(out);
    // A name in another byte encoding: opened here by its bytes, read by the worker through the descriptor.
    const bytes = existsSync(file) ? null : rawBytesOf(file);
    const handle: FileHandle | null = bytes ? await open(bytes, 'r').catch(() => null) : null;
    const source = handle ? { source: `/proc/self/fd/${handle.fd}` } : {};
    const result = await this.pool
      .run({
        id,
        file,
        ...source,
        target: out,
        tmp,
        ocr: settings.ocr,
        ocrDpi: settings.ocrDpi,
        ocrEngine: settings.ocrEngine,
        maxPages: this.limits.maxPages,
        timings: settings.timings,
        ...(pageImages && { pageImages }),
      })
      .finally(() => handle?.close());
    if (!result.ok) {
      await rm(tmp, { force: true });
      return result;
    }
    const json = await readFile(out, 'utf8');
    if (!target) await rm(out, { force: true });
    return { ok: true, json, drewPages: !!result.summary.pageImages };
  }

  async close(): Promise<void> {
    await this.pool.close();
    if (this.scratch) await rm(await this.scratch, { recursive: true, force: true });
  }
}
