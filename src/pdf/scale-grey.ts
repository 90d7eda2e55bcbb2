// A grey image resized as pdf.js + canvas resizes a page's image when it draws
// it: bilinear between pixel centres (the canvas's image smoothing), after
// halving the image while more than two of its pixels fall on one pixel drawn
// (pdf.js's _scaleImage). PDFium's own drawing filters over the whole area a
// drawn pixel covers instead; on the scanned corpus that read slightly worse
// (docs/speed.md), so a scan's image drawn by our code is resized this way.
// One difference kept: pdf.js draws an image enlarged more than 4/3 × without
// /Interpolate nearest-neighbour; this one smooths it too (published-02's
// 96 ppi pages read the same facts, at a higher OCR confidence).

/** `src` (sw × sh, one byte a pixel) resized to dw × dh. */
export function scaleGrey(src: Uint8Array, sw: number, sh: number, dw: number, dh: number): Uint8Array {
  let [img, w, h] = [src, sw, sh];
  // pdf.js halves each direction on its own, rounding up, while more than two pixels fall on one
  while ((w / dw > 2 && w > 1) || (h / dh > 2 && h > 1)) {
    const nw = w / dw > 2 && w > 1 ? Math.ceil(w / 2) : w;
    const nh = h / dh > 2 && h > 1 ? Math.ceil(h / 2) : h;
    img = bilinear(img, w, h, nw, nh);
    [w, h] = [nw, nh];
  }
  if (w === dw && h === dh) return img === src ? src.slice() : img;
  return bilinear(img, w, h, dw, dh);
}

interface Taps {
  /** the first of the two source pixels */
  at: Int32Array;
  /** the second, the same at the last pixel */
  next: Int32Array;
  /** the second's weight, in sixteenths */
  weight: Int32Array;
}

/**
 * For each of n drawn pixels, the two source pixels (of `size`) round its centre and the second's weight,
 * in sixteenths rounded down, as the canvas's (Skia's) bilinear filter weighs them: with weights in
 * 1/256 a stroke's edge came out up to 9 levels apart from pdf.js's drawing.
 */
function taps(size: number, n: number): Taps {
  const at = new Int32Array(n);
  const next = new Int32Array(n);
  const weight = new Int32Array(n);
  const step = size / n;
  for (let i = 0; i < n; i++) {
    const u = Math.max((i + 0.5) * step - 0.5, 0);
    const first = Math.floor(u);
    weight[i] = Math.floor((u - first) * 16);
    at[i] = Math.min(first, size - 1);
    next[i] = Math.min(first + 1, size - 1);
  }
  return { at, next, weight };
}

/** Bilinear resize: each source row needed is resized across once (×16), then rows are mixed down (×16, ÷256). */
function bilinear(src: Uint8Array, sw: number, sh: number, dw: number, dh: number): Uint8Array {
  const out = new Uint8Array(dw * dh);
  const across = taps(sw, dw);
  const down = taps(sh, dh);
  // the two source rows last resized across, by their row number
  let rows: [number, Int32Array][] = [];
  const rowAt = (y: number): Int32Array => {
    const kept = rows.find(([n]) => n === y);
    if (kept) return kept[1];
    const row = rows.length === 2 ? rows.shift()![1] : new Int32Array(dw);
    acrossRow(src, y * sw, across, row);
    rows = [...rows, [y, row]];
    return row;
  };
  for (let y = 0; y < dh; y++) {
    const w1 = down.weight[y]!;
    const top = rowAt(down.at[y]!);
    const bottom = rowAt(down.next[y]!);
    const base = y * dw;
    for (let x = 0; x < dw; x++) out[base + x] = (top[x]! * (16 - w1) + bottom[x]! * w1) >> 8;
  }
  return out;
}

function acrossRow(src: Uint8Array, start: number, { at, next, weight }: Taps, row: Int32Array): void {
  for (let x = 0; x < row.length; x++) {
    const w = weight[x]!;
    row[x] = src[start + at[x]!]! * (16 - w) + src[start + next[x]!]! * w;
  }
}
