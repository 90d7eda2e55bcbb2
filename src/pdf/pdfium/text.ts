// A page's text items from PDFium's characters, joined into items the way
// pdf.js's getTextContent joins glyphs (its evaluator's rules and thresholds:
// a new item where the font's size or name changes, at a marked-content or
// XObject boundary, at a move back or to another line; a gap of 0.102–0.6 em
// is a space inside the item, a wider one a space item of its own; glyphs
// outside the visible box are left out). The same items, so that layout,
// tables and facts read the same text with the same boxes from either engine.
import { multiply } from '../display.ts';
import { itemText } from '../text.ts';
import type { PageText, TextItem } from '../types.ts';
import type { PdfiumPage } from './page.ts';
import { glyphsOf } from './glyphs.ts';
import { glyphsInDrawingOrder, textObjectsOf } from './objects.ts';
import type { Glyph, TextObjectInfo } from './types.ts';
import { Joiner, type RawItem } from './joiner.ts';
import { memoized } from '../../util/memo.ts';

/** The page's text items; null when PDFium could map a glyph to no character but a control code (pdf.js may know its name). */
export function readText(page: PdfiumPage): PageText | null {
  const objects = textObjectsOf(page);
  const glyphs = glyphsOf(page);
  if (glyphs.some((g) => kindOf(g.ch) & UNMAPPED_CHAR)) return null;
  const raw = joinGlyphs(glyphsInDrawingOrder(page), objects, page.view);
  const display = page.display.matrix;
  const items: TextItem[] = [];
  for (const r of raw) {
    if (r.str.length === 0) continue;
    const [a, b, c, d, e, f] = multiply(r.transform, display);
    const size = Math.hypot(c, d) || Math.hypot(a, b) || r.height;
    const x = a < 0 && Math.abs(a) > Math.abs(b) ? e - r.width : e;
    items.push({ str: itemText(r.str, r.width, size), x, y: f, width: r.width, size, font: r.font });
  }
  return {
    number: page.number,
    width: page.display.width,
    height: page.display.height,
    items,
    method: 'text',
    ocrConfidence: null,
  };
}

/** C0 and C1 controls but the white ones: what PDFium gives for a code its font's maps do not name */
const UNMAPPED = /^[\u0000-\u0008\u000e-\u001f\u007f-\u009f]$/u;
const WHITESPACE = /^\s+$/u;
const DIACRITIC = /^\p{Mn}+$/u;
const FORMAT_MARK = /^\p{Cf}+$/u;

const UNMAPPED_CHAR = 1;
const WHITESPACE_CHAR = 2;
const DIACRITIC_CHAR = 4;
const FORMAT_CHAR = 8;

/** Which of the classes above a character is in: the patterns run once per character, not per glyph. */
const classify = (ch: string) =>
  (UNMAPPED.test(ch) ? UNMAPPED_CHAR : 0) |
  (WHITESPACE.test(ch) ? WHITESPACE_CHAR : 0) |
  (DIACRITIC.test(ch) ? DIACRITIC_CHAR : 0) |
  (FORMAT_MARK.test(ch) ? FORMAT_CHAR : 0);
const kindKept = memoized(classify);
/** A character of one UTF-16 unit's classes, by its code (NOT_KNOWN until asked): a glyph's, without hashing a string. */
const NOT_KNOWN = 0xff;
const unitKinds = new Uint8Array(0x10000).fill(NOT_KNOWN);

function kindOf(ch: string): number {
  if (ch.length !== 1) return kindKept(ch);
  const code = ch.charCodeAt(0);
  let kind = unitKinds[code]!;
  if (kind === NOT_KNOWN) unitKinds[code] = kind = classify(ch);
  return kind;
}

/** pdf.js's getTextContent joining, over PDFium's glyphs (see the file's head). */
export function joinGlyphs(glyphs: Glyph[], objects: Map<number, TextObjectInfo>, view: readonly number[]): RawItem[] {
  const j = new Joiner();
  let lastObj = -1;
  for (const g of glyphs) {
    if (g.obj !== lastObj) {
      const info = objects.get(g.obj);
      j.startRun(info, g.size);
      lastObj = g.obj;
    }
    const kind = kindOf(g.ch);
    if (kind & FORMAT_CHAR) continue;
    if (kind & WHITESPACE_CHAR) {
      j.saveLastChar(' ');
      continue;
    }
    const diacritic = (kind & DIACRITIC_CHAR) !== 0;
    if (!diacritic && !inView(g, view)) continue;
    if (!diacritic) j.compare(g);
    j.add(g, diacritic ? 0 : g.advance);
  }
  j.flush();
  return j.items;
}

function inView(g: Glyph, view: readonly number[]): boolean {
  return !(g.x + g.advance < view[0]! || g.x > view[2]! || g.y < view[1]! || g.y > view[3]!);
}
