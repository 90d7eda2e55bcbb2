// The tesseract.js workers behind each OcrPool, kept out of the public types.
import type { OcrPool as Workers } from '../ocr/pool.ts';

export const inner = new WeakMap<object, Workers>();

/** The workers behind a pool made by createOcrPool(). */
export function workersOf(pool: object): Workers {
  const workers = inner.get(pool);
  if (!workers) throw new TypeError('not an OcrPool made by createOcrPool()');
  return workers;
}
