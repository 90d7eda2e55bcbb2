// A box the detector drew over more than one cell of a table without rules is
// parted at the blanks of the page image; characters the recogniser read from
// a blank, from a rule's remains or twice are not kept; a cell's own border is
// a rule even where the rows around it do not share it.
import { expect, test } from 'vitest';
import type { Grey } from '../../src/ocr/image.ts';
import { withoutEchoes, withoutOverlaps } from '../../src/ocr/ppocr/echoes.ts';
import { blanks, cutAtBlanks } from '../../src/ocr/ppocr/gaps.ts';
import type { ReadChar } from '../../src/ocr/ppocr/rec.ts';
import { findRules } from '../../src/ocr/rules.ts';
import type { OcrLine } from '../../src/ocr/types.ts';

const H = 30; // line height in pixels: one em of a Chinese character
const LIMIT = 128;

/** A band of "glyphs": each [x0, x1] inked across the band's height; a glyph may be drawn faint. */
function band(glyphs: [number, number, number?][], width = 1200): Grey {
  const img: Grey = { width, height: 40, pixels: new Uint8Array(width * 40).fill(250) };
  for (const [x0, x1, v = 20] of glyphs)
    for (let y = 5; y < 5 + H; y++) for (let x = Math.round(x0); x < x1; x++) img.pixels[y * width + x] = v;
  return img;
}

/** Characters set solid from x, one em each (a blank of `gaps[i]` ems before character i). */
function setSolid(text: string, x: number, gaps: Record<number, number> = {}, prob: Record<number, number> = {}) {
  const chars: ReadChar[] = [];
  const glyphs: [number, number][] = [];
  [...text].forEach((ch, i) => {
    x += (gaps[i] ?? 0) * H;
    const w = /[0-9.%]/.test(ch) ? H / 2 : H;
    if (ch !== ' ') glyphs.push([x + 2, x + w - 2]);
    chars.push({ ch, x: x + w / 2, prob: prob[i] ?? 0.999 });
    x += w;
  });
  return { chars, glyphs };
}

const cells = (chars: ReadChar[], img: Grey) =>
  cutAtBlanks(chars, blanks(img, 0, img.width - 1, 5, 5 + H - 1, LIMIT), H).map((g) =>
    g
      .map((c) => c.ch)
      .join('')
      .trim(),
  );

test('two header cells a character apart are two cells; one word set solid stays one', () => {
  const { chars, glyphs } = setSolid('实施周期指标值年度指标值', 100, { 7: 0.9 });
  expect(cells(chars, band(glyphs))).toEqual(['实施周期指标值', '年度指标值']);
  const solid = setSolid('部门整体支出绩效自评表', 100);
  expect(cells(solid.chars, band(solid.glyphs))).toEqual(['部门整体支出绩效自评表']);
});

test('after a number a cell’s padding parts two cells; a number keeps its unit, a date its 年 and 月', () => {
  const a = setSolid('3560.80一、一般公共服务支出', 100, { 7: 0.45 });
  expect(cells(a.chars, band(a.glyphs))).toEqual(['3560.80', '一、一般公共服务支出']);
  const b = setSolid('1097.62%', 100, { 2: 0.45 });
  expect(cells(b.chars, band(b.glyphs))).toEqual(['10', '97.62%']);
  const c = setSolid('4998.20万元', 100, { 7: 0.3 });
  expect(cells(c.chars, band(c.glyphs))).toEqual(['4998.20万元']);
  const d = setSolid('2021年1月至12月', 100, { 5: 0.3, 6: 0.3 });
  expect(cells(d.chars, band(d.glyphs))).toEqual(['2021年1月至12月']);
});

test('the blank beside punctuation belongs to it; letter-spaced words stay one cell', () => {
  const a = setSolid('资金，用于', 100, { 3: 0.7 });
  expect(cells(a.chars, band(a.glyphs))).toEqual(['资金，用于']);
  const b = setSolid('项目名称', 100, { 1: 1.5, 2: 1.5, 3: 1.5 });
  expect(cells(b.chars, band(b.glyphs))).toEqual(['项目名称']);
});

test('characters read from a blank are dropped; a faint stroke, a digit and a sure character are kept', () => {
  // 年度资金总额   占比, with 页 and · read (unsure) from the blank between them
  const a = setSolid('年度资金总额页·占比', 100, { 6: 0.3, 8: 0.3 }, { 6: 0.79, 7: 0.68 });
  const img = band(a.glyphs.filter((_, i) => i !== 6 && i !== 7));
  expect(cells(a.chars, img)).toEqual(['年度资金总额', '占比']);
  // 一 scanned light is no ink, but read sure: kept, and no cut at it
  const b = setSolid('第一部分', 100);
  const faint = band(b.glyphs.map(([x0, x1], i) => [x0, x1, i === 1 ? 200 : 20]));
  expect(cells(b.chars, faint)).toEqual(['第一部分']);
  // an unsure digit over a blank stays: a number cut short is worse than a stray mark
  const c = setSolid('1200', 100, {}, { 0: 0.6 });
  expect(cells(c.chars, band(c.glyphs.slice(1)))).toEqual(['1200']);
});

test('an unsure sign before a figure is a speck, a sure one is printed', () => {
  const a = setSolid('-314.90', 100, {}, { 0: 0.84 });
  expect(cells(a.chars, band(a.glyphs))).toEqual(['314.90']);
  const b = setSolid('-6.3%', 100);
  expect(cells(b.chars, band(b.glyphs))).toEqual(['-6.3%']);
});

test('a digit read unsure past an amount’s two decimals is not taken; a sure one, or one in a longer number, is', () => {
  const a = setSolid('1879.201', 100, {}, { 7: 0.49 });
  expect(cells(a.chars, band(a.glyphs))).toEqual(['1879.20']);
  const b = setSolid('1879.201', 100);
  expect(cells(b.chars, band(b.glyphs))).toEqual(['1879.201']);
  const c = setSolid('18790', 100, {}, { 4: 0.49 });
  expect(cells(c.chars, band(c.glyphs))).toEqual(['18790']);
});

test('characters at a box’s end that stand in the next box are the next box’s', () => {
  const box = (x0: number, x1: number) => ({ x0, y0: 300, x1, y1: 325, score: 0.9 });
  const chars = (text: string, x: number) => [...text].map((ch, i) => ({ ch, x: x + 12 + i * 25, prob: 0.99 }));
  const read = [
    { box: box(1050, 1250), chars: chars('财政拨款收入·事', 1050) },
    { box: box(1232, 1335), chars: chars('事业收入', 1232) },
    { box: box(160, 290), chars: chars('年度预算', 160) },
    { box: box(262, 292), chars: chars('算', 262) },
  ];
  const text = withoutOverlaps(read).map((r) => r.chars.map((c) => c.ch).join(''));
  expect(text).toEqual(['财政拨款收入·', '事业收入', '年度预算', '算']);
});

test('a box read inside the box of a longer line is its echo', () => {
  const line = (text: string, x0: number, x1: number): OcrLine => {
    const bbox = { x0, y0: 500, x1, y1: 530 };
    return { confidence: 99, bbox, baseline: { x0, y0: 530, x1, y1: 530 }, words: [{ text, confidence: 99, bbox }] };
  };
  const kept = withoutEchoes([
    line('年度预算', 169, 282),
    line('算', 272, 282),
    line('分值', 1067, 1120),
    line('直', 1116, 1120),
    line('4680.50', 579, 680),
  ]);
  expect(kept.map((l) => l.words[0]!.text)).toEqual(['年度预算', '分值', '4680.50']);
});

test('a one-row cell border running from one rule to the next is a rule; a glyph’s stroke is not', () => {
  const ppp = 200 / 72;
  const img: Grey = { width: 1000, height: 400, pixels: new Uint8Array(1000 * 400).fill(250) };
  const fill = (x0: number, y0: number, x1: number, y1: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.pixels[y * 1000 + x] = 20;
  };
  for (const y of [100, 152, 204, 256]) fill(100, y, 900, y + 3); // rows 52 px (19 pt) tall
  fill(100, 100, 103, 259); // left border
  fill(897, 100, 900, 259); // right border
  fill(300, 100, 303, 155); // the header's own border: one row, 19 pt
  fill(600, 165, 603, 195); // a glyph's stroke inside the second row, touching no rule
  const verticals = findRules(img, ppp).filter((r) => r.x0 === r.x1);
  expect(verticals.map((v) => Math.round(v.x0)).sort((a, b) => a - b)).toEqual([101, 301, 898]);
});
