// Reads every page of an opened PDF into positioned text, page by page: from
// the text layer, by OCR when it is garbage or when it has next to no text
// and an image that may hold some (pdf/ocr-need.ts), or always/never, as asked. A page that fails becomes an error page (no
// items) while the rest of the document still counts. Two stages: `read`
// (text layers, ruling lines, rendering for OCR) and `ocr` (waiting for the
// recognition still running when the last page has been read).
import { ocrDpiFor } from '../ocr/budget.ts';
import { ocrToPageText } from '../ocr/page.ts';
import type { OcrPool } from '../ocr/pool.ts';
import type { PdfDocument } from '../pdf/document.ts';
import { withoutHidden } from '../pdf/hidden.ts';
import { splitAtRunGaps } from '../pdf/run-gaps.ts';
import { looksTabular } from '../tables/find.ts';
import { ocrCause, type OcrCause } from '../pdf/ocr-need.ts';
import { judgeTextLayer } from '../pdf/text-quality.ts';
import type { PageText } from '../pdf/types.ts';
import { messageOf } from '../util/errors.ts';
import type { OcrMode } from './options.ts';
import { asyncPipeline } from './stages.ts';

/** the pipeline's own (options.ts), named here as its readers always have */
export type { OcrMode };

export interface ReadOptions {
  ocr: OcrMode;
  ocrDpi: number;
  /** where OCR work goes; needed unless ocr is 'never' */
  pool?: () => OcrPool;
}

/** The page stages: the opened PDF in; `read` starts every page (those sent to OCR still pending), `ocr` waits for them. */
export const PAGE_STAGES = asyncPipeline<{ pdf: PdfDocument; readOptions: ReadOptions }>()
  .then('read', async ({ pdf, readOptions }) => ({ pending: await startPages(pdf, readOptions) }))
  .then('ocr', async ({ pending }) => ({ pages: await Promise.all(pending) }));

export async function readPages(pdf: PdfDocument, options: ReadOptions): Promise<PageText[]> {
  return Promise.all(await startPages(pdf, options));
}

/** Reads the text layer of every page and sends those that need it to OCR; the OCR'd pages are promises still. None rejects. */
async function startPages(pdf: PdfDocument, options: ReadOptions): Promise<Promise<PageText>[]> {
  const pages: Promise<PageText>[] = [];
  // Rendered pages wait for a worker as 4 MB images: render ahead of the pool
  // by at most two pages per worker (one read, one ready), or a 300-page
  // scan holds a gigabyte of them.
  const waiting = new Set<Promise<unknown>>();
  for (let n = 1; n <= pdf.numPages; n++) {
    let text: PageText;
    try {
      text = await pdf.readText(n);
    } catch (err) {
      pages.push(Promise.resolve(errorPage(n, `cannot read the text layer: ${messageOf(err)}`)));
      continue;
    }
    const cause = await whyOcr(pdf, text, options.ocr);
    if (!cause || !options.pool) {
      // Ruling lines cost a second pass over the page: only where the text falls into columns.
      // The same pass finds text the clip hides (a split cell's text over the header), left out,
      // and the runs an item joins: cells a few points apart are cut apart again.
      if (judgeTextLayer(text) === 'real' && looksTabular(text)) {
        const graphics = await pdf.readGraphics(n).catch(() => null);
        text.rules = graphics?.rules ?? [];
        if (graphics) text.items = splitAtRunGaps(withoutHidden(text.items, graphics.runs), graphics.runs);
      }
      pages.push(Promise.resolve(text));
      continue;
    }
    // Render now (the PDF engine works on this thread), recognise in the pool while the next page renders.
    try {
      const pool = options.pool();
      while (waiting.size >= 2 * pool.size) await Promise.race(waiting);
      // Within the pixel budget (src/ocr/budget.ts): a lower resolution for an oversized page, or the page fails with its reason.
      const image = await pdf.renderGrey(n, ocrDpiFor(text.width, text.height, options.ocrDpi), 'ocr');
      const page = pool.recognize(image, image.scale).then(
        (result) => ocrToPageText(result, text, image.scale),
        (err) => errorPage(n, `OCR failed: ${messageOf(err)}`, text),
      );
      waiting.add(page);
      void page.then(() => waiting.delete(page));
      pages.push(page);
    } catch (err) {
      pages.push(Promise.resolve(errorPage(n, `cannot render the page for OCR: ${messageOf(err)}`, text)));
    }
  }
  return pages;
}

/** Why page `text` goes to OCR under `mode`, or null: it is read from its text layer. */
async function whyOcr(pdf: PdfDocument, text: PageText, mode: OcrMode): Promise<OcrCause | 'always' | null> {
  if (mode === 'always') return 'always';
  if (mode === 'never') return null;
  return ocrCause(text, () => pdf.readImages(text.number));
}

function errorPage(n: number, error: string, like?: PageText): PageText {
  return {
    number: n,
    width: like?.width ?? 0,
    height: like?.height ?? 0,
    items: [],
    method: like ? 'ocr' : 'text',
    ocrConfidence: null,
    error,
  };
}
