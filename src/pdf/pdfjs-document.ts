// The pdf.js engine behind the seam of document.ts.
import type { PdfDocument } from './engine.ts';
import { readPageGraphics } from './graphics.ts';
import { readPageImages } from './image-ops.ts';
import { openPdf, type OpenOptions } from './open.ts';
import { renderGrey } from './render.ts';
import { readPageText } from './text.ts';

export async function openPdfjsDocument(bytes: Uint8Array, options: OpenOptions = {}): Promise<PdfDocument> {
  const { doc, destroy } = await openPdf(bytes, options);
  return {
    engine: 'pdfjs',
    numPages: doc.numPages,
    readText: (n) => readPageText(doc, n),
    readGraphics: (n) => readPageGraphics(doc, n),
    readImages: (n) => readPageImages(doc, n),
    renderGrey: (n, dpi) => renderGrey(doc, n, dpi),
    async pageSize(n) {
      const vp = (await doc.getPage(n)).getViewport({ scale: 1 });
      return { width: vp.width, height: vp.height };
    },
    destroy,
  };
}
