// The int8 models (models/, made once by scripts/quantize-ppocr.py) are
// chosen per model by JIXIAO_OCR_INT8; by default both run as published (fp32).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { createPpOcrEngine, INT8_FILES, int8Models } from '../../src/ocr/ppocr/engine.ts';
import { openDocument } from '../../src/pdf/document.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

test('JIXIAO_OCR_INT8 names the models run in int8; unset, none is', () => {
  expect(int8Models(undefined)).toEqual({ detection: false, recognition: false });
  expect(int8Models('')).toEqual({ detection: false, recognition: false });
  expect(int8Models('none')).toEqual({ detection: false, recognition: false });
  expect(int8Models('detection')).toEqual({ detection: true, recognition: false });
  expect(int8Models('recognition, detection')).toEqual({ detection: true, recognition: true });
});

test('the int8 model files are in the package', () => {
  expect(existsSync(INT8_FILES.detection)).toBe(true);
  expect(existsSync(INT8_FILES.recognition)).toBe(true);
});

test('the int8 models read a scanned page as the fp32 ones do, near enough: nearly all the same numbers and characters', async () => {
  const pdf = await openDocument(
    new Uint8Array(readFileSync(path.join(root, 'samples/yueyanglou-scjg-2023-scan.pdf'))),
  );
  const page = await pdf.renderGrey(4, 200, 'ocr').finally(() => pdf.destroy());
  const read = async (int8: { detection: boolean; recognition: boolean }) => {
    const engine = await createPpOcrEngine({ threads: 1, int8 });
    try {
      const r = await engine.recognize({ ...page, pixels: page.pixels.slice() }, page.scale);
      return r.lines.map((l) => l.words.map((w) => w.text).join('')).join('\n');
    } finally {
      await engine.release();
    }
  };
  const fp32 = await read({ detection: false, recognition: false });
  const int8 = await read({ detection: true, recognition: true });
  const digits = (t: string) => t.match(/\d+(?:\.\d+)?/g) ?? [];
  const chars = (t: string) => [...t.replace(/\s/g, '')];
  expect(digits(fp32).length).toBeGreaterThan(3);
  // Each way, nearly all of one reading's numbers and characters are in the other's (multisets).
  expect(shared(digits(fp32), digits(int8))).toBeGreaterThanOrEqual(0.9);
  expect(shared(digits(int8), digits(fp32))).toBeGreaterThanOrEqual(0.9);
  expect(shared(chars(fp32), chars(int8))).toBeGreaterThan(0.97);
  expect(shared(chars(int8), chars(fp32))).toBeGreaterThan(0.97);
}, 300_000);

/** The share of `a`'s members found in `b`, counted as multisets. */
function shared(a: string[], b: string[]): number {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  let found = 0;
  for (const x of a) {
    const k = left.get(x) ?? 0;
    if (k > 0) (found++, left.set(x, k - 1));
  }
  return a.length === 0 ? 1 : found / a.length;
}
