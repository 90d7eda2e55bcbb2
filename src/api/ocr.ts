// The OCR workers as a resource the caller owns: made once, shared by any
// number of extractFile/extractBytes calls, closed once (close() or
// `await using`). Workers start only when a page first needs OCR.
import { createOcrPool as createWorkers, defaultPoolSize } from '../ocr/pool.ts';
import type { OcrEngine } from './ocr-types.ts';
import { inner } from './ocr-internal.ts';

export interface OcrPoolOptions {
  /** OCR workers, each one OCRs one page at a time (default: the number of cores) */
  workers?: number;
  /** `ppocr` (default: PP-OCRv4 mobile through ONNX Runtime) or `tesseract` (tesseract.js) */
  engine?: OcrEngine;
}

/** A pool of OCR workers to share across documents. Close it when done: `await pool.close()`, or `await using pool = createOcrPool()`. */
export class OcrPool implements AsyncDisposable {
  /** the number of workers it starts at most */
  readonly size: number;
  /** the engine its workers run */
  readonly engine: OcrEngine;
  #closed: Promise<void> | null = null;

  constructor(options: OcrPoolOptions = {}) {
    const size = options.workers ?? defaultPoolSize();
    if (!Number.isInteger(size) || size < 1)
      throw new RangeError(`OCR workers must be a positive integer (got ${size})`);
    this.size = size;
    if (options.engine !== undefined && options.engine !== 'ppocr' && options.engine !== 'tesseract')
      throw new RangeError(`unknown OCR engine: ${String(options.engine)}`);
    const workers = createWorkers(size, options.engine ?? 'ppocr');
    // tesseract when PP-OCR was asked for but onnxruntime-node is not installed
    this.engine = workers.engine;
    inner.set(this, workers);
  }

  /** Whether close() was called; a closed pool fails documents that need OCR. */
  get closed(): boolean {
    return this.#closed !== null;
  }

  /** Waits for the pages being read and terminates the workers. Calling it again returns the same promise. */
  close(): Promise<void> {
    return (this.#closed ??= inner.get(this)!.close());
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

export function createOcrPool(options: OcrPoolOptions = {}): OcrPool {
  return new OcrPool(options);
}
