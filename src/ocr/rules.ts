// Ruling lines of a scanned page, from the (deskewed) image: long horizontal
// and vertical runs of ink, a few pixels thick. Glyph strokes are shorter
// than the shortest rule; a seal is red and has faded in the grey image; a
// filled area or a photograph is too thick to be a rule; a short vertical
// that meets no horizontal rule is not a table border. The rules' pixels are
// painted white afterwards, so that text boxes do not take a border in as a
// character ("|100") and neighbouring cells do not merge into one box.
import { darkLimit, inkAndPaper, type Grey } from './image.ts';

/** A rule in image pixels: horizontal (y0 === y1) or vertical (x0 === x1), with its thickness. */
export interface PixelRule {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  thickness: number;
}

interface Run {
  a: number;
  b: number;
  /** first and last row (horizontal) or column (vertical) */
  from: number;
  to: number;
}

/**
 * Finds the page's rules. `pointsPerPixel` sets the physical limits: a rule
 * is at least 50 pt long (horizontal) or 30 pt (vertical) and at most 3 pt thick.
 */
export function findRules(img: Grey, pixelsPerPoint: number, options: { erase?: boolean } = {}): PixelRule[] {
  const limit = darkLimit(img, 2 / 3);
  const maxThick = Math.max(2, Math.round(3 * pixelsPerPoint));
  const gap = Math.max(1, Math.round(0.8 * pixelsPerPoint));
  const contrast = inkAndPaper(img);
  // Faint: a rule's ink, over three lines, stands this far above the paper around it.
  const faint = 0.2 * (contrast.paper - contrast.ink);
  const find = (horizontal: boolean, minLength: number) => {
    // Along columns, the image transposed: rows are read in memory order (a column's pixels are a row apart).
    const { dark, faint: ridge } = collect(
      horizontal ? img : transpose(img),
      { limit, faint },
      minLength,
      gap,
      maxThick,
    );
    return mergeCollinear(
      [...dark, ...ridge].map((r) =>
        horizontal ? r : { x0: r.y0, y0: r.x0, x1: r.y1, y1: r.x1, thickness: r.thickness },
      ),
      horizontal,
      Math.max(4, gap * 4),
      Math.max(2, Math.round(1.5 * pixelsPerPoint)),
    );
  };
  const hs = find(true, Math.round(50 * pixelsPerPoint));
  const vs = find(false, Math.round(CELL_BORDER * pixelsPerPoint));
  const tol = Math.round(4 * pixelsPerPoint);
  const meets = (h: PixelRule, v: PixelRule) =>
    v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol && h.y0 <= v.y1 + tol;
  // A vertical border meets a horizontal one; a horizontal rule without verticals is kept when long (three-line tables).
  const verticals = vs.filter(
    (v) => (v.y1 - v.y0 >= 30 * pixelsPerPoint && hs.some((h) => meets(h, v))) || spansCell(v, hs, pixelsPerPoint),
  );
  const horizontals = hs.filter((h) => h.x1 - h.x0 >= 120 * pixelsPerPoint || verticals.some((v) => meets(h, v)));
  const rules = [...horizontals, ...verticals];
  if (options.erase) for (const r of rules) erase(img, r);
  return rules;
}

/** A vertical this long (pt) is a border when it runs from one horizontal rule to the next: one row's cell border. */
export const CELL_BORDER = 10;

/**
 * A short vertical that starts on one horizontal rule and ends on another, within 2 pt at
 * both ends: the border between two cells of a row that the rows around it do not share
 * (科目编码 | 科目名称 over a 合计 row merged across both). A glyph's stroke stands inside
 * its cell's padding and touches neither rule.
 */
export function spansCell(v: PixelRule, hs: PixelRule[], pixelsPerPoint: number): boolean {
  const tol = 2 * pixelsPerPoint;
  const on = (y: number) => hs.some((h) => Math.abs(h.y0 - y) <= tol && v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol);
  return on(v.y0) && on(v.y1);
}

/**
 * Long runs of ink along rows, merged across neighbouring rows into
 * (horizontal) rules — twice, in one pass over the image: `dark`, where ink is
 * a pixel darker than `limit`, and `faint`, where it is also a ridge: three
 * rows together darker, by `faint`, than the rows two beyond them either side
 * (the edge of a fill light enough not to be ink is no ridge; a darker fill is
 * ink, too thick for a rule). A thin grey rule scanned askew is a staircase;
 * deskewed, it is level but its ink moves between two or three neighbouring
 * rows, below the limit in none of them — read row by row it falls apart into
 * pieces shorter than any rule. Vertical rules: the same on the image transposed.
 */
function collect(
  img: Grey,
  ink: { limit: number; faint: number },
  minLength: number,
  gap: number,
  maxThick: number,
): { dark: PixelRule[]; faint: PixelRule[] } {
  const dark = tracker();
  const faint = tracker();
  for (let l = 0; l < img.height; l++) {
    const runs = inkRuns(img, ink, l, minLength, gap);
    dark.add(runs.dark, l);
    faint.add(runs.faint, l);
  }
  return { dark: toRules(dark.end(), maxThick, false), faint: toRules(faint.end(), maxThick, true) };
}

/** Runs of successive rows joined where they overlap: a run continues an open one that ended on the row above. */
function tracker() {
  let open: Run[] = [];
  const done: Run[] = [];
  return {
    add(runs: [number, number][], l: number): void {
      const next: Run[] = [];
      for (const [a, b] of runs) {
        const hit = open.find((o) => o.to === l - 1 && o.a < b && a < o.b);
        if (hit) {
          hit.a = Math.min(hit.a, a);
          hit.b = Math.max(hit.b, b);
          hit.to = l;
          if (!next.includes(hit)) next.push(hit);
        } else next.push({ a, b, from: l, to: l });
      }
      for (const o of open) if (!next.includes(o)) done.push(o);
      open = next;
    },
    end(): Run[] {
      return [...done, ...open];
    },
  };
}

function toRules(done: Run[], maxThick: number, ridge: boolean): PixelRule[] {
  const out: PixelRule[] = [];
  for (const r of done) {
    // A ridge shows on the row either side of the ink too.
    const thickness = ridge ? Math.max(1, r.to - r.from - 1) : r.to - r.from + 1;
    if (thickness > maxThick) continue;
    const mid = (r.from + r.to) / 2;
    out.push({ x0: r.a, y0: mid, x1: r.b, y1: mid, thickness });
  }
  return out;
}

/** The image turned about its diagonal: column x becomes row x. */
export function transpose(img: Grey): Grey {
  const { width: w, height: h, pixels: p } = img;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    const o = y * w;
    for (let x = 0; x < w; x++) out[x * h + y] = p[o + x]!;
  }
  return { width: h, height: w, pixels: out };
}

/**
 * The runs of ink at least `minLength` long along row `l`, gaps of up to `gap`
 * bridged: of dark pixels, and of dark pixels or ridges (see collect).
 */
function inkRuns(
  img: Grey,
  ink: { limit: number; faint: number },
  l: number,
  minLength: number,
  gap: number,
): { dark: [number, number][]; faint: [number, number][] } {
  const { width: w, height: h, pixels: p } = img;
  const { limit, faint } = ink;
  const dark: [number, number][] = [];
  const ridge: [number, number][] = [];
  let start = -1;
  let last = -1;
  let rStart = -1;
  let rLast = -1;
  let i = l * w;
  // the ridge's rows: l-1…l+1 against l-3 and l+3 (clamped at the edges)
  const up = l >= 1 ? -w : 0;
  const down = l + 1 < h ? w : 0;
  const far0 = l >= 3 ? -3 * w : up;
  const far1 = l + 3 < h ? 3 * w : down;
  for (let t = 0; t < w; t++, i++) {
    const isDark = p[i]! < limit;
    if (isDark) {
      if (start < 0) start = t;
      else if (t - last > gap + 1) {
        if (last - start + 1 >= minLength) dark.push([start, last]);
        start = t;
      }
      last = t;
    }
    if (
      isDark ||
      (faint > 0 && 765 - p[i + up]! - p[i]! - p[i + down]! - 1.5 * (510 - p[i + far0]! - p[i + far1]!) >= faint)
    ) {
      if (rStart < 0) rStart = t;
      else if (t - rLast > gap + 1) {
        if (rLast - rStart + 1 >= minLength) ridge.push([rStart, rLast]);
        rStart = t;
      }
      rLast = t;
    }
  }
  if (start >= 0 && last - start + 1 >= minLength) dark.push([start, last]);
  if (rStart >= 0 && rLast - rStart + 1 >= minLength) ridge.push([rStart, rLast]);
  return { dark, faint: ridge };
}

/**
 * Pieces of one rule broken by a light spot (noise, a faded seal) become one,
 * and so do rules within `near` pixels of each other across (a double border,
 * or the shade beside a scanned rule): one border between two cells.
 */
export function mergeCollinear(rules: PixelRule[], horizontal: boolean, gap: number, near: number): PixelRule[] {
  // A merge can bring two pieces merged before within reach of each other: again until none is left.
  let out = mergePass(rules, horizontal, gap, near);
  for (let n = rules.length; out.length < n;) {
    n = out.length;
    out = mergePass(out, horizontal, gap, near);
  }
  return out;
}

function mergePass(rules: PixelRule[], horizontal: boolean, gap: number, near: number): PixelRule[] {
  const pos = (r: PixelRule) => (horizontal ? r.y0 : r.x0);
  const start = (r: PixelRule) => (horizontal ? r.x0 : r.y0);
  const end = (r: PixelRule) => (horizontal ? r.x1 : r.y1);
  const sorted = [...rules].sort((a, b) => pos(a) - pos(b) || start(a) - start(b));
  const out: PixelRule[] = [];
  for (const r of sorted) {
    const prev = out.find(
      (o) => Math.abs(pos(o) - pos(r)) <= near && start(r) <= end(o) + gap && start(o) <= end(r) + gap,
    );
    if (!prev) {
      out.push({ ...r });
      continue;
    }
    // The longer piece says where the merged rule lies.
    if (end(r) - start(r) > end(prev) - start(prev)) {
      if (horizontal) prev.y0 = prev.y1 = r.y0;
      else prev.x0 = prev.x1 = r.x0;
    }
    if (horizontal) {
      prev.x0 = Math.min(prev.x0, r.x0);
      prev.x1 = Math.max(prev.x1, r.x1);
    } else {
      prev.y0 = Math.min(prev.y0, r.y0);
      prev.y1 = Math.max(prev.y1, r.y1);
    }
    prev.thickness = Math.max(prev.thickness, r.thickness);
  }
  return out;
}

/**
 * Paints a rule's band, two pixels either side, in the paper beside it: the rule's grey
 * fringe left standing is read as 丨 or 「 by the recogniser, and a band painted white
 * through a shaded cell would be a line of its own.
 */
export function erase(img: Grey, r: PixelRule): void {
  const half = Math.ceil(r.thickness / 2) + 2;
  const p = img.pixels;
  const w = img.width;
  const horizontal = r.y0 === r.y1;
  const across0 = Math.max(1, Math.floor((horizontal ? r.y0 : r.x0) - half));
  const across1 = Math.min((horizontal ? img.height : w) - 2, Math.ceil((horizontal ? r.y0 : r.x0) + half));
  const [from, to] = horizontal
    ? [Math.max(0, r.x0), Math.min(w - 1, r.x1)]
    : [Math.max(0, r.y0), Math.min(img.height - 1, r.y1)];
  const at = (along: number, across: number) => (horizontal ? across * w + along : along * w + across);
  for (let t = from; t <= to; t++) {
    const paper = Math.max(p[at(t, across0 - 1)]!, p[at(t, across1 + 1)]!);
    for (let c = across0; c <= across1; c++) if (p[at(t, c)]! < paper) p[at(t, c)] = paper;
  }
}
