// What the reading backends (text layer, OCR) hand to layout: positioned text
// on a page, in PDF points with the origin at the bottom-left.

export interface TextItem {
  str: string;
  /** left edge of the item */
  x: number;
  /** baseline */
  y: number;
  width: number;
  /** font size in points (the text's em height) */
  size: number;
  /** the PDF's font resource, or 'ocr' */
  font: string;
  /** OCR items: the engine's confidence in the line (0–100) */
  confidence?: number;
  /**
   * Pages whose drawing was read (pdf/run-gaps.ts): which text run (one showText) draws the item's
   * start. Items of two runs may be two table cells, however close; one run is one cell's text.
   */
  run?: number;
}

export interface PageText {
  number: number;
  width: number;
  height: number;
  items: TextItem[];
  method: 'text' | 'ocr';
  /** mean OCR word confidence (0–100), null for text pages */
  ocrConfidence: number | null;
  /** horizontal and vertical ruling lines drawn on the page, for tables */
  rules?: Segment[];
  /** the prose stages' pages: where the tables taken out of the text stood ([x0, y0, x1, y1]) */
  tableBoxes?: [number, number, number, number][];
  /** set when the page could not be read; items are then empty */
  error?: string;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}
