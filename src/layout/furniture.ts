// Running headers, footers and page numbers: recognised so that they stay out
// of the body text, and kept with their role so nothing read is thrown away.
import { matchMarker } from '../text/markers.ts';
import type { Line } from './types.ts';

/** Share of the page height, at the top and at the bottom, where furniture lives. */
const ZONE = 0.12;
const WIDE_ZONE = 0.2;
const BARE_NUMBER = /^\s*[0-9０-９]{1,4}\s*$/;

// "— 3 —", "- 3 -", "第 3 页", "第3页 共11页", "3/11", a bare "3", "·3·".
const PAGE_NUMBER = [
  /^[\s\-—–－―~·•・.]*[0-9０-９]{1,4}[\s\-—–－―~·•・.]*$/,
  /^第\s*[0-9０-９]{1,4}\s*页(\s*[，,]?\s*共\s*[0-9０-９]{1,4}\s*页)?$/,
  /^共\s*[0-9０-９]{1,4}\s*页\s*[，,]?\s*第\s*[0-9０-９]{1,4}\s*页$/,
  /^[0-9０-９]{1,4}\s*[/／]\s*[0-9０-９]{1,4}$/,
  /^(page|p\.)\s*[0-9]{1,4}(\s*of\s*[0-9]{1,4})?$/i,
];

export function isPageNumberText(text: string): boolean {
  const t = text.trim();
  return PAGE_NUMBER.some((re) => re.test(t));
}

/** Text with digits masked, so that "第 3 页" and "第 4 页" compare equal. */
function shape(text: string): string {
  return text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#');
}

/**
 * Marks furniture lines in place. `pages` holds each page's lines in reading
 * order and the page height.
 */
export function markFurniture(pages: { lines: Line[]; height: number }[]): void {
  const textSize = dominantSize(pages.flatMap((p) => p.lines));
  const edges = pages.map((p) => edgeLines(p.lines, p.height, textSize));
  // How many pages carry a line of this shape in their top (or bottom) zone, and the sizes it is set in.
  const counts = new Map<string, number>();
  const sizes = new Map<string, number[]>();
  for (const e of edges) {
    const here = new Map<string, Line>();
    for (const l of e.top) here.set(`t:${shape(l.text)}`, l);
    for (const l of e.bottom) here.set(`b:${shape(l.text)}`, l);
    for (const [key, l] of here) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
      sizes.set(key, [...(sizes.get(key) ?? []), l.size]);
    }
  }
  const repeated = (key: string, line: Line) => {
    const n = counts.get(key) ?? 0;
    if (!(pages.length >= 2 && n >= 2 && n >= Math.ceil(pages.length * 0.4))) return false;
    // The report's title over its first page of text, in the words of the running header but set
    // far larger, is the title (a running header is set small).
    return line.size <= 1.5 * usualSize(sizes.get(key)!);
  };
  for (const e of edges) {
    for (const line of e.top) {
      if (isPageNumberText(line.text)) line.role = 'page-number';
      else if (repeated(`t:${shape(line.text)}`, line)) line.role = 'header';
    }
    for (const line of e.bottom) {
      if (isPageNumberText(line.text)) line.role = 'page-number';
      else if (repeated(`b:${shape(line.text)}`, line)) line.role = 'footer';
    }
  }
}

/** The size most instances are set in (the smaller of two as common). */
function usualSize(sizes: number[]): number {
  const counts = new Map<number, number>();
  for (const s of sizes) counts.set(Math.round(s * 2) / 2, (counts.get(Math.round(s * 2) / 2) ?? 0) + 1);
  let best = Infinity;
  let n = 0;
  for (const [size, c] of counts) if (c > n || (c === n && size < best)) [best, n] = [size, c];
  return best;
}

/** The size that carries the most characters. */
function dominantSize(lines: Line[]): number {
  const counts = new Map<number, number>();
  for (const l of lines)
    counts.set(Math.round(l.size * 2) / 2, (counts.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 12;
  let n = -1;
  for (const [size, c] of counts) if (c > n) [best, n] = [size, c];
  return best;
}

/**
 * Up to two lines at each edge of the page, inside the edge zones and set
 * apart from the text next to them (a body line that happens to sit low on
 * the page runs on at normal line spacing; furniture does not).
 */
function edgeLines(lines: Line[], height: number, textSize: number): { top: Line[]; bottom: Line[] } {
  if (lines.length === 0 || height <= 0) return { top: [], bottom: [] };
  const byY = [...lines].sort((a, b) => b.y - a.y);
  // A running header set small can sit lower than the usual zone (a wide top margin).
  const zone = (line: Line) => (line.size < 0.8 * textSize ? WIDE_ZONE : ZONE);
  const top: Line[] = [];
  for (let i = 0; i < byY.length && top.length < 2; i++) {
    const line = byY[i]!;
    if (line.y < height * (1 - zone(line))) break;
    const next = byY.slice(i + 1).find((l) => l.y < line.y - 0.35 * line.size);
    if (next && line.y - next.y < 1.6 * Math.max(line.size, next.size)) break;
    top.push(line);
  }
  const bottom: Line[] = [];
  for (let i = byY.length - 1; i >= 0 && bottom.length < 2; i--) {
    const line = byY[i]!;
    if (line.y > height * zone(line)) break;
    const prev = byY
      .slice(0, i)
      .reverse()
      .find((l) => l.y > line.y + 0.35 * line.size);
    // A page number written as one ("— 4 —", "第 4 页") is one even close under the text.
    if (
      prev &&
      prev.y - line.y < 1.6 * Math.max(line.size, prev.size) &&
      !(isPageNumberText(line.text) && !BARE_NUMBER.test(line.text))
    )
      break;
    bottom.push(line);
  }
  return { top, bottom };
}

// ---------------------------------------------------------------- tables of contents

/** The title of a table of contents: 目录, 目 录, 目　录. */
const CONTENTS_TITLE = /^目\s*录$/;
/**
 * A dotted leader (……, ·····, ．．．．, -----, or a mix of them as OCR reads
 * them: ….….) running to a page number or to the end of the line, or a page
 * number right after a single dot (四、存在的问题.5, the leader read as one dot).
 */
const LEADER =
  /(?:…{2,}|⋯{2,}|[.．·・]{4,}|[-—_]{5,}|(?:[…⋯.．·・]\s*){3,})\s*[：:]?\s*[0-9０-９]{0,4}\s*$|\S[.．·・…][0-9０-９]{1,3}$/;
/** Dots running to a page number: an entry even without a 目录 title (a form's blank ______ is not one). */
const DOTTED_ENTRY = /(?:[…⋯.．·・]\s*){3,}[：:]?\s*[0-9０-９]{1,4}\s*$/;
/** A line of only a page number or leader dots: a piece of an entry the reading split off. */
const ENTRY_PIECE = /^[\s：:.．·・…⋯0-9０-９]*$/;

/**
 * An entry of a titled contents: a leader, a page number alone (set far right, it is a line of
 * its own), or a page number set apart at the line's end with no leader (第一部分 部门概况 ⇥ 3).
 */
function isContentsEntry(line: Line): boolean {
  const t = line.text.trim();
  return LEADER.test(t) || /^[0-9０-９]{1,4}$/.test(t) || endsInFarNumber(line);
}

/** The line ends in a page number two ems or more right of the words before it. */
function endsInFarNumber(line: Line): boolean {
  const spans = line.spans.filter((s) => line.text.slice(s.start, s.end).trim() !== '');
  const last = spans[spans.length - 1];
  const before = spans[spans.length - 2];
  if (!last || !before || !/^[0-9０-９]{1,4}$/.test(line.text.slice(last.start, last.end).trim())) return false;
  return last.bbox[0] - before.bbox[2] >= 2 * line.size;
}

/**
 * Marks the lines of a table of contents with role `toc`, in place.
 *
 * A 目录 title opens it. Where its entries carry dotted leaders or page
 * numbers, every line from the title to the last such entry is the contents
 * (a wrapped entry's first line included), over the next pages too while a
 * page opens with entries. Where they carry neither — a bare list of the
 * headings, as some offices publish it — the contents is the run of short
 * lines without a full stop after the title, and it ends where the body
 * begins: a line that is no such line, one set larger, or the first entry
 * coming round again (第一部分 部门概况 as the body's own heading).
 *
 * Without a title, three or more entries with dotted leaders and page numbers
 * on a page, with at most one other line between two of them, are a contents. Read as text, a table
 * of contents would become a second, backward-running section tree.
 */
export function markContents(pages: { lines: Line[] }[]): void {
  const bodyOf = (p: number) => pages[p]!.lines.filter((l) => l.role === 'body');
  for (let p = 0; p < pages.length; p++) {
    const body = bodyOf(p);
    const titleAt = body.findIndex((l) => CONTENTS_TITLE.test(l.text.replace(/\s+/g, '')));
    if (titleAt >= 0) {
      const entries = [...body.slice(titleAt + 1), ...pages.slice(p + 1).flatMap((_, q) => bodyOf(p + 1 + q))];
      const taken = contentsLines(entries);
      if (taken.length === 0) continue;
      body[titleAt]!.role = 'toc';
      for (const l of taken) l.role = 'toc';
      // Pages the contents ran over are done.
      while (p + 1 < pages.length && pages[p + 1]!.lines.some((l) => l.role === 'toc')) p++;
      continue;
    }
    // No title: a block of entries.
    let start = -1;
    let count = 0;
    let lastAt = -1;
    const flush = () => {
      if (count >= 3) for (let i = start; i <= lastAt; i++) body[i]!.role = 'toc';
      start = -1;
      count = 0;
    };
    let others = 0;
    for (let i = 0; i < body.length; i++) {
      const t = body[i]!.text.trim();
      if (!DOTTED_ENTRY.test(t)) {
        if (!ENTRY_PIECE.test(t)) others++;
        if (start >= 0 && others > 1) flush();
        continue;
      }
      others = 0;
      if (start < 0) start = i;
      count++;
      lastAt = i;
    }
    flush();
  }
}

const MAX_ENTRY = 45;

/** The lines after a 目录 title that are its entries (see markContents). */
function contentsLines(lines: Line[]): Line[] {
  const entryLike = (l: Line) =>
    isContentsEntry(l) || (l.text.trim().length <= MAX_ENTRY && !/[。；;！!？?]/.test(l.text));
  // The first entry coming round again — the same marker and number (第一部分 … as
  // the body's own heading, its title sometimes worded a little differently) — is the body.
  const key = (l: Line) => {
    const m = matchMarker(l.text);
    return m ? `${m.family.id}:${m.ordinal}` : l.text.replace(/\s+/g, '');
  };
  const run: Line[] = [];
  for (const l of lines) {
    if (!entryLike(l)) break;
    if (run.length > 0 && key(l) === key(run[0]!)) break;
    if (run.length >= 2) {
      const sizes = run.map((r) => r.size).sort((a, b) => a - b);
      if (l.size > 1.3 * sizes[Math.floor(sizes.length / 2)]! && !isContentsEntry(l)) break;
    }
    run.push(l);
  }
  const withLeaders = run.filter(isContentsEntry).length;
  if (withLeaders > 0 && withLeaders >= run.length / 2) {
    // Leaders or page numbers: the contents ends at its last entry.
    let last = -1;
    run.forEach((l, i) => {
      if (isContentsEntry(l)) last = i;
    });
    // A heading after the last entry but before any other line is the body's.
    return run.slice(0, last + 1);
  }
  // A bare list of headings: most of its lines open with a heading marker.
  const marked = run.filter((l) => matchMarker(l.text) !== null).length;
  return run.length >= 3 && marked >= run.length / 2 ? run : [];
}
