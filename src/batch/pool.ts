// Document workers: one child process per running document, each with a time
// limit and a memory bound. A worker that exceeds either, crashes or exits is
// killed (SIGKILL: src/util/processes.ts says why not a thread) and replaced;
// its document fails with the reason and the batch goes on. Workers are also
// replaced after a number of documents so that whatever a library caches
// between documents cannot grow without bound.
//
// The memory bound is the process's resident memory — the whole document:
// its JavaScript heap, pdf.js's buffers, page images, the canvas, and its OCR
// workers (threads of the same process) with their models.
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { heapWasFull, residentBytes, startProcess, stopProcess } from '../util/processes.ts';
import type { FromWorker, Job, JobResult, ToWorker } from './protocol.ts';

export interface PoolOptions {
  /** at most this many workers (the batch's --jobs) */
  size: number;
  timeoutMs: number;
  /** resident memory of a document's process (everything it uses), checked while a document runs; also V8's heap limit */
  maxMemoryMb: number;
  /**
   * replace a worker after this many documents (default 1000: a process costs more to start than a thread did —
   * recycled every 100, a 300-document batch took 13 % more CPU than with threads; what a worker keeps between
   * documents is bounded by RECYCLE_AT besides)
   */
  recycleAfter?: number;
  /** how often a running worker's memory is sampled */
  memoryCheckMs?: number;
  workerUrl?: URL;
  /** OCR workers each document worker may start (default 1) */
  ocrWorkers?: number;
}

interface Slot {
  child: ChildProcess;
  ready: Promise<void>;
  docs: number;
  /** resident bytes the child last reported (where /proc cannot be read) */
  reported: number | null;
}

// worker.ts in a checkout (sources run directly), worker.js in the installed package (dist/).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);
const MB = 1024 * 1024;
/** A document process's resident memory besides V8's heap, measured: Node, pdf.js's and the native modules' code. */
const NOT_HEAP_MB = 128;
/** A worker holding more than this share of the bound between documents is replaced. */
const RECYCLE_AT = 0.6;

export class DocumentPool {
  private readonly opts: Required<PoolOptions>;
  private readonly idle: Slot[] = [];
  private readonly all = new Set<Slot>();
  private readonly busy = new Set<Slot>();
  private readonly waiting: ((slot: Slot) => void)[] = [];
  private closed = false;

  constructor(options: PoolOptions) {
    this.opts = { recycleAfter: 1000, memoryCheckMs: 50, workerUrl: WORKER_URL, ocrWorkers: 1, ...options };
  }

  /** Starts workers up to the pool's size now, before there is work for them: their set-up overlaps the caller's. */
  warm(): void {
    while (!this.closed && this.all.size < this.opts.size) this.idle.push(this.spawn());
  }

  /** Waits until a worker has loaded the pipeline (started now if none was): a set-up problem shows here, not as N failed documents. */
  async start(): Promise<void> {
    if (this.idle.length === 0) this.idle.push(this.spawn());
    await this.idle[0]!.ready;
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
      // What earlier documents left (caches, a heap not given back, OCR models) counts against the next one's bound:
      // a process already holding much of it is replaced by a fresh one.
      const rss = residentBytes(slot.child.pid!) ?? slot.reported ?? 0;
      if (slot.docs >= this.opts.recycleAfter || rss > this.opts.maxMemoryMb * MB * RECYCLE_AT) this.discard(slot);
      else this.release(slot);
    }
    return result;
  }

  /** Ends every worker at once, a running document with it (its caller gets no result it should record). */
  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.all];
    this.all.clear();
    this.idle.length = 0;
    await Promise.all(slots.map((s) => stopProcess(s.child)));
  }

  private runOn(slot: Slot, job: Job): Promise<JobResult> {
    const { child } = slot;
    return new Promise<JobResult>((resolve) => {
      let settled = false;
      const finish = (result: JobResult, kill: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(memory);
        child.off('message', onMessage);
        child.off('exit', onExit);
        this.busy.delete(slot);
        unref(child);
        if (kill) this.discard(slot);
        resolve(result);
      };
      const onMessage = (m: FromWorker) => {
        if (m.type === 'done' && m.id === job.id) finish(resultOf(m), false);
        else if (m.type === 'failed' && m.id === job.id) {
          const { type: _, id: __, ...failure } = m;
          finish({ ok: false, ...failure }, false);
        }
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        if (heapWasFull(child)) finish(outOfMemory(this.opts.maxMemoryMb), true);
        else
          finish(
            {
              ok: false,
              code: 'crashed',
              reason: `the reader exited (${signal ? `signal ${signal}` : `code ${code}`})`,
            },
            true,
          );
      };
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
      const memory = setInterval(() => {
        const rss = residentBytes(child.pid!) ?? slot.reported;
        if (rss !== null && rss > this.opts.maxMemoryMb * MB) finish(outOfMemory(this.opts.maxMemoryMb), true);
      }, this.opts.memoryCheckMs);
      child.on('message', onMessage);
      child.on('exit', onExit);
      this.busy.add(slot);
      child.ref();
      child.channel?.ref();
      child.send(job satisfies ToWorker, undefined, {}, () => {});
    });
  }

  private spawn(): Slot {
    const child = startProcess(fileURLToPath(this.opts.workerUrl), {
      // V8 collects harder as its heap nears its limit: set below the bound by what is not heap (Node, native modules),
      // so that garbage is collected before the process is killed for holding it.
      heapMb: Math.max(64, this.opts.maxMemoryMb - NOT_HEAP_MB),
      args: [
        JSON.stringify({
          ocrWorkers: this.opts.ocrWorkers,
          memoryReportMs: this.opts.memoryCheckMs,
          maxMemoryMb: this.opts.maxMemoryMb,
        }),
      ],
    });
    const slot: Slot = { child, ready: Promise.resolve(), docs: 0, reported: null };
    child.on('message', (m: FromWorker) => {
      if (m.type === 'memory') slot.reported = m.rss;
    });
    slot.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromWorker) => {
        if (m.type !== 'ready') return;
        cleanup();
        resolve();
      };
      const onError = (err: Error) => {
        cleanup();
        reject(err);
      };
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        cleanup();
        reject(new Error(`worker exited (${signal ? `signal ${signal}` : `code ${code}`}) while starting`));
      };
      const cleanup = () => {
        child.off('message', onMessage);
        child.off('error', onError);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('error', onError);
      child.on('exit', onExit);
    });
    // Starting, it keeps this process alive (someone waits for it); once ready and idle, not.
    slot.ready.then(
      () => {
        if (!this.busy.has(slot)) unref(child);
      },
      () => {},
    );
    // An error on the channel (the child gone while a message was on its way) is its exit's business.
    child.on('error', () => {});
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

  /** Kills a worker; a fresh one takes its place for whoever waits. */
  private discard(slot: Slot): void {
    this.all.delete(slot);
    void stopProcess(slot.child);
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }
}

/** An idle worker does not keep the command alive (a running one is waited for through its timers). */
function unref(child: ChildProcess): void {
  child.unref();
  child.channel?.unref();
}

function outOfMemory(mb: number): JobResult {
  return { ok: false, code: 'out-of-memory', reason: `needed more than ${mb} MB of memory (--max-memory); stopped` };
}

function resultOf(m: Extract<FromWorker, { type: 'done' }>): JobResult {
  return {
    ok: true,
    summary: m.summary,
    ...(m.json !== undefined && { json: m.json }),
    ...(m.parts && { parts: m.parts }),
  };
}

function errMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
