// The page image before OCR: its skew measured and taken out, its ruling
// lines found (and nothing else taken for one), in PDF points as the text
// layer's rules are.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { measureSkew, rotate, type Grey } from '../../src/ocr/image.ts';
import { rulesToPoints } from '../../src/ocr/page.ts';
import { findRules } from '../../src/ocr/rules.ts';
import { openPdf } from '../../src/pdf/open.ts';
import { renderGrey } from '../../src/pdf/render.ts';
import { readPageRules } from '../../src/pdf/rulings.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const deg = Math.PI / 180;

function blank(width: number, height: number): Grey {
  return { width, height, pixels: new Uint8Array(width * height).fill(240) };
}
function fill(img: Grey, x0: number, y0: number, x1: number, y1: number, v = 20): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img.pixels[y * img.width + x] = v;
}
/** Lines of "characters" (blocks with gaps), like a page of text. */
function textPage(): Grey {
  const img = blank(1200, 1600);
  for (let line = 0; line < 30; line++) {
    const y = 100 + line * 45;
    for (let c = 0; c < 40; c++) fill(img, 100 + c * 25, y, 100 + c * 25 + 20, y + 22);
  }
  return img;
}

test('the skew of a page set askew is measured to within 0.05° and taken out', () => {
  for (const angle of [-1.5, -0.4, 0, 0.3, 1.2]) {
    // rotate() turns the content by −angle: a level page turned by −(−a) runs at slope a.
    const skewed = rotate(textPage(), -angle * deg);
    const measured = measureSkew(skewed) / deg;
    expect(Math.abs(measured - angle)).toBeLessThan(0.05);
    expect(Math.abs(measureSkew(rotate(skewed, measured * deg)) / deg)).toBeLessThan(0.05);
  }
});

test('table borders are found as rules; glyphs, a seal-sized ring, a short stroke and a filled bar are not', () => {
  const img = blank(1654, 1200);
  // A 4 × 5 grid, 2-pixel borders.
  const xs = [150, 500, 900, 1300, 1500];
  const ys = [200, 260, 320, 380, 440];
  for (const y of ys) fill(img, xs[0]!, y, xs[4]! + 2, y + 2);
  for (const x of xs) fill(img, x, ys[0]!, x + 2, ys[4]! + 2);
  // Text in the cells, touching nothing.
  for (let r = 0; r < 4; r++)
    for (let c = 0; c < 8; c++) fill(img, 170 + c * 30, ys[r]! + 15, 190 + c * 30, ys[r]! + 45);
  // A ring (a seal that did not fade), a lone vertical stroke, a thick dark bar.
  for (let a = 0; a < 720; a++) {
    const x = Math.round(1000 + 120 * Math.cos((a / 2) * deg));
    const y = Math.round(800 + 120 * Math.sin((a / 2) * deg));
    fill(img, x, y, x + 3, y + 3);
  }
  fill(img, 300, 700, 303, 800);
  fill(img, 150, 1000, 1500, 1040);
  const ppp = 200 / 72;
  const rules = findRules(img, ppp, { erase: true });
  const h = rules
    .filter((r) => r.y0 === r.y1)
    .map((r) => Math.round(r.y0))
    .sort((a, b) => a - b);
  const v = rules
    .filter((r) => r.x0 === r.x1)
    .map((r) => Math.round(r.x0))
    .sort((a, b) => a - b);
  expect(h).toEqual(ys.map((y) => y + 1));
  expect(v).toEqual(xs.map((x) => x + 1));
  for (const r of rules) expect(r.thickness).toBe(2);
  // Painted out: the borders are the paper beside them now, the text in the cells is not.
  expect(img.pixels[200 * img.width + 700]).toBe(240);
  expect(img.pixels[(ys[0]! + 20) * img.width + 175]).toBe(20);
  // In PDF points, bottom-left origin: horizontals level, verticals running up.
  const pts = rulesToPoints(rules, 1200 / ppp, ppp);
  for (const s of pts) expect(s.y0 === s.y1 || (s.x0 === s.x1 && s.y1 > s.y0)).toBe(true);
  const top = pts.filter((s) => s.y0 === s.y1).sort((a, b) => b.y0 - a.y0)[0]!;
  expect(top.y0).toBeCloseTo((1200 - 200.5) / ppp, 1);
});

test('the rules of a rendered ruled table are where the PDF draws them', async () => {
  const pdf = await openPdf(new Uint8Array(readFileSync(path.join(root, 'test/fixtures/reports/edu-dept.pdf'))));
  try {
    const drawn = await readPageRules(pdf.doc, 3);
    const img = await renderGrey(pdf.doc, 3, 200);
    const page = await pdf.doc.getPage(3);
    const height = page.getViewport({ scale: 1 }).height;
    const found = rulesToPoints(findRules(img, img.scale), height, img.scale);
    const near = (a: { x0: number; y0: number; x1: number; y1: number }, b: typeof a) =>
      Math.abs(a.x0 - b.x0) < 2 && Math.abs(a.y0 - b.y0) < 2 && Math.abs(a.x1 - b.x1) < 2 && Math.abs(a.y1 - b.y1) < 2;
    // Every long drawn horizontal, and every drawn vertical, has an image rule over it (its pieces between crossings merged).
    const covered = (d: (typeof drawn)[number]) =>
      found.some((f) =>
        d.y0 === d.y1
          ? f.y0 === f.y1 && Math.abs(f.y0 - d.y0) < 2 && f.x0 <= d.x0 + 2 && f.x1 >= d.x1 - 2
          : f.x0 === f.x1 && Math.abs(f.x0 - d.x0) < 2 && f.y0 <= d.y0 + 2 && f.y1 >= d.y1 - 2,
      );
    const long = drawn.filter((d) => (d.y0 === d.y1 ? d.x1 - d.x0 >= 50 : d.y1 - d.y0 >= 30));
    expect(long.length).toBeGreaterThan(10);
    expect(long.filter(covered).length / long.length).toBeGreaterThan(0.95);
    // And nothing found where nothing is drawn.
    for (const f of found)
      expect(
        drawn.some(
          (d) =>
            near(d, f) ||
            ((d.y0 === d.y1) === (f.y0 === f.y1) &&
              (f.y0 === f.y1 ? Math.abs(d.y0 - f.y0) < 2 : Math.abs(d.x0 - f.x0) < 2)),
        ),
      ).toBe(true);
  } finally {
    await pdf.destroy();
  }
});

test('a line read across a vertical border is parted into its cells', async () => {
  const { splitAtRules } = await import('../../src/ocr/page.ts');
  const word = (text: string, x0: number, x1: number) => ({ text, confidence: 90, bbox: { x0, y0: 100, x1, y1: 130 } });
  const line = {
    confidence: 90,
    bbox: { x0: 10, y0: 100, x1: 400, y1: 130 },
    baseline: { x0: 10, y0: 128, x1: 400, y1: 128 },
    words: [word('年初预算数', 10, 150), word('4668.70', 210, 300), word('10', 330, 400)],
  };
  const rules = [
    { x0: 180, y0: 50, x1: 180, y1: 300, thickness: 2 },
    { x0: 315, y0: 50, x1: 315, y1: 300, thickness: 2 },
    { x0: 250, y0: 200, x1: 250, y1: 300, thickness: 2 }, // below the line: does not cut it
    { x0: 0, y0: 90, x1: 500, y1: 90, thickness: 2 },
  ];
  const parts = splitAtRules([line], rules);
  expect(parts.map((p) => p.words.map((w) => w.text).join(''))).toEqual(['年初预算数', '4668.70', '10']);
  expect(parts.map((p) => [p.bbox.x0, p.bbox.x1])).toEqual([
    [10, 150],
    [210, 300],
    [330, 400],
  ]);
  expect(splitAtRules([line], rules.slice(2))).toEqual([line]);
});

test('thin grey rules of a table scanned askew are found once the page is deskewed; a grey header fill is not a rule', () => {
  // A scanner's thin rule is one grey pixel; askew, it becomes a staircase whose
  // ink, once deskewed, moves between two neighbouring rows.
  const ppp = 200 / 72;
  const xs = [150, 420, 700, 980, 1260, 1500];
  const ys = [300, 360, 420, 480, 540, 600, 660, 720];
  for (const angle of [-1.3, 0.6, 1.4]) {
    const img = blank(1654, 1200);
    img.pixels.fill(246);
    fill(img, xs[0]! + 1, ys[0]! + 1, xs[5]!, ys[1]!, 226); // a light fill behind the header row
    for (const y of ys) fill(img, xs[0]!, y, xs[5]! + 1, y + 1, 188);
    for (const x of xs) fill(img, x, ys[0]!, x + 1, ys[7]! + 1, 188);
    for (let r = 0; r < 7; r++)
      for (let c = 0; c < 5; c++)
        for (let k = 0; k < 5; k++) fill(img, xs[c]! + 20 + k * 28, ys[r]! + 18, xs[c]! + 42 + k * 28, ys[r]! + 42, 40);
    for (let line = 0; line < 8; line++)
      for (let c = 0; c < 40; c++) fill(img, 100 + c * 25, 800 + line * 45, 120 + c * 25, 822 + line * 45, 40);
    const scanned = rotate(img, -angle * deg);
    const page = rotate(scanned, measureSkew(scanned));
    const rules = findRules(page, ppp);
    const h = rules
      .filter((r) => r.y0 === r.y1 && r.x1 - r.x0 > 1000)
      .map((r) => r.y0)
      .sort((a, b) => a - b);
    const v = rules
      .filter((r) => r.x0 === r.x1 && r.y1 - r.y0 > 350)
      .map((r) => r.x0)
      .sort((a, b) => a - b);
    expect(h.length, `${angle}°: ${h.join(' ')}`).toBe(ys.length);
    h.forEach((y, i) => expect(Math.abs(y - ys[i]!)).toBeLessThan(3));
    expect(v.length, `${angle}°: ${v.join(' ')}`).toBe(xs.length);
    v.forEach((x, i) => expect(Math.abs(x - xs[i]!)).toBeLessThan(3));
    // Nothing else long enough to be a border: not the header's fill, not the text.
    expect(rules.filter((r) => (r.y0 === r.y1 ? r.x1 - r.x0 > 300 : r.y1 - r.y0 > 200)).length).toBe(
      ys.length + xs.length,
    );
  }
});

test('a photographed page, lit unevenly, is evened out before its skew is measured; a scan is left as it is', async () => {
  const { evenLight } = await import('../../src/ocr/image.ts');
  const even = textPage();
  expect(evenLight(even)).toBe(even);
  for (const angle of [-1.3, 0.8]) {
    // A table page: a few lines of grey text (a photograph is soft), most of the page paper.
    const sparse = blank(1200, 1600);
    for (let line = 0; line < 14; line++)
      for (let c = 0; c < 30; c++) fill(sparse, 250 + c * 25, 400 + line * 50, 270 + c * 25, 422 + line * 50, 150);
    const page = rotate(sparse, -angle * deg);
    // Light falling off from the middle to dark corners, as under a lamp: paper 240 → about 95, darker than the text.
    const { width: w, height: h, pixels: p } = page;
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const r = Math.hypot((x - w / 2) / (w / 2), (y - h / 2) / (h / 2)) / Math.SQRT2;
        p[y * w + x] = Math.round(p[y * w + x]! * (1 - 0.6 * r * r));
      }
    const lit = evenLight(page);
    expect(lit).not.toBe(page);
    expect(Math.abs(measureSkew(lit) / deg - angle)).toBeLessThan(0.1);
    // The corners' paper is paper again, the text still ink.
    expect(lit.pixels[60 * w + 60]).toBeGreaterThan(200);
    expect(Math.min(...lit.pixels.subarray(411 * w + 250, 411 * w + 600))).toBeLessThan(170);
  }
});
