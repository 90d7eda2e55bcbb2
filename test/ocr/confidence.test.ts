// A fact read from an OCR line the engine was unsure of carries that line's
// confidence; facts from sure lines, and from text pages, carry none.
import { expect, test } from 'vitest';
import { lowConfidenceOf } from '../../src/ocr/confidence.ts';
import type { PageText } from '../../src/pdf/types.ts';

const page = (method: 'ocr' | 'text', items: { y: number; confidence?: number }[]): PageText => ({
  number: 1,
  width: 595,
  height: 842,
  method,
  ocrConfidence: method === 'ocr' ? 90 : null,
  items: items.map((i) => ({
    str: '基本支出4668.70万元',
    x: 80,
    y: i.y,
    width: 200,
    size: 12,
    font: 'ocr',
    ...(i.confidence !== undefined ? { confidence: i.confidence } : {}),
  })),
});

test('the least sure line under the fact’s box, when below 90', () => {
  const p = page('ocr', [
    { y: 700, confidence: 97.2 },
    { y: 680, confidence: 71.4 },
    { y: 660, confidence: 88 },
  ]);
  const facts = [
    { page: 1, bbox: [150, 698, 200, 710] as [number, number, number, number] }, // on the sure line
    { page: 1, bbox: [150, 678, 200, 690] as [number, number, number, number] }, // on the unsure one
    { page: 1, bbox: [150, 659, 200, 690] as [number, number, number, number] }, // across two unsure ones: the lower
    { page: 1, bbox: null },
    { page: 2, bbox: [150, 678, 200, 690] as [number, number, number, number] },
  ];
  expect(lowConfidenceOf(facts, [p])).toEqual([undefined, 71.4, 71.4, undefined, undefined]);
});

test('text pages carry no OCR confidence', () => {
  const p = page('text', [{ y: 680 }]);
  expect(lowConfidenceOf([{ page: 1, bbox: [150, 678, 200, 690] }], [p])).toEqual([undefined]);
});
