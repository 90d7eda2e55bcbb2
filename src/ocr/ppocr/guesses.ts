// A figure's characters the recogniser was unsure of: of its two guesses, the
// one a figure's grammar allows, and a point past the figure not taken. A
// scan's specks and soft edges make a recogniser waver between ≥ and 2
// (≥8个 read 28个), . and : (720.30 read 720:30), 个 and ↑ (8↑); it is sure of
// what is printed plainly. A figure read wrong is worse than one not read, so
// only the second guess is ever taken, never a character it did not see.
import { isCjk } from '../../text/cjk.ts';
import { matchUnitAt } from '../../vocab/units.ts';
import type { OcrLine } from '../types.ts';
import type { ReadChar } from './rec.ts';

/** Below this the recogniser wavered (a printed sign, point or unit reads sure). */
const UNSURE = 0.95;
const SIGN = /^[≥≤<>＞＜]$/;
const DIGIT = /^[0-9]$/;
const POINT = /^[.,:：，。]$/;
const LEAD_POINT = /^[.,:;'`，、。·：；]$/;
const TAIL_POINT = /^[.'`·]$/;

const unsure = (c: ReadChar | undefined) => c !== undefined && c.prob < UNSURE;
const retold = (c: ReadChar, ch: string): ReadChar => ({ ...c, ch });

/**
 * One cell's characters (spaces at its ends already trimmed or not) with its figure's
 * unsure characters settled: a first digit whose second guess is a bound's sign (≥8个,
 * not 28个), a colon between digits whose second guess is the decimal point, a mark after
 * a digit whose second guess begins a unit (8个, not 8↑); a point after the last digit or
 * % that the recogniser was unsure of, its other guess nothing, is dropped (20. 314.90. 100%. — a speck or the edge
 * of the digit; no figure ends in a point), and one between a figure and its unit whose other guess
 * was nothing at all, however sure (12000.人次: no figure is printed so).
 */
export function settleFigure(cell: ReadChar[]): ReadChar[] {
  const out = withoutStrayPoints(cell);
  let end = out.length;
  while (end > 0 && out[end - 1]!.ch.trim() === '') end--;
  const last = out[end - 1];
  if (last && /^[.:]$/.test(last.ch) && unsure(last) && last.alt === '' && /^[0-9%％]$/.test(out[end - 2]?.ch ?? ''))
    out.splice(end - 1, 1);
  for (let i = 0; i < out.length; i++) {
    const [c, prev, next] = [out[i]!, out[i - 1], out[i + 1]];
    if (POINT.test(c.ch) && c.alt === '' && DIGIT.test(prev?.ch ?? '') && unitEnds(out, i)) {
      out.splice(i--, 1);
      continue;
    }
    if (!unsure(c) || !c.alt) continue;
    const first = !prev || prev.ch.trim() === '';
    if (DIGIT.test(c.ch) && first && SIGN.test(c.alt) && DIGIT.test(next?.ch ?? '')) out[i] = retold(c, c.alt);
    else if (/[:：]/.test(c.ch) && c.alt === '.' && DIGIT.test(prev?.ch ?? '') && DIGIT.test(next?.ch ?? ''))
      out[i] = retold(c, '.');
    else if (afterFigure(out, i) && !POINT.test(c.ch) && !DIGIT.test(next?.ch ?? '') && unitAt(out, i, c.alt))
      out[i] = unitAt(out, i, c.ch) ? c : retold(c, c.alt);
  }
  return out;
}

/**
 * A point the recogniser was unsure of at a cell's start before a Chinese character (.机关事业单位…,
 * ，服务对象满意度指标: no line starts with a point), or — its other guess nothing at all — before
 * a figure (.20: no figure is printed so for 0.20, and a decimal point is read sure) or at its end
 * after a Chinese character (住房公积金.): a speck beside the text. A comma or semicolon ending a
 * line of prose stays, and a point whose other guess is a character (。) too.
 */
function withoutStrayPoints(cell: ReadChar[]): ReadChar[] {
  const ink = cell.filter((c) => c.ch.trim() !== '');
  const [first, second] = [ink[0], ink[1]];
  const [last, before] = [ink[ink.length - 1], ink[ink.length - 2]];
  const stray = (c: ReadChar | undefined, next: ReadChar | undefined, lead: boolean) =>
    c !== undefined &&
    unsure(c) &&
    (lead ? LEAD_POINT : TAIL_POINT).test(c.ch) &&
    ((isCjk(next?.ch) && (lead || c.alt === '')) || (lead && c.alt === '' && DIGIT.test(next?.ch ?? '')));
  return cell.filter((c) => !(c === first && stray(c, second, true)) && !(c === last && stray(c, before, false)));
}

/** The character follows a figure's last digit (a space between allowed). */
function afterFigure(chars: ReadChar[], i: number): boolean {
  let j = i - 1;
  while (j >= 0 && chars[j]!.ch === ' ') j--;
  return j >= 0 && DIGIT.test(chars[j]!.ch) && !DIGIT.test(chars[i]!.ch);
}

/** After character i the cell holds a unit and nothing more (12000.人次, not a list's 2.项目资金…). */
function unitEnds(chars: ReadChar[], i: number): boolean {
  const rest = chars
    .slice(i + 1)
    .map((c) => c.ch)
    .join('')
    .trim();
  return rest !== '' && matchUnitAt(rest)?.length === rest.length;
}

/** A unit starts at character i when it reads `ch`. */
function unitAt(chars: ReadChar[], i: number, ch: string): boolean {
  const rest =
    ch +
    chars
      .slice(i + 1)
      .map((c) => c.ch)
      .join('');
  return matchUnitAt(rest) !== null;
}

/** A line this many times the page's usual height. */
const TALL = 1.8;
const FIGURE = /^[≥≤<>＞＜]?[-−+]?[0-9][0-9.,]*\s*([^0-9\s]{0,4})$/;

/**
 * Lines that are a figure alone (314.90, 12 人次) read from a box far taller than the page's
 * lines: the detector joined rows through something drawn across them (a seal's strokes), and
 * the recogniser, reading them squeezed to its height, loses what is small — a decimal point
 * (314.90 read 31490). Such a figure is not read.
 */
export function withoutTallFigures(lines: OcrLine[]): OcrLine[] {
  const heights = lines.map((l) => l.bbox.y1 - l.bbox.y0).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)] ?? 0;
  return lines.filter((l) => {
    if (l.bbox.y1 - l.bbox.y0 <= TALL * usual) return true;
    const m = FIGURE.exec(
      l.words
        .map((w) => w.text)
        .join('')
        .trim(),
    );
    return !m || (m[1] !== '' && matchUnitAt(m[1]!)?.length !== m[1]!.length);
  });
}
