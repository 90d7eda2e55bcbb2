// Lines → paragraphs. A paragraph that wraps over lines or pages is joined
// back: "新设市场主体 13967" + "家" and "3、财" + "务股" come back whole.
import { joinLines } from '../text/cjk.ts';
import { matchMarker } from '../text/markers.ts';
import { weightedMode } from '../util/stats.ts';
import { ANNEX_LINE } from '../vocab/covers.ts';
import type { Layout, Line, Para, Span } from './types.ts';

const TERMINAL = /[。！？；：:;!?]$/;

interface Margins {
  left: number;
  right: number;
}

type Box = [number, number, number, number];

/** `tables`: by page, the boxes of the tables taken out of its text (a paragraph does not run on across one). */
export function buildParagraphs(lines: Line[], tables: ReadonlyMap<number, readonly Box[]> = new Map()): Layout {
  const body = lines.filter((l) => l.role === 'body');
  const bodySize = weightedMode(
    body.map((l) => [Math.round(l.size * 2) / 2, l.text.length] as const),
    12,
  );
  // No body text: no font is the body's ('' is no font's name).
  const bodyFont = weightedMode(
    body.map((l) => [l.font, l.text.length] as const),
    '',
  );
  const margins = pageMargins(body);
  const pitch = typicalPitch(body);

  const paragraphs: Para[] = [];
  let current: Para | null = null;
  let prev: Line | null = null;
  for (const line of lines) {
    if (line.role !== 'body') {
      paragraphs.push(startPara(line, false));
      continue;
    }
    const m = margins.get(line.page) ?? { left: line.x0, right: line.x1 };
    const indented = line.x0 > m.left + 0.8 * line.size;
    if (
      current &&
      prev &&
      !tableBetween(prev, line, tables) &&
      continues(prev, line, margins, pitch, bodySize, indented && !hangs(current, prev, line, margins), current)
    ) {
      appendLine(current, line);
    } else {
      current = startPara(line, indented);
      paragraphs.push(current);
    }
    prev = line;
  }
  return { paragraphs, margins, bodySize, bodyFont };
}

function continues(
  prev: Line,
  line: Line,
  margins: Map<number, Margins>,
  pitch: number,
  bodySize: number,
  indented: boolean,
  current: Para,
): boolean {
  const prevIsFirst = current.lines.length === 1;
  const sameSize = Math.abs(prev.size - line.size) <= 0.15 * Math.max(prev.size, line.size);
  if (!sameSize) return false;
  // 附件 5 atop a cover is a line of its own, whatever size a scan's boxes give it and the title under it.
  if (ANNEX_LINE.test(prev.text.trim())) return false;
  const pm = margins.get(prev.page) ?? { left: prev.x0, right: prev.x1 };
  if (prev.page === line.page) {
    const gap = prev.y - line.y;
    if (gap <= 0) return false;
    // A title set in a larger size over several centred lines is one paragraph.
    if (line.size >= 1.2 * bodySize && gap <= 2.5 * line.size) return !TERMINAL.test(prev.text);
    if (gap > 1.7 * Math.max(pitch, 1.2 * line.size)) return false;
  } else if (line.page !== prev.page + 1) {
    return false;
  }
  if (indented) return false;
  // A sentence that ends at the line end, or a lead-in ending in a colon
  // ("现将自评情况报告如下："), followed by a numbered line, is a new item.
  const marked = matchMarker(line.text);
  if (/[。！？!?：:]$/.test(prev.text) && marked !== null) return false;
  // A heading line followed by a line opening with a heading marker: two
  // headings ("第三部分：2023 年度部门决算表" over "一、收入决算表"), whatever the margins say.
  if (
    marked !== null &&
    !marked.family.listProne &&
    prevIsFirst &&
    prev.text.length <= 40 &&
    matchMarker(prev.text) !== null
  )
    return false;
  const full = prev.x1 >= pm.right - 1.5 * prev.size;
  if (full) return true;
  // A line can end early when the next word is a long number or Latin word —
  // one that would not have fitted in the room left. Where it would have fitted
  // (a centred heading "一、收入支出决算总体情况说明" over "2023 年度…"), the line ended there.
  const word = /^[0-9A-Za-z.,%·-]+/.exec(line.text)?.[0];
  if (word === undefined || TERMINAL.test(prev.text)) return false;
  const room = pm.right - prev.x1;
  return room < 8 * prev.size && room < (word.length * 0.6 + 1) * line.size;
}

/**
 * A numbered paragraph set with a hanging indent (Word's automatic numbering):
 * its lines after the first start under its words, right of where its marker
 * stood, all at one place — not a new paragraph for being indented. The first
 * such line, under a marker set at the margin, could as well open a paragraph
 * indented as usual: it runs on only where the line before ends mid-sentence.
 */
function hangs(current: Para, prev: Line, line: Line, margins: Map<number, Margins>): boolean {
  const first = current.lines[0]!;
  if (first.pageWidth !== line.pageWidth) return false;
  if (matchMarker(first.text) === null || matchMarker(line.text) !== null) return false;
  const shift = line.x0 - first.x0;
  if (shift < 0.5 * line.size || shift > 6 * line.size) return false;
  const later = current.lines.slice(1);
  if (later.length > 0) return Math.abs(later[later.length - 1]!.x0 - line.x0) <= 0.5 * line.size;
  const m = margins.get(first.page);
  const atMargin = m !== undefined && first.x0 <= m.left + 0.5 * first.size;
  return !(atMargin && /[。！？!?；;]$/.test(prev.text));
}

/**
 * Over a page break, a table under the last line of the page before or over the first
 * line of the next: the text does not run on across it (the same table title atop page
 * after page, with the table under it, was read as one paragraph).
 */
function tableBetween(prev: Line, line: Line, tables: ReadonlyMap<number, readonly Box[]>): boolean {
  if (prev.page === line.page) return false;
  const below = (tables.get(prev.page) ?? []).some((b) => b[3] <= prev.y);
  const above = (tables.get(line.page) ?? []).some((b) => b[1] >= line.y);
  return below || above;
}

function startPara(line: Line, indented: boolean): Para {
  return {
    page: line.page,
    text: line.text,
    spans: [...line.spans],
    lines: [line],
    size: line.size,
    font: line.font,
    indented,
    role: line.role,
  };
}

function appendLine(para: Para, line: Line): void {
  // The join depends on the paragraph's last character only, which is its last
  // non-empty line's (joining only appends): read it there, as indexing the
  // growing text itself copies it whole on every line (quadratic in a
  // paragraph of 100,000 lines).
  let last = '';
  for (let i = para.lines.length - 1; i >= 0 && last === ''; i--) last = para.lines[i]!.text;
  const joined =
    last === '' ? joinLines(para.text, line.text) : para.text + joinLines(last[last.length - 1]!, line.text).slice(1);
  const offset = joined.length - line.text.length;
  para.text = joined;
  for (const s of line.spans) para.spans.push({ ...s, start: s.start + offset, end: s.end + offset } satisfies Span);
  para.lines.push(line);
}

/**
 * Left text margin and right text edge: the leftmost x and the rightmost end
 * shared by several lines (a lone outlier is a stamp or a note), over all
 * pages of the same width — one page of short list items says little alone.
 */
function pageMargins(body: Line[]): Map<number, Margins> {
  const byWidth = new Map<number, Line[]>();
  const widthOf = new Map<number, number>();
  const byPage = new Map<number, Line[]>();
  for (const l of body) {
    const key = Math.round((l.pageWidth ?? 0) / 10);
    widthOf.set(l.page, key);
    pushTo(byWidth, key, l);
    pushTo(byPage, l.page, l);
  }
  const perWidth = new Map<number, Margins>();
  for (const [key, lines] of byWidth) {
    perWidth.set(key, supported(lines) ?? { left: minOf(lines, (l) => l.x0), right: maxOf(lines, (l) => l.x1) });
  }
  // A page set further right as a whole (a scan placed with another offset)
  // keeps its own margin: its leftmost line, when that is nearer the
  // document's margin than an indent would be.
  const out = new Map<number, Margins>();
  for (const [page, key] of widthOf) {
    const doc = perWidth.get(key)!;
    const lines = byPage.get(page)!;
    const left = minOf(lines, (l) => l.x0);
    const size = lines[0]?.size ?? 12;
    const shift = left > doc.left && left - doc.left < 1.5 * size ? left - doc.left : 0;
    out.set(page, { left: doc.left + shift, right: ownRight(lines, doc) ?? doc.right + shift });
  }
  return out;
}

/**
 * A page whose lines end left of the document's right edge, many of them at one place: a report
 * bound into a collection (汇编) with its own margins. Its lines are full at its own edge, or every one
 * of them would end its paragraph. Only a text block nearly as wide as the document's counts: a page
 * of short items ending alike says nothing of its margin.
 */
function ownRight(lines: Line[], doc: Margins): number | null {
  const own = supported(lines, Math.max(3, Math.ceil(lines.length / 4)));
  if (!own || own.right > doc.right - 3) return null;
  return own.right - doc.left >= 0.7 * (doc.right - doc.left) ? own.right : null;
}

// Linear and without spreading: a page of 100,000 lines would overflow Math.min(...xs).
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function minOf<T>(xs: T[], f: (x: T) => number): number {
  let min = Infinity;
  for (const x of xs) min = Math.min(min, f(x));
  return min;
}

function maxOf<T>(xs: T[], f: (x: T) => number): number {
  let max = -Infinity;
  for (const x of xs) max = Math.max(max, f(x));
  return max;
}

function supported(lines: Line[], need = Math.min(3, Math.max(2, Math.floor(lines.length / 10)))): Margins | null {
  const lefts = lines.map((l) => l.x0).sort((a, b) => a - b);
  const left = lefts.find((x) => near(lefts, x, 2) >= need);
  // The right edge is where most long lines end (wrapped lines of justified
  // text); punctuation hanging past it must not move it.
  const ends = lines.map((l) => l.x1).sort((a, b) => a - b);
  const long = ends.slice(Math.floor(ends.length / 2));
  let right: number | undefined;
  let best = 0;
  for (const x of long) {
    const n = near(long, x, 3);
    if (n > best || (n === best && right !== undefined && x > right)) [right, best] = [x, n];
  }
  return left === undefined || right === undefined || best < need ? null : { left, right };
}

/**
 * How many of the sorted xs lie within tol of x: |y − x| ≤ tol, by two binary
 * searches (y − x only grows along sorted xs), not a scan of all — the margins
 * of a page with n lines cost n log n.
 */
function near(xs: number[], x: number, tol: number): number {
  const first = (ok: (y: number) => boolean) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ok(xs[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  return first((y) => y - x > tol) - first((y) => y - x >= -tol);
}

/** The usual distance between baselines of consecutive lines of body text. */
function typicalPitch(body: Line[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const a = body[i - 1]!;
    const b = body[i]!;
    if (a.page === b.page && a.y > b.y && Math.abs(a.size - b.size) < 0.5) gaps.push(a.y - b.y);
  }
  if (gaps.length === 0) return 1.5 * (body[0]?.size ?? 12);
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length * 0.4)]!;
}
