// Worker threads whose stderr is passed on to the process's own until they are
// being stopped. A thread terminated while it is still loading its modules
// (a batch stopped by a full disk, a pool closed) can fail half-way through
// loading a native addon; pdf.js then warns 'Cannot load "@napi-rs/canvas"'.
// That warning is about the stop, not the machine: once a thread is being
// stopped, what it still writes is dropped. Everything before is shown as is.
import { Worker, type WorkerOptions } from 'node:worker_threads';

const stopping = new WeakSet<Worker>();

/** A worker thread like `new Worker`, with its stderr passed on while it is not being stopped. */
export function startThread(url: URL, options: WorkerOptions = {}): Worker {
  const worker = new Worker(url, { ...options, stderr: true });
  worker.stderr.on('data', (chunk: Buffer) => {
    if (!stopping.has(worker)) process.stderr.write(chunk);
  });
  return worker;
}

/** Terminates a thread started by startThread; nothing it writes from now on is shown. */
export function stopThread(worker: Worker): Promise<number> {
  stopping.add(worker);
  return worker.terminate().catch(() => 0);
}
