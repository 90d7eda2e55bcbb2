// Each page takes the right path: a real text layer is read, an image-only
// page or a garbage text layer (private-use characters) is OCR'd — page by
// page in mixed documents. And nothing reaches for the network.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createOcrPool } from '../../src/ocr/pool.ts';
import { openPdf } from '../../src/pdf/open.ts';
import { renderGrey } from '../../src/pdf/render.ts';
import { judgeTextLayer } from '../../src/pdf/text-quality.ts';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { compose } from '../support/compose.ts';
import { makePdf, type PageSpec } from '../support/make-pdf.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pool = createOcrPool(2);
let scanPage: PageSpec;

beforeAll(async () => {
  // Page 4 of the scanned sample (the budget paragraphs), as a picture.
  const pdf = await openPdf(new Uint8Array(readFileSync(path.join(root, 'samples/yueyanglou-scjg-2023-scan.pdf'))));
  try {
    const img = await renderGrey(pdf.doc, 4, 150);
    scanPage = { runs: [], image: { width: img.width, height: img.height, gray: img.pixels } };
  } finally {
    await pdf.destroy();
  }
});
afterAll(() => pool.close());

test('the text-layer verdict: real, empty, garbage', () => {
  const page = (str: string) => ({
    number: 1,
    width: 595,
    height: 842,
    items: [{ str, x: 0, y: 0, width: 10, size: 12, font: 'f' }],
    method: 'text' as const,
    ocrConfidence: null,
  });
  expect(judgeTextLayer(page('2023年基本支出年初预算数为4668.70万元'))).toBe('real');
  expect(judgeTextLayer(page('  3 '))).toBe('empty');
  expect(judgeTextLayer(page('\ue001\ue002\ue003\ue004\ue005\ue006\ue007\ue008\ue009\ue00a\ue00b年'))).toBe('garbage');
});

test('a page with a garbage text layer over the picture is OCR’d', async () => {
  const garbage = makePdf({
    pages: [{ ...scanPage, runs: [{ text: '这是一段无法映射的文字'.repeat(4), x: 80, y: 700 }] }],
    garbageText: true,
  });
  const report = await extractBytes(garbage, 'garbage.pdf', { pool });
  expect(report.pages[0]!.method).toBe('ocr');
  expect(report.facts.map((f) => `${f.value}${f.unit}`)).toEqual(
    expect.arrayContaining(['4668.7万元', '4980.37万元', '4360.55万元']),
  );
}, 240_000);

test('a mixed document: typed pages read from text, the scanned page OCR’d', async () => {
  const typed = compose([
    { text: '一、单位基本情况', bold: true },
    { text: '本单位核定行政编制 132 名，实有人数 128 人。' },
  ]);
  const mixed = makePdf({ pages: [...typed.pages, scanPage, ...typed.pages] });
  const report = await extractBytes(mixed, 'mixed.pdf', { pool });
  expect(report.pages.map((p) => p.method)).toEqual(['text', 'ocr', 'text']);
  expect(report.pages[0]!.ocrConfidence).toBeNull();
  expect(report.pages[1]!.ocrConfidence).toBeGreaterThan(80);
  expect(report.facts.filter((f) => f.page === 2).map((f) => f.concept)).toEqual(
    expect.arrayContaining(['budget.basic.initial', 'budget.project.actual']),
  );
}, 240_000);

test('--ocr never leaves an image-only page unread', async () => {
  const bytes = makePdf({ pages: [scanPage] });
  expect((await extractBytes(bytes, 'scan.pdf', { ocr: 'never', pool })).pages[0]).toMatchObject({
    method: 'text',
    chars: 0,
  });
});

test.each(['ppocr', 'tesseract'])(
  'OCR (%s) runs with every network call refused, and leaves no model cache behind',
  (engine) => {
    const script = path.join(root, 'test', 'support', 'ocr-offline.ts');
    const cwd = fileURLToPath(new URL('.', import.meta.url));
    const run = spawnSync(
      process.execPath,
      ['--import', path.join(root, 'test', 'support', 'no-network.mjs'), script, engine],
      {
        cwd,
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    expect(run.stderr).not.toMatch(/network access attempted/);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/4668\.7万元/);
    const left = spawnSync(
      'sh',
      [
        '-c',
        `ls -a ${cwd} ${root} ${os.homedir()} ${os.homedir()}/.cache 2>/dev/null | grep -ci 'traineddata\\|onnx\\|paddle' || true`,
      ],
      { encoding: 'utf8' },
    );
    expect(left.stdout.trim()).toBe('0');
  },
  320_000,
);
