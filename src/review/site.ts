// `jixiao report`: a static review site. INPUT is PDFs (extracted here, as
// `check` does) or folders written by `jixiao batch` (their docs/*.json and
// the PDFs the manifest names are read; nothing is extracted again). Writes
//   DIR/index.html                      the documents, sortable and filterable
//   DIR/assets/review.css, review.js    the site's only style and script
//   DIR/documents/<name>.html           one page per document
//   DIR/documents/<name>/page-NNNN.*    its pages as images
// Everything is checked to land inside DIR; names are made safe as batch makes them.
import { createHash } from 'node:crypto';
import { copyFile, constants as fsConstants, lstat, mkdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { asEnvironmentError, BatchEnvironmentError, environmentCode, makeOutputFolder } from '../batch/errors.ts';
import { expandInputs } from '../batch/inputs.ts';
import { createOcrPool } from '../ocr/pool.ts';
import { extractBytes } from '../pipeline/extract.ts';
import type { OcrMode } from '../pipeline/read-pages.ts';
import { applyCorrections } from '../corrections/apply.ts';
import type { Correction } from '../schema/corrections.ts';
import { CORRECTIONS_FILE, readCorrections } from '../writers/corrections-file.ts';
import { assertRealInside, inside, writeAtomic } from '../writers/files.ts';
import { readManifest } from '../writers/manifest.ts';
import { uniqueNames } from '../writers/names.ts';
import type { Report, Severity } from '../schema/report.ts';
import { REVIEW_CSS, REVIEW_JS } from './assets.ts';
import { docPage } from './doc-page.ts';
import { href } from './html.ts';
import { indexPage, type IndexRow } from './index-page.ts';
import { linked, type RenderedPage } from './page-geometry.ts';
import { triageOf, triageOrder } from './triage.ts';
import type { RenderJob } from './render-worker.ts';
import { severityCounts, summaryLine } from './summary.ts';
import { messageOf } from '../util/errors.ts';
import { startThread, stopThread } from '../util/threads.ts';
import {
  clearPageImages,
  DEFAULT_DPI,
  drawPdfPages,
  pagesKey,
  PAGES_JSON,
  readPageImages,
  type PageImages,
  type PagesKey,
} from '../writers/page-images.ts';

export interface SiteOptions {
  /** PDFs, folders, globs, batch folders; or a name's own bytes (one that is not UTF-8) */
  inputs: (string | Buffer)[];
  out: string;
  /** resolution of the page images */
  dpi?: number;
  /** render threads (default: the cores) */
  jobs?: number;
  ocr?: OcrMode;
  ocrDpi?: number;
  /** called for each input that could not be read (the site still gets its row) */
  onProblem?: (input: string, reason: string) => void;
  /**
   * How a PDF input is read (default: extracted in this thread). The CLI reads each in a document
   * worker under the batch's limits, drawing its pages into `draw.dir` while it is open; it throws
   * (with the reason as message) for an input that cannot be read.
   */
  readPdf?: (file: string, draw: { dir: string; dpi: number }, raw: Buffer | null) => Promise<PdfRead>;
  /** per document, when pages are drawn here (a batch folder's PDFs): its drawing stops beyond them and its pages say why */
  limits?: DrawLimits;
  /**
   * a reviewer's corrections to apply to every report (--corrections); a batch folder's own
   * corrections.jsonl is applied to its documents as well, before these
   */
  corrections?: Correction[];
}

export interface PdfRead {
  report: Report;
  /** its pages were drawn into the folder given */
  drewPages: boolean;
}

export interface SiteResult {
  out: string;
  documents: number;
  ok: number;
  failed: number;
  pages: number;
  seconds: number;
  /** inputs given on the command line that could not be read as PDFs or batch folders */
  badInputs: number;
  /** page images drawn by this run (the rest were kept from an earlier run or copied from a batch's --page-images) */
  drawn: number;
  /** each document as the site shows it, in input order: what the review server renders its pages from */
  shown: ShownDocument[];
}

/** One document of the site: its index row, its report (null when it failed), its page images. */
export interface ShownDocument {
  row: IndexRow;
  report: Report | null;
  pages: RenderedPage[];
  pagesProblem: string | null;
}

/** A problem with the command or the output folder: nothing was written. */
export class SiteSetupError extends Error {
  override name = 'SiteSetupError';
}

interface Entry {
  input: string;
  status: IndexRow['status'];
  reason: string | null;
  report: Report | null;
  /** the PDF to render the pages from (a name that is not UTF-8: its bytes), or null */
  pdf: string | Uint8Array | null;
  /** why the pages cannot be shown (PDF missing or changed) */
  pagesProblem: string | null;
  /** a folder where this document's pages were drawn already (by `jixiao batch --page-images`, or while it was read here), or null */
  drawnIn?: string | null;
  /** drawnIn was drawn by this run (a PDF input read here), not by a batch */
  drawnNow?: boolean;
  /** a batch's own count where there is no report (failed rows) */
  pages?: number | null;
  ocrPages?: number | null;
}

const ASSET_FILES: Record<string, string> = { 'review.css': REVIEW_CSS, 'review.js': REVIEW_JS };
const ASSETS = Object.keys(ASSET_FILES);
// render-worker.ts in a checkout (sources run directly), render-worker.js in the installed package (dist/).
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './render-worker.ts' : './render-worker.js',
  import.meta.url,
);

export async function buildSite(options: SiteOptions): Promise<SiteResult> {
  const started = performance.now();
  const dpi = options.dpi ?? DEFAULT_DPI;
  const root = await prepareOut(options.out);
  const staging = inside(root, STAGING);
  const { entries, badInputs } = await collect(options, staging, dpi);
  const names = uniqueNames(entries.map((e) => e.input));
  const documentsDir = inside(root, 'documents');
  await mkdir(documentsDir, { recursive: true });
  await assertRealInside(root, documentsDir);
  for (const a of ASSETS) await writeAtomic(inside(root, 'assets', a), ASSET_FILES[a]!, undefined, false);

  const renderer = new Renderer(
    Math.max(1, Math.min(options.jobs ?? os.availableParallelism(), entries.filter((e) => e.pdf).length)),
    options.limits ?? null,
  );
  const site: SiteContext = { root, documentsDir, dpi, renderer };
  const rows: IndexRow[] = [];
  const shownDocs: ShownDocument[] = [];
  let pages = 0;
  let drawn = 0;
  try {
    await Promise.all(
      entries.map(async (e, i) => {
        const row = indexRow(e, i);
        rows[i] = row;
        shownDocs[i] = { row, report: e.report, pages: [], pagesProblem: e.pagesProblem };
        if (!e.report) return;
        const shown = await documentPage(e, e.report, names[i]!, site);
        pages += shown.images;
        drawn += shown.drawn;
        row.page = shown.page;
        shownDocs[i] = { row, report: e.report, pages: shown.rendered, pagesProblem: shown.problem };
      }),
    );
  } finally {
    await renderer.close();
    await rm(staging, { recursive: true, force: true });
  }
  await writeAtomic(inside(root, 'index.html'), indexPage(triageOrder(rows)));
  return {
    shown: shownDocs,
    out: root,
    documents: entries.length,
    ok: entries.filter((e) => e.status === 'ok').length,
    failed: entries.filter((e) => e.status === 'failed').length,
    pages,
    seconds: (performance.now() - started) / 1000,
    badInputs,
    drawn,
  };
}

/** Where a run of the site writes and renders. */
interface SiteContext {
  root: string;
  documentsDir: string;
  dpi: number;
  renderer: Renderer;
}

/** A document's row in index.html (its page link is set once the page is written). */
function indexRow(e: Entry, index: number): IndexRow {
  const report = e.report;
  return {
    index,
    triage: report ? triageOf(report) : null,
    page: null,
    input: e.input,
    status: e.status,
    reason: e.reason,
    title: report?.document.title ?? null,
    organization: report?.document.organization ?? null,
    year: report?.document.fiscalYear ?? null,
    reportType: report?.document.reportType ?? null,
    pages: report?.pages.length ?? e.pages ?? null,
    ocrPages: report ? report.pages.filter((p) => p.method === 'ocr').length : (e.ocrPages ?? null),
    facts: report?.facts.length ?? null,
    findings: report ? severityCounts(report) : ({ error: 0, warning: 0, info: 0 } as Record<Severity, number>),
    rules: report ? [...new Set(report.findings.map((f) => f.rule))].sort() : [],
    summary: report ? summaryLine(report) : null,
  };
}

/** Writes documents/<name>.html with its page images; says its link, how many images it shows and how many it drew. */
async function documentPage(
  e: Entry,
  report: Report,
  name: string,
  site: SiteContext,
): Promise<{ page: string; images: number; drawn: number; rendered: RenderedPage[]; problem: string | null }> {
  const dir = inside(site.documentsDir, name);
  const { images, problem, drawn } = await pageImages(e, report, dir, site);
  // None that fit this report, and no PDF to draw from: what an earlier run left goes.
  if (!images) await clearPageImages(dir);
  const rendered = images ? linked(images.pages, `documents/${href(name)}`) : [];
  const html = docPage({ report, pages: rendered, pagesProblem: problem, root: '..' });
  await writeAtomic(inside(site.documentsDir, `${name}.html`), html, undefined, false);
  const shown = rendered.filter((r) => r.image).length;
  return { page: `documents/${href(name)}.html`, images: shown, drawn: drawn ? shown : 0, rendered, problem };
}

/**
 * The document's page images in `dir`: those an earlier run of the site made for the same key, or
 * those its batch drew (--page-images) copied in, or drawn now. The key holds the SHA-256 of the PDF
 * the report was read from, so kept or copied images fit the report even where that PDF has since
 * changed or gone.
 */
async function pageImages(
  e: Entry,
  report: Report,
  dir: string,
  site: SiteContext,
): Promise<{ images: PageImages | null; problem: string | null; drawn: boolean }> {
  await mkdir(dir, { recursive: true });
  await assertRealInside(site.root, dir);
  const key = pagesKey(report, site.dpi);
  const kept = await readPageImages(dir, key);
  if (kept) return { images: kept, problem: null, drawn: false };
  const copied = e.drawnIn ? await copyPageImages(e.drawnIn, dir, key) : null;
  if (copied) return { images: copied, problem: null, drawn: !!e.drawnNow };
  if (!e.pdf) return { images: null, problem: e.pagesProblem, drawn: false };
  try {
    const images = await site.renderer.render(e.pdf!, key, dir);
    return { images, problem: e.pagesProblem, drawn: true };
  } catch (err) {
    // A full disk is not this document's problem: the site stops (what it wrote stays; the same command goes on).
    if (environmentCode(err, true)) throw err;
    return { images: null, problem: `无法渲染页面：${messageOf(err)}`, drawn: false };
  }
}

/** The batch's drawn pages copied into `dir` (pages.json last), when they were drawn under this key; otherwise null. */
async function copyPageImages(from: string, dir: string, key: PagesKey): Promise<PageImages | null> {
  const images = await readPageImages(from, key);
  if (!images) return null;
  try {
    await clearPageImages(dir);
    for (const p of images.pages)
      if (p.file) await copyFile(path.join(from, p.file), path.join(dir, p.file), fsConstants.COPYFILE_FICLONE);
    await writeAtomic(path.join(dir, PAGES_JSON), JSON.stringify(images), undefined, false);
    return images;
  } catch {
    // a batch folder changed under us: draw them instead
    await clearPageImages(dir);
    return null;
  }
}

async function prepareOut(out: string): Promise<string> {
  try {
    await makeOutputFolder(out);
    const root = await realpath(out);
    for (const d of ['assets', 'documents']) {
      const dir = inside(root, d);
      await mkdir(dir, { recursive: true });
      await assertRealInside(root, dir);
    }
    for (const f of ['index.html', ...ASSETS.map((a) => `assets/${a}`)]) {
      const s = await lstat(inside(root, f)).catch(() => null);
      if (s && !s.isFile()) throw new Error(`${f} in the output folder is not a regular file`);
    }
    return root;
  } catch (err) {
    // A read-only or full file system, a folder not ours to write: the machine's, said as such (exit 3).
    const machine = await asEnvironmentError(err, (err as NodeJS.ErrnoException).path ?? out);
    if (machine) throw machine;
    throw new SiteSetupError(`output folder ${out}: ${messageOf(err)}`);
  }
}

/** Where PDF inputs read by `readPdf` have their pages drawn, each in its own folder, until the site copies them. */
const STAGING = '.drawing';

/** The documents: batch folders read as they are, PDFs extracted (one OCR pool for all). */
async function collect(
  options: SiteOptions,
  staging: string,
  dpi: number,
): Promise<{ entries: Entry[]; badInputs: number }> {
  const entries: Entry[] = [];
  const pdfInputs: (string | Buffer)[] = [];
  let badInputs = 0;
  const problem = (input: string, reason: string) => {
    badInputs++;
    options.onProblem?.(input, reason);
  };
  for (const input of options.inputs) {
    const s = await stat(input).catch(() => null);
    const batch =
      typeof input === 'string' &&
      s?.isDirectory() &&
      (await stat(path.join(input, 'manifest.jsonl')).catch(() => null))?.isFile();
    if (batch && typeof input === 'string') {
      entries.push(...(await fromBatch(input, options.corrections ?? [])));
    } else pdfInputs.push(input);
  }
  const corrected = (e: Entry): Entry =>
    e.report && options.corrections?.length ? { ...e, report: applyCorrections(e.report, options.corrections) } : e;
  if (pdfInputs.length > 0) {
    const { files, raws, problems } = await expandInputs(pdfInputs);
    for (const p of problems) problem(p, 'no such file, folder or match');
    if (options.readPdf) {
      entries.push(...(await readEach(files, raws, options.readPdf, staging, dpi, problem)).map(corrected));
      return { entries, badInputs };
    }
    const pool = createOcrPool(options.jobs);
    try {
      for (const [i, file] of files.entries()) {
        try {
          const bytes = new Uint8Array(await readFile(raws[i] ?? file));
          const report = await extractBytes(bytes, file, {
            ...(options.ocr && { ocr: options.ocr }),
            ...(options.ocrDpi && { ocrDpi: options.ocrDpi }),
            pool,
          });
          entries.push(
            corrected({ input: file, status: 'ok', reason: null, report, pdf: raws[i] ?? file, pagesProblem: null }),
          );
        } catch (err) {
          const reason = messageOf(err);
          problem(file, reason);
          entries.push({ input: file, status: 'failed', reason, report: null, pdf: null, pagesProblem: null });
        }
      }
    } finally {
      await pool.close();
    }
  }
  return { entries, badInputs };
}

/** PDF inputs through `readPdf`, all at once (it bounds how many run), each drawing its pages into its staging folder. */
async function readEach(
  files: string[],
  raws: (Buffer | null)[],
  readPdf: NonNullable<SiteOptions['readPdf']>,
  staging: string,
  dpi: number,
  problem: (input: string, reason: string) => void,
): Promise<Entry[]> {
  await mkdir(staging, { recursive: true });
  await assertRealInside(path.dirname(staging), staging);
  return Promise.all(
    files.map(async (file, i): Promise<Entry> => {
      const dir = inside(staging, String(i));
      try {
        const { report, drewPages } = await readPdf(file, { dir, dpi }, raws[i] ?? null);
        return {
          input: file,
          status: 'ok',
          reason: null,
          report,
          pdf: raws[i] ?? file,
          pagesProblem: null,
          ...(drewPages && { drawnIn: dir, drawnNow: true }),
        };
      } catch (err) {
        if (err instanceof BatchEnvironmentError) throw err;
        const reason = messageOf(err);
        problem(file, reason);
        return { input: file, status: 'failed', reason, report: null, pdf: null, pagesProblem: null };
      }
    }),
  );
}

/**
 * A folder written by `jixiao batch`: its manifest's lines, each with its docs/<name>.json and its PDF,
 * the folder's corrections.jsonl and `extra` applied (reviewed after the batch ran, they are shown all the same).
 */
async function fromBatch(dir: string, extra: Correction[]): Promise<Entry[]> {
  const batchRoot = await realpath(dir);
  const records = await readManifest(path.join(batchRoot, 'manifest.jsonl'));
  const own = (await readCorrections(path.join(batchRoot, CORRECTIONS_FILE))).lines.map((l) => l.correction);
  const corrections = [...own, ...extra];
  const out: Entry[] = [];
  for (const r of records) {
    const base = { input: r.path, pages: r.pages, ocrPages: r.ocrPages };
    if (r.status !== 'ok' || !r.doc) {
      out.push({ ...base, status: r.status, reason: r.reason ?? r.code, report: null, pdf: null, pagesProblem: null });
      continue;
    }
    let report: Report;
    try {
      report = JSON.parse(await readFile(inside(batchRoot, r.doc), 'utf8')) as Report;
      if (
        !Array.isArray(report.pages) ||
        !Array.isArray(report.facts) ||
        !Array.isArray(report.findings) ||
        !report.document ||
        !report.source
      )
        throw new Error('not a jixiao report');
      // what an older batch may not have written
      report.sections ??= [];
      report.paragraphs ??= [];
      report.tables ??= [];
      report = applyCorrections(report, corrections);
    } catch (err) {
      out.push({
        ...base,
        status: 'failed',
        reason: `cannot read ${r.doc}: ${messageOf(err)}`,
        report: null,
        pdf: null,
        pagesProblem: null,
      });
      continue;
    }
    const pdf = await findPdf(r.path, batchRoot, r.sha256, r.pathBytes);
    const drawnIn = r.pageImages ? inside(batchRoot, r.pageImages) : null;
    out.push({ ...base, status: 'ok', reason: null, report, pdf: pdf.file, pagesProblem: pdf.problem, drawnIn });
  }
  return out;
}

/** The manifest's path as given to batch: from here, or from where the batch folder sits. Only the same bytes will do. */
async function findPdf(
  p: string,
  batchRoot: string,
  sha256: string | null,
  pathBytes?: string,
): Promise<{ file: string | Uint8Array | null; problem: string | null }> {
  // A name that is not UTF-8 is found by its own bytes (as latin1, each byte a character path.resolve leaves alone).
  const q = pathBytes ? Buffer.from(pathBytes, 'hex').toString('latin1') : p;
  const asBytes = (c: string) => (pathBytes ? Buffer.from(c, 'latin1') : c);
  const candidates = path.isAbsolute(q)
    ? [q]
    : [path.resolve(q), path.resolve(batchRoot, '..', q), path.resolve(batchRoot, q)];
  let changed = false;
  for (const c of [...new Set(candidates)].map(asBytes)) {
    const bytes = await readFile(c).catch(() => null);
    if (!bytes) continue;
    if (sha256 === null || createHash('sha256').update(bytes).digest('hex') === sha256)
      return { file: c, problem: null };
    changed = true;
  }
  return {
    file: null,
    problem: changed
      ? `PDF 文件 ${p} 自批处理以来已改变，页面不显示（框的位置将不对应）`
      : `找不到 PDF 文件 ${p}，页面不显示`,
  };
}

/** Renders in worker threads, one document each at a time (in this thread, one at a time, when one will do). */
export interface DrawLimits {
  timeoutSeconds: number;
  maxMemoryMb: number;
}

class Renderer {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: (() => void)[] = [];
  private readonly pending = new Map<
    number,
    { worker: Worker; resolve: (p: PageImages) => void; reject: (e: Error) => void }
  >();
  private next = 0;
  private running = 0;

  private readonly size: number;
  private readonly limits: DrawLimits | null;
  /** `limits`: each document's drawing is stopped beyond them (its page shows why), in a thread even when size is 1 */
  constructor(size: number, limits: DrawLimits | null = null) {
    this.size = size;
    this.limits = limits;
  }

  async render(pdf: string | Uint8Array, key: PagesKey, dir: string): Promise<PageImages> {
    while (this.running >= this.size) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      if (this.size <= 1 && !this.limits)
        return await drawPdfPages(
          new Uint8Array(await readFile(typeof pdf === 'string' ? pdf : Buffer.from(pdf))),
          key,
          dir,
        );
      const worker = this.idle.pop() ?? this.spawn();
      const id = this.next++;
      const timer = this.limits && setTimeout(() => this.stop(id, worker), this.limits.timeoutSeconds * 1000);
      try {
        return await new Promise<PageImages>((resolve, reject) => {
          this.pending.set(id, { worker, resolve, reject });
          worker.postMessage({ id, pdf, key, dir } satisfies RenderJob);
        });
      } finally {
        if (timer) clearTimeout(timer);
        if (this.workers.includes(worker)) this.idle.push(worker);
      }
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  /** Past the time limit: the document fails to draw with the reason, its thread is stopped and not used again. */
  private stop(id: number, worker: Worker): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    p?.reject(new Error(`drawing its pages took longer than ${this.limits!.timeoutSeconds} s (--timeout)`));
    this.workers.splice(this.workers.indexOf(worker), 1);
    void stopThread(worker);
  }

  private spawn(): Worker {
    const worker = startThread(
      WORKER_URL,
      this.limits ? { resourceLimits: { maxOldGenerationSizeMb: this.limits.maxMemoryMb } } : {},
    );
    worker.on('message', (m: { id: number; images?: PageImages; error?: string; code?: string; path?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (m.error !== undefined) p?.reject(Object.assign(new Error(m.error), { code: m.code, path: m.path }));
      else p?.resolve(m.images!);
    });
    // A crashed thread fails its document (shown without pages) and is not used again.
    const fail = (err: Error) => {
      this.workers.splice(this.workers.indexOf(worker), 1);
      for (const [id, p] of this.pending) {
        if (p.worker !== worker) continue;
        this.pending.delete(id);
        p.reject(err);
      }
    };
    worker.on('error', (err: Error & { code?: string }) =>
      fail(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY' && this.limits
          ? new Error(`drawing its pages needed more than ${this.limits.maxMemoryMb} MB (--max-memory)`)
          : err,
      ),
    );
    worker.on('exit', (code) => {
      if (this.workers.includes(worker)) fail(new Error(`render thread exited (${code})`));
    });
    this.workers.push(worker);
    return worker;
  }

  async close(): Promise<void> {
    const all = [...this.workers];
    this.workers.length = 0;
    await Promise.all(all.map((w) => stopThread(w)));
  }
}
