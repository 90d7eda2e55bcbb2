// Ruling lines read back from pdf.js's operator list: stroked lines, thin
// filled rectangles (Word's borders), the current transform; curves and
// shaded areas are not rules.
import { expect, test } from 'vitest';
import { openPdf } from '../../src/pdf/open.ts';
import { readPageRules } from '../../src/pdf/rulings.ts';
import type { Segment } from '../../src/pdf/types.ts';
import { makePdf, type PageSpec } from '../support/make-pdf.ts';

async function rulesOf(page: PageSpec): Promise<Segment[]> {
  const pdf = await openPdf(makePdf({ pages: [page] }));
  try {
    return (await readPageRules(pdf.doc, 1)).map((s) => ({ x0: r(s.x0), y0: r(s.y0), x1: r(s.x1), y1: r(s.y1) }));
  } finally {
    await pdf.destroy();
  }
}
const r = (n: number) => Math.round(n * 100) / 100;

test('stroked horizontal and vertical lines, either direction', async () => {
  const got = await rulesOf({
    runs: [],
    rules: [
      { x0: 100, y0: 700, x1: 300, y1: 700 },
      { x0: 300, y0: 600, x1: 100, y1: 600 },
      { x0: 100, y0: 600, x1: 100, y1: 700 },
    ],
  });
  expect(got).toEqual([
    { x0: 100, y0: 700, x1: 300, y1: 700 },
    { x0: 100, y0: 600, x1: 300, y1: 600 },
    { x0: 100, y0: 600, x1: 100, y1: 700 },
  ]);
});

test('thin filled rectangles are rules along their long side; a diagonal is not a rule', async () => {
  const got = await rulesOf({
    runs: [],
    rules: [
      { x0: 100, y0: 700, x1: 300, y1: 700, width: 0.75, fill: true },
      { x0: 200, y0: 500, x1: 200, y1: 700, width: 0.5, fill: true },
      { x0: 100, y0: 100, x1: 200, y1: 200 },
    ],
  });
  expect(got).toEqual([
    { x0: 99.63, y0: 700, x1: 300.38, y1: 700 },
    { x0: 200, y0: 499.75, x1: 200, y1: 700.25 },
  ]);
});

test('borders drawn as bands with mitred ends (spreadsheet exports) are rules too', async () => {
  const got = await rulesOf({
    runs: [],
    rules: [
      { x0: 100, y0: 700, x1: 300, y1: 700, width: 0.75, fill: true, mitred: true },
      { x0: 200, y0: 500, x1: 200, y1: 700, width: 0.75, fill: true, mitred: true },
    ],
  });
  expect(got).toEqual([
    { x0: 99.63, y0: 700, x1: 300.38, y1: 700 },
    { x0: 200, y0: 499.63, x1: 200, y1: 700.38 },
  ]);
});

test('a thick filled rectangle (cell shading) and tiny marks are not rules', async () => {
  const got = await rulesOf({
    runs: [],
    rules: [
      { x0: 100, y0: 700, x1: 300, y1: 700, width: 12, fill: true },
      { x0: 100, y0: 650, x1: 102, y1: 650 },
    ],
  });
  expect(got).toEqual([]);
});

test('the current transform (cm) applies: scaled and shifted user space', async () => {
  const got = await rulesOf({
    runs: [],
    rulesTransform: [2, 0, 0, 2, 10, 20],
    rules: [
      { x0: 10, y0: 100, x1: 60, y1: 100 },
      { x0: 10, y0: 100, x1: 10, y1: 150, fill: true, width: 1 },
    ],
  });
  expect(got).toEqual([
    { x0: 30, y0: 220, x1: 130, y1: 220 },
    { x0: 30, y0: 219, x1: 30, y1: 321 },
  ]);
});

test('a rotating transform turns a user-space horizontal into a vertical rule', async () => {
  const got = await rulesOf({
    runs: [],
    rulesTransform: [0, 1, -1, 0, 500, 0],
    rules: [{ x0: 100, y0: 50, x1: 200, y1: 50 }],
  });
  expect(got).toEqual([{ x0: 450, y0: 100, x1: 450, y1: 200 }]);
});

test('form XObjects: their matrix applies inside and is undone after; clip paths are not rules', async () => {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { rulesFromOps } = await import('../../src/pdf/rulings.ts');
  const line = (paint: number, x0: number, y0: number, x1: number, y1: number) => [
    paint,
    [new Float32Array([0, x0, y0, 1, x1, y1])],
    null,
  ];
  const fn = [
    OPS.paintFormXObjectBegin,
    OPS.constructPath,
    OPS.paintFormXObjectEnd,
    OPS.constructPath,
    OPS.constructPath,
  ];
  const args = [
    [[1, 0, 0, 1, 100, 200], null],
    line(OPS.stroke, 0, 0, 50, 0),
    null,
    line(OPS.stroke, 0, 0, 50, 0),
    line(OPS.endPath, 0, 0, 0, 80),
  ];
  expect(rulesFromOps(fn, args)).toEqual([
    { x0: 100, y0: 200, x1: 150, y1: 200 },
    { x0: 0, y0: 0, x1: 50, y1: 0 },
  ]);
});

test('a rule is cut to its clip, and one wholly outside it is no rule', async () => {
  const clip: [number, number, number, number] = [100, 500, 300, 600];
  const got = await rulesOf({
    runs: [],
    rules: [
      { x0: 50, y0: 550, x1: 400, y1: 550, clip },
      { x0: 200, y0: 450, x1: 200, y1: 650, clip },
      { x0: 100, y0: 700, x1: 300, y1: 700, clip },
      { x0: 100, y0: 600, x1: 300, y1: 600, clip, fill: true, width: 0.75 },
    ],
  });
  expect(got).toEqual([
    { x0: 97.5, y0: 550, x1: 302.5, y1: 550 },
    { x0: 200, y0: 497.5, x1: 200, y1: 602.5 },
    { x0: 99.63, y0: 600, x1: 300.38, y1: 600 },
  ]);
});

test('a rule in white (or near it) is not seen on the page: no rule; a grey one is', async () => {
  const got = await rulesOf({
    runs: [],
    rules: [
      { x0: 100, y0: 700, x1: 300, y1: 700, rgb: [1, 1, 1] },
      { x0: 100, y0: 650, x1: 300, y1: 650, rgb: [0.97, 0.97, 0.97], fill: true, width: 0.75 },
      { x0: 100, y0: 600, x1: 300, y1: 600, rgb: [0.6, 0.6, 0.6] },
    ],
  });
  expect(got).toEqual([{ x0: 100, y0: 600, x1: 300, y1: 600 }]);
});
