// What an OCR engine hands back for one page image, in the image's pixels,
// and the pool every engine implements (made in pool.ts, which imports the
// engines: the interface is here so that they need not import it back).
import type { Grey } from './image.ts';
import type { PixelRule } from './rules.ts';

export type OcrEngineName = 'ppocr' | 'tesseract';
export const OCR_ENGINES: readonly OcrEngineName[] = ['ppocr', 'tesseract'];
export const DEFAULT_ENGINE: OcrEngineName = 'ppocr';

export interface OcrWord {
  text: string;
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
}

export interface OcrLine {
  /** 0–100 */
  confidence: number;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  /** baseline from its left end to its right end, in pixels */
  baseline: { x0: number; y0: number; x1: number; y1: number };
  words: OcrWord[];
}

/** Workers of one engine, shared by the pages of a document and the documents of a run. */
export interface OcrPool {
  readonly size: number;
  readonly engine: OcrEngineName;
  /** OCR one grey page image; `pixelsPerPoint` is its resolution (dpi / 72). The pool may change the image's pixels. */
  recognize(image: Grey, pixelsPerPoint: number): Promise<OcrResult>;
  close(): Promise<void>;
}

export interface OcrResult {
  engine: OcrEngineName;
  /** the page's mean confidence (0–100) */
  confidence: number;
  lines: OcrLine[];
  /** ruling lines found in the image, in the same (deskewed) frame as the lines */
  rules?: PixelRule[];
  /** the skew taken out of the image before reading (radians) */
  skew?: number;
  /** CPU milliseconds of each step of the engine on this page (light, skew, rotate, rules, detection, …), for `npm run bench` */
  steps?: Record<string, number>;
}
