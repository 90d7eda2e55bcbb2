// toGrey: the four-bytes-at-a-time path gives what the byte-wise rule gives,
// on every kind of pixel, and an unaligned buffer takes the byte-wise path.
import { describe, expect, test } from 'vitest';
import { toGrey } from '../../src/pdf/render.ts';

/** The rule written out per pixel: red reads as its red value, anything else as its luminance. */
function byRule(rgba: Uint8ClampedArray): number[] {
  const out: number[] = [];
  for (let i = 0; i < rgba.length; i += 4) {
    const [r, g, b] = [rgba[i]!, rgba[i + 1]!, rgba[i + 2]!];
    const redness = r - Math.max(g, b);
    const red = (r > 1.4 * g && r > 1.4 * b) || (redness > 16 && Math.abs(g - b) < redness);
    out.push(Math.trunc(red ? r : (r * 299 + g * 587 + b * 114) / 1000));
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
      [230, 40, 40], // seal red: its red value, near white
      [20, 40, 200],
      [30, 160, 60],
      [255, 254, 255],
    ]);
    expect([...toGrey(rgba)]).toEqual([255, 0, 128, 230, 52, 109, 254]);
  });

  test("a seal's pink edge, as a colour JPEG leaves it, reads by its red as the seal does; print under it and a warm-tinted photograph by luminance", () => {
    const seal = pixels([
      [249, 219, 222], // the pink round a stroke (its luminance, 226, before)
      [216, 49, 62], // the stroke itself
    ]);
    expect([...toGrey(seal)]).toEqual([249, 216]);
    const kept = pixels([
      [120, 18, 18], // black print under the seal's ink: dark as its red
      [250, 230, 200], // warm-tinted paper, r > g > b: its luminance
      [150, 130, 110], // warm-tinted print's edge
    ]);
    expect([...toGrey(kept)]).toEqual([120, 232, 133]);
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
    expect([...toGrey(view)]).toEqual([200, 90, 255]);
  });
});
