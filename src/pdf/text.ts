// Reads one page's text layer into positioned items (PDF points).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { displayOf, multiply, type Matrix } from './display.ts';
import type { PageText, TextItem } from './types.ts';

interface RawItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName: string;
}

export async function readPageText(doc: PDFDocumentProxy, pageNumber: number): Promise<PageText> {
  const page = await doc.getPage(pageNumber);
  try {
    // The page as shown: its box moved to the origin and turned by /Rotate.
    const display = displayOf(page);
    const content = await page.getTextContent({ disableNormalization: false });
    const items: TextItem[] = [];
    for (const raw of content.items as RawItem[]) {
      if (typeof raw.str !== 'string' || raw.str.length === 0) continue;
      const [a, b, c, d, e, f] = multiply(raw.transform as Matrix, display.matrix);
      const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height;
      // A run written right to left on the shown page (a page turned 180°) starts at its far end.
      const x = a < 0 && Math.abs(a) > Math.abs(b) ? e - raw.width : e;
      items.push({ str: raw.str, x, y: f, width: raw.width, size, font: raw.fontName });
    }
    return {
      number: pageNumber,
      width: display.width,
      height: display.height,
      items,
      method: 'text',
      ocrConfidence: null,
    };
  } finally {
    page.cleanup();
  }
}
