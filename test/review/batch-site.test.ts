/// <reference lib="dom" />
// The review site of a folder written by `jixiao batch`: read from its
// docs/*.json and the PDFs its manifest names (not extracted again), failed
// rows with their reasons, filters and sorting in the page — and, on a batch
// of 100 documents, the time the site takes against the time the batch took
// and the index's open time in Chromium (reported, not asserted).
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { readManifest } from '../../src/writers/manifest.ts';
import { buildSite, SiteSetupError, type SiteResult } from '../../src/review/site.ts';
import type { Report } from '../../src/schema/report.ts';
import { badFiles, madeReport, sampleVariant, writeAll } from '../batch/corpus.ts';
import { browserMissing, launch, pageErrors, type Browser } from '../support/browser.ts';

const missing = browserMissing();
if (missing) console.warn(missing);
const DOCS = Number(process.env.JIXIAO_REVIEW_DOCS ?? 100);

describe.skipIf(missing !== null)('review site of a batch folder, in Chromium', () => {
  let tmp: string;
  let batchDir: string;
  let out: string;
  let browser: Browser;
  let site: SiteResult;
  let reports: Report[];
  let batchSeconds: number;
  let siteSeconds: number;
  let changedPdf: string;
  const withImages = { batchSeconds: 0, siteSeconds: 0, site: null as SiteResult | null };
  const MARK = '（批处理写下的）';

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-batch-'));
    const bad = badFiles().filter((f) => f.name === 'truncated.pdf' || f.name === 'not-a-pdf.pdf');
    const files = [
      ...Array.from({ length: 3 }, (_, i) => ({ name: `sample-${i}.pdf`, bytes: sampleVariant(i) })),
      ...Array.from({ length: DOCS - 3 - bad.length }, (_, i) => ({
        name: `made-${String(i).padStart(3, '0')}.pdf`,
        bytes: madeReport(i),
      })),
      ...bad,
    ];
    writeAll(path.join(tmp, 'in'), files);
    batchDir = path.join(tmp, 'batch');
    const cwd = process.cwd();
    process.chdir(tmp); // the manifest keeps paths as given: relative ones, as a person types them
    try {
      let t = performance.now();
      const result = await runBatch({ inputs: ['in'], out: 'batch', jobs: 2, progress: 'none' });
      batchSeconds = (performance.now() - t) / 1000;
      expect(result.failed).toBe(bad.length);
      // The same inputs with --page-images: the batch draws each document's pages while it is open.
      t = performance.now();
      await runBatch({ inputs: ['in'], out: 'batch-pi', jobs: 2, progress: 'none', pageImages: true });
      withImages.batchSeconds = (performance.now() - t) / 1000;
      // Mark a finding's message in the batch's JSON: the site must show what the batch wrote, not a fresh extraction.
      const docFile = path.join(batchDir, 'docs', 'sample-0.json');
      const doc = JSON.parse(readFileSync(docFile, 'utf8')) as Report;
      doc.findings[0]!.message = MARK + doc.findings[0]!.message;
      writeFileSync(docFile, JSON.stringify(doc));
      // A PDF changed after the batch: its boxes would not fit, so its pages are not shown.
      changedPdf = path.join(tmp, 'in', 'made-001.pdf');
      writeFileSync(changedPdf, madeReport(500));
      out = path.join(tmp, 'site');
      t = performance.now();
      site = await buildSite({ inputs: ['batch'], out: 'site', jobs: 2, allPages: true });
      siteSeconds = (performance.now() - t) / 1000;
      t = performance.now();
      withImages.site = await buildSite({ inputs: ['batch-pi'], out: 'site-pi', jobs: 2 });
      withImages.siteSeconds = (performance.now() - t) / 1000;
    } finally {
      process.chdir(cwd);
    }
    const records = await readManifest(path.join(batchDir, 'manifest.jsonl'));
    reports = records
      .filter((r) => r.status === 'ok')
      .map((r) => JSON.parse(readFileSync(path.join(batchDir, r.doc!), 'utf8')) as Report);
    browser = await launch();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const indexUrl = () => pathToFileURL(path.join(out, 'index.html')).href;

  test(`${DOCS} documents: the site's time against the batch's, and the index's open time`, async () => {
    const t = performance.now();
    const page = await browser.open(indexUrl());
    await page.waitForLoadState('load');
    const wall = performance.now() - t;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    const pages = site.pages;
    console.log(
      JSON.stringify({
        reviewSite: {
          documents: DOCS,
          pageImages: pages,
          batchSeconds: +batchSeconds.toFixed(2),
          siteSeconds: +siteSeconds.toFixed(2),
          ratio: +(siteSeconds / batchSeconds).toFixed(2),
          withPageImages: {
            batchSeconds: +withImages.batchSeconds.toFixed(2),
            siteSeconds: +withImages.siteSeconds.toFixed(2),
            ratio: +(withImages.siteSeconds / withImages.batchSeconds).toFixed(2),
            batchCost: +(withImages.batchSeconds / batchSeconds).toFixed(2),
          },
          indexOpen: {
            wallMs: Math.round(wall),
            domContentLoadedMs: Math.round(nav.domContentLoaded),
            loadMs: Math.round(nav.load),
          },
        },
      }),
    );
    expect(await page.$$eval('table.docs tbody tr', (r) => r.length)).toBe(DOCS);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test('one row per manifest line, open errors first; failed rows with their reasons; counts at the top', async () => {
    const records = await readManifest(path.join(batchDir, 'manifest.jsonl'));
    const page = await browser.open(indexUrl());
    const rows = await page.$$eval('table.docs tbody tr', (trs) =>
      trs.map((tr) => ({
        status: (tr as HTMLElement).dataset.status,
        file: tr.querySelector('.file')!.textContent,
        text: tr.textContent,
        errors: Number((tr as HTMLTableRowElement).cells[6]!.dataset.sort),
        warnings: Number((tr as HTMLTableRowElement).cells[7]!.dataset.sort),
      })),
    );
    expect(rows).toHaveLength(records.length);
    for (const r of records) {
      const row = rows.find((x) => x.file === r.path)!;
      expect(row.status).toBe(r.status);
      if (r.status === 'failed') expect(row.text).toContain(r.reason!);
    }
    // Triage: open errors (most first), then open warnings.
    const keys = rows.map((r) => [-r.errors, -r.warnings]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    expect(rows[0]!.errors + rows[0]!.warnings).toBeGreaterThan(0);
    const counts = (await page.textContent('#counts'))!;
    expect(counts).toContain(`报告 ${records.length} 份`);
    expect(counts).toContain(`失败 ${records.filter((r) => r.status === 'failed').length}`);
    expect(counts).toContain(`事实 ${reports.reduce((n, r) => n + r.facts.length, 0)}`);
    await page.close();
  });

  test('the site shows what the batch wrote and draws pages only from the very same PDF', async () => {
    const doc = readFileSync(path.join(out, 'documents', 'sample-0.html'), 'utf8');
    expect(doc).toContain(MARK);
    expect(readdirSync(path.join(out, 'documents', 'sample-0')).filter((f) => f.endsWith('.png')).length).toBe(11);
    const page = await browser.open(pathToFileURL(path.join(out, 'documents', 'made-001.html')).href);
    expect(await page.textContent('.problem')).toContain('已改变');
    expect(await page.$$eval('figure.page', (f) => f.length)).toBe(0);
    await page.close();
  });

  test('from a batch run with --page-images the site copies its images, drawing none, and shows them where the PDF changed since', async () => {
    const piSite = withImages.site!;
    expect(piSite.drawn).toBe(0);
    // every page of every report, made-001 too: its images were drawn from the PDF its report was read from
    expect(piSite.pages).toBe(reports.reduce((n, r) => n + r.pages.length, 0));
    const piDir = path.join(tmp, 'site-pi', 'documents');
    expect(readFileSync(path.join(piDir, 'made-001.html'), 'utf8')).not.toContain('已改变');
    expect(readdirSync(path.join(piDir, 'made-001')).filter((f) => f.endsWith('.png')).length).toBeGreaterThan(0);
    // drawn while the batch had the document open, or by the site from the file: the same pixels, the same bytes
    for (const f of ['sample-0/page-0001.png', 'sample-0/page-0011.png', 'made-000/page-0002.png'])
      expect(readFileSync(path.join(piDir, f)).equals(readFileSync(path.join(out, 'documents', f)))).toBe(true);
    const page = await browser.open(pathToFileURL(path.join(piDir, 'made-001.html')).href);
    expect(await page.$$eval('figure.page', (f) => f.length)).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test('filters by severity, rule, organisation, year and status, and sorting, in the page', async () => {
    const page = await browser.open(indexUrl());
    const shown = () =>
      page.$$eval('table.docs tbody tr:not([hidden])', (trs) =>
        trs.map((tr) => tr.querySelector('.file')!.textContent),
      );
    const pathsOf = (rs: Report[]) => rs.map((r) => r.source.path);

    await page.selectOption('#f-year', '2020');
    expect((await shown()).sort()).toEqual(pathsOf(reports.filter((r) => r.document.fiscalYear === 2020)).sort());
    expect(await page.textContent('#shown')).toBe(String(reports.filter((r) => r.document.fiscalYear === 2020).length));
    await page.selectOption('#f-year', '');

    await page.selectOption('#f-sev', 'warning');
    const withWarning = reports.filter((r) => r.findings.some((f) => f.severity === 'warning'));
    expect(withWarning.length).toBeGreaterThan(0);
    expect((await shown()).sort()).toEqual(pathsOf(withWarning).sort());
    await page.selectOption('#f-sev', '');

    const rule = reports.flatMap((r) => r.findings.map((f) => f.rule))[0]!;
    await page.selectOption('#f-rule', rule);
    expect((await shown()).sort()).toEqual(
      pathsOf(reports.filter((r) => r.findings.some((f) => f.rule === rule))).sort(),
    );
    await page.selectOption('#f-rule', '');

    const org = reports.find((r) => r.document.organization)!.document.organization!;
    await page.selectOption('#f-org', org);
    expect((await shown()).sort()).toEqual(pathsOf(reports.filter((r) => r.document.organization === org)).sort());
    await page.selectOption('#f-org', '');

    await page.selectOption('#f-status', 'failed');
    expect((await shown()).length).toBe(2);
    await page.selectOption('#f-status', '');

    // Sorting by pages, descending on the second click.
    await page.click('button.sort[data-col="4"]');
    await page.click('button.sort[data-col="4"]');
    const firstPages = await page.$eval('table.docs tbody tr:first-child td:nth-child(5)', (td) =>
      Number((td as HTMLElement).dataset.sort),
    );
    expect(firstPages).toBe(Math.max(...reports.map((r) => r.pages.length)));
    expect(await page.getAttribute('button.sort[data-col="4"] >> xpath=..', 'aria-sort')).toBe('descending');
    await page.close();
  });

  test('a second run keeps the page images it drew, draws those it could not before, and shows the rest', async () => {
    const image = path.join(out, 'documents', 'sample-0', 'page-0001.png');
    const before = statSync(image).mtimeMs;
    let startedSecond = 0;
    const cwd = process.cwd();
    process.chdir(tmp);
    try {
      // made-002 changed now too; made-001 is back to what the batch read
      writeFileSync(path.join(tmp, 'in', 'made-001.pdf'), madeReport(1));
      writeFileSync(path.join(tmp, 'in', 'made-002.pdf'), madeReport(502));
      const t = performance.now();
      startedSecond = Date.now();
      await buildSite({ inputs: ['batch'], out: 'site', jobs: 2, allPages: true });
      console.log(
        JSON.stringify({
          reviewSiteSecondRun: { documents: DOCS, seconds: +((performance.now() - t) / 1000).toFixed(2) },
        }),
      );
    } finally {
      process.chdir(cwd);
    }
    expect(statSync(image).mtimeMs).toBe(before);
    // made-001 is the batch's PDF again: drawn now
    expect(readdirSync(path.join(out, 'documents', 'made-001')).some((f) => f.endsWith('.png'))).toBe(true);
    // made-002 changed after the first run drew it: those images still fit its report (the same SHA-256), kept
    const made002 = path.join(out, 'documents', 'made-002', 'page-0001.png');
    expect(statSync(made002).mtimeMs).toBeLessThan(startedSecond);
    expect(readFileSync(path.join(out, 'documents', 'made-002.html'), 'utf8')).not.toContain('已改变');
  });

  test('no request left the file system', () => {
    expect(browser.offsite).toEqual([]);
  });
});

describe('review site: nothing written outside DIR', () => {
  test('an output folder whose documents/ links elsewhere is refused before anything is written', async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-link-'));
    try {
      const elsewhere = path.join(tmp, 'elsewhere');
      mkdirSync(elsewhere);
      mkdirSync(path.join(tmp, 'site'));
      symlinkSync(elsewhere, path.join(tmp, 'site', 'documents'));
      writeFileSync(path.join(tmp, 'a.pdf'), madeReport(1));
      await expect(
        buildSite({ inputs: [path.join(tmp, 'a.pdf')], out: path.join(tmp, 'site'), jobs: 1 }),
      ).rejects.toBeInstanceOf(SiteSetupError);
      expect(readdirSync(elsewhere)).toEqual([]);
      expect(readdirSync(path.join(tmp, 'site')).sort()).toEqual(['assets', 'documents']);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
