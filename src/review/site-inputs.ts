// A review site's inputs read into entries: batch folders as they are (their reports with the reviewer's
// corrections, the PDFs their manifest names, found again by their bytes), PDFs extracted — through the
// caller's readPdf (a document process each, under the batch's limits) or here.
import { createHash } from 'node:crypto';
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BatchEnvironmentError } from '../batch/errors.ts';
import { expandInputs } from '../batch/inputs.ts';
import type { Correction } from '../schema/corrections.ts';
import type { Report } from '../schema/report.ts';
import { messageOf } from '../util/errors.ts';
import { CORRECTIONS_FILE, readCorrections } from '../writers/corrections-file.ts';
import { assertRealInside, inside } from '../util/files.ts';
import { readManifest } from '../writers/manifest.ts';
import type { DrawWhileOpen, Entry, SiteOptions } from './site-types.ts';

/** Where PDF inputs read by `readPdf` have their pages drawn, each in its own folder, until the site copies them. */
export const STAGING = '.drawing';

/** The documents: batch folders read as they are, PDFs extracted (one OCR pool for all). */
export async function collect(
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
  if (pdfInputs.length > 0) {
    const { files, raws, problems } = await expandInputs(pdfInputs);
    for (const p of problems) problem(p, 'no such file, folder or match');
    const read = options.readPdf
      ? await readEach(files, raws, options.readPdf, staging, { dpi, all: !!options.allPages }, problem)
      : await extractEach(files, raws, options, problem);
    entries.push(...(await corrected(read, options.corrections ?? [])));
  }
  return { entries, badInputs };
}

/** The reviewer's corrections applied to the reports read here (their module loaded only when there are some). */
async function corrected(entries: Entry[], corrections: Correction[]): Promise<Entry[]> {
  if (corrections.length === 0) return entries;
  const { applyCorrections } = await import('../corrections/apply.ts');
  return entries.map((e) => (e.report ? { ...e, report: applyCorrections(e.report, corrections) } : e));
}

/** PDF inputs extracted in this thread, one at a time, with one OCR pool (the pipeline loaded only for them). */
async function extractEach(
  files: string[],
  raws: (Buffer | null)[],
  options: SiteOptions,
  problem: (input: string, reason: string) => void,
): Promise<Entry[]> {
  const [{ createOcrPool }, { extractBytes }] = await Promise.all([
    import('../ocr/pool.ts'),
    import('../pipeline/extract.ts'),
  ]);
  const entries: Entry[] = [];
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
        entries.push({ input: file, status: 'ok', reason: null, report, pdf: raws[i] ?? file, pagesProblem: null });
      } catch (err) {
        const reason = messageOf(err);
        problem(file, reason);
        entries.push({ input: file, status: 'failed', reason, report: null, pdf: null, pagesProblem: null });
      }
    }
  } finally {
    await pool.close();
  }
  return entries;
}

/** PDF inputs through `readPdf`, all at once (it bounds how many run), each drawing its pages into its staging folder. */
async function readEach(
  files: string[],
  raws: (Buffer | null)[],
  readPdf: NonNullable<SiteOptions['readPdf']>,
  staging: string,
  draw: Omit<DrawWhileOpen, 'dir'>,
  problem: (input: string, reason: string) => void,
): Promise<Entry[]> {
  await mkdir(staging, { recursive: true });
  await assertRealInside(path.dirname(staging), staging);
  return Promise.all(
    files.map(async (file, i): Promise<Entry> => {
      const dir = inside(staging, String(i));
      try {
        const { report, drewPages } = await readPdf(file, { ...draw, dir }, raws[i] ?? null);
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
      // a report no reviewer touched is shown as written (the corrections' module, and the checks it runs again, not loaded)
      if (corrections.length > 0 || report.review)
        report = (await import('../corrections/apply.ts')).applyCorrections(report, corrections);
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
