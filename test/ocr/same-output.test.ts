// The page steps made faster for issue #26 give what they gave before, to the
// bit: each is held to its former version (test/ocr/reference/) on drawn
// pages — text set askew, a ruled table with grey and faint rules — and on
// pages rendered as the pipeline renders them for OCR.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { rotate, type Grey } from '../../src/ocr/image.ts';
import { detInput } from '../../src/ocr/ppocr/det.ts';
import { cropBox } from '../../src/ocr/ppocr/rec.ts';
import { findRules, transpose } from '../../src/ocr/rules.ts';
import { openDocument } from '../../src/pdf/document.ts';
import { detInput as oldDetInput } from './reference/det.ts';
import { rotate as oldRotate } from './reference/image.ts';
import { resizeBox as oldResizeBox } from './reference/rec.ts';
import { findRules as oldFindRules } from './reference/rules.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const deg = Math.PI / 180;

function fill(img: Grey, x0: number, y0: number, x1: number, y1: number, v: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.pixels[y * img.width + x] = v;
}

/** Text lines, a ruled table (dark, grey and faint borders), specks: everything the steps look at. */
function drawnPage(): Grey {
  const img: Grey = { width: 1241, height: 1754, pixels: new Uint8Array(1241 * 1754).fill(236) };
  for (let line = 0; line < 14; line++)
    for (let c = 0; c < 36; c++)
      fill(img, 90 + c * 29, 120 + line * 44, 112 + c * 29, 146 + line * 44, 25 + (c % 5) * 9);
  const xs = [100, 420, 700, 980, 1140];
  const ys = [800, 860, 920, 980, 1040, 1100];
  ys.forEach((y, i) => fill(img, xs[0]!, y, xs[4]! + 2, y + (i % 2) + 1, i === 3 ? 170 : 30));
  xs.forEach((x, i) => fill(img, x, ys[0]!, x + 2, ys[5]! + 2, i === 2 ? 190 : 40));
  fill(img, 300, 1300, 1100, 1303, 205); // a faint rule: a ridge, not dark
  fill(img, 200, 1400, 900, 1460, 120); // a grey fill
  let seed = 7;
  for (let k = 0; k < 4000; k++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    img.pixels[seed % img.pixels.length] = seed % 200;
  }
  return img;
}

/** A page as the pipeline renders it for OCR: the scanned sample's third (text), or edu-dept's third (its ruled table). */
async function samplePage(file = 'samples/yueyanglou-scjg-2023-scan.pdf'): Promise<Grey & { scale: number }> {
  const pdf = await openDocument(new Uint8Array(readFileSync(path.join(root, file))));
  try {
    return await pdf.renderGrey(3, 200, 'ocr');
  } finally {
    await pdf.destroy();
  }
}

const copy = (img: Grey): Grey => ({ ...img, pixels: img.pixels.slice() });

test('rotate gives the former pixels, at angles either way and none', async () => {
  for (const img of [drawnPage(), await samplePage()])
    for (const angle of [-2.7, -0.61, 0.013, 0.35, 1.9]) {
      expect(Buffer.from(rotate(img, angle * deg).pixels).equals(Buffer.from(oldRotate(img, angle * deg).pixels))).toBe(
        true,
      );
    }
});

test('findRules finds the former rules and erases the same pixels (the vertical pass reads the image transposed)', async () => {
  const sample = await samplePage('test/fixtures/reports/edu-dept.pdf');
  for (const [img, ppp] of [
    [rotate(drawnPage(), 0.4 * deg), 200 / 72],
    [drawnPage(), 150 / 72],
    [rotate(sample, -0.3 * deg), sample.scale],
  ] as const) {
    const [a, b] = [copy(img), copy(img)];
    const rules = findRules(a, ppp, { erase: true });
    expect(rules.length).toBeGreaterThan(0);
    expect(rules).toEqual(oldFindRules(b, ppp, { erase: true }));
    expect(Buffer.from(a.pixels).equals(Buffer.from(b.pixels))).toBe(true);
  }
});

test('transpose turns column x into row x', () => {
  const img: Grey = { width: 3, height: 2, pixels: Uint8Array.from([1, 2, 3, 4, 5, 6]) };
  expect(transpose(img)).toEqual({ width: 2, height: 3, pixels: Uint8Array.from([1, 4, 2, 5, 3, 6]) });
});

test('detInput and the recognition crops give the former model inputs', async () => {
  for (const img of [drawnPage(), await samplePage()]) {
    for (const limit of [1600, 960, 4000]) {
      const now = detInput(img, limit);
      const old = oldDetInput(img, limit);
      expect([now.width, now.height, now.sx, now.sy]).toEqual([old.width, old.height, old.sx, old.sy]);
      expect(Buffer.from(now.data.buffer).equals(Buffer.from(old.data.buffer))).toBe(true);
    }
    for (const box of [
      { x0: 90, y0: 118, x1: 1130, y1: 150, score: 1 },
      { x0: 0, y0: 0, x1: 40, y1: 20, score: 1 },
      { x0: 700, y0: 1700, x1: img.width - 1, y1: img.height - 1, score: 1 },
    ]) {
      for (const squeeze of [1, 0.8]) {
        const [now] = cropBox(img, box, 0, Infinity, squeeze);
        const old = oldResizeBox(img, box, squeeze);
        expect(now!.width).toBe(old.width);
        expect(Buffer.from(now!.data.buffer).equals(Buffer.from(old.data.buffer))).toBe(true);
      }
    }
  }
});
