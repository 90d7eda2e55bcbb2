// Reads every page of an opened PDF into positioned text. A page that fails
// becomes an error page (no items) while the rest of the document still counts.
import type { OpenedPdf } from '../pdf/open.ts';
import { readPageText } from '../pdf/text.ts';
import type { PageText } from '../pdf/types.ts';

export type OcrMode = 'auto' | 'always' | 'never';

export interface ReadOptions {
  ocr: OcrMode;
  ocrDpi: number;
}

export async function readPages(pdf: OpenedPdf, _options: ReadOptions): Promise<PageText[]> {
  const pages: PageText[] = [];
  for (let n = 1; n <= pdf.doc.numPages; n++) {
    try {
      pages.push(await readPageText(pdf.doc, n));
    } catch (err) {
      pages.push({ number: n, width: 0, height: 0, items: [], method: 'text', ocrConfidence: null, error: describe(err) });
    }
  }
  return pages;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
