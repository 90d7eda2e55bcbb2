// The routine as it was before the change for issue #26 (speed), kept to test that the faster one gives the same
// output: its two passes over the image, row by row and column by column.
import { darkLimit, inkAndPaper, type Grey } from '../../../src/ocr/image.ts';
// What the speed work left as it was (what is kept as a rule, merging, painting out) is the routine's own.
import { CELL_BORDER, erase, mergeCollinear, spansCell } from '../../../src/ocr/rules.ts';

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
  const find = (horizontal: boolean, minLength: number) =>
    mergeCollinear(
      [
        ...collect(img, { limit }, horizontal, minLength, gap, maxThick),
        ...collect(img, { limit, faint }, horizontal, minLength, gap, maxThick),
      ],
      horizontal,
      Math.max(4, gap * 4),
      Math.max(2, Math.round(1.5 * pixelsPerPoint)),
    );
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

/**
 * Long runs of ink along rows (horizontal) or columns, merged across
 * neighbouring rows into rules. Ink is either a pixel darker than `limit`, or
 * also (`faint`) a ridge: three lines together darker, by `faint`, than the
 * lines two beyond them either side (the edge of a fill light enough not to
 * be ink is no ridge; a darker fill is ink, too thick for a rule). A thin grey
 * rule scanned askew is a staircase; deskewed, it is level but its ink moves
 * between two or three neighbouring lines, below the limit in none of them —
 * read line by line it falls apart into pieces shorter than any rule.
 */
function collect(
  img: Grey,
  ink: { limit: number; faint?: number },
  horizontal: boolean,
  minLength: number,
  gap: number,
  maxThick: number,
): PixelRule[] {
  const lines = horizontal ? img.height : img.width;
  let open: Run[] = [];
  const done: Run[] = [];
  for (let l = 0; l < lines; l++) {
    const runs = inkRuns(img, ink, horizontal, l, minLength, gap);
    // Continue the open runs that overlap a run of this line.
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
  }
  done.push(...open);
  const out: PixelRule[] = [];
  for (const r of done) {
    // A ridge shows on the line either side of the ink too.
    const thickness = ink.faint === undefined ? r.to - r.from + 1 : Math.max(1, r.to - r.from - 1);
    if (thickness > maxThick) continue;
    const mid = (r.from + r.to) / 2;
    out.push(
      horizontal
        ? { x0: r.a, y0: mid, x1: r.b, y1: mid, thickness }
        : { x0: mid, y0: r.a, x1: mid, y1: r.b, thickness },
    );
  }
  return out;
}

/** The runs of ink at least `minLength` long along line `l` (a row, or a column), gaps of up to `gap` bridged. */
function inkRuns(
  img: Grey,
  ink: { limit: number; faint?: number },
  horizontal: boolean,
  l: number,
  minLength: number,
  gap: number,
): [number, number][] {
  const { width: w, height: h, pixels: p } = img;
  const { limit, faint = -1 } = ink;
  const lines = horizontal ? h : w;
  const along = horizontal ? w : h;
  const stepAlong = horizontal ? 1 : w;
  const stepAcross = horizontal ? w : 1;
  const runs: [number, number][] = [];
  let start = -1;
  let last = -1;
  let i = l * stepAcross;
  // the ridge's lines: l-1…l+1 against l-3 and l+3 (clamped at the edges)
  const up = l >= 1 ? -stepAcross : 0;
  const down = l + 1 < lines ? stepAcross : 0;
  const far0 = l >= 3 ? -3 * stepAcross : up;
  const far1 = l + 3 < lines ? 3 * stepAcross : down;
  for (let t = 0; t < along; t++, i += stepAlong) {
    const inked =
      p[i]! < limit ||
      (faint > 0 && 765 - p[i + up]! - p[i]! - p[i + down]! - 1.5 * (510 - p[i + far0]! - p[i + far1]!) >= faint);
    if (inked) {
      if (start < 0) start = t;
      else if (t - last > gap + 1) {
        if (last - start + 1 >= minLength) runs.push([start, last]);
        start = t;
      }
      last = t;
    }
  }
  if (start >= 0 && last - start + 1 >= minLength) runs.push([start, last]);
  return runs;
}
