// A thread that draws documents' pages for the review site: one job at a
// time, so two of them keep two cores busy while the main thread writes HTML.
import { parentPort } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { ignoreStrayPdfRejections } from '../pipeline/errors.ts';
import { usePdfiumModule } from '../pdf/pdfium/module.ts';
import { messageOf } from '../util/errors.ts';
import { drawPdfPages, type PageChoice, type PagesKey } from '../writers/page-images.ts';

ignoreStrayPdfRejections();

export interface RenderJob {
  id: number;
  /** the PDF, or its name's own bytes where they are not UTF-8 */
  pdf: string | Uint8Array;
  key: PagesKey;
  /** absolute folder the images go to, checked by the site to lie inside it */
  dir: string;
  /** the pages to draw */
  pages: PageChoice;
  /** every other page's size as well (the review server's document page places its boxes by them) */
  measure: boolean;
  /** PDFium's wasm compiled by the site (a WebAssembly.Module), instantiated here rather than compiled again */
  pdfium: object | null;
}

parentPort!.on('message', async (job: RenderJob) => {
  try {
    if (job.pdfium) usePdfiumModule(job.pdfium);
    const file = typeof job.pdf === 'string' ? job.pdf : Buffer.from(job.pdf);
    const pages = await drawPdfPages(new Uint8Array(await readFile(file)), job.key, job.dir, job.pages, job.measure);
    parentPort!.postMessage({ id: job.id, pages });
  } catch (err) {
    // errno and path go along: a full disk stops the site, a broken PDF only fails its pages.
    const { code, path } = err as NodeJS.ErrnoException;
    parentPort!.postMessage({ id: job.id, error: messageOf(err), code, path });
  }
});
