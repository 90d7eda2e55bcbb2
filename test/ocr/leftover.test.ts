// Ink no detected box covers, inside a ruled cell, is boxed to be read (a lone thin 7 the detector
// saw in pieces); ink elsewhere — a contents page's numbers, a glyph's end beside its box, a rule's
// remains — is not.
import { expect, test } from 'vitest';
import type { Grey } from '../../src/ocr/image.ts';
import type { Box } from '../../src/ocr/ppocr/det.ts';
import { leftoverBoxes } from '../../src/ocr/ppocr/leftover.ts';
import type { PixelRule } from '../../src/ocr/rules.ts';

const W = 1000;
const H = 600;
const LIMIT = 128;

function page(): Grey {
  return { width: W, height: H, pixels: new Uint8Array(W * H).fill(250) };
}

function ink(img: Grey, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y <= y1; y++) img.pixels.fill(20, y * W + x0, y * W + x1 + 1);
}

/** A 7 about 12 × 20 pixels, its bar and its stem (the detector saw it in pieces too small to box). */
function seven(img: Grey, x: number, y: number): void {
  ink(img, x, y, x + 11, y + 2);
  ink(img, x + 7, y + 2, x + 9, y + 19);
}

/** Boxes of a line's height (30) elsewhere on the page: what the detector found. */
const found: Box[] = [0, 1, 2, 3].map((i) => ({ x0: 40, y0: 40 + 40 * i, x1: 200, y1: 70 + 40 * i, score: 0.9 }));

/** A grid of cells 100 wide and 50 tall from (300, 300): its rules. */
function grid(cols = 4, rows = 3): PixelRule[] {
  const rules: PixelRule[] = [];
  for (let c = 0; c <= cols; c++)
    rules.push({ x0: 300 + 100 * c, x1: 300 + 100 * c, y0: 300, y1: 300 + 50 * rows, thickness: 2 });
  for (let r = 0; r <= rows; r++)
    rules.push({ x0: 300, x1: 300 + 100 * cols, y0: 300 + 50 * r, y1: 300 + 50 * r, thickness: 2 });
  return rules;
}

test('a lone figure in a ruled cell that no box covers is boxed round its ink', () => {
  const img = page();
  seven(img, 340, 315);
  const boxes = leftoverBoxes(img, found, LIMIT, grid());
  expect(boxes).toHaveLength(1);
  const [b] = boxes;
  expect(b!.x0).toBeLessThan(340);
  expect(b!.x1).toBeGreaterThan(351);
  expect(b!.y0).toBeLessThan(315);
  expect(b!.y1).toBeGreaterThan(334);
});

test('digits side by side, and a point between them, are one word', () => {
  const img = page();
  seven(img, 530, 365);
  ink(img, 545, 382, 546, 384); // the point
  seven(img, 550, 365);
  const boxes = leftoverBoxes(img, found, LIMIT, grid());
  expect(boxes).toHaveLength(1);
  expect(boxes[0]!.x0).toBeLessThan(530);
  expect(boxes[0]!.x1).toBeGreaterThan(561);
});

test('outside ruled cells nothing is added: a contents page’s page numbers stay unread', () => {
  const img = page();
  seven(img, 340, 315);
  expect(leftoverBoxes(img, found, LIMIT, [])).toEqual([]);
  // rules on two sides only (a 三线表's rules above and below, no columns ruled)
  const flat = grid().filter((r) => r.y0 === r.y1);
  expect(leftoverBoxes(img, found, LIMIT, flat)).toEqual([]);
});

test('ink near a box (a glyph the box cut), a rule’s remains and a speck are not boxed', () => {
  const img = page();
  const near: Box[] = [...found, { x0: 310, y0: 310, x1: 335, y1: 340, score: 0.9 }];
  seven(img, 340, 315); // 5 pixels right of a box: the end of its last glyph, maybe
  ink(img, 450, 310, 451, 335); // a stroke two pixels wide: what erasing a broken rule leaves
  ink(img, 640, 330, 641, 331); // a speck
  expect(leftoverBoxes(img, near, LIMIT, grid())).toEqual([]);
});

test('a page with too few boxes to know a line’s height gives none', () => {
  const img = page();
  seven(img, 340, 315);
  expect(leftoverBoxes(img, found.slice(0, 2), LIMIT, grid())).toEqual([]);
});

test('rules at fractional places (the middle of a thick rule) bound the search in whole pixels', () => {
  const img = page();
  seven(img, 340, 315);
  const half = grid().map((r) => ({ ...r, x0: r.x0 + 0.5, x1: r.x1 + 0.5, y0: r.y0 + 0.5, y1: r.y1 + 0.5 }));
  expect(leftoverBoxes(img, found, LIMIT, half)).toHaveLength(1);
});
