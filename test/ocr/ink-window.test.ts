// Detection runs over the page's inked part only: the window is found on the
// detection grid, its input is the whole grid's at those places, and the
// boxes found in it are placed back on the page.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import type { Grey } from '../../src/ocr/image.ts';
import { dbBoxes, detGrid, detInput, inkWindow } from '../../src/ocr/ppocr/det.ts';
import { createPpOcrEngine } from '../../src/ocr/ppocr/engine.ts';
import { openDocument } from '../../src/pdf/document.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** A white A4 page at 200 dpi with dark rectangles [x0, y0, x1, y1] (page pixels, x1 and y1 excluded). */
function page(blocks: [number, number, number, number][]): Grey {
  const [width, height] = [1654, 2339];
  const pixels = new Uint8Array(width * height).fill(250);
  for (const [x0, y0, x1, y1] of blocks) for (let y = y0; y < y1; y++) pixels.fill(20, y * width + x0, y * width + x1);
  return { width, height, pixels };
}

test('the window holds the ink and one white cell of 32 grid pixels around it, on the grid of 32', () => {
  const img = page([
    [400, 500, 1200, 540],
    [300, 1800, 700, 1830],
  ]);
  const grid = detGrid(img.width, img.height, 1600);
  expect(grid).toMatchObject({ width: 1120, height: 1600 });
  const win = inkWindow(img, grid);
  for (const v of Object.values(win)) expect(v % 32).toBe(0);
  // Ink from page x 300 (grid 203) to 1200 (812), y 500 (342) to 1830 (1252): cells 6…25 and 10…39, one more each side.
  expect(win).toEqual({ x0: 5 * 32, y0: 9 * 32, x1: 27 * 32, y1: 41 * 32 });
});

test('a blank page, or one with specks of noise only, has an empty window; ink at the edge keeps the window inside the grid', () => {
  const grid = detGrid(1654, 2339, 1600);
  expect(inkWindow(page([]), grid)).toEqual({ x0: 0, y0: 0, x1: 0, y1: 0 });
  expect(
    inkWindow(
      page([
        [100, 100, 101, 101],
        [900, 1500, 902, 1501],
      ]),
      grid,
    ),
  ).toEqual({ x0: 0, y0: 0, x1: 0, y1: 0 });
  expect(inkWindow(page([[0, 0, 1654, 30]]), grid)).toEqual({ x0: 0, y0: 0, x1: grid.width, y1: 64 });
});

test("a window's input is the whole grid's input at those places, to the bit", () => {
  const img = page([[400, 500, 1200, 540]]);
  for (let i = 0; i < img.pixels.length; i += 97) img.pixels[i] = (i * 31) % 256;
  const whole = detInput(img, 1600);
  const win = { x0: 64, y0: 96, x1: 64 + 320, y1: 96 + 160 };
  const part = detInput(img, 1600, win);
  expect([part.width, part.height, part.ox, part.oy, part.sx, part.sy]).toEqual([320, 160, 64, 96, whole.sx, whole.sy]);
  const plane = (d: { width: number; height: number }) => d.width * d.height;
  for (let c = 0; c < 3; c++)
    for (let y = 0; y < part.height; y++)
      for (let x = 0; x < part.width; x += 7)
        expect(part.data[c * plane(part) + y * part.width + x]).toBe(
          whole.data[c * plane(whole) + (y + win.y0) * whole.width + x + win.x0],
        );
});

test("boxes found in a window's map are placed on the page where the whole map would put them", () => {
  const [W, H, sx, sy] = [640, 480, 1.5, 1.5];
  const win = { x0: 96, y0: 64, w: 256, h: 192 };
  const whole = new Float32Array(W * H);
  const part = new Float32Array(win.w * win.h);
  // A text kernel at grid x 150…229, y 100…111.
  for (let y = 100; y < 112; y++)
    for (let x = 150; x < 230; x++) {
      whole[y * W + x] = 0.9;
      part[(y - win.y0) * win.w + (x - win.x0)] = 0.9;
    }
  const expected = dbBoxes(whole, W, H, sx, sy, W * sx, H * sy);
  expect(expected).toHaveLength(1);
  expect(dbBoxes(part, win.w, win.h, sx, sy, W * sx, H * sy, win.x0, win.y0)).toEqual(expected);
});

test('a scanned page reads the same over its inked part as over the whole page', async () => {
  const pdf = await openDocument(
    new Uint8Array(readFileSync(path.join(root, 'samples/yueyanglou-scjg-2023-scan.pdf'))),
  );
  const img = await pdf.renderGrey(2, 200, 'ocr').finally(() => pdf.destroy());
  const read = async (wholePage: boolean) => {
    const engine = await createPpOcrEngine({ threads: 1, wholePage });
    try {
      const r = await engine.recognize({ ...img, pixels: img.pixels.slice() }, img.scale);
      return r.lines.map((l) => ({ text: l.words[0]!.text, y: l.bbox.y0, x: l.bbox.x0 }));
    } finally {
      await engine.release();
    }
  };
  const [whole, inked] = [await read(true), await read(false)];
  expect(whole.length).toBeGreaterThan(10);
  // The same lines, in the same places (to a few pixels: the model sees less paper around them). Here the
  // inked part also gives the page number at its foot (2-), which the whole page's map scored below 0.5.
  const kept = inked.filter((l) => whole.some((w) => w.text === l.text));
  expect(kept.map((l) => l.text)).toEqual(whole.map((l) => l.text));
  expect(inked.length - kept.length).toBeLessThanOrEqual(1);
  kept.forEach((l, i) => {
    expect(Math.abs(l.x - whole[i]!.x)).toBeLessThanOrEqual(3);
    expect(Math.abs(l.y - whole[i]!.y)).toBeLessThanOrEqual(3);
  });
}, 60_000);
