// What a PDF engine gives the pipeline for an open document, in a file of its
// own: document.ts opens one of the engines, and each engine implements this.
import type { TextRun } from './hidden.ts';
import type { PageImage } from './page-images.ts';
import type { GreyImage } from './render.ts';
import type { PageText, Segment } from './types.ts';

export type PdfEngineName = 'pdfium' | 'pdfjs';

export interface PageGraphics {
  rules: Segment[];
  runs: TextRun[];
}

export interface PdfDocument {
  readonly engine: PdfEngineName;
  readonly numPages: number;
  /** the page's text items in the shown page (points, origin bottom-left) */
  readText(pageNumber: number): Promise<PageText>;
  /** ruling lines and text runs with whether the clip shows them */
  readGraphics(pageNumber: number): Promise<PageGraphics>;
  /** the images the page draws, where and how fine (nothing is decoded or drawn for PDFium) */
  readImages(pageNumber: number): Promise<PageImage[]>;
  /**
   * The shown page drawn grey on white at `dpi`. For OCR (`purpose` 'ocr') PDFium hands the drawing
   * to pdf.js: on the scanned corpus PDFium's drawing of the scans read slightly worse (docs/speed.md).
   */
  renderGrey(pageNumber: number, dpi: number, purpose?: 'ocr' | 'view'): Promise<GreyImage>;
  /** the shown page's size in points (its visible box, turned by /Rotate) */
  pageSize(pageNumber: number): Promise<{ width: number; height: number }>;
  /** frees the document; call once, in a finally */
  destroy(): Promise<void>;
}
