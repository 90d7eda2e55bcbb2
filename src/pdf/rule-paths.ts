// What makes a painted path a ruling line, whichever engine read the path:
// horizontal and vertical strokes, and thin filled rectangles (Word draws
// table borders as filled rectangles, WPS and LibreOffice as stroked lines),
// cut to the clip in force, in the shown page's points. A path comes as
// pdf.js packs it: moveTo 0 (x y), lineTo 1 (x y), curveTo 2 (6 numbers),
// quadraticCurveTo 3 (4 numbers), closePath 4, in user space under ctm.
import type { Rect } from './boxes.ts';
import { apply, type Matrix, type Point } from './display.ts';
import type { Segment } from './types.ts';

const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;
/** A filled rectangle thinner than this (points) is a rule, not a shaded area. */
const THIN = 2.5;
/** The longest edge off the axes a filled rule may have: a mitred corner of a band THIN thick. */
const MITRE = THIN * Math.SQRT2;
/** Shorter strokes are glyph-like marks (ticks, bullets), not rules. */
const MIN_LENGTH = 4;
/** Slope tolerance: how far off axis (points) a rule may be. */
const SKEW = 0.5;

/** The colours in force, as `#rrggbb`; '' for a pattern. */
export interface Paint {
  fill: string;
  stroke: string;
}

/**
 * Whether a path painted so may draw a rule a reader sees: stroked, or else filled, in no white. White on the white
 * page is no line a reader sees (a report system paints its cell grid white where it is not shown).
 */
export function paintsRules(
  paint: { stroke: boolean; fill: boolean },
  colours: Paint,
): { stroke: boolean; fill: boolean } {
  const stroke = paint.stroke && !isWhite(colours.stroke);
  return { stroke, fill: paint.fill && !isWhite(colours.fill) && !stroke };
}

/**
 * Adds the rules a painted path draws to `out`. `clip` may be asked for only when the path draws a rule (an engine
 * that reads it call by call: most paths of a page of tables draw none).
 */
export function addPathRules(
  out: Segment[],
  paint: { stroke: boolean; fill: boolean },
  data: ArrayLike<number>,
  ctm: Matrix,
  clip: Rect | null | (() => Rect | null),
  colours: Paint,
): void {
  addPaintedRules(out, paintsRules(paint, colours), data, ctm, clip);
}

/** addPathRules for a path whose paint paintsRules has judged already. */
export function addPaintedRules(
  out: Segment[],
  { stroke, fill }: { stroke: boolean; fill: boolean },
  data: ArrayLike<number>,
  ctm: Matrix,
  clip: Rect | null | (() => Rect | null),
): void {
  if (!stroke && !fill) return;
  const found: Segment[] = [];
  for (const poly of polylines(data)) {
    const pts = poly.map(([x, y]) => apply(ctm, x, y));
    if (stroke) for (let k = 1; k < pts.length; k++) addSegment(found, pts[k - 1]!, pts[k]!);
    else addThinRect(found, pts);
  }
  if (found.length === 0) return;
  const box = typeof clip === 'function' ? clip() : clip;
  for (const seg of found) {
    const cut = box ? cutTo(seg, box) : seg;
    if (cut) out.push(cut);
  }
}

/** #rrggbb at or above 0xF0 in each channel: the paper's colour. A pattern ('') is not white. */
function isWhite(colour: string): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return !!m && m.slice(1).every((h) => parseInt(h, 16) >= 0xf0);
}

/** The part of an axis-aligned rule inside the clip (give or take a rule's thickness), or null when too little is left. */
function cutTo(seg: Segment, clip: Rect): Segment | null {
  const [x0, y0, x1, y1] = [clip[0] - THIN, clip[1] - THIN, clip[2] + THIN, clip[3] + THIN];
  const cut = {
    x0: Math.max(seg.x0, x0),
    y0: Math.max(seg.y0, y0),
    x1: Math.min(seg.x1, x1),
    y1: Math.min(seg.y1, y1),
  };
  // A horizontal rule keeps its y (and a vertical its x) only inside the clip's band.
  if (seg.y0 === seg.y1 ? seg.y0 < y0 || seg.y0 > y1 : seg.x0 < x0 || seg.x0 > x1) return null;
  if (seg.y0 === seg.y1) cut.y0 = cut.y1 = seg.y0;
  else cut.x0 = cut.x1 = seg.x0;
  return Math.max(cut.x1 - cut.x0, cut.y1 - cut.y0) >= MIN_LENGTH ? cut : null;
}

/** The straight subpaths of a path; a curve ends one. */
function polylines(data: ArrayLike<number>): Point[][] {
  const out: Point[][] = [];
  let cur: Point[] = [];
  const end = () => {
    if (cur.length > 1) out.push(cur);
    cur = [];
  };
  for (let i = 0; i < data.length;) {
    const op = data[i++];
    if (op === MOVE) {
      end();
      cur = [[data[i]!, data[i + 1]!]];
      i += 2;
    } else if (op === LINE) {
      cur.push([data[i]!, data[i + 1]!]);
      i += 2;
    } else if (op === CURVE) {
      end();
      cur = [[data[i + 4]!, data[i + 5]!]];
      i += 6;
    } else if (op === QUAD) {
      end();
      cur = [[data[i + 2]!, data[i + 3]!]];
      i += 4;
    } else if (op === CLOSE) {
      const first = cur[0];
      if (cur.length > 1 && first) cur.push(first);
      const start = first;
      end();
      if (start) cur = [start];
    } else break; // unknown op: the rest cannot be decoded
  }
  end();
  return out;
}

function addSegment(out: Segment[], [x0, y0]: Point, [x1, y1]: Point): void {
  const dx = Math.abs(x1 - x0);
  const dy = Math.abs(y1 - y0);
  if (dy <= SKEW && dx >= MIN_LENGTH) {
    const y = (y0 + y1) / 2;
    out.push({ x0: Math.min(x0, x1), y0: y, x1: Math.max(x0, x1), y1: y });
  } else if (dx <= SKEW && dy >= MIN_LENGTH) {
    const x = (x0 + x1) / 2;
    out.push({ x0: x, y0: Math.min(y0, y1), x1: x, y1: Math.max(y0, y1) });
  }
}

/**
 * A filled axis-aligned rectangle that is long and thin is a rule along its long side. Its corners
 * may be mitred (spreadsheet exports draw each border as a band whose ends are cut at 45° where
 * borders meet): an edge off the axes is allowed where it is no longer than a rule is thick.
 */
function addThinRect(out: Segment[], pts: Point[]): void {
  if (pts.length < 3) return;
  // Only rectangles: every edge on an axis, or a corner's short cut.
  for (let k = 1; k < pts.length; k++) {
    const [ax, ay] = pts[k - 1]!;
    const [bx, by] = pts[k]!;
    if (Math.abs(ax - bx) > SKEW && Math.abs(ay - by) > SKEW && Math.hypot(ax - bx, ay - by) > MITRE) return;
  }
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  const w = x1 - x0;
  const h = y1 - y0;
  if (h <= THIN && w >= MIN_LENGTH && w > h) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
  else if (w <= THIN && h >= MIN_LENGTH && h > w) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
}
