/// <reference lib="dom" />
// `jixiao review` in Chromium: a reviewer dismisses a finding, corrects a
// value on its page crop and adds a fact by drawing its box; a reload and a
// `jixiao batch` run again keep all three (and a static site made afterwards
// shows them). A hostile note or label is shown as text; a write without the
// token (or from another origin, or not JSON) is refused. The index puts open
// errors first, says why, flags a report not understood, and a wide table
// scrolls in its panel with its header kept.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { buildSite } from '../../src/review/site.ts';
import { startReview, type ReviewServer } from '../../src/review/server.ts';
import { Report } from '../../src/schema/report.ts';
import { writeAll } from '../batch/corpus.ts';
import { browserMissing, launch, pageErrors, type Browser } from '../support/browser.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';
import { factByLabel, reviewedPdf } from '../support/reviewed.ts';
import { ruledTable } from '../tables/support.ts';

const missing = browserMissing();
if (missing) console.warn(missing);

const HOSTILE_NOTE = '<img src=x onerror="window.__pwned=1">另有说明';
const HOSTILE_LABEL = '<script>window.__pwned=2</script>实有人数';

/** A 决算 table of 12 columns, 30 rows: wider and taller than its panel. */
function widePdf(): Uint8Array {
  const head = ['科目名称', ...Array.from({ length: 11 }, (_, i) => `第${i + 1}项支出决算数（万元）`)];
  const body = Array.from({ length: 30 }, (_, r) => [
    `支出科目${r + 1}`,
    ...Array.from({ length: 11 }, (_, c) => (100 + r * 3 + c).toFixed(2)),
  ]);
  const xs = Array.from({ length: 13 }, (_, i) => 30 + i * 60);
  const t = ruledTable([head, ...body], { xs, top: 560, rowHeight: 16, size: 7 });
  return makePdf({
    pages: [
      {
        width: 842,
        height: 595,
        runs: [{ text: '2023年度支出决算表', x: 360, y: 575, size: 12 }, ...t.runs],
        rules: t.rules,
      },
    ],
  });
}

/** A report with no unit, no year and no figures: the tool cannot understand it. */
function vaguePdf(): Uint8Array {
  return makePdf(
    compose([{ text: '关于有关工作情况的说明', indent: 0, bold: true }, { text: '各项工作按要求推进，情况良好。' }]),
  );
}

describe.skipIf(missing !== null)('jixiao review in Chromium', () => {
  let tmp: string;
  let inputs: string[];
  let out: string;
  let server: ReviewServer;
  let browser: Browser;
  let asRead: Report;
  let base: string;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-server-'));
    inputs = writeAll(path.join(tmp, 'in'), [
      { name: 'a.pdf', bytes: reviewedPdf() },
      { name: 'b.pdf', bytes: reviewedPdf('长沙市教育局') },
      { name: 'c.pdf', bytes: widePdf() },
      { name: 'd.pdf', bytes: vaguePdf() },
    ]);
    out = path.join(tmp, 'batch');
    await runBatch({ inputs, out, jobs: 2, progress: 'none', ocr: 'never' });
    asRead = Report.parse(JSON.parse(readFileSync(path.join(out, 'docs', 'a.json'), 'utf8')));
    server = await startReview({ folder: out, by: 'auditor', jobs: 1 });
    base = server.url.slice(0, -'/index.html'.length);
    browser = await launch({ allow: [new URL(server.url).origin] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const reloadAfter = async (page: Page, act: () => Promise<unknown>) => {
    await Promise.all([page.waitForEvent('load'), act()]);
  };

  test('the index: open errors first, why, and the report not understood flagged', async () => {
    const page = await browser.open(server.url);
    const first = page.locator('#docs tbody tr').first();
    expect(await first.locator('.file').textContent()).toContain('a.pdf');
    expect(await first.locator('td.why').textContent()).toMatch(/sum-mismatch\s*第 1 页/);
    const vague = page.locator('#docs tbody tr', { hasText: 'd.pdf' });
    expect(await vague.getAttribute('data-flag')).toBe('yes');
    expect(await vague.locator('td.flag').textContent()).toMatch(/未读懂[\s\S]*无单位、无年度、无数字/);
    // The filter for them (the 决算 table's page names no unit either).
    await page.selectOption('#f-flag', 'yes');
    expect(
      await page.locator('#docs tbody tr:not([hidden])').evaluateAll((rs) => rs.map((r) => r.dataset.flag)),
    ).toEqual(['yes', 'yes']);
    expect(await page.locator('#docs tbody tr:not([hidden])', { hasText: 'd.pdf' }).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
  });

  test('dismiss a finding, correct a value, add a fact; reload; batch again: all three kept', async () => {
    const page = await browser.open(`${base}/documents/a.html`);
    // 1. The finding dismissed with a note (a hostile one: shown as text).
    await page.fill('.review-controls[data-finding="c1"] .note', HOSTILE_NOTE);
    await reloadAfter(page, () => page.click('.review-controls[data-finding="c1"] button[data-decision="dismissed"]'));
    expect(await page.locator('#findings li.decision-dismissed p.review .note').textContent()).toBe(HOSTILE_NOTE);

    // 2. A value corrected on its page crop (the label too: a hostile one).
    const staff = factByLabel(asRead, '实有人数');
    await page.click(`.box.fact[data-id="${staff.id}"]`);
    await page.waitForSelector('#fact-editor[open]');
    expect(await page.locator('#fe-crop img').count()).toBe(1);
    expect(await page.inputValue('#fe-value')).toBe('23');
    await page.fill('#fe-value', '24');
    await page.fill('#fe-label', HOSTILE_LABEL);
    await page.fill('#fe-note', '名册为 24 人');
    await reloadAfter(page, () => page.click('#fe-save'));

    // 3. A fact added by drawing its box on the page.
    const figure = page.locator('figure.page[data-page="1"]');
    await page.click('button.add-fact[data-page="1"]');
    // A blank part of the page, scrolled into view (the mouse reaches only what is shown).
    await figure.evaluate((f) =>
      window.scrollTo(0, f.getBoundingClientRect().top + window.scrollY + f.clientHeight * 0.5 - 300),
    );
    const bb = (await figure.boundingBox())!;
    await page.mouse.move(bb.x + bb.width * 0.6, bb.y + bb.height * 0.5);
    await page.mouse.down();
    await page.mouse.move(bb.x + bb.width * 0.7, bb.y + bb.height * 0.52, { steps: 4 });
    await page.mouse.up();
    await page.waitForSelector('#fact-editor[open]');
    expect(await page.locator('#fe-not-fact').isHidden()).toBe(true);
    await page.fill('#fe-value', '5');
    await page.fill('#fe-unit', '个');
    await page.fill('#fe-label', '新设机构');
    await reloadAfter(page, () => page.click('#fe-save'));

    const seeAllThree = async (p: Page) => {
      expect(await p.locator('#findings li.decision-dismissed').count()).toBe(1);
      expect(await p.locator('#findings li.decision-dismissed p.review .note').textContent()).toBe(HOSTILE_NOTE);
      const corrected = p.locator(`.box.fact.corrected[data-id="${staff.id}"] .tip`);
      const tip = await corrected.evaluate((e) => e.textContent ?? '');
      expect(tip).toContain(HOSTILE_LABEL);
      expect(tip).toContain('机器读为 23 人');
      expect(tip).toMatch(/数值：24 人/);
      const added = p.locator('.box.fact.added');
      expect(await added.count()).toBe(1);
      const rect = await added.evaluate((e) => [e.style.left, e.style.top].map((v) => parseFloat(v)));
      expect(rect[0]).toBeCloseTo(60, 0);
      expect(rect[1]).toBeCloseTo(50, 0);
      // Nothing from the reviewer's words ran or became markup.
      expect(await p.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await p.locator('p.review img, .tip script').count()).toBe(0);
    };
    await seeAllThree(page);
    await page.reload();
    await seeAllThree(page);
    expect(await page.locator('.box.fact.added .tip').evaluate((e) => e.textContent)).toContain('人工添加');

    // The corrections file holds the three lines, by the reviewer named on the command line.
    const lines = readFileSync(server.corrections, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines.every((l) => l.by === 'auditor' && l.document === asRead.source.sha256)).toBe(true);

    // jixiao batch again on the folder: the document rewritten with all three; a site made from it shows them.
    const again = await runBatch({ inputs, out, jobs: 1, progress: 'none', ocr: 'never' });
    expect(again.corrections).toMatchObject({ applied: 3, unmatched: [], rewritten: 1 });
    const doc = Report.parse(JSON.parse(readFileSync(path.join(out, 'docs', 'a.json'), 'utf8')));
    expect(doc.findings[0]!.review).toMatchObject({ decision: 'dismissed', note: HOSTILE_NOTE });
    expect(doc.facts.find((f) => f.id === staff.id)).toMatchObject({ value: 24, label: HOSTILE_LABEL });
    expect(doc.facts.filter((f) => f.corrected?.from === null)).toMatchObject([
      { value: 5, unit: '个', label: '新设机构' },
    ]);
    await page.reload();
    await seeAllThree(page);
    const site = path.join(tmp, 'site');
    await buildSite({ inputs: [out], out: site, jobs: 1 });
    const staticPage = await browser.open(pathToFileURL(path.join(site, 'documents', 'a.html')).href);
    await seeAllThree(staticPage);
    expect(await staticPage.locator('.review-controls, button.add-fact').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    expect(browser.offsite).toEqual([]);
  }, 180_000);

  test('a write without the token, with another token, from another origin or not as JSON: refused, nothing written', async () => {
    const before = readFileSync(server.corrections, 'utf8');
    const page = await browser.open(server.url);
    const origin = new URL(server.url).origin;
    const body = JSON.stringify({ document: asRead.source.sha256, finding: 'c1', decision: 'confirmed', note: '' });
    const status = (url: string, type = 'application/json') =>
      page.evaluate(
        async ([u, t, b]) => (await fetch(u!, { method: 'POST', headers: { 'Content-Type': t! }, body: b })).status,
        [url, type, body],
      );
    expect(await status(`${origin}/api/findings`)).toBe(403);
    expect(await status(`${origin}/${'A'.repeat(32)}/api/findings`)).toBe(403);
    expect(await status(`${base}/api/findings`, 'text/plain')).toBe(415);
    const foreign = await fetch(`${base}/api/findings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' },
      body,
    });
    expect(foreign.status).toBe(403);
    // Reads need the token too, and stay inside the site's folder.
    expect((await fetch(`${origin}/index.html`)).status).toBe(403);
    expect([403, 404]).toContain((await fetch(`${base}/%2e%2e/manifest.jsonl`)).status);
    expect((await fetch(`${base}/..%2Fcorrections.jsonl`)).status).toBe(404);
    expect((await fetch(`${base}/documents/..%2F..%2Fmanifest.jsonl`)).status).toBe(404);
    expect(readFileSync(server.corrections, 'utf8')).toBe(before);
  });

  test('a wide table: its panel scrolls both ways, cells unbroken, the header kept on top', async () => {
    const page = await browser.open(`${base}/documents/c.html`, { width: 1200, height: 500 });
    const wrap = page.locator('.table-wrap').first();
    const m = await wrap.evaluate((w) => {
      const head = w.querySelector('thead td') as HTMLElement;
      const tallest = Math.max(...[...w.querySelectorAll('td')].map((td) => (td as HTMLElement).offsetHeight));
      w.scrollTop = 200;
      w.scrollLeft = 200;
      return {
        scrollsAcross: w.scrollWidth > w.clientWidth,
        scrollsDown: w.scrollHeight > w.clientHeight,
        tallest,
        lineHeight: parseFloat(getComputedStyle(head).lineHeight),
        headTop: w.querySelector('thead')!.getBoundingClientRect().top - w.getBoundingClientRect().top,
        firstLeft:
          (w.querySelector('tbody td') as HTMLElement).getBoundingClientRect().left - w.getBoundingClientRect().left,
      };
    });
    expect(m.scrollsAcross).toBe(true);
    expect(m.scrollsDown).toBe(true);
    // A header of 13 characters was one character a line before; now at most two lines.
    expect(m.tallest).toBeLessThan(m.lineHeight * 2.6);
    expect(Math.abs(m.headTop)).toBeLessThan(2);
    expect(Math.abs(m.firstLeft)).toBeLessThan(2);
  });
});
