// PP-OCR text recognition: each detected box cropped from the upright page,
// scaled to the model's height of 48 pixels, crops of similar width batched
// into one inference (padded to the widest), and the output decoded by CTC
// (best path: the most likely class per time step, repeats merged, blanks
// dropped). Each character keeps the time steps it was read at, which place
// it along the line: that is how a box is cut at a gap or a ruling line.
import type { Grey } from '../image.ts';
import type { Box } from './det.ts';

export const REC_HEIGHT = 48;
/** Time steps per input pixel column: the model's output is 1/8 of its input width. */
const STRIDE = 8;
const MAX_WIDTH = 3200;

/** Long lines are read in pieces about this wide (model pixels), cut between characters: the model's cost per column grows with the width. */
export const CHUNK = 320;
const OVERLAP = 32;

export interface Crop {
  box: Box;
  /** which box of the page this piece is of */
  line: number;
  /** the piece's first column in the box's crop, and page pixels per column */
  offset: number;
  pxPerCol: number;
  /** the page x range (pixels) whose characters this piece gives (the rest of it overlaps its neighbours) */
  keepFrom: number;
  keepTo: number;
  width: number;
  data: Float32Array;
}

export interface ReadChar {
  ch: string;
  /** centre along the line, in page pixels */
  x: number;
  prob: number;
  /** the recogniser's second guess where it was surest of this character ('' for none but the blank) */
  alt?: string;
}

export interface ReadLine {
  box: Box;
  chars: ReadChar[];
}

/**
 * The crop of one box at height 48, normalised to −1…1 (as PaddleOCR: v / 127.5 − 1),
 * in pieces of about CHUNK columns cut at the emptiest column near each cut.
 */
export function cropBox(img: Grey, box: Box, line: number, chunk = CHUNK, squeeze = 1): Crop[] {
  const whole = resizeBox(img, box, squeeze);
  const W = whole.width;
  const pxPerCol = (box.x1 - box.x0 + 1) / W;
  if (W <= chunk * 1.3)
    return [{ box, line, offset: 0, pxPerCol, width: W, data: whole.data, keepFrom: -Infinity, keepTo: Infinity }];
  // Ink per column (rows 6…42: the text band), smoothed over 5 columns: lower is emptier.
  const col = new Float32Array(W);
  for (let y = 6; y < REC_HEIGHT - 6; y++) for (let x = 0; x < W; x++) col[x]! += 1 - whole.data[y * W + x]!;
  const ink = (x: number) => col[x - 2]! + col[x - 1]! + col[x]! + col[x + 1]! + col[x + 2]!;
  // Pieces overlap by 2 × OVERLAP columns around each cut; a character is taken from the piece
  // its centre falls in (left of the cut: the left piece), which saw it whole.
  const cuts: number[] = [];
  let from = 0;
  while (W - from > chunk * 1.3) {
    let best = from + chunk;
    for (let x = from + chunk - 48; x <= from + chunk + 48; x++) if (ink(x) < ink(best)) best = x;
    cuts.push(best);
    from = best;
  }
  const out: Crop[] = [];
  for (let k = 0; k <= cuts.length; k++) {
    const a = k === 0 ? 0 : cuts[k - 1]! - OVERLAP;
    const b = k === cuts.length ? W : cuts[k]! + OVERLAP;
    const width = b - a;
    const data = new Float32Array(REC_HEIGHT * width);
    for (let y = 0; y < REC_HEIGHT; y++) data.set(whole.data.subarray(y * W + a, y * W + b), y * width);
    out.push({
      box,
      line,
      offset: a,
      pxPerCol,
      width,
      data,
      keepFrom: k === 0 ? -Infinity : box.x0 + cuts[k - 1]! * pxPerCol,
      keepTo: k === cuts.length ? Infinity : box.x0 + cuts[k]! * pxPerCol,
    });
  }
  return out;
}

/** `squeeze` < 1 narrows the text (fewer columns, so less work for the model). */
function resizeBox(img: Grey, box: Box, squeeze: number): { width: number; data: Float32Array } {
  const bw = box.x1 - box.x0 + 1;
  const bh = box.y1 - box.y0 + 1;
  const width = Math.max(STRIDE, Math.min(MAX_WIDTH, Math.ceil((REC_HEIGHT * bw * squeeze) / bh)));
  const data = new Float32Array(REC_HEIGHT * width);
  const sx = bw / width;
  const sy = bh / REC_HEIGHT;
  const src = img.pixels;
  const w = img.width;
  // Each column's source column and weight, once for all rows (the same arithmetic as per pixel).
  const cx = new Int32Array(width);
  const ct = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(w - 1.001, Math.max(0, box.x0 + (x + 0.5) * sx - 0.5));
    cx[x] = Math.floor(fx);
    ct[x] = fx - cx[x]!;
  }
  for (let y = 0; y < REC_HEIGHT; y++) {
    const fy = Math.min(img.height - 1.001, Math.max(0, box.y0 + (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const ty = fy - y0;
    const row = y0 * w;
    const o = y * width;
    for (let x = 0; x < width; x++) {
      const tx = ct[x]!;
      const i = row + cx[x]!;
      const top = src[i]! + (src[i + 1]! - src[i]!) * tx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * tx;
      data[o + x] = (top + (bottom - top) * ty) / 127.5 - 1;
    }
  }
  return { width, data };
}

/**
 * Crops in batches of similar width: sorted by width, a batch closes when the
 * next crop is much wider than its first (padding would waste the work) or
 * when it holds `maxPixels` of padded input.
 */
export function batches(crops: Crop[], maxPixels = 48 * 6000, maxCount = 1): Crop[][] {
  const sorted = [...crops].sort((a, b) => a.width - b.width);
  const out: Crop[][] = [];
  let cur: Crop[] = [];
  for (const c of sorted) {
    const first = cur[0];
    const padded = Math.ceil(c.width / STRIDE) * STRIDE;
    if (
      first &&
      (c.width > first.width * 1.3 + 32 || padded * REC_HEIGHT * (cur.length + 1) > maxPixels || cur.length >= maxCount)
    ) {
      out.push(cur);
      cur = [];
    }
    cur.push(c);
  }
  if (cur.length > 0) out.push(cur);
  return out;
}

/** One batch as the model's input tensor data [n, 3, 48, W] (grey in all three channels; padding 0, as PaddleOCR pads). */
export function batchInput(batch: Crop[]): { data: Float32Array; width: number } {
  const width = Math.ceil(Math.max(...batch.map((c) => c.width)) / STRIDE) * STRIDE;
  const plane = REC_HEIGHT * width;
  const data = new Float32Array(batch.length * 3 * plane);
  batch.forEach((c, n) => {
    for (let y = 0; y < REC_HEIGHT; y++) {
      const row = c.data.subarray(y * c.width, (y + 1) * c.width);
      for (let ch = 0; ch < 3; ch++) data.set(row, (n * 3 + ch) * plane + y * width);
    }
  });
  return { data, width };
}

/**
 * CTC best-path decoding of a batch's output [n, T, classes]: class 0 is the
 * blank, 1…k the dictionary's characters, the last a space.
 */
export function ctcDecode(
  out: Float32Array,
  n: number,
  steps: number,
  classes: number,
  batch: Crop[],
  dict: string[],
): { crop: Crop; chars: ReadChar[] }[] {
  const lines: { crop: Crop; chars: ReadChar[] }[] = [];
  for (let b = 0; b < n; b++) {
    const crop = batch[b]!;
    const valid = Math.min(steps, Math.ceil(crop.width / STRIDE) + 1);
    // page pixels per time step
    const px = STRIDE * crop.pxPerCol;
    const x0 = crop.box.x0 + crop.offset * crop.pxPerCol;
    const chars: ReadChar[] = [];
    let prev = 0;
    let runStart = 0;
    let runProb = 0;
    let runAlt = 0;
    const charOf = (k: number) => (k === 0 ? '' : k === classes - 1 ? ' ' : (dict[k - 1] ?? ''));
    const close = (t: number) => {
      if (prev === 0) return;
      chars.push({ ch: charOf(prev), x: x0 + ((runStart + t) / 2) * px, prob: runProb, alt: charOf(runAlt) });
    };
    for (let t = 0; t < valid; t++) {
      const base = (b * steps + t) * classes;
      let best = 0;
      let second = 0;
      let bestP = out[base]!;
      let secondP = -1;
      for (let k = 1; k < classes; k++) {
        const p = out[base + k]!;
        if (p > bestP) {
          second = best;
          secondP = bestP;
          bestP = p;
          best = k;
        } else if (p > secondP) {
          second = k;
          secondP = p;
        }
      }
      if (best !== prev) {
        close(t);
        prev = best;
        runStart = t;
        [runProb, runAlt] = [bestP, second];
      } else if (bestP > runProb) [runProb, runAlt] = [bestP, second];
    }
    close(valid);
    lines.push({ crop, chars });
  }
  return lines;
}

/** The pieces read → one line per box, its characters in order. */
export function joinPieces(pieces: { crop: Crop; chars: ReadChar[] }[]): ReadLine[] {
  const byLine = new Map<number, { crop: Crop; chars: ReadChar[] }[]>();
  for (const p of pieces) {
    const list = byLine.get(p.crop.line);
    if (list) list.push(p);
    else byLine.set(p.crop.line, [p]);
  }
  return [...byLine.values()].map((list) => {
    list.sort((a, b) => a.crop.offset - b.crop.offset);
    // Each piece gives the characters centred in its own range; a space at a piece's end is the cut, not the text's.
    const own = (p: { crop: Crop; chars: ReadChar[] }, i: number) => {
      const chars = p.chars.filter((c) => c.x >= p.crop.keepFrom && c.x < p.crop.keepTo);
      let a = 0;
      let b = chars.length;
      if (i > 0) while (a < b && chars[a]!.ch === ' ') a++;
      if (i < list.length - 1) while (b > a && chars[b - 1]!.ch === ' ') b--;
      return chars.slice(a, b);
    };
    return { box: list[0]!.crop.box, chars: list.flatMap(own) };
  });
}
