// Document workers: one thread per running document, each with a time limit
// and a memory bound. A worker that exceeds either, crashes or exits is
// terminated and replaced; its document fails with the reason and the batch
// goes on. Workers are also replaced after a number of documents so that
// whatever a library caches between documents cannot grow without bound.
import type { Worker } from 'node:worker_threads';
import { startThread, stopThread } from '../util/threads.ts';
import type { FromWorker, Job, JobResult } from './protocol.ts';

export interface PoolOptions {
  /** at most this many workers (the batch's --jobs) */
  size: number;
  timeoutMs: number;
  /** V8 heap (old generation) limit and, checked while a document runs, heap + array buffers */
  maxMemoryMb: number;
  /** replace a worker after this many documents */
  recycleAfter?: number;
  /** how often a running worker's memory is sampled */
  memoryCheckMs?: number;
  workerUrl?: URL;
  /** OCR workers each document worker may start (default 1) */
  ocrWorkers?: number;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  docs: number;
}

// worker.ts in a checkout (sources run directly), worker.js in the installed package (dist/).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
const MB = 1024 * 1024;

export class DocumentPool {
  private readonly opts: Required<PoolOptions>;
  private readonly idle: Slot[] = [];
  private readonly all = new Set<Slot>();
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private closed = false;

  constructor(options: PoolOptions) {
    this.opts = { recycleAfter: 100, memoryCheckMs: 200, workerUrl: WORKER_URL, ocrWorkers: 1, ...options };
  }

  /** Starts one worker and waits until it has loaded the pipeline: a set-up problem shows here, not as N failed documents. */
  async start(): Promise<void> {
    const slot = this.spawn();
    await slot.ready;
    this.idle.push(slot);
  }

  /** Runs one document. Never rejects: every way a document can end is a JobResult. */
  async run(job: Job): Promise<JobResult> {
    const slot = await this.acquire();
    try {
      await slot.ready;
    } catch (err) {
      this.discard(slot);
      return { ok: false, code: 'crashed', reason: `worker failed to start: ${errMessage(err)}` };
    }
    const result = await this.runOn(slot, job);
    const killed =
      !result.ok && (result.code === 'timeout' || result.code === 'out-of-memory' || result.code === 'crashed');
    if (!killed) {
      slot.docs++;
      if (slot.docs >= this.opts.recycleAfter) this.discard(slot);
      else this.release(slot);
    }
    return result;
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(slots.map((s) => stopThread(s.worker)));
  }

  private runOn(slot: Slot, job: Job): Promise<JobResult> {
    const { worker } = slot;
    return new Promise<JobResult>((resolve) => {
      let settled = false;
      const finish = (result: JobResult, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(memory);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) this.discard(slot);
        resolve(result);
      };
      const onMessage = (m: FromWorker) => {
        if (m.type === 'done' && m.id === job.id) finish({ ok: true, summary: m.summary }, false);
        else if (m.type === 'failed' && m.id === job.id) {
          const { type: _, id: __, ...failure } = m;
          finish({ ok: false, ...failure }, false);
        }
      };
      const onError = (err: Error) => {
        if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')
          finish(outOfMemory(this.opts.maxMemoryMb), true);
        else finish({ ok: false, code: 'crashed', reason: `the reader crashed: ${errMessage(err)}` }, true);
      };
      const onExit = (code: number) =>
        finish({ ok: false, code: 'crashed', reason: `the reader exited (code ${code})` }, true);
      const timer = setTimeout(
        () =>
          finish(
            {
              ok: false,
              code: 'timeout',
              reason: `not finished within ${this.opts.timeoutMs / 1000} s (--timeout); stopped`,
            },
            true,
          ),
        this.opts.timeoutMs,
      );
      // The heap limit does not cover array buffers (decoded streams, images): sample both.
      let sampling = false;
      const memory = setInterval(() => {
        if (sampling) return;
        sampling = true;
        worker.getHeapStatistics().then(
          (h) => {
            sampling = false;
            if (h.used_heap_size + h.external_memory > this.opts.maxMemoryMb * MB)
              finish(outOfMemory(this.opts.maxMemoryMb), true);
          },
          () => (sampling = false),
        );
      }, this.opts.memoryCheckMs);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  private spawn(): Slot {
    const worker = startThread(this.opts.workerUrl, {
      workerData: { ocrWorkers: this.opts.ocrWorkers },
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type !== 'ready') return;
        cleanup();
        resolve();
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number) => {
        cleanup();
        reject(new Error(`worker exited (code ${code}) while starting`));
      };
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
    });
    ready.catch(() => {});
    const slot: Slot = { worker, ready, docs: 0 };
    this.all.add(slot);
    return slot;
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new Error('pool closed'));
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    if (this.all.size < this.opts.size) return Promise.resolve(this.spawn());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(slot: Slot): void {
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(slot);
    else this.idle.push(slot);
  }

  /** Terminates a worker; a fresh one takes its place for whoever waits. */
  private discard(slot: Slot): void {
    this.all.delete(slot);
    void stopThread(slot.worker);
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }
}

function outOfMemory(mb: number): JobResult {
  return { ok: false, code: 'out-of-memory', reason: `needed more than ${mb} MB of memory (--max-memory); stopped` };
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
