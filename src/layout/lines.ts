// Text items → lines, in reading order, with a span per item so that every
// character keeps its page and box.
import type { PageText, TextItem } from '../pdf/types.ts';
import { closeNumberSpaces, joinPieces, tidySpaces } from '../text/cjk.ts';
import { mostCommon } from '../util/stats.ts';
import type { Line, Span } from './types.ts';

// Glyph boxes from the baseline: pdf.js gives no per-font ascent for most
// embedded CJK fonts, so use the usual ideographic em box.
const ASCENT = 0.88;
const DESCENT = 0.12;
/** A horizontal gap this many ems wide splits a baseline into two lines (columns, form fields). */
const COLUMN_GAP_EMS = 4;

export function buildLines(page: PageText): Line[] {
  const items = page.items
    .filter((it) => it.size > 0 && Number.isFinite(it.x) && Number.isFinite(it.y))
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: TextItem[][] = [];
  for (const item of items) {
    const row = rows[rows.length - 1];
    const anchor = row?.[0];
    if (row && anchor && Math.abs(anchor.y - item.y) <= 0.35 * Math.min(anchor.size, item.size)) row.push(item);
    else rows.push([item]);
  }
  const lines: Line[] = [];
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x);
    let group: TextItem[] = [];
    let end = -Infinity;
    for (const item of row) {
      if (group.length > 0 && item.x - end > COLUMN_GAP_EMS * item.size && item.str.trim() !== '') {
        pushLine(lines, group, page);
        group = [];
      }
      group.push(item);
      end = Math.max(end, item.x + item.width);
    }
    pushLine(lines, group, page);
  }
  return lines;
}

function pushLine(lines: Line[], items: TextItem[], page: PageText): void {
  const pageNumber = page.number;
  let text = '';
  const spans: Span[] = [];
  let prevEnd = -Infinity;
  let pendingSpace = false;
  let lastChar = '';
  const chars = new Map<string, number>();
  const sizes = new Map<number, number>();
  for (const item of items) {
    const str = closeNumberSpaces(tidySpaces(item.str));
    if (str === '') {
      pendingSpace = true;
      prevEnd = Math.max(prevEnd, item.x + item.width);
      continue;
    }
    const gap = item.x - prevEnd;
    const before = text.length;
    const leadingSpace = /^\s/.test(item.str);
    // Joined from the last character, not the whole text: indexing the growing text copies it each time (quadratic on a line of 100,000 items).
    text += joinPieces(lastChar, str, pendingSpace || leadingSpace || gap > 0.2 * item.size).slice(lastChar.length);
    lastChar = str[str.length - 1]!;
    const start = text.length - str.length;
    if (start < before) throw new Error('line join lost characters'); // invariant: joining only appends
    spans.push({ start, end: text.length, page: pageNumber, bbox: box(item) });
    chars.set(item.font, (chars.get(item.font) ?? 0) + str.length);
    const size = Math.round(item.size * 10) / 10;
    sizes.set(size, (sizes.get(size) ?? 0) + str.length);
    prevEnd = item.x + item.width;
    pendingSpace = /\s$/.test(item.str);
  }
  if (spans.length === 0) return;
  const first = spans[0]!.bbox;
  const last = spans[spans.length - 1]!.bbox;
  const anchor = items.find((it) => it.str.trim() !== '') ?? items[0]!;
  lines.push({
    page: pageNumber,
    text,
    spans,
    x0: first[0],
    x1: spans.reduce((x, s) => Math.max(x, s.bbox[2]), last[2]),
    y: anchor.y,
    size: mostCommon(sizes)!,
    font: mostCommon(chars)!,
    role: 'body',
    pageWidth: page.width,
  });
}

function box(item: TextItem): [number, number, number, number] {
  return [item.x, item.y - DESCENT * item.size, item.x + item.width, item.y + ASCENT * item.size];
}
