import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { openPdf, PdfOpenError } from '../../src/pdf/open.ts';
import { makePdf } from '../support/make-pdf.ts';

const simple = () => makePdf({ pages: [{ runs: [{ text: '一、单位基本情况', x: 90, y: 700 }] }] });

async function reason(bytes: Uint8Array): Promise<string> {
  try {
    const pdf = await openPdf(bytes);
    await pdf.destroy();
    return 'opened';
  } catch (err) {
    expect(err).toBeInstanceOf(PdfOpenError);
    return (err as PdfOpenError).reason;
  }
}

test('bad inputs are told apart: empty, not a PDF, truncated, encrypted', async () => {
  expect(await reason(new Uint8Array())).toBe('empty');
  expect(await reason(new TextEncoder().encode('<html>not a pdf</html>'))).toBe('not-pdf');
  expect(await reason(simple().slice(0, 40))).toBe('corrupt');
  expect(await reason(makePdf({ pages: [{ runs: [] }], encrypted: true }))).toBe('encrypted');
  expect(await reason(simple())).toBe('opened');
});

test('the caller keeps its bytes: pdf.js works on a copy', async () => {
  const bytes = simple();
  const pdf = await openPdf(bytes);
  await pdf.destroy();
  expect(bytes.byteLength).toBeGreaterThan(0);
});

test('the pdf.js build in use compiles nothing from PDF content (no eval, no new Function)', () => {
  const require = createRequire(import.meta.url);
  for (const file of ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs']) {
    const code = readFileSync(require.resolve(file), 'utf8');
    expect(code, file).not.toMatch(/\bnew Function\s*\(|[^.\w]eval\s*\(/);
  }
});
