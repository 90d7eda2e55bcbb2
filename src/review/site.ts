// `jixiao report`: a static review site. INPUT is PDFs (extracted here, as
// `check` does) or folders written by `jixiao batch` (their docs/*.json and
// the PDFs the manifest names are read; nothing is extracted again). Writes
//   DIR/index.html                      the documents, sortable and filterable
//   DIR/assets/review.css, review.js    the site's only style and script
//   DIR/documents/<name>.html           one page per document
//   DIR/documents/<name>/page-NNNN.*    its pages as images: those holding a finding (findingPages), or
//                                       all with allPages; the review server draws the others when asked
// Everything is checked to land inside DIR; names are made safe as batch makes them. Inputs are read into
// entries by site-inputs.ts, pages drawn by renderer.ts.
import { copyFile, constants as fsConstants, lstat, mkdir, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { asEnvironmentError, environmentCode, makeOutputFolder } from '../batch/errors.ts';
import { assertRealInside, inside, writeAtomic } from '../util/files.ts';
import { uniqueNames } from '../writers/names.ts';
import type { Report, Severity } from '../schema/report.ts';
import { REVIEW_CSS, REVIEW_JS } from './assets.ts';
import { docPage } from './doc-page.ts';
import { href } from './html.ts';
import { indexPage, type IndexRow } from './index-page.ts';
import { linked, type RenderedPage } from './page-geometry.ts';
import { Renderer } from './renderer.ts';
import { collect, STAGING } from './site-inputs.ts';
import type { Entry, SiteOptions } from './site-types.ts';
import { triageOf, triageOrder } from './triage.ts';
import { severityCounts, summaryLine } from './summary.ts';
import { messageOf } from '../util/errors.ts';
import {
  clearPageImages,
  DEFAULT_DPI,
  findingPages,
  isDrawn,
  mergePages,
  pagesKey,
  readPageImages,
  writePageImages,
  type DrawnPage,
  type PageImages,
  type PagesKey,
} from '../writers/page-images.ts';

export type { DrawLimits } from './renderer.ts';
export type { PdfRead, SiteOptions } from './site-types.ts';

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
  /** pages of documents with a PDF not drawn yet: drawn when the review server is asked for them, or with allPages */
  undrawn: number;
  /** each document as the site shows it, in input order: what the review server renders its pages from */
  shown: ShownDocument[];
}

/** One document of the site: its index row, its report (null when it failed), its page images. */
export interface ShownDocument {
  row: IndexRow;
  report: Report | null;
  pages: RenderedPage[];
  pagesProblem: string | null;
  /** where its pages not drawn yet can be drawn from (null: no PDF that fits the report) */
  source: PageSource | null;
}

/** A document's PDF and image folder, for drawing its other pages on request (src/review/page-drawer.ts). */
export interface PageSource {
  pdf: string | Uint8Array;
  key: PagesKey;
  /** its image folder, inside the site */
  dir: string;
  /** that folder's name under documents/, and its link from the site's root */
  name: string;
  href: string;
  /** its pages.json's pages: those drawn (or tried) so far */
  pages: DrawnPage[];
}

/** A problem with the command or the output folder: nothing was written. */
export class SiteSetupError extends Error {
  override name = 'SiteSetupError';
}

const ASSET_FILES: Record<string, string> = { 'review.css': REVIEW_CSS, 'review.js': REVIEW_JS };
const ASSETS = Object.keys(ASSET_FILES);

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

  const renderer = siteRenderer(entries, options);
  const site: SiteContext = { root, documentsDir, dpi, renderer, allPages: !!options.allPages };
  const rows: IndexRow[] = [];
  const shownDocs: ShownDocument[] = [];
  let pages = 0;
  let drawn = 0;
  let undrawn = 0;
  try {
    await Promise.all(
      entries.map(async (e, i) => {
        const row = indexRow(e, i);
        rows[i] = row;
        shownDocs[i] = { row, report: e.report, pages: [], pagesProblem: e.pagesProblem, source: null };
        if (!e.report) return;
        const shown = await documentPage(e, e.report, names[i]!, site);
        pages += shown.images;
        drawn += shown.drawn;
        if (shown.source) undrawn += e.report.pages.length - shown.source.pages.filter(isDrawn).length;
        row.page = shown.page;
        shownDocs[i] = {
          row,
          report: e.report,
          pages: shown.rendered,
          pagesProblem: shown.problem,
          source: shown.source,
        };
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
    undrawn,
  };
}

/**
 * The site's renderer: up to --jobs drawing threads, one per PAGES_A_THREAD pages a first run may draw (a
 * thread costs 0.15–0.3 s of CPU to start: a second one for a few pages costs more than it saves); in this
 * thread only where one document is drawn without limits, as before.
 */
function siteRenderer(entries: Entry[], options: SiteOptions): Renderer {
  let pages = 0;
  for (const e of entries)
    if (e.pdf && e.report) pages += options.allPages ? e.report.pages.length : findingPages(e.report).length;
  const docs = entries.filter((e) => e.pdf).length;
  const jobs = options.jobs ?? os.availableParallelism();
  const threads = Math.max(1, Math.min(jobs, docs, Math.ceil(pages / PAGES_A_THREAD)));
  return new Renderer(threads, options.limits ?? null, docs <= 1);
}
const PAGES_A_THREAD = 16;

/** Where a run of the site writes and renders. */
interface SiteContext {
  root: string;
  documentsDir: string;
  dpi: number;
  renderer: Renderer;
  /** draw every page now, not only those a reviewer is sent to first */
  allPages: boolean;
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
): Promise<{
  page: string;
  images: number;
  drawn: number;
  rendered: RenderedPage[];
  problem: string | null;
  source: PageSource | null;
}> {
  const dir = inside(site.documentsDir, name);
  const { images, problem, drawn } = await pageImages(e, report, dir, site);
  // None that fit this report, and none drawn now: what an earlier run left goes.
  if (!images) await clearPageImages(dir);
  const base = `documents/${href(name)}`;
  const rendered = images ? linked(images.pages, base) : [];
  const html = docPage({ report, pages: rendered, pagesProblem: problem, root: '..' });
  await writeAtomic(inside(site.documentsDir, `${name}.html`), html, undefined, false);
  const shown = rendered.filter((r) => r.image).length;
  const key = pagesKey(report, site.dpi);
  const source = e.pdf ? { pdf: e.pdf, key, dir, name, href: base, pages: images?.pages ?? [] } : null;
  return { page: `${base}.html`, images: shown, drawn, rendered, problem, source };
}

/**
 * The document's page images in `dir`: those an earlier run of the site made for the same key, or
 * those its batch drew (--page-images) copied in, and the pages a reviewer is sent to first
 * (findingPages; every page with --all-pages) drawn now where neither has them. The key holds the
 * SHA-256 of the PDF the report was read from, so kept or copied images fit the report even where that
 * PDF has since changed or gone. `drawn`: how many pages this run drew.
 */
async function pageImages(
  e: Entry,
  report: Report,
  dir: string,
  site: SiteContext,
): Promise<{ images: PageImages | null; problem: string | null; drawn: number }> {
  await mkdir(dir, { recursive: true });
  await assertRealInside(site.root, dir);
  const key = pagesKey(report, site.dpi);
  const wanted = site.allPages ? report.pages.map((p) => p.number) : findingPages(report);
  const all = report.pages.map((p) => p.number);
  let images = await readPageImages(dir, key);
  let drawn = 0;
  // what the batch drew (--page-images: every page) is copied, as cheap as keeping it
  const copied = e.drawnIn && !covers(images, all) ? await copyPageImages(e.drawnIn, dir, key, images) : null;
  if (copied) images = copied.images;
  if (copied && e.drawnNow) drawn += copied.copied;
  // Shown whole (kept or copied), the pages need no word on their PDF.
  const problem = () => (covers(images, all) ? null : e.pagesProblem);
  const missing = wanted.filter((n) => !images?.pages.some((p) => p.number === n && isDrawn(p)));
  if (missing.length === 0 || !e.pdf) return { images, problem: problem(), drawn };
  // images drawn under another key go before any is drawn under this one
  if (!images) await clearPageImages(dir);
  try {
    const pages = await site.renderer.render(e.pdf, key, dir, { pages: missing });
    images = { ...key, pages: mergePages(images?.pages ?? [], pages) };
    await writePageImages(dir, images);
    return { images, problem: problem(), drawn: drawn + pages.filter((p) => p.file).length };
  } catch (err) {
    // A full disk is not this document's problem: the site stops (what it wrote stays; the same command goes on).
    if (environmentCode(err, true)) throw err;
    return { images, problem: `无法渲染页面：${messageOf(err)}`, drawn };
  }
}

/** Every one of these pages drawn (or tried) in `images`. */
function covers(images: PageImages | null, pages: number[]): boolean {
  const done = new Set(images?.pages.filter(isDrawn).map((p) => p.number));
  return pages.every((n) => done.has(n));
}

/**
 * The pages the batch drew (or the document worker, for a PDF input) copied into `dir` beside those it
 * has, when they were drawn under this key; null when they were not (or the batch folder changed under us).
 */
async function copyPageImages(
  from: string,
  dir: string,
  key: PagesKey,
  have: PageImages | null,
): Promise<{ images: PageImages; copied: number } | null> {
  const images = await readPageImages(from, key);
  if (!images) return null;
  try {
    // images drawn under another key go first
    if (!have) await clearPageImages(dir);
    const kept = new Set(have?.pages.filter(isDrawn).map((p) => p.number));
    const copied = images.pages.filter((p) => !kept.has(p.number));
    for (const p of copied)
      if (p.file) await copyFile(path.join(from, p.file), path.join(dir, p.file), fsConstants.COPYFILE_FICLONE);
    const merged = { ...key, pages: mergePages(have?.pages ?? [], copied) };
    await writePageImages(dir, merged);
    return { images: merged, copied: copied.filter((p) => p.file).length };
  } catch {
    // a batch folder changed under us: the pages are drawn instead (pages.json names none of what was copied)
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
