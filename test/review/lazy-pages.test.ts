/// <reference lib="dom" />
// The first review site draws only the pages a reviewer is sent to first (those holding a finding);
// the static site says on every other page how to see it; the review server draws such a page on
// the first request for it — once, however many ask at once — into the site's folder, and refuses a
// page the report does not have or a path that climbs out. The real server and its drawing threads,
// and Chromium (skipped where it is missing).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { startReview, type ReviewServer } from '../../src/review/server.ts';
import { buildSite, type SiteResult } from '../../src/review/site.ts';
import type { Report } from '../../src/schema/report.ts';
import { SAMPLE } from '../batch/corpus.ts';
import { browserMissing, launch, pageErrors } from '../support/browser.ts';

const NAME = 'yueyanglou-scjg-2023';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

/** The pages of its findings, of the facts and of the headings they name: worked out here, not by the code under test. */
function findingPagesOf(report: Report): number[] {
  const pages = new Set<number>();
  for (const f of report.findings) {
    if (f.page !== null) pages.add(f.page);
    for (const id of f.factIds) pages.add(report.facts.find((x) => x.id === id)!.page);
    for (const id of f.sectionIds)
      for (const p of report.paragraphs) if (p.sectionId === id && p.role === 'heading') pages.add(p.page);
  }
  return [...pages].sort((a, b) => a - b);
}

const imagesIn = (dir: string) => readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
const pageFile = (n: number) => `page-${String(n).padStart(4, '0')}.png`;

/** A GET sent as written: fetch would resolve `..` in the path before sending it. */
function rawGet(url: URL, rawPath: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('pages drawn when first needed', () => {
  let tmp: string;
  let batch: string;
  let site: SiteResult;
  let report: Report;
  let expected: number[];
  let server: ReviewServer | null = null;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-lazy-pages-'));
    batch = path.join(tmp, 'batch');
    await runBatch({ inputs: [SAMPLE], out: batch, jobs: 1, progress: 'none', ocr: 'never' });
    report = JSON.parse(readFileSync(path.join(batch, 'docs', `${NAME}.json`), 'utf8')) as Report;
    expected = findingPagesOf(report);
    site = await buildSite({ inputs: [batch], out: path.join(tmp, 'site'), jobs: 2 });
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('the site draws only the pages holding a finding, and says so', () => {
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(report.pages.length);
    const dir = path.join(tmp, 'site', 'documents', NAME);
    expect(imagesIn(dir).sort()).toEqual(expected.map(pageFile));
    expect(site.drawn).toBe(expected.length);
    expect(site.undrawn).toBe(report.pages.length - expected.length);
    const saved = JSON.parse(readFileSync(path.join(dir, 'pages.json'), 'utf8')) as { pages: { number: number }[] };
    expect(saved.pages.map((p) => p.number)).toEqual(expected);
  });

  test('the static page shows each drawn page, and on every other one line saying how to see it', () => {
    const html = readFileSync(path.join(tmp, 'site', 'documents', `${NAME}.html`), 'utf8');
    for (const p of report.pages) {
      const row = html.slice(
        html.indexOf(`id="p${p.number}"`),
        html.indexOf('</section>', html.indexOf(`id="p${p.number}"`)),
      );
      if (expected.includes(p.number)) {
        expect(row).toContain(`src="../documents/${NAME}/${pageFile(p.number)}"`);
        expect(row).not.toContain('--all-pages');
      } else {
        expect(row).not.toContain('<img');
        expect(row).toMatch(/<div class="page missing">[^<]*jixiao review[^<]*--all-pages[^<]*<\/div>/);
      }
    }
    // nothing of the PDF is linked: the site stays offline and runs none of its scripts
    expect(html).not.toMatch(/href="[^"]*\.pdf/);
  });

  test('--all-pages draws every page now', async () => {
    const all = await buildSite({ inputs: [batch], out: path.join(tmp, 'site-all'), jobs: 2, allPages: true });
    expect(all.undrawn).toBe(0);
    expect(imagesIn(path.join(tmp, 'site-all', 'documents', NAME))).toHaveLength(report.pages.length);
    // and a site drawn before keeps what it has, drawing only what it lacks
    const again = path.join(tmp, 'site-again');
    expect((await buildSite({ inputs: [batch], out: again, jobs: 2 })).drawn).toBe(expected.length);
    expect((await buildSite({ inputs: [batch], out: again, jobs: 2, allPages: true })).drawn).toBe(
      report.pages.length - expected.length,
    );
  }, 120_000);

  test('the review server draws a missing page on request, once, inside the site, and serves it', async () => {
    server = await startReview({
      folder: batch,
      by: 'auditor',
      jobs: 2,
      limits: { timeoutSeconds: 60, maxMemoryMb: 1024 },
    });
    const base = server.url.slice(0, -'/index.html'.length);
    const dir = path.join(batch, 'review', 'documents', NAME);
    const n = report.pages.find((p) => !expected.includes(p.number))!.number;
    expect(existsSync(path.join(dir, pageFile(n)))).toBe(false);
    // its document page links every page, drawn or not, with its boxes placed
    const page = await (await fetch(`${base}/documents/${NAME}.html`)).text();
    for (const p of report.pages) expect(page).toContain(`src="../documents/${NAME}/${pageFile(p.number)}"`);
    expect(page).not.toContain('--all-pages');
    const factsOnIt = report.facts.filter((f) => f.page === n && f.bbox).length;
    const row = page.slice(page.indexOf(`id="p${n}"`), page.indexOf('</section>', page.indexOf(`id="p${n}"`)));
    expect(row.match(/class="box fact/g) ?? []).toHaveLength(factsOnIt);
    // two requests at once: one drawing
    const [a, b] = await Promise.all([
      fetch(`${base}/documents/${NAME}/${pageFile(n)}`),
      fetch(`${base}/documents/${NAME}/${pageFile(n)}`),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get('content-type')).toBe('image/png');
    const [bytesA, bytesB] = [Buffer.from(await a.arrayBuffer()), Buffer.from(await b.arrayBuffer())];
    expect(bytesA.subarray(0, 4).equals(PNG)).toBe(true);
    expect(bytesA.equals(bytesB)).toBe(true);
    expect(server.pagesDrawn()).toBe(1);
    // written in the site's folder, kept in its pages.json, served from there after
    expect(readFileSync(path.join(dir, pageFile(n))).equals(bytesA)).toBe(true);
    const saved = JSON.parse(readFileSync(path.join(dir, 'pages.json'), 'utf8')) as {
      pages: { number: number; file: string | null }[];
    };
    expect(saved.pages.find((p) => p.number === n)?.file).toBe(pageFile(n));
    expect((await fetch(`${base}/documents/${NAME}/${pageFile(n)}`)).status).toBe(200);
    expect(server.pagesDrawn()).toBe(1);
  }, 120_000);

  test('a page the report does not have, or a path that climbs out, is refused and draws nothing', async () => {
    const url = new URL(server!.url);
    const token = url.pathname.split('/')[1]!;
    const dir = path.join(batch, 'review', 'documents', NAME);
    const before = imagesIn(dir).sort();
    const drawn = server!.pagesDrawn();
    const refused = [
      `/${token}/documents/${NAME}/${pageFile(report.pages.length + 1)}`,
      `/${token}/documents/${NAME}/page-0000.png`,
      `/${token}/documents/${NAME}/page-99999999.png`,
      `/${token}/documents/${NAME}/page-0002.webp`, // a text page is drawn as PNG
      `/${token}/documents/${NAME}/page-2.png`,
      `/${token}/documents/no-such-report/page-0002.png`,
      `/${token}/documents/${NAME}/../../../manifest.jsonl`,
      `/${token}/documents/${NAME}/%2e%2e/%2e%2e/%2e%2e/docs/${NAME}.json`,
      `/${token}/documents/..%2f..%2f..%2fmanifest.jsonl/page-0002.png`,
    ];
    for (const p of refused) expect((await rawGet(url, p)).status, p).toBeGreaterThanOrEqual(400);
    expect(server!.pagesDrawn()).toBe(drawn);
    expect(imagesIn(dir).sort()).toEqual(before);
    expect(readdirSync(path.join(batch, 'review', 'documents')).sort()).toEqual([NAME, `${NAME}.html`]);
  });

  test.skipIf(browserMissing() !== null)(
    'in Chromium: the static page says how to see an undrawn page; in the server, scrolled to, it is drawn and shown',
    async () => {
      const browser = await launch({ allow: [new URL(server!.url).origin] });
      try {
        const last = report.pages.filter((p) => !expected.includes(p.number)).at(-1)!.number;
        const fromDisk = await browser.open(pathToFileURL(path.join(tmp, 'site', 'documents', `${NAME}.html`)).href);
        const line = fromDisk.locator(`#p${last} .page.missing`);
        await line.scrollIntoViewIfNeeded();
        expect(await line.isVisible()).toBe(true);
        expect(await line.textContent()).toContain('jixiao review');
        await fromDisk.screenshot({ path: path.join(os.tmpdir(), 'jixiao-lazy-static.png') });
        const drawn = server!.pagesDrawn();
        const live = await browser.open(`${server!.url.slice(0, -'index.html'.length)}documents/${NAME}.html`);
        const img = live.locator(`#p${last} figure.page img`);
        await img.scrollIntoViewIfNeeded();
        await live.waitForFunction(
          (n) => {
            const i = document.querySelector<HTMLImageElement>(`#p${n} figure.page img`);
            return !!i && i.complete && i.naturalWidth > 0;
          },
          last,
          { timeout: 60_000 },
        );
        expect(server!.pagesDrawn()).toBeGreaterThan(drawn);
        expect(await live.locator(`#p${last} .box.fact`).count()).toBe(
          report.facts.filter((f) => f.page === last && f.bbox).length,
        );
        expect(pageErrors(live)).toEqual([]);
        expect(browser.offsite).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );

  test('a server started again keeps the pages drawn before', async () => {
    await server!.close();
    server = await startReview({ folder: batch, by: 'auditor', jobs: 1 });
    const base = server.url.slice(0, -'/index.html'.length);
    const n = report.pages.find((p) => !expected.includes(p.number))!.number;
    expect((await fetch(`${base}/documents/${NAME}/${pageFile(n)}`)).status).toBe(200);
    expect(server.pagesDrawn()).toBe(0);
  }, 120_000);
});
