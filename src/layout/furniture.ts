// Running headers, footers and page numbers: recognised so that they stay out
// of the body text, and kept with their role so nothing read is thrown away.
import type { Line } from './types.ts';

/** Share of the page height, at the top and at the bottom, where furniture lives. */
const ZONE = 0.12;

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
  const edges = pages.map((p) => edgeLines(p.lines, p.height));
  // How many pages carry a line of this shape in their top (or bottom) zone.
  const counts = new Map<string, number>();
  for (const e of edges) {
    for (const key of new Set([...e.top.map((l) => `t:${shape(l.text)}`), ...e.bottom.map((l) => `b:${shape(l.text)}`)])) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const repeated = (key: string) => {
    const n = counts.get(key) ?? 0;
    return pages.length >= 2 && n >= 2 && n >= Math.ceil(pages.length * 0.4);
  };
  for (const e of edges) {
    for (const line of e.top) {
      if (isPageNumberText(line.text)) line.role = 'page-number';
      else if (repeated(`t:${shape(line.text)}`)) line.role = 'header';
    }
    for (const line of e.bottom) {
      if (isPageNumberText(line.text)) line.role = 'page-number';
      else if (repeated(`b:${shape(line.text)}`)) line.role = 'footer';
    }
  }
}

/**
 * Up to two lines at each edge of the page, inside the edge zones and set
 * apart from the text next to them (a body line that happens to sit low on
 * the page runs on at normal line spacing; furniture does not).
 */
function edgeLines(lines: Line[], height: number): { top: Line[]; bottom: Line[] } {
  if (lines.length === 0 || height <= 0) return { top: [], bottom: [] };
  const byY = [...lines].sort((a, b) => b.y - a.y);
  const top: Line[] = [];
  for (let i = 0; i < byY.length && top.length < 2; i++) {
    const line = byY[i]!;
    if (line.y < height * (1 - ZONE)) break;
    const next = byY.slice(i + 1).find((l) => l.y < line.y - 0.35 * line.size);
    if (next && line.y - next.y < 1.6 * Math.max(line.size, next.size)) break;
    top.push(line);
  }
  const bottom: Line[] = [];
  for (let i = byY.length - 1; i >= 0 && bottom.length < 2; i--) {
    const line = byY[i]!;
    if (line.y > height * ZONE) break;
    const prev = byY.slice(0, i).reverse().find((l) => l.y > line.y + 0.35 * line.size);
    if (prev && prev.y - line.y < 1.6 * Math.max(line.size, prev.size)) break;
    bottom.push(line);
  }
  return { top, bottom };
}
