// A page that cannot be read becomes an error page; the rest of the document still counts.
import { expect, test } from 'vitest';
import { openDocument } from '../../src/pdf/document.ts';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { OcrPool } from '../../src/ocr/pool.ts';
import { readPages } from '../../src/pipeline/read-pages.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';

test('a failing page is an error page with its reason; the other pages are read and checked', async () => {
  const paras = Array.from({ length: 90 }, (_, i) => ({
    text: `第${i + 1}项：今年新设市场主体 ${100 + i} 家，净增市场主体 ${50 + i} 家。`,
  }));
  const bytes = makePdf(compose(paras));
  const pdf = await openDocument(bytes);
  try {
    expect(pdf.numPages).toBeGreaterThanOrEqual(3);
    // Page 2's text layer throws, as a damaged content stream does.
    const doc = {
      ...pdf,
      readText: (n: number) => (n === 2 ? Promise.reject(new Error('bad content stream')) : pdf.readText(n)),
    };
    const pages = await readPages(doc, { ocr: 'never', ocrDpi: 200 });
    const report = assembleReport({ path: 'made.pdf', bytes }, pages);
    expect(report.pages[1]).toMatchObject({
      number: 2,
      chars: 0,
      error: 'cannot read the text layer: bad content stream',
    });
    expect(report.pages.filter((p) => p.error === null)).toHaveLength(pages.length - 1);
    expect(report.facts.some((f) => f.page === 1) && report.facts.some((f) => f.page === 3)).toBe(true);
    expect(report.facts.some((f) => f.page === 2)).toBe(false);
  } finally {
    await pdf.destroy();
  }
});

test('rendering runs ahead of OCR by at most two pages per worker, so a long scan does not pile up images', async () => {
  const paras = Array.from({ length: 150 }, (_, i) => ({ text: `第${i + 1}项：今年新设市场主体 ${100 + i} 家。` }));
  const bytes = makePdf(compose(paras));
  const pdf = await openDocument(bytes);
  let pending = 0;
  let most = 0;
  const seen: number[] = [];
  const pool: OcrPool = {
    size: 1,
    engine: 'ppocr',
    recognize: async (image) => {
      pending++;
      most = Math.max(most, pending);
      seen.push(image.pixels.length);
      await new Promise((r) => setTimeout(r, 15));
      pending--;
      return { engine: 'ppocr', confidence: 90, lines: [] };
    },
    close: async () => {},
  };
  try {
    expect(pdf.numPages).toBeGreaterThanOrEqual(5);
    const pages = await readPages(pdf, { ocr: 'always', ocrDpi: 50, pool: () => pool });
    expect(pages.map((p) => p.number)).toEqual(Array.from({ length: pdf.numPages }, (_, i) => i + 1));
    expect(pages.every((p) => p.method === 'ocr' && p.error === undefined)).toBe(true);
    expect(seen).toHaveLength(pdf.numPages);
    expect(most).toBe(2);
  } finally {
    await pdf.destroy();
  }
});
