// PP-OCR text detection (DB, "differentiable binarisation"): the model gives a
// probability map of text kernels; kernels above 0.3 are joined into connected
// regions, scored by their mean probability, and grown back by the DB unclip
// distance (area × 1.5 / perimeter) into text-line boxes. The page is upright
// here (deskewed before), so boxes are axis-aligned rectangles.
import { inkAndPaper, type Grey } from '../image.ts';

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

/** The detection grid of a page: its longer side scaled to `limit` (never enlarged), both sides multiples of 32. */
export function detGrid(
  imgW: number,
  imgH: number,
  limit: number,
): { width: number; height: number; sx: number; sy: number } {
  const r = Math.min(1, limit / Math.max(imgW, imgH));
  const width = Math.max(32, Math.round((imgW * r) / 32) * 32);
  const height = Math.max(32, Math.round((imgH * r) / 32) * 32);
  return { width, height, sx: imgW / width, sy: imgH / height };
}

/** A window of the detection grid, in grid pixels (x1, y1 excluded). */
export interface GridWindow {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Grid cells are this many detection pixels a side: the model's coarsest stride, so a window's features fall as the page's do. */
const CELL = 32;
/** Pixels this far below the paper's grey are ink, and a cell with this many of them is inked (a speck of scanner noise is not). */
const INK_BELOW_PAPER = 24;
const INK_PIXELS = 4;

/**
 * The part of the detection grid worth running the model on: the cells that
 * hold ink, bounded, and one white cell around them (the model sees paper
 * past the outermost text, as at a page's margin). The page's white margins
 * are left out; a page with no ink at all gives an empty window.
 */
export function inkWindow(img: Grey, grid: { width: number; height: number; sx: number; sy: number }): GridWindow {
  const { width: w, height: h, pixels: p } = img;
  const gw = Math.ceil(grid.width / CELL);
  const gh = Math.ceil(grid.height / CELL);
  const limit = inkAndPaper(img).paper - INK_BELOW_PAPER;
  // Page pixel → cell: through the grid's own scale, as detInput samples it.
  const colCell = new Int32Array(w);
  for (let x = 0; x < w; x++) colCell[x] = Math.min(gw - 1, Math.floor(x / grid.sx / CELL));
  const count = new Uint32Array(gw * gh);
  for (let y = 0; y < h; y++) {
    const o = y * w;
    const row = Math.min(gh - 1, Math.floor(y / grid.sy / CELL)) * gw;
    for (let x = 0; x < w; x++) if (p[o + x]! < limit) count[row + colCell[x]!]!++;
  }
  let [cx0, cy0, cx1, cy1] = [gw, gh, -1, -1];
  for (let cy = 0; cy < gh; cy++)
    for (let cx = 0; cx < gw; cx++)
      if (count[cy * gw + cx]! >= INK_PIXELS) {
        if (cx < cx0) cx0 = cx;
        if (cx > cx1) cx1 = cx;
        if (cy < cy0) cy0 = cy;
        if (cy > cy1) cy1 = cy;
      }
  if (cx1 < 0) return { x0: 0, y0: 0, x1: 0, y1: 0 };
  return {
    x0: Math.max(0, cx0 - 1) * CELL,
    y0: Math.max(0, cy0 - 1) * CELL,
    x1: Math.min(grid.width, (cx1 + 2) * CELL),
    y1: Math.min(grid.height, (cy1 + 2) * CELL),
  };
}

/**
 * The detection input: the image scaled to the detection grid (detGrid), or only
 * `window` of it — the same values as the whole grid's at those places.
 * `ox`, `oy` are the window's place in the grid.
 */
export function detInput(
  img: Grey,
  limit: number,
  window?: GridWindow,
): { data: Float32Array; width: number; height: number; sx: number; sy: number; ox: number; oy: number } {
  const grid = detGrid(img.width, img.height, limit);
  const win = window ?? { x0: 0, y0: 0, x1: grid.width, y1: grid.height };
  const width = win.x1 - win.x0;
  const height = win.y1 - win.y0;
  const plane = width * height;
  const data = new Float32Array(3 * plane);
  const [l0, l1, l2] = [0, 1, 2].map((c) =>
    Float32Array.from({ length: 256 }, (_, v) => (v / 255 - MEAN[c]!) / STD[c]!),
  );
  const { sx, sy } = grid;
  const src = img.pixels;
  const w = img.width;
  // Each column's source column and weight, once for all rows (the same arithmetic as per pixel).
  const cx = new Int32Array(width);
  const ct = new Float64Array(width);
  for (let x = 0; x < width; x++) {
    const fx = Math.min(w - 1.001, Math.max(0, (x + win.x0 + 0.5) * sx - 0.5));
    cx[x] = Math.floor(fx);
    ct[x] = fx - cx[x]!;
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(img.height - 1.001, Math.max(0, (y + win.y0 + 0.5) * sy - 0.5));
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
  return { data, width, height, sx, sy, ox: win.x0, oy: win.y0 };
}

/**
 * Probability map → text boxes in the coordinates of the image detInput was given (scaled by sx, sy);
 * a map of a window of the grid is placed by the window's offset (ox, oy, grid pixels).
 */
export function dbBoxes(
  prob: Float32Array,
  width: number,
  height: number,
  sx: number,
  sy: number,
  imgW: number,
  imgH: number,
  ox = 0,
  oy = 0,
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
      x0: Math.max(0, Math.floor((ox + x0 - d) * sx)),
      y0: Math.max(0, Math.floor((oy + y0 - d) * sy)),
      x1: Math.min(imgW - 1, Math.ceil((ox + x1 + 1 + d) * sx)),
      y1: Math.min(imgH - 1, Math.ceil((oy + y1 + 1 + d) * sy)),
      score,
    });
  }
  return boxes;
}
