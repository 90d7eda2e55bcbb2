// A document worker: reads one PDF at a time through the pipeline and writes
// its report atomically to the path the batch chose. Runs in a worker thread
// so that a document that hangs or bloats can be killed without the batch.
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { createOcrPool, type OcrPool } from '../ocr/pool.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import { ignoreStrayPdfRejections, InputError } from '../pipeline/errors.ts';
import { extractBytes } from '../pipeline/extract.ts';
import type { PdfDocument } from '../pdf/document.ts';
import type { Report } from '../schema/report.ts';
import { writeAtomic } from '../writers/files.ts';
import { drawPages, pagesKey } from '../writers/page-images.ts';
import { REPORT_JSON } from '../writers/index.ts';
import { environmentCode } from './errors.ts';
import { readInput, RefusedInput } from './input-file.ts';
import type { DocSummary, Failure, FromWorker, Job } from './protocol.ts';

const port = parentPort;
if (!port) throw new Error('batch/worker.ts runs only as a worker thread');

const send = (m: FromWorker) => port.postMessage(m);

// This thread's OCR workers, made when a page first needs OCR and shared by the documents this thread reads;
// the batch sizes them so that all threads together use no more OCR workers than there are cores.
const { ocrWorkers } = (workerData ?? {}) as { ocrWorkers?: number };
const ocrPools = new Map<OcrEngineName, OcrPool>();
const pool = (engine: OcrEngineName) => {
  let p = ocrPools.get(engine);
  if (!p) ocrPools.set(engine, (p = createOcrPool(Math.max(1, ocrWorkers ?? 1), engine, 1)));
  return p;
};

ignoreStrayPdfRejections();

port.on('message', (job: Job) => {
  run(job).then(
    (summary) => send({ type: 'done', id: job.id, summary }),
    (err: unknown) =>
      send({
        type: 'failed',
        id: job.id,
        ...classify(err, job),
        ...(err instanceof Error && err.stack ? { stack: err.stack } : {}),
      }),
  );
});
send({ type: 'ready' });

async function run(job: Job): Promise<DocSummary> {
  const options = {
    ocr: job.ocr,
    ocrDpi: job.ocrDpi,
    pool: pool(job.ocrEngine ?? 'ppocr'),
    maxPages: job.maxPages,
    timings: job.timings,
    ...(job.pageImages && { whileOpen: drawInto(job.pageImages) }),
  };
  // Read here, bounded and only if a regular file (the batch checked it when hashing; it may have been swapped since).
  const report = await extractBytes(await readSource(job), job.file, options);
  await writeAtomic(job.target, REPORT_JSON.render(report), job.tmp, false);
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) findings[f.severity]++;
  return {
    sha256: report.source.sha256,
    pages: report.pages.length,
    ocrPages: report.pages.filter((p) => p.method === 'ocr').length,
    findings,
    ...(job.pageImages && { pageImages: true }),
  };
}

/** --page-images: the pages drawn from the document still open (its fonts parsed once, for reading and drawing). */
function drawInto(to: { dir: string; dpi: number }) {
  return async (pdf: PdfDocument, report: Report) => void (await drawPages(pdf, pagesKey(report, to.dpi), to.dir));
}

/** The bytes from job.source (or job.file), a failure named after job.file as extractFile would name it. */
async function readSource(job: Job): Promise<Uint8Array> {
  try {
    return job.source ? new Uint8Array(await readFile(job.source)) : await readInput(job.file);
  } catch (err) {
    if (err instanceof RefusedInput || environmentCode(err)) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(job.file, 'not-found', 'no such file', { cause: err });
    if (code === 'EISDIR')
      throw new InputError(job.file, 'unreadable', 'is a directory, not a PDF file', { cause: err });
    throw new InputError(job.file, 'unreadable', `cannot read file (${code ?? String(err)})`, { cause: err });
  }
}

function classify(err: unknown, job: Job): Failure {
  if (err instanceof InputError) return { code: err.reason, reason: err.message.replace(`${job.file}: `, '') };
  if (err instanceof RefusedInput) return { code: err.code, reason: err.message };
  const errno = environmentCode(err);
  if (errno) {
    const path = (err as NodeJS.ErrnoException).path ?? job.target;
    return { code: 'environment', reason: `${errno} on ${path}`, errno, path };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'error', reason: `internal error: ${message.split('\n')[0]}` };
}
