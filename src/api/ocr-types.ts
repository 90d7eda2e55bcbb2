// The OCR choices of the public functions, in a file of their own: extract.ts
// and ocr.ts both name them, and each of those imports the other's types.

/** How pages are read: `auto` OCRs those without a usable text layer, `always` and `never` force it. */
export type OcrMode = 'auto' | 'always' | 'never';

/** The OCR engine: `ppocr` (PP-OCRv4 mobile through ONNX Runtime, the default) or `tesseract` (tesseract.js). */
export type OcrEngine = 'ppocr' | 'tesseract';
