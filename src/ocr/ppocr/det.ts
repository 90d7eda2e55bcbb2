// PP-OCR text detection (DB, "differentiable binarisation"): the model gives a
// probability map of text kernels; kernels above 0.3 are joined into connected
// regions, scored by their mean probability, and grown back by the DB unclip
// distance (area × 1.5 / perimeter) into text-line boxes. The page is upright
// here (deskewed before), so boxes are axis-aligned rectangles.
import type { Grey } from '../image.ts';

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** mean kernel probability (0–1) */
  score: number;
}

// ImageNet normalisation as PaddleOCR applies it, to BGR channels (grey: all three equal).
const MEAN = [0.406, 0.456, 0.485];
const STD = [0.225, 0.224, 0.229];
const THRESH = 0.3;
const BOX_THRESH = 0.5;
const UNCLIP = 1.5;

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
  const [l0, l1, l2] = [0, 1, 2].map((c) =>
    Float32Array.from({ length: 256 }, (_, v) => (v / 255 - MEAN[c]!) / STD[c]!),
  );
  const sx = img.width / width;
  const sy = img.height / height;
  const src = img.pixels;
  const w = img.width;
  // Each column's source column and weight, once for all rows (the same arithmetic as per pixel).
  const cx = new Int32Array(width);
  const ct = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(w - 1.001, Math.max(0, (x + 0.5) * sx - 0.5));
    cx[x] = Math.floor(fx);
    ct[x] = fx - cx[x]!;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1.001, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    const row = y0 * w;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const tx = ct[x]!;
      const i = row + cx[x]!;
      const top = src[i]! + (src[i + 1]! - src[i]!) * tx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * tx;
      const v = (top + (bottom - top) * ty + 0.5) | 0;
      data[o + x] = l0![v]!;
      data[plane + o + x] = l1![v]!;
      data[2 * plane + o + x] = l2![v]!;
    }
  }
  return { data, width, height, sx, sy };
}

/** Probability map → text boxes in the coordinates of the image detInput was given (scaled by sx, sy). */
export function dbBoxes(
  prob: Float32Array,
  width: number,
  height: number,
  sx: number,
  sy: number,
  imgW: number,
  imgH: number,
): Box[] {
  const label = new Int32Array(width * height);
  const stack: number[] = [];
  const boxes: Box[] = [];
  let next = 0;
  for (let start = 0; start < prob.length; start++) {
    if (label[start] !== 0 || prob[start]! <= THRESH) continue;
    next++;
    label[start] = next;
    stack.push(start);
    let x0 = width;
    let y0 = height;
    let x1 = -1;
    let y1 = -1;
    let sum = 0;
    let count = 0;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      sum += prob[i]!;
      count++;
      // 4-neighbours
      if (x > 0 && label[i - 1] === 0 && prob[i - 1]! > THRESH) ((label[i - 1] = next), stack.push(i - 1));
      if (x < width - 1 && label[i + 1] === 0 && prob[i + 1]! > THRESH) ((label[i + 1] = next), stack.push(i + 1));
      if (y > 0 && label[i - width] === 0 && prob[i - width]! > THRESH)
        ((label[i - width] = next), stack.push(i - width));
      if (y < height - 1 && label[i + width] === 0 && prob[i + width]! > THRESH)
        ((label[i + width] = next), stack.push(i + width));
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < 3) continue;
    const score = sum / count;
    if (score < BOX_THRESH) continue;
    const d = (w * h * UNCLIP) / (2 * (w + h));
    boxes.push({
      x0: Math.max(0, Math.floor((x0 - d) * sx)),
      y0: Math.max(0, Math.floor((y0 - d) * sy)),
      x1: Math.min(imgW - 1, Math.ceil((x1 + 1 + d) * sx)),
      y1: Math.min(imgH - 1, Math.ceil((y1 + 1 + d) * sy)),
      score,
    });
  }
  return boxes;
}
