// A scanned page for OCR is drawn from its one image by our own resizing
// (src/pdf/pdfium/scan-image.ts, src/pdf/scale-grey.ts), not by drawing the
// page: it must come out as pdf.js + canvas draws it — the drawing the OCR
// scores were measured on (docs/speed.md) — where PDFium's own drawing of the
// same page differs at every stroke's edge. JIXIAO_OCR_RENDER=pdfium keeps
// pdf.js out of it, so that what is compared is the page drawn without it.
import { createCanvas } from '@napi-rs/canvas';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openDocument } from '../../src/pdf/document.ts';
import type { GreyImage } from '../../src/pdf/render.ts';
import { scaleGrey } from '../../src/pdf/scale-grey.ts';
import { makePdf, type PageSpec } from '../support/make-pdf.ts';

/** A made scan: dark strokes of several widths on paper with a little grain, at `ppi` over an A4-like page. */
function scanImage(ppi: number, seed: number): { width: number; height: number; gray: Uint8Array } {
  const width = Math.round((420 * ppi) / 72);
  const height = Math.round((300 * ppi) / 72);
  const gray = new Uint8Array(width * height);
  let r = seed;
  const next = () => ((r = (r * 1103515245 + 12345) & 0x7fffffff), r / 0x7fffffff);
  for (let i = 0; i < gray.length; i++) gray[i] = 235 + Math.floor(next() * 20);
  for (let k = 0; k < 400; k++) {
    const [x, y] = [Math.floor(next() * (width - 40)), Math.floor(next() * (height - 40))];
    const [w, h] =
      next() < 0.5
        ? [1 + Math.floor(next() * 4), 10 + Math.floor(next() * 30)]
        : [10 + Math.floor(next() * 30), 1 + Math.floor(next() * 4)];
    const ink = Math.floor(next() * 90);
    for (let yy = y; yy < y + h; yy++) gray.fill(ink, yy * width + x, yy * width + x + w);
  }
  return { width, height, gray };
}

/** A page of 420 × 300 pt holding one scan at `ppi`, filling it or in `box`. */
const page = (ppi: number, box?: [number, number, number, number]): PageSpec => ({
  runs: [],
  width: 420,
  height: 300,
  image: { ...scanImage(ppi, ppi), ...(box && { box }) },
});

async function drawn(spec: PageSpec, engine: 'pdfjs' | 'pdfium', purpose: 'ocr' | 'view'): Promise<GreyImage> {
  const doc = await openDocument(makePdf({ pages: [spec] }), engine);
  try {
    return await doc.renderGrey(1, 200, purpose);
  } finally {
    await doc.destroy();
  }
}

/** The largest difference of a pixel, and the mean. */
function apart(a: GreyImage, b: GreyImage): { most: number; mean: number } {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let [most, sum] = [0, 0];
  for (let i = 0; i < a.pixels.length; i++) {
    const d = Math.abs(a.pixels[i]! - b.pixels[i]!);
    most = Math.max(most, d);
    sum += d;
  }
  return { most, mean: sum / a.pixels.length };
}

describe('a scanned page drawn for OCR from its image', () => {
  let before: string | undefined;
  beforeEach(() => {
    before = process.env.JIXIAO_OCR_RENDER;
    process.env.JIXIAO_OCR_RENDER = 'pdfium';
  });
  afterEach(() => {
    if (before === undefined) delete process.env.JIXIAO_OCR_RENDER;
    else process.env.JIXIAO_OCR_RENDER = before;
  });

  test.each([
    ['150 ppi, enlarged', 150],
    ['200 ppi, as it is', 200],
    ['300 ppi, made smaller', 300],
    ['400 ppi, halved', 400],
    ['600 ppi, halved first', 600],
  ])('%s: as pdf.js draws it, where PDFium draws it otherwise', async (_, ppi) => {
    const ours = await drawn(page(ppi), 'pdfium', 'ocr');
    const pdfjs = await drawn(page(ppi), 'pdfjs', 'ocr');
    const d = apart(ours, pdfjs);
    // the same to the level, but for a column whose weight the canvas's fixed-point stepping puts a sixteenth apart
    expect(d.most).toBeLessThanOrEqual(16);
    expect(d.mean).toBeLessThan(0.01);
    expect(apart(await drawn(page(ppi), 'pdfium', 'view'), pdfjs).mean).toBeGreaterThan(1);
  });

  test('an image that does not fill the page: white round it, placed as pdf.js rounds it', async () => {
    const spec = page(150, [30.3, 20.6, 380.2, 250.4]);
    const d = apart(await drawn(spec, 'pdfium', 'ocr'), await drawn(spec, 'pdfjs', 'ocr'));
    expect(d.most).toBeLessThanOrEqual(1);
  });

  test('a page with text over its image is drawn whole, by PDFium', async () => {
    const spec: PageSpec = { ...page(150), runs: [{ text: 'ABC 123', x: 40, y: 40 }] };
    const ocr = await drawn(spec, 'pdfium', 'ocr');
    expect(apart(ocr, await drawn(spec, 'pdfium', 'view')).most).toBe(0);
  });
});

describe('scaleGrey', () => {
  /** The canvas's own drawImage, as pdf.js draws an image (smoothing on, the default quality). */
  function byCanvas(src: Uint8Array, sw: number, sh: number, dw: number, dh: number): Uint8Array {
    const from = createCanvas(sw, sh);
    const rgba = new Uint8ClampedArray(sw * sh * 4);
    for (let i = 0; i < src.length; i++) (rgba.fill(src[i]!, i * 4, i * 4 + 3), (rgba[i * 4 + 3] = 255));
    const data = from.getContext('2d').createImageData(sw, sh);
    data.data.set(rgba);
    from.getContext('2d').putImageData(data, 0, 0);
    const to = createCanvas(dw, dh);
    to.getContext('2d').drawImage(from, 0, 0, sw, sh, 0, 0, dw, dh);
    const out = to.getContext('2d').getImageData(0, 0, dw, dh).data;
    return Uint8Array.from({ length: dw * dh }, (_, i) => out[i * 4]!);
  }

  // a scan at 150, 300, 400 ppi drawn at 200 dpi, and the same size; at other ratios the canvas's
  // fixed-point stepping puts some columns' weights a sixteenth apart from ours
  test.each([
    [120, 90, 160, 120],
    [150, 99, 100, 66],
    [200, 120, 100, 60],
    [64, 40, 64, 40],
  ])('%i × %i → %i × %i: within a level of the canvas', (sw, sh, dw, dh) => {
    const { gray } = scanImage(72, sw * sh);
    const src = gray.subarray(0, sw * sh);
    const ours = scaleGrey(src, sw, sh, dw, dh);
    const canvas = byCanvas(src, sw, sh, dw, dh);
    let most = 0;
    for (let i = 0; i < ours.length; i++) most = Math.max(most, Math.abs(ours[i]! - canvas[i]!));
    expect(most).toBeLessThanOrEqual(1);
  });
});
