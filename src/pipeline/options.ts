// The options of reading one document that its caller chooses, in a file of
// their own: the library's ExtractOptions are these (src/api/extract.ts) and the
// batch's OCR mode is this one, and this file imports no PDF engine, so the
// package's public types stay free of pdf.js's (which need the DOM's).
import type { OcrEngineName } from '../ocr/types.ts';

/** How pages are read: `auto` OCRs those without a usable text layer, `always` and `never` force it. The library's too. */
export type OcrMode = 'auto' | 'always' | 'never';

/** The reading options a caller leaves out: here, not in extract.ts, so that the batch's own process need not load the pipeline to know them. */
export const DEFAULT_OPTIONS = { ocr: 'auto', ocrDpi: 200 } as const;

export interface ReadingOptions {
  /** `auto` (default): OCR the pages without a usable text layer; `always`; `never` */
  ocr?: OcrMode;
  /** resolution pages are rendered at for OCR (default 200) */
  ocrDpi?: number;
  /** workers for a pool made for this document (default: the cores) */
  ocrWorkers?: number;
  /** the engine of a pool made for this document (default `ppocr`) */
  ocrEngine?: OcrEngineName;
  /** a document declaring more pages fails with InputError `too-many-pages` before any page is read */
  maxPages?: number;
  /** write each stage's time (ms) into `tool.timings`, in the order the stages ran (default off: a report is then the same bytes every run) */
  timings?: boolean;
}
