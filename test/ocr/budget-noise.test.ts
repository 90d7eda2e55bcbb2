// What OCR refuses before it starts: images beyond the pixel budget, pages of noise.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { MAX_OCR_PIXELS, ocrDpiFor } from '../../src/ocr/budget.ts';
import { inkStats, noiseReason } from '../../src/ocr/noise.ts';
import { openPdf } from '../../src/pdf/open.ts';
import { renderGrey } from '../../src/pdf/render.ts';
import { makePdf } from '../support/make-pdf.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('a page within the budget keeps its resolution; a larger one is rendered coarser to fit; a poster beyond reading fails', () => {
  expect(ocrDpiFor(595, 842, 200)).toBe(200);
  expect(ocrDpiFor(595, 842, 600)).toBe(600); // A4 at 600 dpi: 34.8 million pixels
  const dpi = ocrDpiFor(1191, 1684, 600); // A2 at 600 dpi would be 139 million
  expect(dpi).toBeLessThan(600);
  expect(((1191 * dpi) / 72) * ((1684 * dpi) / 72)).toBeLessThanOrEqual(MAX_OCR_PIXELS);
  expect(ocrDpiFor(9000, 12600, 200)).toBe(42);
  expect(() => ocrDpiFor(30000, 30000, 200)).toThrow(/too large for OCR: .* million pixels at 200 dpi/);
});

function noise(width: number, height: number): Uint8Array {
  const gray = new Uint8Array(width * height);
  let s = 7;
  for (let i = 0; i < gray.length; i++) gray[i] = (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) >>> 31 ? 0 : 255;
  return gray;
}

test('a page of random dots is noise; a rendered page of text, a blank page and a dark photo-like block are not', async () => {
  expect(noiseReason({ width: 800, height: 600, pixels: noise(800, 600) })).toMatch(/noise, not text/);
  expect(noiseReason({ width: 800, height: 600, pixels: new Uint8Array(800 * 600).fill(255) })).toBeNull();
  expect(noiseReason({ width: 800, height: 600, pixels: new Uint8Array(800 * 600).fill(40) })).toBeNull();
  const pdf = await openPdf(new Uint8Array(readFileSync(path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf'))));
  try {
    const page = await renderGrey(pdf.doc, 2, 200);
    expect(noiseReason(page)).toBeNull();
    expect(inkStats(page).transitions).toBeLessThan(0.1);
  } finally {
    await pdf.destroy();
  }
  // The same noise drawn as a scanned page.
  const scan = await openPdf(
    makePdf({ pages: [{ runs: [], image: { width: 400, height: 560, gray: noise(400, 560) } }] }),
  );
  try {
    expect(noiseReason(await renderGrey(scan.doc, 1, 48))).toMatch(/noise/); // about the image's own resolution
    expect(noiseReason(await renderGrey(scan.doc, 1, 150))).toMatch(/noise/); // each dot three pixels wide
  } finally {
    await scan.destroy();
  }
});
