// A PDFium path object read as the rules pass wants a path: its segments in
// pdf.js's packing, how it is painted, its colours, and the box of its clip.
import { boxOf, meet, type Rect } from '../boxes.ts';
import type { Matrix } from '../display.ts';
import type { Pdfium, Scratch } from './module.ts';

const LINETO = 0;
const BEZIERTO = 1;
const MOVETO = 2;
// pdf.js's DrawOPS
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const CLOSE = 4;

/** The path's segments as pdf.js packs them (moveTo 0, lineTo 1, curveTo 2, closePath 4), in the object's own space. */
export function pathData(m: Pdfium, s: Scratch, obj: number): number[] {
  const data: number[] = [];
  const curve: number[] = [];
  const n = m._FPDFPath_CountSegments(obj);
  for (let i = 0; i < n; i++) {
    const seg = m._FPDFPath_GetPathSegment(obj, i);
    if (!seg || !m._FPDFPathSegment_GetPoint(seg, s.at(0), s.at(4))) return data;
    const [x, y] = [s.f32(0), s.f32(1)];
    const type = m._FPDFPathSegment_GetType(seg);
    if (type === MOVETO) data.push(MOVE, x, y);
    else if (type === LINETO) data.push(LINE, x, y);
    else if (type === BEZIERTO) {
      curve.push(x, y);
      if (curve.length === 6) data.push(CURVE, ...curve.splice(0));
    } else return data;
    if (curve.length === 0 && m._FPDFPathSegment_GetClose(seg)) data.push(CLOSE);
  }
  return data;
}

/** Stroked, filled or both. */
export function drawModeOf(m: Pdfium, s: Scratch, obj: number): { stroke: boolean; fill: boolean } {
  if (!m._FPDFPath_GetDrawMode(obj, s.at(0), s.at(4))) return { stroke: false, fill: false };
  return { fill: s.u32(0) !== 0, stroke: s.u32(1) !== 0 };
}

/**
 * paintsRules (rule-paths.ts) of a path, from its colours as numbers: a colour PDFium cannot say (a pattern) is
 * not white.
 */
export function paintedRules(m: Pdfium, s: Scratch, obj: number, paint: { stroke: boolean; fill: boolean }) {
  const white = (ok: number) => ok !== 0 && [0, 1, 2].every((i) => s.u32(i) >= 0xf0 && s.u32(i) <= 0xff);
  const stroke = paint.stroke && !white(m._FPDFPageObj_GetStrokeColor(obj, s.at(0), s.at(4), s.at(8), s.at(12)));
  const fill = paint.fill && !stroke && !white(m._FPDFPageObj_GetFillColor(obj, s.at(0), s.at(4), s.at(8), s.at(12)));
  return { stroke, fill };
}

/** The box of the object's clip (every clip path met), in the shown page; null when it has none. `space` maps the clip's points there. */
export function clipOf(m: Pdfium, s: Scratch, obj: number, space: Matrix): Rect | null {
  const clip = m._FPDFPageObj_GetClipPath(obj);
  if (!clip) return null;
  let box: Rect | null = null;
  const paths = m._FPDFClipPath_CountPaths(clip);
  for (let p = 0; p < paths; p++) {
    const pts: [number, number][] = [];
    const n = m._FPDFClipPath_CountPathSegments(clip, p);
    for (let i = 0; i < n; i++) {
      const seg = m._FPDFClipPath_GetPathSegment(clip, p, i);
      if (seg && m._FPDFPathSegment_GetPoint(seg, s.at(0), s.at(4))) pts.push([s.f32(0), s.f32(1)]);
    }
    // A clip path that cannot be read leaves the clip as it was: nothing is hidden without evidence.
    if (pts.length > 0) box = meet(box, boxOf(space, pts));
  }
  return box;
}

/**
 * clipOf for the objects of one loaded page, each clip's box worked out once: most objects of a page share a few
 * clips. A clip is known by where PDFium keeps each of its paths' points (the first point's address: a path's
 * points are shared, not copied, between the objects it clips, and stay put while the page is loaded), so an
 * object costs four calls, not four for every point of its clip.
 */
export function clipReader(m: Pdfium, s: Scratch, space: Matrix): (obj: number) => Rect | null {
  const boxes = new Map<number | string, Rect | null>();
  return (obj) => {
    const clip = m._FPDFPageObj_GetClipPath(obj);
    if (!clip) return null;
    const paths = m._FPDFClipPath_CountPaths(clip);
    let key: number | string = paths === 1 ? m._FPDFClipPath_GetPathSegment(clip, 0, 0) : '';
    for (let p = 0; paths !== 1 && p < paths; p++) key += `${m._FPDFClipPath_GetPathSegment(clip, p, 0)},`;
    // A path without points (0) is no path to know a clip by.
    if (key === 0 || (typeof key === 'string' && /(^|,)0,/.test(key))) return clipOf(m, s, obj, space);
    let box = boxes.get(key);
    if (box === undefined) boxes.set(key, (box = clipOf(m, s, obj, space)));
    return box;
  };
}
