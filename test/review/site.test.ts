/// <reference lib="dom" />
// The review site in a real browser (Debian's Chromium through playwright-core),
// opened from disk: every finding listed and taking you to its boxes, boxes at
// the facts' bboxes, hostile text shown as text, OCR pages marked, print crops,
// keyboard use, a screenshot against a committed image — and not one request
// that leaves the file system.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPdf } from '../../src/pdf/open.ts';
import { renderGrey } from '../../src/pdf/render.ts';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { buildSite, type SiteResult } from '../../src/review/site.ts';
import { summaryLine } from '../../src/review/summary.ts';
import type { Report } from '../../src/schema/report.ts';
import { browserMissing, launch, pageErrors, type Browser } from '../support/browser.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const SAMPLE = path.join(root, 'samples/yueyanglou-scjg-2023.pdf');
const EXPECTED_SHOT = fileURLToPath(new URL('./sample-page-10.png', import.meta.url));
const HOSTILE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing !== null)('review site in Chromium', () => {
  let tmp: string;
  let out: string;
  let browser: Browser;
  let result: SiteResult;
  const reports: Record<string, Report> = {};
  const sizes: Record<string, { width: number; height: number }[]> = {};
  const files: Record<string, string> = {};

  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jixiao-review-'));
    const inputs = path.join(tmp, 'in');
    mkdirSync(inputs);
    files.sample = path.join(inputs, 'yueyanglou-scjg-2023.pdf');
    copyFileSync(SAMPLE, files.sample);
    // A report whose title, body and file name hold markup.
    files.hostile = path.join(inputs, 'evil"><script>alert(1).pdf');
    writeFileSync(
      files.hostile,
      makePdf(
        compose([
          { text: `2023年度${HOSTILE}整体支出绩效自评报告`, indent: 0, align: 'center', bold: true, size: 16 },
          { text: '一、<script>基本情况', indent: 0, bold: true },
          { text: `本单位编制数为 20 人，${HOSTILE}实有人数 18 人。` },
        ]),
      ),
    );
    // A typed page and a scanned one (page 4 of the scanned sample as a picture): the second is read by OCR.
    const scan = await openPdf(new Uint8Array(readFileSync(path.join(root, 'samples/yueyanglou-scjg-2023-scan.pdf'))));
    const img = await renderGrey(scan.doc, 4, 150);
    await scan.destroy();
    const typed = compose([
      { text: '一、单位基本情况', bold: true },
      { text: '本单位核定行政编制 132 名，实有人数 128 人。' },
    ]);
    files.mixed = path.join(inputs, 'mixed.pdf');
    writeFileSync(
      files.mixed,
      makePdf({
        pages: [...typed.pages, { runs: [], image: { width: img.width, height: img.height, gray: img.pixels } }],
      }),
    );

    // A landscape page set with /Rotate 90: the boxes must follow the page as shown.
    files.rotated = path.join(inputs, 'rotated.pdf');
    writeFileSync(
      files.rotated,
      makePdf({
        pages: [
          {
            width: 841.9,
            height: 595.3,
            rotate: 90,
            runs: [
              { text: '一、单位基本情况', x: 72, y: 500, size: 14, bold: true },
              { text: '本单位编制数为 20 人，实有人数 18 人，全年预算数为 4980.37 万元。', x: 100, y: 470, size: 14 },
            ],
          },
        ],
      }),
    );

    out = path.join(tmp, 'site');
    result = await buildSite({
      inputs: [files.sample, files.hostile, files.mixed, files.rotated],
      out,
      jobs: 2,
      allPages: true,
    });
    for (const [k, f] of Object.entries(files)) {
      const bytes = new Uint8Array(readFileSync(f));
      reports[k] = await extractBytes(bytes, f, { ocrWorkers: 1 });
      const pdf = await openPdf(bytes);
      sizes[k] = [];
      for (let n = 1; n <= pdf.doc.numPages; n++) {
        // the page as shown: its visible box, turned by /Rotate
        const vp = (await pdf.doc.getPage(n)).getViewport({ scale: 1 });
        sizes[k].push({ width: vp.width, height: vp.height });
      }
      await pdf.destroy();
    }
    browser = await launch();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const docUrl = (name: string) => pathToFileURL(path.join(out, 'documents', `${name}.html`)).href;

  test('writes the site inside DIR only, one page per document, names made safe', () => {
    expect(result).toMatchObject({ documents: 4, ok: 4, failed: 0, badInputs: 0 });
    expect(readdirSync(tmp).sort()).toEqual(['in', 'site']);
    expect(readdirSync(path.join(tmp, 'in')).length).toBe(4);
    const docs = readdirSync(path.join(out, 'documents'))
      .filter((f) => f.endsWith('.html'))
      .sort();
    expect(docs).toEqual(['evil___script_alert(1).html', 'mixed.html', 'rotated.html', 'yueyanglou-scjg-2023.html']);
    expect(readdirSync(path.join(out, 'documents', 'yueyanglou-scjg-2023')).sort()).toEqual([
      ...Array.from({ length: 11 }, (_, i) => `page-${String(i + 1).padStart(4, '0')}.png`),
      'pages.json',
    ]);
    // the scanned page as WebP, the typed one as PNG
    expect(readdirSync(path.join(out, 'documents', 'mixed')).sort()).toEqual([
      'page-0001.png',
      'page-0002.webp',
      'pages.json',
    ]);
  });

  test('every finding of the JSON is listed, in Chinese, with its page', async () => {
    const page = await browser.open(docUrl('yueyanglou-scjg-2023'));
    const listed = await page.$$eval('button.finding', (bs) =>
      bs.map((b) => ({ id: (b as HTMLElement).dataset.finding, text: b.textContent })),
    );
    const findings = reports.sample!.findings;
    expect(findings.length).toBe(3);
    expect(listed.map((l) => l.id)).toEqual(findings.map((f) => f.id));
    for (const [i, f] of findings.entries()) {
      expect(listed[i]!.text).toContain(f.message);
      expect(listed[i]!.text).toContain({ error: '错误', warning: '警告', info: '提示' }[f.severity]);
      expect(listed[i]!.text).toContain(`第 ${f.page} 页`);
    }
    expect(await page.textContent('#summary')).toBe(summaryLine(reports.sample!));
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  test('clicking a finding scrolls to its page, where each of its boxes lies over the fact’s bbox', async () => {
    const report = reports.sample!;
    const page = await browser.open(docUrl('yueyanglou-scjg-2023'));
    const withFacts = report.findings.filter((f) => f.factIds.length > 0);
    expect(withFacts.length).toBeGreaterThan(0);
    for (const finding of withFacts) {
      await page.click(`#finding-${finding.id}`);
      await page.waitForTimeout(100);
      expect(await page.getAttribute(`#finding-${finding.id}`, 'aria-pressed')).toBe('true');
      const facts = finding.factIds.map((id) => report.facts.find((f) => f.id === id)!).filter((f) => f.bbox);
      for (const fact of facts) {
        const measured = await page.$eval(`.box[data-id="${fact.id}"]`, (el) => {
          const fig = el.closest('figure')!.querySelector('img')!.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          return {
            fig: { left: fig.left, top: fig.top, width: fig.width, height: fig.height },
            box: { left: r.left, top: r.top, width: r.width, height: r.height },
            hl: el.classList.contains('hl'),
            page: el.closest('section')!.getAttribute('data-page'),
            findings: el.getAttribute('data-findings'),
          };
        });
        const size = sizes.sample![fact.page - 1]!;
        const s = measured.fig.width / size.width;
        const [x0, y0, x1, y1] = fact.bbox!;
        expect(measured.page).toBe(String(fact.page));
        expect(measured.hl).toBe(true);
        expect(measured.findings!.split(' ')).toContain(finding.id);
        expect(Math.abs(measured.fig.height / size.height - s)).toBeLessThan(0.01);
        expect(Math.abs(measured.box.left - (measured.fig.left + x0 * s))).toBeLessThan(1.5);
        expect(Math.abs(measured.box.top - (measured.fig.top + (size.height - y1) * s))).toBeLessThan(1.5);
        expect(Math.abs(measured.box.width - (x1 - x0) * s)).toBeLessThan(1.5);
        expect(Math.abs(measured.box.height - (y1 - y0) * s)).toBeLessThan(1.5);
      }
      // The page is on screen: the first box of the finding on its page is inside the viewport.
      const first = facts.find((f) => f.page === finding.page) ?? facts[0]!;
      const inView = await page.$eval(`.box[data-id="${first.id}"]`, (el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= window.innerHeight;
      });
      expect(inView).toBe(true);
      // Boxes of other findings are not highlighted.
      const stray = await page.$$eval(
        '.box.hl',
        (els, id) => els.filter((e) => !(e.getAttribute('data-findings') ?? '').split(' ').includes(id)).length,
        finding.id,
      );
      expect(stray).toBe(0);
    }
    // A finding about headings boxes its headings.
    const headingFinding = report.findings.find((f) => f.rule === 'heading-sequence' && f.sectionIds.length > 0);
    if (headingFinding) {
      await page.click(`#finding-${headingFinding.id}`);
      expect(await page.$$eval('.box.heading.hl', (els) => els.length)).toBeGreaterThan(0);
    }
    await page.close();
  });

  test('on a page set with /Rotate 90 the boxes follow the page as shown, over the ink of their numbers', async () => {
    const report = reports.rotated!;
    const size = sizes.rotated![0]!;
    expect(size.width).toBeGreaterThan(size.height);
    const facts = report.facts.filter((f) => f.bbox);
    expect(facts.map((f) => `${f.value}${f.unit}`)).toEqual(expect.arrayContaining(['20人', '4980.37万元']));
    const page = await browser.open(docUrl('rotated'));
    for (const fact of facts) {
      // The page image decoded from its bytes (a file: image would taint a canvas).
      const png = readFileSync(path.join(out, 'documents', 'rotated', 'page-0001.png')).toString('base64');
      const m = await page.$eval(
        `.box[data-id="${fact.id}"]`,
        async (el, png) => {
          const fig = el.closest('figure')!.querySelector('img')!.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          const bmp = await createImageBitmap(
            new Blob([Uint8Array.from(atob(png), (ch) => ch.charCodeAt(0))], { type: 'image/png' }),
          );
          const c = new OffscreenCanvas(bmp.width, bmp.height);
          const ctx = c.getContext('2d')!;
          ctx.drawImage(bmp, 0, 0);
          const k = bmp.width / fig.width;
          // Share of dark pixels under a rectangle given in CSS pixels from the figure's corner.
          const ink = (x: number, y: number, w: number, h: number) => {
            const d = ctx.getImageData(
              Math.round(x * k),
              Math.round(y * k),
              Math.max(1, Math.round(w * k)),
              Math.max(1, Math.round(h * k)),
            ).data;
            let n = 0;
            for (let i = 0; i < d.length; i += 4) if (d[i]! < 128) n++;
            return n / (d.length / 4);
          };
          const x = r.left - fig.left,
            y = r.top - fig.top;
          return {
            fig: { left: fig.left, top: fig.top, width: fig.width, height: fig.height },
            box: { left: r.left, top: r.top, width: r.width, height: r.height },
            inside: ink(x, y, r.width, r.height),
            below: ink(x, y + r.height * 1.5, r.width, r.height),
          };
        },
        png,
      );
      const s = m.fig.width / size.width;
      const [x0, , x1, y1] = fact.bbox!;
      expect(m.fig.width).toBeGreaterThan(m.fig.height);
      expect(Math.abs(m.box.left - (m.fig.left + x0 * s))).toBeLessThan(1.5);
      expect(Math.abs(m.box.top - (m.fig.top + (size.height - y1) * s))).toBeLessThan(1.5);
      expect(Math.abs(m.box.width - (x1 - x0) * s)).toBeLessThan(1.5);
      expect(m.inside).toBeGreaterThan(0.05);
      expect(m.below).toBeLessThan(0.01);
    }
    await page.close();
  });

  test('every fact with a bbox has a box; hover and focus show label, value, unit, normalised value and concept', async () => {
    const report = reports.sample!;
    const page = await browser.open(docUrl('yueyanglou-scjg-2023'));
    const ids = await page.$$eval('.box.fact', (els) => els.map((e) => e.getAttribute('data-id')));
    expect(ids.sort()).toEqual(
      report.facts
        .filter((f) => f.bbox)
        .map((f) => f.id)
        .sort(),
    );
    const fact = report.facts.find((f) => f.concept !== null && f.bbox)!;
    const box = page.locator(`.box[data-id="${fact.id}"]`);
    await box.scrollIntoViewIfNeeded();
    await box.hover();
    const tip = box.locator('.tip');
    await expect.poll(() => tip.isVisible()).toBe(true);
    const text = (await tip.textContent())!;
    for (const part of [
      fact.label,
      String(fact.value),
      fact.unit,
      String(fact.normalized.value),
      fact.normalized.unit,
      fact.concept!,
    ])
      expect(text).toContain(part);
    expect(text).toContain('比较');
    // a target's bound (contract 1.1) is shown with its value
    const bound = report.facts.find((f) => f.comparator && f.bbox);
    if (bound)
      expect(await page.textContent(`.box[data-id="${bound.id}"] .tip`)).toContain(`比较：${bound.comparator}`);
    await page.mouse.move(0, 0);
    await box.focus();
    await expect.poll(() => tip.isVisible()).toBe(true);
    await page.close();
  });

  test('findings work from the keyboard', async () => {
    const page = await browser.open(docUrl('yueyanglou-scjg-2023'));
    await page.focus('button.finding >> nth=0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.finding);
    expect(focused).toBe(reports.sample!.findings[2]!.id);
    await page.keyboard.press('Enter');
    expect(await page.getAttribute(`#finding-${focused}`, 'aria-pressed')).toBe('true');
    expect(await page.$$eval('.box.hl', (e) => e.length)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.$$eval('.box.hl', (e) => e.length)).toBe(0);
    await page.close();
  });

  test('a hostile string from the PDF is shown as text, never run', async () => {
    const report = reports.hostile!;
    // the markup reached the report: in a section title and in a fact's label and quote
    expect(report.sections.some((s) => s.title.includes('<script>'))).toBe(true);
    const hostileFact = report.facts.find((f) => f.label.includes('<script>'))!;
    expect(hostileFact).toBeDefined();
    const index = await browser.open(pathToFileURL(path.join(out, 'index.html')).href);
    const page = await browser.open(docUrl('evil___script_alert(1)'));
    for (const p of [index, page]) {
      expect(await p.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await p.$$eval('script', (s) => s.map((e) => e.getAttribute('src')))).toEqual(
        ['../assets/review.js'].map((s) => (p === index ? 'assets/review.js' : s)),
      );
      expect(await p.$$eval('img[src="x"]', (e) => e.length)).toBe(0);
    }
    expect(await page.evaluate(() => document.body.textContent)).toContain('<script>window.__pwned = 1</script>');
    expect(await page.textContent('.toc')).toContain(report.sections.find((s) => s.title.includes('<script>'))!.title);
    expect(await page.textContent(`.box[data-id="${hostileFact.id}"] .tip`)).toContain(hostileFact.label);
    expect(pageErrors(page)).toEqual([]);
    // the file name, with its markup, shown as written
    expect(await index.textContent('table.docs')).toContain('evil"><script>alert(1).pdf');
    await index.close();
    await page.close();
  });

  test('an OCR page is marked with its confidence', async () => {
    const report = reports.mixed!;
    expect(report.pages.map((p) => p.method)).toEqual(['text', 'ocr']);
    const page = await browser.open(docUrl('mixed'));
    const badge = await page.textContent('#p2 .badge.ocr');
    expect(badge).toContain('OCR');
    expect(badge).toContain(report.pages[1]!.ocrConfidence!.toFixed(1));
    expect(await page.$$eval('#p1 .badge.ocr', (e) => e.length)).toBe(0);
    expect(await page.$$eval('#p2 .box.fact', (e) => e.length)).toBe(
      report.facts.filter((f) => f.page === 2 && f.bbox).length,
    );
    await page.close();
  });

  test('the section tree takes you to the page; tables are shown beside their page', async () => {
    const report = reports.sample!;
    const page = await browser.open(docUrl('yueyanglou-scjg-2023'));
    const last = report.sections.at(-1)!;
    await page.click(`.toc a[data-section="${last.id}"]`);
    await page.waitForTimeout(100);
    const top = await page.$eval(`#p${last.page}`, (el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(20);
    // A table carried over pages is shown part by part, each beside its page.
    for (const t of report.tables)
      for (const [i, part] of t.parts.entries()) {
        const id = i === 0 ? `table-${t.id}` : `table-${t.id}-${part.page}`;
        const cells = await page.$$eval(`#p${part.page} aside.tables #${id} td`, (tds) =>
          tds.map((td) => td.textContent),
        );
        expect(cells).toEqual(t.rows.slice(part.firstRow, t.parts[i + 1]?.firstRow ?? t.rows.length).flat());
      }
    await page.close();
  });

  test('printing puts each finding with a crop of its page', async () => {
    const report = reports.sample!;
    const page = await browser.open(docUrl('yueyanglou-scjg-2023'));
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await page.isVisible('.layout')).toBe(false);
    const printed = page.locator('.print-finding');
    expect(await printed.count()).toBe(report.findings.length);
    for (let i = 0; i < report.findings.length; i++) {
      const f = report.findings[i]!;
      const item = printed.nth(i);
      expect(await item.textContent()).toContain(f.message);
      if (f.factIds.length === 0 && f.sectionIds.length === 0) continue;
      // one crop for each page the finding's facts (or headings) stand on
      const pages = new Set([
        ...f.factIds
          .map((id) => report.facts.find((x) => x.id === id)!)
          .filter((x) => x.bbox)
          .map((x) => x.page),
        ...report.paragraphs
          .filter((p) => p.role === 'heading' && p.bbox && f.sectionIds.includes(p.sectionId!))
          .map((p) => p.page),
      ]);
      expect(await item.locator('.crop').count()).toBe(pages.size);
      await expect
        .poll(() =>
          item
            .locator('.crop img')
            .evaluateAll((imgs) =>
              imgs.every((e) => (e as HTMLImageElement).complete && (e as HTMLImageElement).naturalWidth > 0),
            ),
        )
        .toBe(true);
      const inside = await item.locator('.crop').evaluateAll((crops) =>
        crops.every((crop) => {
          const c = crop.getBoundingClientRect();
          return (
            crop.querySelectorAll('.cbox').length > 0 &&
            Array.from(crop.querySelectorAll('.cbox')).every((b) => {
              const r = b.getBoundingClientRect();
              return r.width > 0 && r.top >= c.top - 1 && r.bottom <= c.bottom + 1;
            })
          );
        }),
      );
      expect(inside).toBe(true);
    }
    await page.close();
  });

  test('a page looks as it did: screenshot against the committed image', async () => {
    const page = await browser.open(docUrl('yueyanglou-scjg-2023'), { width: 1400, height: 1000 });
    const warning = reports.sample!.findings.find((f) => f.severity === 'warning')!;
    await page.click(`#finding-${warning.id}`);
    await page.mouse.move(0, 0);
    const figure = page.locator(`#p${warning.page} figure`);
    await figure.evaluate((f) => f.querySelector('img')!.decode());
    const shot = await figure.screenshot({ animations: 'disabled' });
    if (process.env.UPDATE_SCREENSHOTS || !existsSync(EXPECTED_SHOT)) writeFileSync(EXPECTED_SHOT, shot);
    const diff = await compareImages(page, shot, readFileSync(EXPECTED_SHOT));
    if (diff.differing > 0.005) writeFileSync(path.join(os.tmpdir(), 'jixiao-review-actual.png'), shot);
    expect(diff.sameSize).toBe(true);
    // anti-aliasing may move; more than half a percent of the pixels changing is a real change
    expect(diff.differing).toBeLessThan(0.005);
    await page.close();
  });

  test('no request left the file system', () => {
    expect(browser.offsite).toEqual([]);
  });
});

/** Decodes both PNGs in the page (no URL is loaded) and counts pixels whose channels differ by more than 48. */
async function compareImages(
  page: import('playwright-core').Page,
  a: Buffer,
  b: Buffer,
): Promise<{ sameSize: boolean; differing: number }> {
  return page.evaluate(
    async ([a64, b64]) => {
      const decode = async (s: string) => {
        const bytes = Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
        const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const c = new OffscreenCanvas(bmp.width, bmp.height);
        const ctx = c.getContext('2d')!;
        ctx.drawImage(bmp, 0, 0);
        return { w: bmp.width, h: bmp.height, data: ctx.getImageData(0, 0, bmp.width, bmp.height).data };
      };
      const [x, y] = [await decode(a64), await decode(b64)];
      if (x.w !== y.w || x.h !== y.h) return { sameSize: false, differing: 1 };
      let n = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        const d = Math.max(
          Math.abs(x.data[i]! - y.data[i]!),
          Math.abs(x.data[i + 1]! - y.data[i + 1]!),
          Math.abs(x.data[i + 2]! - y.data[i + 2]!),
        );
        if (d > 48) n++;
      }
      return { sameSize: true, differing: n / (x.w * x.h) };
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}
