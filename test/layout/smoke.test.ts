import { expect, test } from 'vitest';
import { makePdf } from '../support/make-pdf.ts';
import { openPdf } from '../../src/pdf/open.ts';
import { readPageText } from '../../src/pdf/text.ts';

test('reads CJK text back from a made PDF', async () => {
  const pdf = await openPdf(makePdf({ pages: [{ runs: [{ text: '一、单位基本情况', x: 90, y: 700, size: 16 }] }] }));
  try {
    const page = await readPageText(pdf.doc, 1);
    expect(page.items.map((i) => i.str).join('')).toBe('一、单位基本情况');
    expect(page.items[0]!.size).toBeCloseTo(16);
  } finally {
    await pdf.destroy();
  }
});
