// A page that cannot be read becomes an error page; the rest of the document still counts.
import { expect, test } from 'vitest';
import { openPdf } from '../../src/pdf/open.ts';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import { readPages } from '../../src/pipeline/read-pages.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';

test('a failing page is an error page with its reason; the other pages are read and checked', async () => {
  const paras = Array.from({ length: 90 }, (_, i) => ({ text: `第${i + 1}项：今年新设市场主体 ${100 + i} 家，净增市场主体 ${50 + i} 家。` }));
  const bytes = makePdf(compose(paras));
  const pdf = await openPdf(bytes);
  try {
    expect(pdf.doc.numPages).toBeGreaterThanOrEqual(3);
    // Page 2's text layer throws, as a damaged content stream does.
    const doc = new Proxy(pdf.doc, {
      get(target, prop, receiver) {
        if (prop === 'getPage') return (n: number) => (n === 2 ? Promise.reject(new Error('bad content stream')) : target.getPage(n));
        return Reflect.get(target, prop, receiver);
      },
    });
    const pages = await readPages({ doc, destroy: pdf.destroy }, { ocr: 'never', ocrDpi: 200 });
    const report = assembleReport({ path: 'made.pdf', bytes }, pages);
    expect(report.pages[1]).toMatchObject({ number: 2, chars: 0, error: 'cannot read the text layer: bad content stream' });
    expect(report.pages.filter((p) => p.error === null)).toHaveLength(pages.length - 1);
    expect(report.facts.some((f) => f.page === 1) && report.facts.some((f) => f.page === 3)).toBe(true);
    expect(report.facts.some((f) => f.page === 2)).toBe(false);
  } finally {
    await pdf.destroy();
  }
});
