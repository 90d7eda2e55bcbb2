// The routine as it was before the change for issue #26 (speed), kept to test that the faster one gives the same output.
import type { Grey } from '../../../src/ocr/image.ts';

const MEAN = [0.406, 0.456, 0.485];
const STD = [0.225, 0.224, 0.229];

/** The detection input: the image scaled so its longer side is `limit` (never enlarged), both sides multiples of 32. */
export function detInput(
  img: Grey,
  limit: number,
): { data: Float32Array; width: number; height: number; sx: number; sy: number } {
  const r = Math.min(1, limit / Math.max(img.width, img.height));
  const width = Math.max(32, Math.round((img.width * r) / 32) * 32);
  const height = Math.max(32, Math.round((img.height * r) / 32) * 32);
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  const lut = [0, 1, 2].map((c) => Float32Array.from({ length: 256 }, (_, v) => (v / 255 - MEAN[c]!) / STD[c]!));
  const sx = img.width / width;
  const sy = img.height / height;
  const src = img.pixels;
  const w = img.width;
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1.001, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(w - 1.001, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const tx = fx - x0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * tx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * tx;
      const v = (top + (bottom - top) * ty + 0.5) | 0;
      const o = y * width + x;
      data[o] = lut[0]![v]!;
      data[plane + o] = lut[1]![v]!;
      data[2 * plane + o] = lut[2]![v]!;
    }
  }
  return { data, width, height, sx, sy };
}
