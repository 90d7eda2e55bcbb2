// The OCR choices of the public functions, in a file of their own: extract.ts
// and ocr.ts both name them, and each of those imports the other's types.
// They are the pipeline's own, under the names the library has always used.
export type { OcrMode } from '../pipeline/options.ts';
export type { OcrEngineName as OcrEngine } from '../ocr/types.ts';
