// A document worker: a child process (src/batch/pool.ts) that reads one PDF at
// a time through the pipeline and writes its report atomically to the path the
// batch chose, or sends its JSON back (no file at all). Killed — never asked —
// when a document must stop, so no native code is torn down under it.
import { createOcrPool, type OcrPool } from '../ocr/pool.ts';
import type { OcrEngineName } from '../ocr/types.ts';
import { ignoreStrayPdfRejections, InputError } from '../pipeline/errors.ts';
import { extractBytes } from '../pipeline/extract.ts';
import type { PdfDocument } from '../pdf/document.ts';
import { PdfOpenError } from '../pdf/errors.ts';
import type { Report } from '../schema/report.ts';
import { belongToParent, residentBytes } from '../util/processes.ts';
import { writeAtomic } from '../util/files.ts';
import { drawPages, findingPages, pagesKey } from '../writers/page-images.ts';
import { DOCUMENT_WRITERS, documentParts, type DocumentParts } from '../writers/index.ts';
import { environmentCode } from './errors.ts';
import { inputBounds, MAX_FILE_BYTES, readInput, RefusedInput } from './input-file.ts';
import type { DocSummary, Failure, FromWorker, Job } from './protocol.ts';

if (!process.send) throw new Error('batch/worker.ts runs only as a child process of src/batch/pool.ts');
belongToParent();

const send = (m: FromWorker) => process.send!(m, undefined, {}, () => {});

// This process's OCR workers, made when a page first needs OCR and shared by the documents it reads;
// the batch sizes them so that all document processes together use no more OCR workers than there are cores.
const { ocrWorkers, memoryReportMs, maxMemoryMb } = JSON.parse(process.argv[2] ?? '{}') as {
  ocrWorkers?: number;
  memoryReportMs?: number;
  maxMemoryMb?: number;
};
const bounds = inputBounds(maxMemoryMb ?? 2048);
const ocrPools = new Map<OcrEngineName, OcrPool>();
const pool = (engine: OcrEngineName) => {
  let p = ocrPools.get(engine);
  if (!p) ocrPools.set(engine, (p = createOcrPool(Math.max(1, ocrWorkers ?? 1), engine, 1)));
  return p;
};

ignoreStrayPdfRejections();

// Where the parent cannot read this process's memory from /proc, it is told.
if (residentBytes(process.pid) === null)
  setInterval(() => send({ type: 'memory', rss: process.memoryUsage.rss() }), memoryReportMs ?? 100).unref();

process.on('message', (job: Job) => {
  run(job).then(
    ({ summary, json, parts }) =>
      send({ type: 'done', id: job.id, summary, ...(json !== undefined && { json }), ...(parts && { parts }) }),
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

async function run(job: Job): Promise<{ summary: DocSummary; json?: string; parts?: DocumentParts }> {
  const options = {
    ocr: job.ocr,
    ocrDpi: job.ocrDpi,
    pool: pool(job.ocrEngine ?? 'ppocr'),
    maxPages: job.maxPages,
    timings: job.timings,
    ownBytes: true,
    maxImagePixels: bounds.imagePixels,
    ...(job.pageImages && { whileOpen: drawInto(job.pageImages) }),
  };
  // Read here, bounded and only if a regular file (the batch checked it when hashing; it may have been swapped since).
  const report = await extractBytes(job.data ?? (await readSource(job)), job.file, options);
  // The report JSON only: the batch renders a document's other formats from it (src/writers/index.ts).
  const rendered = DOCUMENT_WRITERS[0].render(report);
  const json = typeof rendered === 'string' ? rendered : Buffer.from(rendered).toString('utf8');
  if (job.target) await writeAtomic(job.target, json, job.tmp, false);
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) findings[f.severity]++;
  const summary: DocSummary = {
    sha256: report.source.sha256,
    pages: report.pages.length,
    ocrPages: report.pages.filter((p) => p.method === 'ocr').length,
    findings,
    ...(job.pageImages && { pageImages: true }),
  };
  // A batch's: the rows of its run files, made from the report at hand (DocumentParts).
  const parts = job.doc !== undefined ? await documentParts(report, { doc: job.doc, path: job.file }) : undefined;
  return job.target ? { summary, ...(parts && { parts }) } : { summary, json };
}

/** --page-images: the pages drawn from the document still open (its fonts parsed once, for reading and drawing). */
function drawInto(to: NonNullable<Job['pageImages']>) {
  return async (pdf: PdfDocument, report: Report) =>
    void (await drawPages(pdf, pagesKey(report, to.dpi), to.dir, to.all === false ? findingPages(report) : 'all'));
}

/** The bytes from job.source (or job.file), a failure named after job.file as extractFile would name it. */
async function readSource(job: Job): Promise<Uint8Array> {
  try {
    return await readInput(
      typeof job.source === 'string' ? job.source : job.source ? Buffer.from(job.source) : job.file,
      bounds.fileBytes,
    );
  } catch (err) {
    if (err instanceof RefusedInput && err.code === 'too-large' && bounds.fileBytes < MAX_FILE_BYTES)
      throw new RefusedInput(
        err.code,
        err.message.replace(
          /; not read$/,
          ` under --max-memory ${maxMemoryMb} MB (pdf.js holds a file whole, and more besides); not read`,
        ),
      );
    if (err instanceof RefusedInput || environmentCode(err)) throw err;
    if (err instanceof PdfOpenError) throw new InputError(job.file, err.reason, err.message, { cause: err });
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
  const errno = environmentCode(err, writes(err, job));
  if (errno) {
    const path = (err as NodeJS.ErrnoException).path ?? job.target ?? job.file;
    return { code: 'environment', reason: `${errno} on ${path}`, errno, path };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'error', reason: `internal error: ${message.split('\n')[0]}` };
}

/** Whether `err` came from writing the job's output (its report, its page images), not from reading its PDF. */
function writes(err: unknown, job: Job): boolean {
  const p = (err as NodeJS.ErrnoException).path;
  if (typeof p !== 'string') return false;
  return p === job.target || p === job.tmp || (!!job.pageImages && p.startsWith(job.pageImages.dir));
}
