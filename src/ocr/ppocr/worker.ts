// A PP-OCR worker thread: one engine (its own ONNX Runtime sessions) reading
// the page images it is sent, one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { createPpOcrEngine } from './engine.ts';

export interface PageJob {
  id: number;
  width: number;
  height: number;
  pixels: Uint8Array;
  pixelsPerPoint: number;
}

const port = parentPort;
if (!port) throw new Error('ppocr/worker.ts runs only as a worker thread');
const { threads, detLimit } = workerData as { threads: number; detLimit?: number };
const engine = createPpOcrEngine({ threads, detLimit });

port.on('message', (job: PageJob) => {
  engine
    .then((e) => e.recognize({ width: job.width, height: job.height, pixels: job.pixels }, job.pixelsPerPoint))
    .then(
      (result) => port.postMessage({ id: job.id, result }),
      (err: unknown) => port.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) }),
    );
});
