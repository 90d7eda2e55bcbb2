// Which pages go to OCR under --ocr auto: a page whose text layer has next to
// no text goes only when it draws an image that may hold text (a scan, a
// photographed stamped page, a screenshot); a typed page holding only its page
// number, a blank page, or one whose only picture is a seal-sized image is read
// from its text layer. Both engines find the same images.
import { afterEach, describe, expect, test } from 'vitest';
import type { OcrPool } from '../../src/ocr/pool.ts';
import { openDocument, type PdfDocument } from '../../src/pdf/document.ts';
import { imageShare, ocrCause } from '../../src/pdf/ocr-need.ts';
import type { PageImage } from '../../src/pdf/page-images.ts';
import { readPages } from '../../src/pipeline/read-pages.ts';
import { makePdf, type PageSpec } from '../support/make-pdf.ts';

const A4: [number, number] = [595.3, 841.9];

/** A grey picture of w × h pixels: white with dark bars, as a scanned line of text would be. */
function picture(w: number, h: number, box?: [number, number, number, number]): NonNullable<PageSpec['image']> {
  const gray = new Uint8Array(w * h).fill(255);
  for (let y = Math.floor(h / 3); y < Math.floor(h / 3) + 8; y++) gray.fill(0, y * w + 10, y * w + w - 10);
  return { width: w, height: h, gray, ...(box && { box }) };
}

const pageNumber = (n: number) => ({ text: `第${n}页`, x: 280, y: 60, size: 10.5 });

/** One page of each kind, in this order. */
const PAGES: { name: string; spec: PageSpec; ocr: boolean }[] = [
  { name: 'only its page number, no image', spec: { runs: [pageNumber(5)] }, ocr: false },
  { name: 'blank', spec: { runs: [] }, ocr: false },
  {
    name: 'a scan (an image over it all) with 3 characters',
    spec: { runs: [pageNumber(3)], image: picture(620, 877) },
    ocr: true,
  },
  {
    name: 'a photographed stamped page (an image over two thirds of it)',
    spec: { runs: [], image: picture(500, 500, [90, 250, 505, 780]) },
    ocr: true,
  },
  {
    name: 'its page number and a seal (a 4 cm image)',
    spec: { runs: [pageNumber(6)], image: picture(236, 236, [400, 100, 513, 213]) },
    ocr: false,
  },
  {
    name: 'a flat background (4 × 4 pixels over the page)',
    spec: { runs: [pageNumber(7)], image: picture(4, 4) },
    ocr: false,
  },
];

const bytes = () => makePdf({ pages: PAGES.map((p) => ({ ...p.spec })) });

/** A pool that records the pages it is asked to read and reads nothing. */
function countingPool(): { pool: OcrPool; asked: () => number } {
  let asked = 0;
  const pool: OcrPool = {
    size: 1,
    engine: 'ppocr',
    recognize: async () => (asked++, { engine: 'ppocr', confidence: 0, lines: [] }),
    close: async () => {},
  };
  return { pool, asked: () => asked };
}

let open: PdfDocument | null = null;
afterEach(async () => {
  await open?.destroy();
  open = null;
});

describe.each(['pdfium', 'pdfjs'] as const)('%s', (engine) => {
  test.each(PAGES.map((p, i) => [p.name, i + 1, p.ocr] as const))('a page with %s: OCR %s', async (_, n, ocr) => {
    open = await openDocument(bytes(), engine);
    const text = await open.readText(n);
    expect(await ocrCause(text, () => open!.readImages(n))).toBe(ocr ? 'image' : null);
  });

  test('--ocr auto sends only the pages that may hold unread text to OCR; the others keep their characters', async () => {
    open = await openDocument(bytes(), engine);
    const { pool, asked } = countingPool();
    const pages = await readPages(open, { ocr: 'auto', ocrDpi: 72, pool: () => pool });
    expect(pages.map((p) => p.method)).toEqual(PAGES.map((p) => (p.ocr ? 'ocr' : 'text')));
    expect(asked()).toBe(PAGES.filter((p) => p.ocr).length);
    expect(pages[0]!.items.map((i) => i.str).join('')).toBe('第5页');
    expect(pages[1]!.items).toEqual([]);
  });

  test('--ocr always still reads every page by OCR', async () => {
    open = await openDocument(bytes(), engine);
    const { pool } = countingPool();
    const pages = await readPages(open, { ocr: 'always', ocrDpi: 72, pool: () => pool });
    expect(pages.every((p) => p.method === 'ocr')).toBe(true);
  });
});

test('the engines find the same images, in the shown page', async () => {
  const boxes: PageImage[][][] = [];
  for (const engine of ['pdfium', 'pdfjs'] as const) {
    open = await openDocument(bytes(), engine);
    const pdf = open;
    boxes.push(await Promise.all(PAGES.map((_, i) => pdf.readImages(i + 1))));
    await open.destroy();
    open = null;
  }
  const [pdfium, pdfjs] = boxes as [PageImage[][], PageImage[][]];
  expect(pdfium.map((p) => p.length)).toEqual([0, 0, 1, 1, 1, 1]);
  for (let i = 0; i < pdfium.length; i++) {
    for (let k = 0; k < pdfium[i]!.length; k++) {
      pdfium[i]![k]!.box.forEach((v, j) => expect(v).toBeCloseTo(pdfjs[i]![k]!.box[j]!, 1));
      const [a, b] = [pdfium[i]![k]!.pointsPerPixel!, pdfjs[i]![k]!.pointsPerPixel!];
      a.forEach((v, j) => expect(v).toBeCloseTo(b[j]!, 4));
    }
  }
  expect(pdfium[4]![0]!.box.map(Math.round)).toEqual([400, 100, 513, 213]);
});

test('the share of the page images cover: cut to the page, too coarse to show text not counted, none known = none', () => {
  const img = (box: [number, number, number, number], ppp: [number, number] | null = [1, 1]): PageImage => ({
    box,
    pointsPerPixel: ppp,
  });
  expect(imageShare([], ...A4)).toBe(0);
  expect(imageShare([img([-100, -100, 700, 900])], ...A4)).toBe(1);
  expect(imageShare([img([0, 0, 595.3, 84.19])], ...A4)).toBeCloseTo(0.1, 3);
  expect(imageShare([img([0, 0, 595.3, 841.9], [150, 210])], ...A4)).toBe(0);
  expect(imageShare([img([0, 0, 595.3, 841.9], null)], ...A4)).toBe(1);
});

test('a page with real text is read from it without asking for its images; garbage goes to OCR; images that cannot be read count as a scan', async () => {
  const page = (str: string) => ({
    number: 1,
    width: A4[0],
    height: A4[1],
    items: [{ str, x: 0, y: 0, width: 10, size: 12, font: 'f' }],
    method: 'text' as const,
    ocrConfidence: null,
  });
  const never = () => Promise.reject(new Error('not asked'));
  expect(await ocrCause(page('2023年基本支出年初预算数为4668.70万元'), never)).toBeNull();
  expect(await ocrCause(page('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b年'), never)).toBe(
    'garbage',
  );
  expect(await ocrCause(page('第5页'), never)).toBe('image');
  expect(await ocrCause(page('第5页'), async () => [])).toBeNull();
});
