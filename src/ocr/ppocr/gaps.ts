// Where a read box holds more than one cell: the blank columns of the page
// image under it. The detector joins neighbouring cells of a table without
// rules into one box (实施周期指标值 年度指标值) when they stand less than a
// few characters apart, and the recogniser reads the blank between them as
// characters that are not there (年度资金总额页·占比). The characters' places
// from the recogniser are too rough to measure a gap of one character; the
// ink is not. Chinese is set solid, so a blank as wide as a character inside
// one cell only follows or precedes full-width punctuation (，。、：；（）…),
// whose ink sits on one side of its em.
import { isHeaderWord, startsWithWholeHeaderWord } from '../../vocab/header-words.ts';
import { matchUnitAt } from '../../vocab/units.ts';
import type { Grey } from '../image.ts';
import { settleFigure } from './guesses.ts';
import type { ReadChar } from './rec.ts';

/**
 * A blank this wide, in line heights, parts two cells: between two characters of one word
 * Chinese leaves a tenth of an em or so, inside a glyph (八, 川) a third.
 */
const CELL_GAP = 0.55;
/**
 * After a number a narrower blank parts two cells: a spreadsheet sets a number right and the
 * next column's text left, a cell's padding apart (3560.80 | 一、一般公共服务支出; 10 | 97.62%,
 * never 1097.62%; a 科目编码 and its name). Inside one cell a number is followed by its unit
 * (4998.20 万元) or a date's 年/月/日, spaced wider in justified prose: never cut there.
 */
const NUMBER_GAP = 0.4;
const NUMBER_END = /[0-9%％]$/;
/** Between two words that each name a column by themselves (全年预算数 | 全年执行数), a narrower one still. */
const HEADER_GAP = 0.3;
/** What follows a number in its own cell besides a unit: a date's 年月日, 余/多 (120余人), 以上/以内 … */
const NUMBER_WORD = /^(?:[年月日时号余多个]|以[上下内]|左右)/;
/**
 * The recogniser reads characters from the blank between two cells (页·, a trailing ．):
 * a character it was unsure of, standing in or within this many line heights of a
 * stretch without ink, is one of those. Digits and letters are never dropped: a number
 * cut short is worse than a stray mark, and their ink is never faint.
 */
const PHANTOM_REACH = 0.2;
const PHANTOM_BELOW = 0.95;
const KEPT = /[0-9A-Za-z%\s]/;
/** Below this the recogniser guessed: a digit past an amount's two decimals is not taken. */
const UNSURE = 0.6;
/** A sign read below this is not taken (a printed minus reads sure). */
const UNSURE_SIGN = 0.95;

const HALF_POINT = /^[.,:;]$/;

export interface Blank {
  x0: number;
  x1: number;
}

/** Punctuation: the blank beside it belongs to its em (the recogniser gives a full-width （ as "(" too). */
const PUNCTUATION = /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·()[\]{}:;,.!?、]/;

/**
 * The stretches without ink of the band y0…y1 across the box, at its ends too, at least
 * HEADER_GAP line heights wide. Ink is a pixel darker than `limit` with a neighbour as
 * dark: a scanner's lone speck does not close a gap.
 */
export function blanks(img: Grey, x0: number, x1: number, y0: number, y1: number, limit: number): Blank[] {
  const { width: w, pixels: p } = img;
  const a = Math.max(1, Math.floor(x0));
  const b = Math.min(w - 2, Math.ceil(x1));
  const top = Math.max(1, y0);
  const bottom = Math.min(img.height - 2, y1);
  const dark = (i: number) => p[i]! < limit;
  const inked: boolean[] = [];
  for (let x = a; x <= b; x++) {
    let ink = false;
    for (let y = top; y <= bottom && !ink; y++) {
      const i = y * w + x;
      ink = dark(i) && (dark(i - 1) || dark(i + 1) || dark(i - w) || dark(i + w));
    }
    inked.push(ink);
  }
  return runs(inked, a, HEADER_GAP * (y1 - y0 + 1));
}

/** Stretches of columns where `filled` is false, at least `min` wide. */
function runs(filled: boolean[], a: number, min: number): Blank[] {
  const out: Blank[] = [];
  let start = -1;
  for (let i = 0; i <= filled.length; i++) {
    if (i < filled.length && !filled[i]) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= min) out.push({ x0: a + start, x1: a + i - 1 });
    start = -1;
  }
  return out;
}

/**
 * The box's characters in cells: cut at each blank that stands between two characters
 * neither of which is punctuation, wide enough for what stands either side; characters
 * read from a blank dropped.
 */
export function cutAtBlanks(chars: ReadChar[], gaps: Blank[], h: number): ReadChar[][] {
  const r = PHANTOM_REACH * h;
  // Punctuation stands beside a blank by nature, its ink on one side of its em and its place read
  // over the other: only one read well inside a blank is not there.
  const wide = gaps.filter((g) => g.x1 - g.x0 + 1 >= NUMBER_GAP * h);
  const reach = (c: ReadChar) => (PUNCTUATION.test(c.ch) ? -1.5 * r : r);
  // Punctuation read well inside a blank is not there however sure the recogniser is: it has no ink.
  // A half-width point's ink sits at its place: one read where the image has none is a speck's or nothing's.
  // Only at the box's end (20. 总分.): a decimal point printed faint stands in a blank too (91.67 read 9167 is the
  // worst misreading), and so does a list marker's full-width ． read as a point, its ink at the left of its em (2．配置…).
  const inkless = (c: ReadChar, i: number) =>
    HALF_POINT.test(c.ch) &&
    chars.slice(i + 1).every((o) => o.ch.trim() === '') &&
    gaps.some((g) => c.x >= g.x0 && c.x <= g.x1);
  const phantom = (c: ReadChar, i: number) =>
    unsureTail(chars, i) ||
    (unsureTail(chars, i, false) && gaps.some((g) => c.x >= g.x0 && c.x <= g.x1)) ||
    inkless(c, i) ||
    (!KEPT.test(c.ch) &&
      (PUNCTUATION.test(c.ch) || c.prob < PHANTOM_BELOW) &&
      ((wide.some((g) => c.x > g.x0 - reach(c) && c.x < g.x1 + reach(c)) && !againstFigure(chars, i, gaps)) ||
        unsureSign(chars, i)));
  const real = chars.filter((c, i) => !phantom(c, i));
  const groups: ReadChar[][] = [];
  let cur: ReadChar[] = [];
  let prev: ReadChar | null = null;
  for (const [i, c] of real.entries()) {
    if (c.ch.trim() === '') {
      cur.push(c);
      continue;
    }
    if (prev && !PUNCTUATION.test(prev.ch) && !PUNCTUATION.test(c.ch)) {
      const mid = (g: Blank) => (g.x0 + g.x1) / 2;
      // A character read inside the stretch is faint ink (一 scanned light), not a blank.
      const holds = (g: Blank) => real.some((o) => o.ch.trim() !== '' && o.x > g.x0 + r && o.x < g.x1 - r);
      // The widest blank between them: a narrow one beside it (a third of a line) must not hide it.
      const gap = gaps
        .filter((g) => mid(g) > prev!.x && mid(g) < c.x && !holds(g))
        .reduce<Blank | undefined>((w, g) => (w && w.x1 - w.x0 >= g.x1 - g.x0 ? w : g), undefined);
      if (gap && gap.x1 - gap.x0 + 1 >= minGap(cur, real.slice(i), h, spaceIn(real, gap))) {
        groups.push(cur);
        cur = [];
      }
    }
    cur.push(c);
    prev = c;
  }
  groups.push(cur);
  return unspaced(groups.map(settleFigure).filter((g) => g.some((c) => c.ch.trim() !== '')));
}

/** Whether the recogniser read a space inside the blank: it saw the blank too. */
const spaceIn = (chars: ReadChar[], g: Blank) => chars.some((c) => c.ch === ' ' && c.x >= g.x0 && c.x <= g.x1);

/**
 * A character read unsure at a blank's edge with a digit beside it and no blank between them
 * (值 read from a seal's stroke over the 1 of 120.20): its ink may be the figure's, so it is
 * kept and the cell is not read as a figure, rather than dropped leaving a figure cut short
 * (20.20). Punctuation is not such a character.
 */
function againstFigure(chars: ReadChar[], i: number, gaps: Blank[]): boolean {
  const c = chars[i]!;
  if (PUNCTUATION.test(c.ch)) return false;
  const beside = [chars[i - 1], chars[i + 1]].filter((n): n is ReadChar => n !== undefined && /[0-9]/.test(n.ch));
  return beside.some((n) => {
    const [lo, hi] = [Math.min(c.x, n.x), Math.max(c.x, n.x)];
    return !gaps.some((g) => g.x1 > lo && g.x0 < hi);
  });
}

/**
 * A minus or plus sign before a number that the recogniser was unsure of is a speck or a
 * rule's remains before the cell's figure (-314.90 for 314.90): a sign misread turns a
 * figure into another, so an unsure one is not taken. A printed sign reads sure.
 */
function unsureSign(chars: ReadChar[], i: number): boolean {
  const c = chars[i]!;
  return (
    c.prob < UNSURE_SIGN &&
    /[-−+]/.test(c.ch) &&
    (i === 0 || chars[i - 1]!.ch.trim() === '') &&
    /[0-9]/.test(chars[i + 1]?.ch ?? '')
  );
}

/**
 * An amount is written to two decimals (1879.20): a third the recogniser was unsure of, at
 * the box's end, is read past the figure's ink (1879.201), not printed. Without `amount`,
 * any last digit read unsure after another (30 and a seal's stroke read 2: 302); the caller
 * asks then that it stand where the image has no ink.
 */
function unsureTail(chars: ReadChar[], i: number, amount = true): boolean {
  const c = chars[i]!;
  if (c.prob >= UNSURE || !/[0-9]/.test(c.ch) || chars.slice(i + 1).some((o) => o.ch.trim() !== '')) return false;
  return (amount ? /[0-9][.,][0-9]{2}$/ : /[0-9]$/).test(
    chars
      .slice(0, i)
      .map((o) => o.ch)
      .join('')
      .trim(),
  );
}

/** The blank that parts the characters before from those after: narrower after an amount not followed by its unit. */
function minGap(before: ReadChar[], after: ReadChar[], h: number, spaced: boolean): number {
  const left = before
    .map((c) => c.ch)
    .join('')
    .trim();
  const right = after
    .map((c) => c.ch)
    .join('')
    .trim();
  // Two column names of the genre side by side (全年预算数 全年执行数 分值, a 三线表's header set a third of
  // an em apart): no header cell holds two of them.
  if (isHeaderWord(left) && startsWithWholeHeaderWord(right)) return HEADER_GAP * h;
  const numberEnd = NUMBER_END.test(left) || endsInUnit(left);
  if (numberEnd && (matchUnitAt(right) || NUMBER_WORD.test(right))) return CELL_GAP * h;
  // A blank the recogniser read as a space too parts two cells a little narrower apart (全年预算数 | 数, the
  // second line of the next column's wrapped header, half an em away): inside one cell, Chinese set solid
  // gives the recogniser no space to read.
  return (numberEnd || spaced ? NUMBER_GAP : CELL_GAP) * h;
}

/** A figure and its unit end the text (12000人次, 385 元): a cell's end as much as a bare number's. */
function endsInUnit(text: string): boolean {
  const m = /[0-9]\s?([^0-9\s]{1,4})$/.exec(text);
  return m !== null && matchUnitAt(m[1]!)?.length === m[1]!.length;
}

/** Letter-spaced words (项  目  名  称, a form's 分散对齐) are one cell: runs of one-character pieces joined again. */
function unspaced(groups: ReadChar[][]): ReadChar[][] {
  const single = (g: ReadChar[]) => g.filter((c) => c.ch.trim() !== '').length === 1;
  const out: { chars: ReadChar[]; spaced: boolean }[] = [];
  for (const g of groups) {
    const last = out[out.length - 1];
    if (last?.spaced && single(g)) last.chars.push(...g);
    else out.push({ chars: [...g], spaced: single(g) });
  }
  return out.map((o) => o.chars);
}
