/// <reference lib="dom" />
// A 200-page report opens at once: page images are loaded as they come into
// view, not all when the page opens, and the layout is right before they load
// (each page keeps its shape).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite } from '../../src/review/site.ts';
import { browserMissing, launch, type Browser } from '../support/browser.ts';
import { makePdf } from '../support/make-pdf.ts';

const missing = browserMissing();
if (missing) console.warn(missing);
const PAGES = 200;

describe.skipIf(missing !== null)('a long report in Chromium', () => {
  let tmp: string;
  let browser: Browser;

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-long-'));
    // One short line a page.
    const pages = Array.from({ length: PAGES }, (_, i) => ({
      runs: [
        {
          text: i === 0 ? '2023年度某某局整体支出绩效自评报告' : `第${i + 1}页正文，完成工作任务 ${i} 项。`,
          x: 72,
          y: 700,
          size: 14,
        },
      ],
    }));
    writeFileSync(path.join(tmp, 'long.pdf'), makePdf({ pages }));
    await buildSite({
      inputs: [path.join(tmp, 'long.pdf')],
      out: path.join(tmp, 'site'),
      jobs: 1,
      dpi: 48,
      allPages: true,
    }); // small images: what is tested is when they load
    browser = await launch();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test(`${PAGES} pages: few images loaded on opening, the rest as they are scrolled to`, async () => {
    const t = performance.now();
    const page = await browser.open(pathToFileURL(path.join(tmp, 'site', 'documents', 'long.html')).href);
    await page.waitForLoadState('load');
    const ms = performance.now() - t;
    const loaded = () =>
      page.$$eval(
        'figure.page img',
        (imgs) =>
          imgs.filter((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0).length,
      );
    expect(await page.$$eval('figure.page img', (i) => i.length)).toBe(PAGES);
    const atOpen = await loaded();
    console.log(JSON.stringify({ longReport: { pages: PAGES, openMs: Math.round(ms), imagesLoadedAtOpen: atOpen } }));
    expect(atOpen).toBeLessThan(PAGES / 4);
    await page.locator('#p200').scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page.$eval('#p200 img', (i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0),
      )
      .toBe(true);
    expect(await loaded()).toBeLessThan(PAGES / 2);
    await page.close();
  });

  test('no request left the file system', () => {
    expect(browser.offsite).toEqual([]);
  });
});
