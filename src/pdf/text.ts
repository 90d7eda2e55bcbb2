// Reads one page's text layer into positioned items (PDF points).
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent({ disableNormalization: false });
    const items: TextItem[] = [];
    for (const raw of content.items as RawItem[]) {
      if (typeof raw.str !== 'string' || raw.str.length === 0) continue;
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = raw.transform;
      const size = Math.hypot(c, d) || Math.hypot(a, b) || raw.height;
      // Shift to a page whose MediaBox starts at the origin, as readers show it.
      items.push({ str: raw.str, x: e - x0, y: f - y0, width: raw.width, size, font: raw.fontName });
    }
    return { number: pageNumber, width: x1 - x0, height: y1 - y0, items, method: 'text', ocrConfidence: null };
  } finally {
    page.cleanup();
  }
}
