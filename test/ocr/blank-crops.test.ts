// A detected box with no pixel darker than the page's ink limit holds no text
// (toLines drops its reading: no inked row), so it is not sent to recognition.
// Light grey print on the scanned sample's page is found by detection but is
// not ink: it costs no recognition, and every line read is the same.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ort from 'onnxruntime-node';
import { expect, test, vi } from 'vitest';
import { darkLimit, inkAndPaper, type Grey } from '../../src/ocr/image.ts';
import { createPpOcrEngine, hasInk } from '../../src/ocr/ppocr/engine.ts';
import { openDocument } from '../../src/pdf/document.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('a box has ink when one pixel in it, edges included, is darker than the limit', () => {
  const img: Grey = { width: 40, height: 20, pixels: new Uint8Array(800).fill(250) };
  const box = { x0: 10, y0: 5, x1: 19, y1: 9, score: 0.9 };
  expect(hasInk(img, box, 135)).toBe(false);
  img.pixels[9 * 40 + 19] = 134; // the box's last pixel
  expect(hasInk(img, box, 135)).toBe(true);
  expect(hasInk(img, box, 134)).toBe(false);
  img.pixels[9 * 40 + 20] = 0; // just outside
  expect(hasInk(img, { ...box, x1: 18 }, 135)).toBe(false);
});

test('light print that detection finds but that holds no ink is not recognised, and nothing read is lost', async () => {
  const pdf = await openDocument(
    new Uint8Array(readFileSync(path.join(root, 'samples/yueyanglou-scjg-2023-scan.pdf'))),
  );
  const img = await pdf.renderGrey(2, 200, 'ocr').finally(() => pdf.destroy());
  const limit = darkLimit(img);
  // The page's foot made paper, and 400 rows of its text copied into it, lightened to no darker than the limit + 40.
  const { width: w, height: h } = img;
  const { paper } = inkAndPaper(img);
  const shown = img.pixels.slice();
  const [from, to] = [Math.round(h * 0.2), h - 440];
  shown.fill(paper, (to - 40) * w);
  for (let y = 0; y < 400; y++)
    for (let x = 0; x < w; x++) {
      const v = img.pixels[(from + y) * w + x]!;
      shown[(to + y) * w + x] = Math.max(v, Math.min(255, limit + 40 + (v * (215 - limit)) / 255));
    }
  expect(hasInk({ ...img, pixels: shown }, { x0: 0, y0: to - 40, x1: w - 1, y1: h - 1, score: 1 }, limit)).toBe(false);
  // Every inference, detection's and recognition's, goes through the sessions' shared `run`.
  const sessions = (ort.InferenceSession as unknown as { prototype: Pick<ort.InferenceSession, 'run'> }).prototype;
  const run = vi.spyOn(sessions, 'run');
  const read = async (blankCrops: boolean) => {
    const engine = await createPpOcrEngine({ threads: 1, blankCrops });
    run.mockClear();
    try {
      const r = await engine.recognize({ ...img, pixels: shown.slice() }, img.scale);
      return { runs: run.mock.calls.length, lines: r.lines.map((l) => [l.words[0]!.text, l.bbox]) };
    } finally {
      await engine.release();
    }
  };
  const [all, inked] = [await read(true), await read(false)];
  run.mockRestore();
  expect(inked.lines.length).toBeGreaterThan(10);
  expect(inked.lines).toEqual(all.lines);
  // Detection found the light lines (each a recognition when blank crops are read); none is read now.
  expect(all.runs - inked.runs).toBeGreaterThanOrEqual(3);
}, 120_000);
