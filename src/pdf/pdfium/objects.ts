// A page's objects as PDFium parsed them (text, paths, images, forms with
// their contents), walked in drawing order with the transform of the forms
// around them: the ruling lines of the paths, the text objects' runs with
// whether their clip shows them, and for the text joiner each text object's
// font and the boundaries pdf.js ends an item at (marked content, XObjects).
import { boxOf, visible, type Rect } from '../boxes.ts';
import { multiply, type Matrix } from '../display.ts';
import type { PageGraphics } from '../engine.ts';
import type { TextRun } from '../hidden.ts';
import { pageImage, type PageImage } from '../page-images.ts';
import { addPaintedRules } from '../rule-paths.ts';
import type { Segment } from '../types.ts';
import type { PdfiumPage } from './page.ts';
import type { Pdfium, Scratch } from './module.ts';
import { clipReader, clipOf, drawModeOf, paintedRules, pathData } from './paths.ts';
import { glyphsOf } from './glyphs.ts';
import type { Glyph, TextObjectInfo, Visit } from './types.ts';

const TEXT = 1;
const PATH = 2;
const IMAGE = 3;
const FORM = 5;
/** How far PDFium's form objects are followed into each other. */
const MAX_DEPTH = 32;

/**
 * Every object of the page in drawing order, forms' contents after the form: listed once per page (the text's
 * readers and the rules' each walk them; a page of tables has tens of thousands).
 */
function walk(page: PdfiumPage, visit: (v: Visit) => void): void {
  for (const v of (page.memo.visits ??= listObjects(page))) visit(v);
}

function listObjects({ m, handle, scratch: s }: PdfiumPage): Visit[] {
  const visits: Visit[] = [];
  const into = (count: number, get: (i: number) => number, parent: Matrix, depth: number) => {
    for (let i = 0; i < count; i++) {
      const obj = get(i);
      if (!obj) continue;
      const type = m._FPDFPageObj_GetType(obj);
      visits.push({ obj, type, parent });
      if (type === FORM && depth < MAX_DEPTH) {
        const inner = multiply(matrixOf(m, s, obj), parent);
        into(m._FPDFFormObj_CountObjects(obj), (k) => m._FPDFFormObj_GetObject(obj, k), inner, depth + 1);
        visits.push({ obj, type: -FORM, parent });
      }
    }
  };
  into(m._FPDFPage_CountObjects(handle), (i) => m._FPDFPage_GetObject(handle, i), [1, 0, 0, 1, 0, 0], 0);
  return visits;
}

function matrixOf(m: Pdfium, s: Scratch, obj: number): Matrix {
  if (!m._FPDFPageObj_GetMatrix(obj, s.ptr)) return [1, 0, 0, 1, 0, 0];
  return [s.f32(0), s.f32(1), s.f32(2), s.f32(3), s.f32(4), s.f32(5)];
}

/** Each text object's font and barrier, for the joiner. */
export function textObjectsOf(page: PdfiumPage): Map<number, TextObjectInfo> {
  return (page.memo.objects ??= readTextObjects(page));
}

function readTextObjects(page: PdfiumPage): Map<number, TextObjectInfo> {
  const { m } = page;
  const out = new Map<number, TextObjectInfo>();
  const names = new Map<number, string>();
  let barrier = 0;
  let marks = '';
  walk(page, ({ obj, type }) => {
    if (type === IMAGE || type === FORM || type === -FORM) {
      barrier++;
      if (type === -FORM) return;
    }
    const key = marksOf(m, obj);
    if (key !== marks) {
      barrier++;
      marks = key;
    }
    if (type !== TEXT) return;
    const font = m._FPDFTextObj_GetFont(obj);
    let name = names.get(font);
    if (name === undefined) names.set(font, (name = fontName(m, font)));
    const embedded = font !== 0 && m._FPDFFont_GetIsEmbedded(font) !== 0;
    out.set(obj, { fontId: font, fontName: name, barrier, order: out.size, embedded });
  });
  return out;
}

function marksOf(m: Pdfium, obj: number): string {
  const n = m._FPDFPageObj_CountMarks(obj);
  let key = '';
  for (let i = 0; i < n; i++) key += `${m._FPDFPageObj_GetMark(obj, i)},`;
  return key;
}

function fontName(m: Pdfium, font: number): string {
  if (!font) return '';
  const len = m._FPDFFont_GetBaseFontName(font, 0, 0);
  if (len <= 0 || len > 4096) return '';
  const buf = m._malloc(len);
  try {
    m._FPDFFont_GetBaseFontName(font, buf, len);
    return Buffer.from(m.HEAPU8.subarray(buf, buf + len - 1)).toString('latin1');
  } finally {
    m._free(buf);
  }
}

/** The page's ruling lines and text runs, in the shown page. */
export function readGraphics(page: PdfiumPage): PageGraphics {
  const { m, scratch: s, display } = page;
  const rules: Segment[] = [];
  const texts = new Set<number>();
  // PDFium keeps clip paths in the page's user space, inside forms too (test/pdf/engines.test.ts)
  const space = display.matrix;
  const clipBoxes = clipReader(m, s, space);
  walk(page, ({ obj, type, parent }) => {
    if (type === TEXT) texts.add(obj);
    if (type !== PATH) return;
    // A page of tables has tens of thousands of paths, most painting nothing a rule is made of: those are asked
    // for no more (their points, matrix and clip are read only for a path that may draw a rule).
    const paint = drawModeOf(m, s, obj);
    if (!paint.stroke && !paint.fill) return;
    const painted = paintedRules(m, s, obj, paint);
    if (!painted.stroke && !painted.fill) return;
    const ctm = multiply(multiply(matrixOf(m, s, obj), parent), display.matrix);
    addPaintedRules(rules, painted, pathData(m, s, obj), ctm, () => clipBoxes(obj));
  });
  // A text object's clip, read for those with glyphs only (the walk's: what it does not reach has none)
  const clipOfText = (obj: number) => (texts.has(obj) ? clipBoxes(obj) : null);
  return { rules, runs: runsOf(glyphsInDrawingOrder(page), clipOfText, display.matrix) };
}

/** The page's image objects (forms' too): each one's unit square under its matrix, cut to its clip, in the shown page. */
export function readImages(page: PdfiumPage): PageImage[] {
  const { m, scratch: s, display } = page;
  const images: PageImage[] = [];
  walk(page, ({ obj, type, parent }) => {
    if (type !== IMAGE) return;
    const ctm = multiply(multiply(matrixOf(m, s, obj), parent), display.matrix);
    // the pixel size is the image dictionary's /Width and /Height: nothing is decoded
    const sized = m._FPDFImageObj_GetImagePixelSize(obj, s.at(0), s.at(4)) !== 0;
    const [w, h] = sized ? [s.u32(0), s.u32(1)] : [0, 0];
    images.push(pageImage(ctm, clipOf(m, s, obj, display.matrix), w, h));
  });
  return images;
}

/** One run per text object, as pdf.js's showText: its glyphs' text, start, em box and visibility. */
function runsOf(glyphs: Glyph[], clipOfText: (obj: number) => Rect | null, display: Matrix): TextRun[] {
  const runs: TextRun[] = [];
  for (let i = 0; i < glyphs.length;) {
    const first = glyphs[i]!;
    let k = i;
    let text = '';
    while (k < glyphs.length && glyphs[k]!.obj === first.obj) text += glyphs[k++]!.ch;
    const last = glyphs[k - 1]!;
    i = k;
    const [a, b, c, d] = first.m;
    const scale = Math.hypot(a, b) || 1;
    const advance = ((last.x - first.x) * a + (last.y - first.y) * b) / scale / scale + last.advance / scale;
    // the run in text space from its first origin, under Tm × CTM, then shown
    const m = multiply([a, b, c, d, first.x, first.y], display);
    const size = first.size;
    const box = boxOf(m, [
      [0, -0.12 * size],
      [advance, 0.88 * size],
    ]);
    const clip = clipOfText(first.obj);
    const em = size * Math.hypot(m[2], m[3]);
    runs.push({
      text: text.replace(/\s+/g, ''),
      x: m[4],
      y: m[5],
      box,
      shown: clip === null || visible(box, clip, em),
    });
  }
  return runs;
}

/** inDrawingOrder of the page's glyphs, sorted once for its text and its rules. */
export function glyphsInDrawingOrder(page: PdfiumPage): Glyph[] {
  return (page.memo.ordered ??= inDrawingOrder(glyphsOf(page), textObjectsOf(page)));
}

/**
 * The glyphs in the order the content draws them, as pdf.js reads them: PDFium's text page moves a
 * text object drawn after another on its line to before it when it stands to its left.
 */
export function inDrawingOrder(glyphs: Glyph[], objects: Map<number, TextObjectInfo>): Glyph[] {
  const order = (g: Glyph) => objects.get(g.obj)?.order ?? -1;
  return glyphs
    .map((g, i) => ({ g, i, o: order(g) }))
    .sort((a, b) => a.o - b.o || a.i - b.i)
    .map((x) => x.g);
}

/** CJK (from the radicals up) drawn in a font the file does not carry: PDFium-WASM has no system fonts to draw it with. */
export function drawsUnembeddedCjk(page: PdfiumPage): boolean {
  const objects = textObjectsOf(page);
  if ([...objects.values()].every((o) => o.embedded)) return false;
  return glyphsOf(page).some((g) => g.ch >= '\u2e80' && objects.get(g.obj)?.embedded === false);
}
