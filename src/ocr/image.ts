// Greyscale page images for OCR: the scan's skew measured from its rows of
// ink and taken out by rotating the image, and bilinear resizing. Both
// engines read the deskewed image, so text boxes and ruling lines found in it
// are in one upright frame.

export interface Grey {
  width: number;
  height: number;
  /** one byte per pixel, 0 = black */
  pixels: Uint8Array;
}

/** Skews outside this (radians, ±3°) are not scans set slightly askew but pages meant that way. */
const MAX_SKEW = (3 * Math.PI) / 180;

/**
 * The slope of the page's text lines (radians, image coordinates: positive
 * when lines run down to the right), by projection profiles: the angle at
 * which rows of ink are sharpest (largest sum of squared row counts), searched
 * on a reduced image in steps of 0.05° and refined between the best steps.
 */
export function measureSkew(img: Grey): number {
  const f = Math.max(1, Math.round(img.width / 800));
  const w = Math.floor(img.width / f);
  const h = Math.floor(img.height / f);
  // Dark points of the reduced image (mean of f × f blocks below half the background).
  const { xs, ys, count } = darkPoints(img, f, w, h);
  if (count < 200) return 0;
  // At most 40,000 points (every k-th): plenty for the profile, and the search stays cheap.
  const k = Math.ceil(count / 40_000);
  const px = new Int32Array(Math.ceil(count / k));
  const py = new Int32Array(px.length);
  for (let i = 0, j = 0; i < count; i += k, j++) {
    px[j] = xs[i]!;
    py[j] = ys[i]!;
  }
  const off = Math.ceil(w * Math.tan(MAX_SKEW)) + 1;
  const hist = new Float64Array(h + 2 * off + 2);
  const score = (angle: number): number => {
    hist.fill(0);
    const t = Math.tan(angle);
    for (let i = 0; i < px.length; i++) hist[Math.round(py[i]! - px[i]! * t) + off]! += 1;
    let s = 0;
    for (let i = 0; i < hist.length; i++) s += hist[i]! * hist[i]!;
    return s;
  };
  // Coarse steps of 0.1° over ±3°, then steps of 0.02° around the best, then a parabola through the best three.
  const search = (from: number, to: number, step: number): number => {
    let best = from;
    let bestScore = -1;
    for (let a = from; a <= to + 1e-12; a += step) {
      const s = score(a);
      if (s > bestScore) {
        bestScore = s;
        best = a;
      }
    }
    return best;
  };
  const deg = Math.PI / 180;
  const coarse = search(-MAX_SKEW, MAX_SKEW, 0.1 * deg);
  const step = 0.02 * deg;
  const fine = search(coarse - 0.1 * deg, coarse + 0.1 * deg, step);
  const a = score(fine - step);
  const b = score(fine);
  const c = score(fine + step);
  const d = a - 2 * b + c;
  return d < 0 ? fine + (step * 0.5 * (a - c)) / d : fine;
}

/** The dark points of the image reduced f times (mean of f × f blocks below half the background), in typed arrays. */
function darkPoints(img: Grey, f: number, w: number, h: number): { xs: Int32Array; ys: Int32Array; count: number } {
  const xs = new Int32Array(w * h);
  const ys = new Int32Array(w * h);
  let count = 0;
  const limit = darkLimit(img) * f * f;
  const src = img.pixels;
  const W = img.width;
  for (let y = 0; y < h; y++) {
    if (f === 2) {
      // A 200-dpi page's blocks, spelled out (the same sums).
      for (let x = 0, r = 2 * y * W; x < w; x++, r += 2)
        if (src[r]! + src[r + 1]! + src[r + W]! + src[r + W + 1]! < limit) {
          xs[count] = x;
          ys[count++] = y;
        }
      continue;
    }
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let dy = 0; dy < f; dy++) {
        const row = (y * f + dy) * img.width + x * f;
        for (let dx = 0; dx < f; dx++) s += src[row + dx]!;
      }
      if (s < limit) {
        xs[count] = x;
        ys[count++] = y;
      }
    }
  }
  return { xs, ys, count };
}

/** Rotates the image by -angle about its centre (so lines of slope tan(angle) become level), white outside. */
export function rotate(img: Grey, angle: number): Grey {
  if (Math.abs(angle) < (0.02 * Math.PI) / 180) return img;
  const { width: w, height: h, pixels: src } = img;
  const out = new Uint8Array(w * h);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const cx = w / 2;
  const cy = h / 2;
  for (let y = 0; y < h; y++) {
    const dy = y - cy;
    // source = c + R(angle)·(p − c)
    let sx = cx - cx * cos - dy * sin;
    let sy = cy - cx * sin + dy * cos;
    const o = y * w;
    for (let x = 0; x < w; x++, sx += cos, sy += sin) {
      // Outside the page (a negative coordinate, or past its last pixel but one): white. Inside, `| 0` is the floor.
      if (sx < 0 || sy < 0 || sx >= w - 1 || sy >= h - 1) {
        out[o + x] = 255;
        continue;
      }
      const x0 = sx | 0;
      const y0 = sy | 0;
      const fx = sx - x0;
      const fy = sy - y0;
      const i = y0 * w + x0;
      const top = src[i]! + (src[i + 1]! - src[i]!) * fx;
      const bottom = src[i + w]! + (src[i + w + 1]! - src[i + w]!) * fx;
      out[o + x] = (top + (bottom - top) * fy + 0.5) | 0;
    }
  }
  return { width: w, height: h, pixels: out };
}

/** Grey level below which a pixel is ink: `share` of the way from the page's dark ink to its paper (a thin rule drawn anti-aliased is mid-grey). */
export function darkLimit(img: Grey, share = 0.5): number {
  const { ink, paper } = inkAndPaper(img);
  return Math.max(ink + 1, Math.min(215, ink + (paper - ink) * share));
}

/** The page's ink and paper grey levels: its 1st and 60th percentiles (most of a page is paper). */
export function inkAndPaper(img: Grey): { ink: number; paper: number } {
  const hist = new Uint32Array(256);
  const p = img.pixels;
  for (let i = 0; i < p.length; i += 7) hist[p[i]!]!++;
  const total = hist.reduce((a, b) => a + b, 0);
  let acc = 0;
  let ink = 0;
  let inkSet = false;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (!inkSet && acc >= total * 0.01) {
      ink = v;
      inkSet = true;
    }
    if (acc >= total * 0.6) return { ink, paper: v };
  }
  return { ink, paper: 255 };
}

/**
 * A page photographed rather than scanned is lit unevenly: its paper runs
 * from white in the middle to mid-grey in the corners, so one grey limit for
 * ink is too dark for some of the page and too light for the rest, and the
 * skew search sees the dark corners rather than the text. The paper's level
 * is taken per block (its brightest tenth, then the brightest of the blocks
 * around it, so that a block full of text or a table still finds its paper)
 * and every pixel is divided by it. A page whose paper is even (any scan) is
 * returned as it is.
 */
export function evenLight(img: Grey): Grey {
  const { width: w, height: h, pixels: p } = img;
  const size = Math.max(16, Math.round(Math.max(w, h) / 48));
  const gw = Math.ceil(w / size);
  const gh = Math.ceil(h / size);
  const level = blockLevels(img, size, gw, gh);
  const paper = new Float64Array(gw * gh);
  for (let by = 0; by < gh; by++) {
    for (let bx = 0; bx < gw; bx++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++)
        for (let dx = -1; dx <= 1; dx++) {
          const y = by + dy;
          const x = bx + dx;
          if (y >= 0 && y < gh && x >= 0 && x < gw) m = Math.max(m, level[y * gw + x]!);
        }
      paper[by * gw + bx] = Math.max(1, m);
    }
  }
  const sorted = [...paper].sort((a, b) => a - b);
  // Even paper: no more than 20 grey levels between the darkest and lightest twentieth of the blocks.
  if (sorted[Math.floor(sorted.length * 0.95)]! - sorted[Math.floor(sorted.length * 0.05)]! <= 20) return img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    // Bilinear between block centres.
    const gy = Math.min(gh - 1, Math.max(0, (y + 0.5) / size - 0.5));
    const y0 = Math.floor(gy);
    const y1 = Math.min(gh - 1, y0 + 1);
    const fy = gy - y0;
    for (let x = 0; x < w; x++) {
      const gx = Math.min(gw - 1, Math.max(0, (x + 0.5) / size - 0.5));
      const x0 = Math.floor(gx);
      const x1 = Math.min(gw - 1, x0 + 1);
      const fx = gx - x0;
      const top = paper[y0 * gw + x0]! + (paper[y0 * gw + x1]! - paper[y0 * gw + x0]!) * fx;
      const bottom = paper[y1 * gw + x0]! + (paper[y1 * gw + x1]! - paper[y1 * gw + x0]!) * fx;
      const bg = top + (bottom - top) * fy;
      out[y * w + x] = Math.min(255, Math.round((p[y * w + x]! * 255) / bg));
    }
  }
  return { width: w, height: h, pixels: out };
}

/** Each block's paper level: the grey its brightest tenth reaches. */
function blockLevels(img: Grey, size: number, gw: number, gh: number): Float64Array {
  const { width: w, height: h, pixels: p } = img;
  const level = new Float64Array(gw * gh);
  // One histogram per block of a row of blocks, filled row by row of pixels (memory in order).
  const hists = new Uint32Array(gw * 256);
  for (let by = 0; by < gh; by++) {
    hists.fill(0);
    const ya = by * size;
    const yb = Math.min(h, ya + size);
    for (let y = ya; y < yb; y++) {
      const o = y * w;
      for (let bx = 0, x = 0; bx < gw; bx++) {
        const xb = Math.min(w, x + size);
        const base = bx * 256;
        for (; x < xb; x++) hists[base + p[o + x]!]!++;
      }
    }
    for (let bx = 0; bx < gw; bx++) {
      const n = (yb - ya) * (Math.min(w, (bx + 1) * size) - bx * size);
      const base = bx * 256;
      let acc = 0;
      let v = 255;
      while (v > 0 && (acc += hists[base + v]!) < n * 0.1) v--;
      level[by * gw + bx] = v;
    }
  }
  return level;
}
