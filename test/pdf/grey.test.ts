// toGrey: the four-bytes-at-a-time path gives what the byte-wise rule gives,
// on every kind of pixel, and an unaligned buffer takes the byte-wise path.
import { describe, expect, test } from 'vitest';
import { toGrey } from '../../src/pdf/render.ts';

/** The rule written out per pixel: red reads as its red value raised by its redness, anything else as its luminance. */
function byRule(rgba: Uint8ClampedArray): number[] {
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    const redness = r - Math.max(g, b);
    const red = (r > 1.4 * g && r > 1.4 * b) || (redness > 16 && Math.abs(g - b) < redness);
    out.push(Math.trunc(red ? Math.min(255, r + redness / 2) : (r * 299 + g * 587 + b * 114) / 1000));
  }
  return out;
}

function pixels(list: [number, number, number][]): Uint8ClampedArray {
  return new Uint8ClampedArray(list.flatMap(([r, g, b]) => [r, g, b, 255]));
}

describe('toGrey', () => {
  test('white, black, grey, a red seal, blue and green ink', () => {
    const rgba = pixels([
      [255, 255, 255],
      [0, 0, 0],
      [128, 128, 128],
      [230, 40, 40], // seal red: paper
      [20, 40, 200],
      [30, 160, 60],
      [255, 254, 255],
    ]);
    expect([...toGrey(rgba)]).toEqual([255, 0, 128, 255, 52, 109, 254]);
  });

  test("a seal's ink as a colour JPEG leaves it reads as paper or near it; print under it and a warm-tinted photograph do not", () => {
    const seal = pixels([
      [249, 219, 222], // the pink round a stroke (read by its luminance before: 226)
      [216, 49, 62], // the stroke itself
      [190, 120, 126], // a stroke the JPEG's colour, sampled at half the resolution, left greyer
    ]);
    expect([...toGrey(seal)].every((v) => v >= 220)).toBe(true);
    const kept = pixels([
      [40, 10, 12], // black print under the seal
      [250, 230, 200], // warm-tinted paper, r > g > b: its luminance
      [150, 130, 110], // warm-tinted print's edge
    ]);
    expect([...toGrey(kept)]).toEqual([54, 232, 133]);
  });

  test('agrees with the rule on every grey level and on many coloured pixels', () => {
    const list: [number, number, number][] = [];
    for (let v = 0; v < 256; v++) list.push([v, v, v]);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256;
    for (let k = 0; k < 5000; k++) list.push([next(), next(), next()]);
    const rgba = pixels(list);
    expect([...toGrey(rgba)]).toEqual(byRule(rgba));
  });

  test('a view that does not start on a four-byte boundary', () => {
    const backing = new Uint8ClampedArray(1 + 4 * 3);
    backing.set([0, 200, 30, 30, 255, 90, 90, 90, 255, 255, 255, 255, 255]);
    const view = backing.subarray(1);
    expect([...toGrey(view)]).toEqual(byRule(view));
    expect([...toGrey(view)]).toEqual([255, 90, 255]);
  });
});
