// The two PDF engines behind src/pdf/document.ts read a page alike: the same
// text items (PDFium's glyphs joined by pdf.js's rules), the same ruling
// lines, the same runs hidden by their clip, the same refusals, and pictures
// drawn the same way up. A difference here is a difference in every report.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import { openDocument, type PdfDocument, type PdfEngineName } from '../../src/pdf/document.ts';
import { PdfOpenError } from '../../src/pdf/errors.ts';
import { makePdf, type PageSpec } from '../support/make-pdf.ts';
import { claimsManyPages, rawPdf } from '../support/hostile-pdfs.ts';

const r2 = (v: number) => Math.round(v * 100) / 100;
const ENGINES: PdfEngineName[] = ['pdfjs', 'pdfium'];

const PAGES: PageSpec[] = [
  {
    runs: [
      { text: '2023年度部门整体支出绩效自评报告', x: 90, y: 760, size: 16, bold: true },
      { text: '一、部门基本情况', x: 72, y: 720, size: 12, bold: true },
      { text: '全年预算数为 4980.37 万元，执行率 98.6%。', x: 72, y: 700, size: 10.5 },
      { text: '算999.83万元，', x: 72, y: 680, size: 10.5, charSpacing: 4 },
      { text: '左栏', x: 72, y: 660 },
      { text: '右栏远处', x: 400, y: 660 },
      { text: '框内的文字', x: 105, y: 505, size: 10, clip: [100, 500, 300, 520] },
      { text: '框外的文字', x: 105, y: 560, size: 10, clip: [100, 500, 300, 520] },
    ],
    rules: [
      { x0: 60, y0: 640, x1: 540, y1: 640 },
      { x0: 60, y0: 620, x1: 540, y1: 620, width: 1.5, fill: true },
      { x0: 60, y0: 600, x1: 540, y1: 600, width: 1.5, fill: true, mitred: true },
      { x0: 60, y0: 580, x1: 540, y1: 580, rgb: [1, 1, 1] },
      { x0: 300, y0: 400, x1: 300, y1: 640, clip: [0, 450, 595, 842] },
    ],
  },
  {
    rotate: 90,
    width: 842,
    height: 595,
    runs: [{ text: '横向页面：项目支出 123.45 万元', x: 60, y: 500, size: 12 }],
    rules: [{ x0: 50, y0: 480, x1: 700, y1: 480 }],
  },
  {
    rotate: 270,
    width: 842,
    height: 595,
    runs: [{ text: '另一横向页 67.8%', x: 60, y: 500, size: 12 }],
    rules: [{ x0: 50, y0: 480, x1: 50, y1: 200 }],
  },
];

async function read(engine: PdfEngineName, bytes: Uint8Array) {
  const pdf = await openDocument(bytes, engine);
  try {
    const pages = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const text = await pdf.readText(n);
      const graphics = await pdf.readGraphics(n);
      pages.push({
        size: [r2(text.width), r2(text.height)],
        items: text.items.map((i) => [i.str, r2(i.x), r2(i.y), r2(i.width), r2(i.size)]),
        rules: graphics.rules.map((s) => [s.x0, s.y0, s.x1, s.y1].map(r2)).sort(),
        hidden: graphics.runs.filter((run) => !run.shown).map((run) => run.text),
      });
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

test('both engines give the same items, rules and hidden runs, upright and turned pages alike', async () => {
  const bytes = makePdf({ pages: PAGES });
  const a = await read('pdfjs', bytes);
  const b = await read('pdfium', bytes);
  expect(b).toEqual(a);
  expect(a[0]!.hidden).toEqual(['框外的文字']);
  expect(a[0]!.items.map((i) => i[0])).toContain('算999.83万元，');
});

async function reason(engine: PdfEngineName, bytes: Uint8Array): Promise<string> {
  try {
    await (await openDocument(bytes, engine)).destroy();
    return 'opened';
  } catch (err) {
    expect(err).toBeInstanceOf(PdfOpenError);
    return (err as PdfOpenError).reason;
  }
}

test.each(ENGINES)('%s refuses bad input with the same reasons', async (engine) => {
  const simple = makePdf({ pages: [{ runs: [{ text: '一、单位基本情况', x: 90, y: 700 }] }] });
  expect(await reason(engine, new Uint8Array())).toBe('empty');
  expect(await reason(engine, new TextEncoder().encode('<html>not a pdf</html>'))).toBe('not-pdf');
  expect(await reason(engine, simple.slice(0, 40))).toBe('corrupt');
  expect(await reason(engine, makePdf({ pages: [{ runs: [] }], encrypted: true }))).toBe('encrypted');
  expect(await reason(engine, simple)).toBe('opened');
});

test.each(ENGINES)('%s counts the pages there are, not the 100,000 the page tree claims', async (engine) => {
  const pdf = await openDocument(new Uint8Array(claimsManyPages(100_000)), engine);
  try {
    expect(pdf.numPages).toBe(1);
  } finally {
    await pdf.destroy();
  }
});

test.each(ENGINES)('%s fails the page of a page tree that loops, saying so', async (engine) => {
  // PDFium loads no such page and says nothing of why: the page is asked of pdf.js, which finds the loop.
  const loop = rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
  const pdf = await openDocument(new Uint8Array(loop), engine);
  try {
    expect(pdf.numPages).toBe(1);
    await expect(pdf.readText(1)).rejects.toThrow(/circular reference/);
  } finally {
    await pdf.destroy();
  }
});

/** The image rows (of 10) that hold ink. */
async function inkRows(pdf: PdfDocument, n: number, dpi: number): Promise<number[]> {
  const img = await pdf.renderGrey(n, dpi);
  const rows: number[] = [];
  for (let y = 0; y < img.height; y++) {
    let ink = 0;
    for (let x = 0; x < img.width; x++) if (img.pixels[y * img.width + x]! < 128) ink++;
    if (ink > img.width / 4) rows.push(Math.round((10 * y) / img.height));
  }
  return [...new Set(rows)];
}

test('PDFium draws a turned page upright and a tall page in bands as pdf.js draws them', async () => {
  const tall: PageSpec = {
    width: 600,
    height: 6000,
    runs: [],
    rules: [1000, 3000, 5500].map((y) => ({ x0: 20, y0: y, x1: 580, y1: y, width: 4 })),
  };
  const turned: PageSpec = {
    rotate: 90,
    width: 842,
    height: 595,
    runs: [],
    rules: [{ x0: 20, y0: 150, x1: 820, y1: 150, width: 4 }],
  };
  const bytes = makePdf({ pages: [tall, turned] });
  const rows = async (engine: PdfEngineName) => {
    const pdf = await openDocument(bytes, engine);
    try {
      // 150 dpi: 1250 × 12500 pixels, 62 MB of colour, drawn by PDFium in four bands
      return [await inkRows(pdf, 1, 150), await inkRows(pdf, 2, 72)];
    } finally {
      await pdf.destroy();
    }
  };
  const [a, b] = [await rows('pdfjs'), await rows('pdfium')];
  expect(a).toEqual([[1, 5, 8], [7]]);
  expect(b).toEqual(a);
});

test('the PDFium package is loaded from its files: its loader fetches nothing when given the wasm bytes', () => {
  const require = createRequire(import.meta.url);
  const wasm = require.resolve('@embedpdf/pdfium/pdfium.wasm');
  expect(readFileSync(wasm).subarray(0, 4)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d]));
  const code = readFileSync(require.resolve('@embedpdf/pdfium'), 'utf8');
  // the only fetch is the fallback for a missing wasmBinary; src/pdf/pdfium/module.ts always passes one
  expect(code).toMatch(/if \(!wasmBinary/);
  expect(code).not.toMatch(/\bnew Function\s*\(|[^.\w]eval\s*\(/);
});

test('text clipped inside a form XObject (moved by the page and by the form) is hidden alike', async () => {
  const st = (dict: string, data: string) => `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`;
  const form =
    'q 0 480 200 40 re W n BT /F1 10 Tf 10 500 Td (INSIDE) Tj ET Q q 0 0 200 40 re W n BT /F1 10 Tf 10 500 Td (OUTSIDE) Tj ET Q';
  const bytes = new Uint8Array(
    rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /X 5 0 R >> >> >>',
      st('', 'q 1 0 0 1 300 -100 cm /X Do Q'),
      st(
        '/Type /XObject /Subtype /Form /BBox [0 0 400 842] /Matrix [1 0 0 1 0 50] /Resources << /Font << /F1 6 0 R >> >>',
        form,
      ),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]),
  );
  for (const engine of ENGINES) {
    const pdf = await openDocument(bytes, engine);
    try {
      const runs = (await pdf.readGraphics(1)).runs.map((r) => [r.text, r.shown, r2(r.x), r2(r.y)]);
      expect(runs, engine).toEqual([
        ['INSIDE', true, 310, 450],
        ['OUTSIDE', false, 310, 450],
      ]);
    } finally {
      await pdf.destroy();
    }
  }
});
