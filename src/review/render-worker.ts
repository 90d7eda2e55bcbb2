// A thread that renders documents' pages for the review site: one job at a
// time, so two of them keep two cores busy while the main thread writes HTML.
import { parentPort } from 'node:worker_threads';
import { readFile } from 'node:fs/promises';
import { renderPages, type RenderOptions } from './render-pages.ts';
import { ignoreStrayPdfRejections } from '../pipeline/errors.ts';
import { messageOf } from '../util/errors.ts';

ignoreStrayPdfRejections();

export interface RenderJob {
  id: number;
  pdf: string;
  options: Omit<RenderOptions, 'scanned'> & { scanned: number[] };
}

parentPort!.on('message', async (job: RenderJob) => {
  try {
    const bytes = new Uint8Array(await readFile(job.pdf));
    const pages = await renderPages(bytes, { ...job.options, scanned: new Set(job.options.scanned) });
    parentPort!.postMessage({ id: job.id, pages });
  } catch (err) {
    parentPort!.postMessage({ id: job.id, error: messageOf(err) });
  }
});
