// The cover harness: every class of cover (test/support/covers.ts) rendered in
// every style by LibreOffice and Chromium must give the same document block —
// title, unit, fiscal year, report type, date. The PDFs are fixtures
// (scripts/render-covers.ts), so the test needs neither program; with Chromium
// installed, every style is printed again by Chromium at run time too.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { browserMissing } from '../support/browser.ts';
import { COVER_CLASSES, coverCases, coverHtml } from '../support/covers.ts';
import { renderWithChromium } from '../support/render-covers.ts';

const dir = fileURLToPath(new URL('../fixtures/covers/', import.meta.url));
const fixtures = readdirSync(dir).filter((f) => f.endsWith('.pdf'));
const classOf = (file: string) => COVER_CLASSES.find((c) => file.startsWith(`${c.id}--`))!;

async function documentOf(bytes: Uint8Array, name: string) {
  const { organizationKey: _key, ...document } = (await extractBytes(bytes, name, { ocr: 'never' })).document;
  return document;
}

describe('covers as LibreOffice and Chromium printed them', () => {
  test('every class and style has its fixture, and some are printed by Chromium', () => {
    const names = new Set(fixtures.map((f) => f.replace(/--(?:lo|chromium)\.pdf$/, '')));
    expect(coverCases().filter((c) => !names.has(c.name))).toEqual([]);
    expect(fixtures.filter((f) => f.endsWith('--chromium.pdf')).length).toBeGreaterThanOrEqual(3);
  });

  for (const file of fixtures) {
    test(file, async () => {
      const document = await documentOf(new Uint8Array(readFileSync(dir + file)), file);
      expect(document).toEqual(classOf(file).expected);
    });
  }
});

const missing = browserMissing();
if (missing) console.warn(missing);

describe.skipIf(missing !== null)('every style printed by Chromium now', () => {
  test('the same document block as the class states', async () => {
    const cases = coverCases();
    const pdfs = await renderWithChromium(new Map(cases.map((c) => [c.name, coverHtml(c.cls, c.style)])));
    const wrong: Record<string, unknown> = {};
    for (const c of cases) {
      const document = await documentOf(pdfs.get(c.name)!, `${c.name}.pdf`);
      if (JSON.stringify(document) !== JSON.stringify(c.cls.expected)) wrong[c.name] = document;
    }
    expect(wrong).toEqual({});
  }, 600_000);
});
