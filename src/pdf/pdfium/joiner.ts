// pdf.js's getTextContent state machine (pdf.worker's buildTextContentItem,
// compareWithLastPosition, addFakeSpaces, flushTextContentItem), kept in user
// space: its thresholds are ems of the item's font scaled to the page, and
// positions are the glyphs' own (PDFium has applied the spacing and kerning).
import type { Matrix } from '../display.ts';
import type { Glyph, TextObjectInfo } from './types.ts';
import { normalizeUnicode } from './unicode.ts';

/** An item as pdf.js's text content gives it: str, transform (of its first glyph, font size in), width. */
export interface RawItem {
  str: string;
  transform: Matrix;
  width: number;
  height: number;
  font: string;
}

/** FPDFFont_GetBaseFontName gives a font's name without its subset tag */
const SUBSET_STRIPPED = true;
const TRACKING_SPACE = 0.102;
const NOT_A_SPACE = 0.03;
const NEGATIVE_SPACE = -0.2;
const SPACE_IN_FLOW_MIN = 0.102;
const SPACE_IN_FLOW_MAX = 0.6;
const VERTICAL_SHIFT = 0.25;

interface Item {
  initialized: boolean;
  str: string[];
  transform: Matrix;
  width: number;
  totalWidth: number;
  height: number;
  font: string;
  /** the thresholds in user space, set when the item starts and kept after it ends */
  trackingMin: number;
  notASpace: number;
  negativeMax: number;
  inFlowMin: number;
  inFlowMax: number;
}

export class Joiner {
  readonly items: RawItem[] = [];
  private item: Item = {
    initialized: false,
    str: [],
    transform: [1, 0, 0, 1, 0, 0],
    width: 0,
    totalWidth: 0,
    height: 0,
    font: '',
    trackingMin: Infinity,
    notASpace: -Infinity,
    negativeMax: -Infinity,
    inFlowMin: Infinity,
    inFlowMax: -Infinity,
  };
  /** the transform where the last glyph ended */
  private prev: Matrix | null = null;
  private last = [' ', ' '];
  private lastPos = 0;
  /** the font state at the last flush for a font change (pdf.js's currentTextState) */
  private current: { size: number; fontId: number; fontName: string } | null = null;
  private font = '';
  private barrier = -1;
  /** the text matrix's scale at the item's start (pdf.js's textAdvanceScale) */
  private scale = 1;

  /** A new text object: a marked-content or XObject boundary, or a change of font size or name, ends the item. */
  startRun(info: TextObjectInfo | undefined, size: number): void {
    const fontId = info?.fontId ?? 0;
    const fontName = info?.fontName ?? '';
    const barrier = info?.barrier ?? this.barrier;
    if (barrier !== this.barrier) {
      if (this.barrier !== -1) this.flush();
      this.barrier = barrier;
    }
    const cur = this.current;
    if (!cur) this.current = { size, fontId, fontName };
    // pdf.js compares the fonts' names with their subset tags (ABCDEF+SimSun); PDFium gives them without, so two
    // font objects are two fonts (a subset's tag is its own).
    else if (cur.size !== size || (cur.fontId !== fontId && (cur.fontName !== fontName || SUBSET_STRIPPED))) {
      this.flush();
      this.current = { size, fontId, fontName };
    }
    this.font = `f${fontId}`;
  }

  saveLastChar(ch: string): boolean {
    const next = (this.lastPos + 1) % 2;
    const ret = this.last[this.lastPos] !== ' ' && this.last[next] === ' ';
    this.last[this.lastPos] = ch;
    this.lastPos = next;
    return ret;
  }

  private shouldAddWhitespace(): boolean {
    return this.last[this.lastPos] !== ' ' && this.last[(this.lastPos + 1) % 2] === ' ';
  }

  private resetLastChars(): void {
    this.last = [' ', ' '];
    this.lastPos = 0;
  }

  /** pdf.js's compareWithLastPosition for horizontal text: before the glyph is added. */
  compare(g: Glyph): void {
    const prev = this.prev;
    if (!prev) return;
    if (Math.abs(prev[4] - g.x) < 1e-4 && Math.abs(prev[5] - g.y) < 1e-4) return;
    const [advanceX, advanceY] = along(g.m, g.x - prev[4], g.y - prev[5]);
    const it = this.item;
    const dir = Math.sign(it.width || it.totalWidth);
    if (advanceX < dir * it.negativeMax) {
      if (Math.abs(advanceY) > 0.5 * it.height) this.endOfLine();
      else {
        this.resetLastChars();
        this.flush();
      }
      return;
    }
    if (Math.abs(advanceY) > it.height) return this.endOfLine();
    if (advanceX <= dir * it.notASpace) this.resetLastChars();
    if (advanceX <= dir * it.trackingMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(advanceX), prev);
      } else it.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, prev, dir)) {
      if (it.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(advanceX), prev);
      } else it.width += advanceX;
    }
    if (Math.abs(advanceY) > it.height * VERTICAL_SHIFT) this.flush();
  }

  /** The glyph into the current item (started at it if none), `dim` its advance (0 for a diacritic). */
  add(g: Glyph, dim: number): void {
    const it = this.ensure(g);
    it.width += dim;
    if (dim) {
      const scale = Math.hypot(g.m[0], g.m[1]) || 1;
      this.prev = trm(g, g.x + (dim * g.m[0]) / scale, g.y + (dim * g.m[1]) / scale);
    }
    if (this.saveLastChar(g.ch)) it.str.push(' ');
    it.str.push(g.ch);
  }

  private ensure(g: Glyph): Item {
    const it = this.item;
    if (it.initialized) return it;
    it.font = this.font;
    it.transform = trm(g, g.x, g.y);
    it.width = it.totalWidth = 0;
    it.height = Math.hypot(it.transform[2], it.transform[3]);
    const em = g.size * Math.hypot(g.m[0], g.m[1]);
    it.trackingMin = em * TRACKING_SPACE;
    it.notASpace = em * NOT_A_SPACE;
    it.negativeMax = em * NEGATIVE_SPACE;
    it.inFlowMin = em * SPACE_IN_FLOW_MIN;
    it.inFlowMax = em * SPACE_IN_FLOW_MAX;
    this.scale = Math.hypot(g.m[0], g.m[1]) || 1;
    it.initialized = true;
    return it;
  }

  private addFakeSpaces(width: number, prev: Matrix, dir: number): boolean {
    const it = this.item;
    if (dir * it.inFlowMin <= width && width <= dir * it.inFlowMax) {
      if (it.initialized) {
        this.resetLastChars();
        it.str.push(' ');
      }
      return false;
    }
    const font = it.font;
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(width), prev, font);
    return true;
  }

  /** A space item; pdf.js gives its width in text space (the move divided by the text matrix's scale). */
  private pushWhitespace(width: number, transform: Matrix, font = this.item.font): void {
    this.items.push({ str: ' ', width: width / this.scale, height: 0, transform, font });
  }

  private endOfLine(): void {
    this.resetLastChars();
    if (this.item.initialized) this.flush();
  }

  flush(): void {
    const it = this.item;
    if (!it.initialized) return;
    it.totalWidth += it.width;
    const str = normalizeUnicode(it.str.join(''));
    this.items.push({ str, width: Math.abs(it.totalWidth), height: it.height, transform: it.transform, font: it.font });
    it.initialized = false;
    it.str = [];
  }
}

/** The glyph's text rendering matrix at (x, y): font size in, as pdf.js's getCurrentTextTransform. */
function trm(g: Glyph, x: number, y: number): Matrix {
  const [a, b, c, d] = g.m;
  return [g.size * a, g.size * b, g.size * c, g.size * d, x, y];
}

/** A move (dx, dy) along and across the text's direction, as pdf.js turns it by the glyph's matrix. */
function along(m: Matrix, dx: number, dy: number): [number, number] {
  const [a, b, c, d] = m;
  if (a && b === 0 && c === 0) return a > 0 ? [dx, dy] : [-dx, -dy];
  if (b && a === 0 && d === 0) return b > 0 ? [dy, dx] : [-dy, -dx];
  const scale = Math.hypot(a, b) || 1;
  return [(a * dx + b * dy) / scale, (c * dx + d * dy) / scale];
}
