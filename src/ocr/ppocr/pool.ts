// PP-OCR workers: worker threads, each with one engine, each page sent to an
// idle one (its pixels moved, not copied). The cores are shared out: with as
// many workers as cores each runs ONNX Runtime on one thread; fewer workers
// get the spare cores as threads of their own.
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startThread, stopThread } from '../../util/threads.ts';
import type { Grey } from '../image.ts';
import type { OcrPool, OcrResult } from '../types.ts';
import type { PageJob } from './worker.ts';

// worker.ts in a checkout (sources run directly), worker.js in the installed package (dist/).
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

interface Pending {
  resolve: (r: OcrResult) => void;
  reject: (e: Error) => void;
}

// eslint-disable-next-line max-lines-per-function -- split pending (issue 11)
export function createPpOcrPool(
  size = Math.max(1, os.availableParallelism()),
  options: { detLimit?: number; threads?: number } = {},
): OcrPool {
  const threads = options.threads ?? Math.max(1, Math.floor(os.availableParallelism() / size));
  offline();
  const idle: Worker[] = [];
  const all: Worker[] = [];
  const waiting: (() => void)[] = [];
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed = false;

  const spawn = (): Worker => {
    const worker = startThread(WORKER_URL, { workerData: { threads, detLimit: options.detLimit } });
    worker.unref();
    worker.on('message', (m: { id: number; result?: OcrResult; error?: string }) => {
      const p = pending.get(m.id);
      if (!p) return;
      pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result!);
    });
    const fail = (err: Error) => {
      for (const [id, p] of pending) if (owner.get(id) === worker) (pending.delete(id), p.reject(err));
      const i = all.indexOf(worker);
      if (i >= 0) all.splice(i, 1);
      const j = idle.indexOf(worker);
      if (j >= 0) idle.splice(j, 1);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`OCR worker stopped (exit ${code})`)));
    all.push(worker);
    return worker;
  };
  const owner = new Map<number, Worker>();

  const acquire = async (): Promise<Worker> => {
    for (;;) {
      const ready = idle.pop();
      if (ready) return ready;
      if (all.length < size) return spawn();
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  const release = (w: Worker) => {
    if (all.includes(w)) idle.push(w);
    waiting.shift()?.();
  };

  return {
    size,
    engine: 'ppocr',
    async recognize(image: Grey, pixelsPerPoint: number) {
      if (closed) throw new Error('OCR pool is closed');
      const worker = await acquire();
      const id = ++nextId;
      owner.set(id, worker);
      try {
        return await new Promise<OcrResult>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          worker.ref();
          const job: PageJob = { id, width: image.width, height: image.height, pixels: image.pixels, pixelsPerPoint };
          worker.postMessage(job, [image.pixels.buffer as ArrayBuffer]);
        });
      } finally {
        owner.delete(id);
        worker.unref();
        release(worker);
      }
    },
    async close() {
      closed = true;
      await Promise.all(all.splice(0).map((w) => stopThread(w)));
    },
  };
}

/**
 * ONNX Runtime sends telemetry unless told not to: with PP-OCR it asked DNS for a vendor's events host
 * (mobile.events.data.microsoft.com, 8 queries in one run). It reads ORT_DISABLE_TELEMETRY from the process's
 * environment when it starts, in the worker threads made below: set here, in the thread that makes them (in the
 * main thread this is the process's own environment, which native code reads; the CLI's processes inherit it).
 */
export function offline(): void {
  process.env.ORT_DISABLE_TELEMETRY = '1';
}
