// A thread that draws documents' pages for the review site: one job at a
// time, so two of them keep two cores busy while the main thread writes HTML.
import { parentPort } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { ignoreStrayPdfRejections } from '../pipeline/errors.ts';
import { messageOf } from '../util/errors.ts';
import { drawPdfPages, type PagesKey } from '../writers/page-images.ts';

ignoreStrayPdfRejections();

export interface RenderJob {
  id: number;
  /** the PDF, or its name's own bytes where they are not UTF-8 */
  pdf: string | Uint8Array;
  key: PagesKey;
  /** absolute folder the images go to, checked by the site to lie inside it */
  dir: string;
}

parentPort!.on('message', async (job: RenderJob) => {
  try {
    const file = typeof job.pdf === 'string' ? job.pdf : Buffer.from(job.pdf);
    const images = await drawPdfPages(new Uint8Array(await readFile(file)), job.key, job.dir);
    parentPort!.postMessage({ id: job.id, images });
  } catch (err) {
    // errno and path go along: a full disk stops the site, a broken PDF only fails its pages.
    const { code, path } = err as NodeJS.ErrnoException;
    parentPort!.postMessage({ id: job.id, error: messageOf(err), code, path });
  }
});
