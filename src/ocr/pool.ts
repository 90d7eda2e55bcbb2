// Where OCR work goes: a pool of engine workers shared by the pages of a
// document and by the documents of a run. Two engines: PP-OCR (the default:
// PP-OCRv4 mobile through ONNX Runtime, one session pair per worker thread)
// and tesseract.js (`--ocr-engine tesseract`). Either reads a page image in
// memory and hands back lines in the image's (deskewed) pixels, with the
// ruling lines it found; workers are made on first use and ended by close().
import { createRequire } from 'node:module';
import os from 'node:os';
import { noiseReason } from './noise.ts';
import { createPpOcrPool } from './ppocr/pool.ts';
import { DEFAULT_ENGINE, type OcrEngineName, type OcrPool } from './types.ts';

export type { OcrEngineName, OcrLine, OcrPool, OcrResult, OcrWord } from './types.ts';
export { DEFAULT_ENGINE, OCR_ENGINES } from './types.ts';

export function defaultPoolSize(): number {
  return Math.max(1, os.availableParallelism());
}

/**
 * `threads`: ONNX Runtime threads per PP-OCR worker; by default the cores
 * shared out among this pool's workers. A caller running several pools at once
 * (the batch: one per document thread) passes its own share.
 */
export function createOcrPool(
  size = defaultPoolSize(),
  engine: OcrEngineName = DEFAULT_ENGINE,
  threads?: number,
): OcrPool {
  if (engine === 'ppocr' && !onnxRuntimeInstalled()) {
    warnOnce(
      'jixiao: onnxruntime-node is not installed (an optional dependency: its install script failed or was skipped); OCR falls back to tesseract.js\n',
    );
    engine = 'tesseract';
  }
  return skippingNoise(engine === 'tesseract' ? tesseractOnUse(size) : createPpOcrPool(size, { threads }));
}

/**
 * tesseract.js's pool, its modules loaded when it reads its first page: every document process makes a pool, few
 * read a page with tesseract, and loading tesseract.js cost each ≈ 30 ms of CPU.
 */
function tesseractOnUse(size: number): OcrPool {
  let pool: Promise<OcrPool> | null = null;
  const load = () => (pool ??= import('./tesseract.ts').then((m) => m.createTesseractPool(size)));
  return {
    size,
    engine: 'tesseract',
    recognize: async (image, pixelsPerPoint) => (await load()).recognize(image, pixelsPerPoint),
    close: async () => {
      if (pool) await (await pool).close();
    },
  };
}

/** A page image of noise is refused before it reaches an engine (src/ocr/noise.ts): its page fails with the reason. */
function skippingNoise(pool: OcrPool): OcrPool {
  return {
    size: pool.size,
    engine: pool.engine,
    recognize(image, pixelsPerPoint) {
      const noise = noiseReason(image);
      return noise ? Promise.reject(new Error(noise)) : pool.recognize(image, pixelsPerPoint);
    },
    close: () => pool.close(),
  };
}

let warned = false;
function warnOnce(message: string): void {
  if (!warned) process.stderr.write(message);
  warned = true;
}

/** onnxruntime-node is an optional dependency: where its install failed, npm left it out. */
export function onnxRuntimeInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('onnxruntime-node');
    return true;
  } catch {
    return false;
  }
}
