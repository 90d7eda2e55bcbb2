// The site's page images drawn in worker threads, one document each at a time (in this thread, one at a
// time, when one will do), each stopped past the batch's limits when it has them. PDFium's wasm is
// compiled once here and handed to each thread with its jobs: a thread then only instantiates it, and
// what V8 compiles of it as it runs is shared (≈ 0.13 s of CPU less for each thread after the first).
import { readFile } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { defaultPdfEngine } from '../pdf/document.ts';
import { compiledPdfium } from '../pdf/pdfium/module.ts';
import { startThread, stopThread } from '../util/threads.ts';
import { drawPdfPages, type DrawnPage, type PageChoice, type PagesKey } from '../writers/page-images.ts';
import type { RenderJob } from './render-worker.ts';

// render-worker.ts in a checkout (sources run directly), render-worker.js in the installed package (dist/).
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './render-worker.ts' : './render-worker.js',
  import.meta.url,
);

/** What one job draws: these pages; with `measure`, every other page's size as well. */
export interface DrawRequest {
  pages: PageChoice;
  measure?: boolean;
}

/** Per document: its drawing stops beyond them, and its pages say why. */
export interface DrawLimits {
  timeoutSeconds: number;
  maxMemoryMb: number;
}

export class Renderer {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: (() => void)[] = [];
  private readonly pending = new Map<
    number,
    { worker: Worker; resolve: (p: DrawnPage[]) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private running = 0;
  /** PDFium compiled for the threads (null: each compiles its own, as where compiling here failed) */
  private pdfium: Promise<object | null> | null = null;

  private readonly size: number;
  private readonly limits: DrawLimits | null;
  private readonly inThread: boolean;
  /**
   * `limits`: each document's drawing is stopped beyond them (its page shows why), in a thread even when
   * size is 1; `inThread`: without limits, drawn in this thread (by default when size is 1)
   */
  constructor(size: number, limits: DrawLimits | null = null, inThread = size <= 1) {
    this.size = size;
    this.limits = limits;
    this.inThread = inThread && !limits;
  }

  /**
   * Draws the chosen pages of a PDF into `dir` and says what each became (see drawSome). `request` may
   * be a function, asked when the job gets its thread: the review server then draws every page of the
   * document asked for while it waited, in one opening of the PDF.
   */
  async render(
    pdf: string | Uint8Array,
    key: PagesKey,
    dir: string,
    request: DrawRequest | (() => DrawRequest),
  ): Promise<DrawnPage[]> {
    while (this.running >= this.size) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      const { pages, measure = false } = typeof request === 'function' ? request() : request;
      if (this.inThread) {
        const bytes = new Uint8Array(await readFile(typeof pdf === 'string' ? pdf : Buffer.from(pdf)));
        return await drawPdfPages(bytes, key, dir, pages, measure);
      }
      const pdfium = await (this.pdfium ??=
        defaultPdfEngine() === 'pdfium' ? compiledPdfium().catch(() => null) : Promise.resolve(null));
      const worker = this.idle.pop() ?? this.spawn();
      const id = this.next++;
      const timer = this.limits && setTimeout(() => this.stop(id, worker), this.limits.timeoutSeconds * 1000);
      try {
        return await new Promise<DrawnPage[]>((resolve, reject) => {
          this.pending.set(id, { worker, resolve, reject });
          worker.postMessage({ id, pdf, key, dir, pages, measure, pdfium } satisfies RenderJob);
        });
      } finally {
        if (timer) clearTimeout(timer);
        if (this.workers.includes(worker)) this.idle.push(worker);
      }
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  /** Past the time limit: the document fails to draw with the reason, its thread is stopped and not used again. */
  private stop(id: number, worker: Worker): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    p?.reject(new Error(`drawing its pages took longer than ${this.limits!.timeoutSeconds} s (--timeout)`));
    this.workers.splice(this.workers.indexOf(worker), 1);
    void stopThread(worker);
  }

  private spawn(): Worker {
    const worker = startThread(
      WORKER_URL,
      this.limits ? { resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb } } : {},
    );
    worker.on('message', (m: { id: number; pages?: DrawnPage[]; error?: string; code?: string; path?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error !== undefined) p?.reject(Object.assign(new Error(m.error), { code: m.code, path: m.path }));
      else p?.resolve(m.pages!);
    });
    // A crashed thread fails its document (shown without pages) and is not used again.
    const fail = (err: Error) => {
      this.workers.splice(this.workers.indexOf(worker), 1);
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        p.reject(err);
      }
    };
    worker.on('error', (err: Error & { code?: string }) =>
      fail(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY' && this.limits
          ? new Error(`drawing its pages needed more than ${this.limits.maxMemoryMb} MB (--max-memory)`)
          : err,
      ),
    );
    worker.on('exit', (code) => {
      if (this.workers.includes(worker)) fail(new Error(`render thread exited (${code})`));
    });
    this.workers.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    const all = [...this.workers];
    this.workers.length = 0;
    await Promise.all(all.map((w) => stopThread(w)));
  }
}
