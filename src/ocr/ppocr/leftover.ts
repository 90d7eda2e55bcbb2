// Ink the detector drew no box round. A thin figure alone in a table cell (a score of 7, a 1) can
// leave the detection model's kernel in pieces too small to be a box, and the figure is lost: a
// 自评表 read 7 in its 分值 column and nothing in the 得分 cell beside it. Here the page's inked
// blobs that no box covers, of a line's height, inside a cell ruled on four sides, are grouped into
// words and boxed, to be read as any box is; the engine keeps only what reads as a figure. Outside
// ruled cells nothing is added: a contents page's numbers, read apart from their entries, had
// turned its entries into headings.
import type { Grey } from '../image.ts';
import type { PixelRule } from '../rules.ts';
import type { Box } from './det.ts';

/** A blob of more pixels than this is a picture, a seal or a rule's remains, never a glyph. */
const MAX_BLOB = 20_000;

interface Blob {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Boxes round the inked blobs outside `boxes`, grouped into words: blobs as tall as 0.4–1.3 of the
 * page's usual box, side by side within half a line's height; dots and commas between them join
 * them. A page with fewer than 3 boxes has no usual height to go by and gives none.
 */
export function leftoverBoxes(img: Grey, boxes: Box[], limit: number, rules: PixelRule[]): Box[] {
  if (boxes.length < 3 || rules.length < 4) return [];
  const grid = ruledArea(rules);
  if (!grid) return [];
  const lineH = median(boxes.map((b) => b.y1 - b.y0 + 1));
  const blobs = uncoveredBlobs(img, boxes, limit, Math.max(2, Math.round(0.3 * lineH)), grid);
  const tall = (b: Blob) => b.y1 - b.y0 + 1;
  const glyphs = blobs.filter(
    (b) => tall(b) >= 0.4 * lineH && tall(b) <= 1.3 * lineH && b.x1 - b.x0 + 1 <= 1.3 * lineH && b.x1 > b.x0,
  );
  const small = blobs.filter((b) => tall(b) < 0.4 * lineH && b.x1 - b.x0 + 1 < 0.4 * lineH);
  // A lone stroke thinner than a 1 is a rule's remains, not a figure.
  const words = groupWords(glyphs, lineH).filter((w) => w.x1 - w.x0 + 1 >= 0.2 * lineH);
  for (const w of words) for (const s of small) if (between(w, s, lineH)) grow(w, s);
  const pad = Math.round(0.2 * lineH);
  return words
    .filter((w) => ruledRound(w, rules))
    .map((w) => ({
      x0: Math.max(0, w.x0 - pad),
      y0: Math.max(0, w.y0 - pad),
      x1: Math.min(img.width - 1, w.x1 + pad),
      y1: Math.min(img.height - 1, w.y1 + pad),
      score: 0,
    }));
}

/**
 * The 8-connected blobs of pixels darker than `limit` that keep `apart` pixels from every box: a
 * blob nearer one may be the end of a glyph the box cut, whose stroke alone could read as a 1.
 */
function uncoveredBlobs(img: Grey, boxes: Box[], limit: number, apart: number, area: Blob): Blob[] {
  const { width: w, height: h, pixels } = img;
  // 0 free, 1 part of a blob already, 2 near a box
  const seen = new Uint8Array(w * h);
  for (const b of boxes) {
    const [x0, x1] = [Math.max(0, b.x0 - apart), Math.min(w - 1, b.x1 + apart)];
    for (let y = Math.max(0, b.y0 - apart); y <= Math.min(h - 1, b.y1 + apart); y++)
      seen.fill(2, y * w + x0, y * w + x1 + 1);
  }
  const blobs: Blob[] = [];
  const stack: number[] = [];
  // Blobs are sought from the ruled area only (what lies outside it is in no ruled cell). A rule's
  // place can be fractional (the middle of its thickness): whole pixels here, or an index is no pixel.
  const [ax0, ax1] = [Math.max(0, Math.floor(area.x0)), Math.min(w - 1, Math.ceil(area.x1))];
  const [ay0, ay1] = [Math.max(0, Math.floor(area.y0)), Math.min(h - 1, Math.ceil(area.y1))];
  for (let start = ay0 * w + ax0; start <= ay1 * w + ax1; start++) {
    if (start % w > ax1) start += w - 1 - ax1 + ax0;
    if (seen[start] || pixels[start]! >= limit) continue;
    seen[start] = 1;
    stack.push(start);
    const blob = { x0: w, y0: h, x1: -1, y1: -1 };
    let count = 0;
    let nearBox = false;
    while (stack.length > 0) {
      const i = stack.pop()!;
      const x = i % w;
      const y = (i - x) / w;
      count++;
      if (x < blob.x0) blob.x0 = x;
      if (x > blob.x1) blob.x1 = x;
      if (y < blob.y0) blob.y0 = y;
      if (y > blob.y1) blob.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= h) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= w) continue;
          const j = yy * w + xx;
          if (pixels[j]! >= limit) continue;
          if (seen[j] === 2) nearBox = true;
          else if (!seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    if (!nearBox && count >= 4 && count <= MAX_BLOB) blobs.push(blob);
  }
  return blobs;
}

/** The span of the page's vertical rules across and of its horizontal rules down; none without both. */
function ruledArea(rules: PixelRule[]): Blob | null {
  const down = rules.filter((r) => r.x0 === r.x1);
  const across = rules.filter((r) => r.y0 === r.y1);
  if (down.length < 2 || across.length < 2) return null;
  return {
    x0: Math.min(...down.map((r) => r.x0)),
    x1: Math.max(...down.map((r) => r.x0)),
    y0: Math.min(...across.map((r) => r.y0)),
    y1: Math.max(...across.map((r) => r.y0)),
  };
}

/** Whether rules pass on all four sides of the word, each across its middle: it stands in a table's cell. */
function ruledRound(w: Blob, rules: PixelRule[]): boolean {
  const [cx, cy] = [(w.x0 + w.x1) / 2, (w.y0 + w.y1) / 2];
  const across = (r: PixelRule) => r.x0 === r.x1 && r.y0 <= cy && r.y1 >= cy;
  const along = (r: PixelRule) => r.y0 === r.y1 && r.x0 <= cx && r.x1 >= cx;
  return (
    rules.some((r) => across(r) && r.x0 < w.x0) &&
    rules.some((r) => across(r) && r.x0 > w.x1) &&
    rules.some((r) => along(r) && r.y0 < w.y0) &&
    rules.some((r) => along(r) && r.y0 > w.y1)
  );
}

/** Glyph blobs on one line, each within half a line's height of the next, as one word. */
function groupWords(glyphs: Blob[], lineH: number): Blob[] {
  const sorted = [...glyphs].sort((a, b) => a.x0 - b.x0);
  const words: Blob[] = [];
  for (const g of sorted) {
    const word = words.find(
      (w) => overlapY(w, g) >= 0.5 * Math.min(w.y1 - w.y0, g.y1 - g.y0) && g.x0 - w.x1 <= 0.5 * lineH,
    );
    if (word) grow(word, g);
    else words.push({ ...g });
  }
  return words;
}

/** A dot or comma inside a word's height, between or just after its glyphs. */
function between(w: Blob, s: Blob, lineH: number): boolean {
  return s.y0 >= w.y0 - 1 && s.y1 <= w.y1 + 1 && s.x0 >= w.x0 && s.x0 - w.x1 <= 0.3 * lineH;
}

function overlapY(a: Blob, b: Blob): number {
  return Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
}

function grow(w: Blob, b: Blob): void {
  [w.x0, w.y0, w.x1, w.y1] = [Math.min(w.x0, b.x0), Math.min(w.y0, b.y0), Math.max(w.x1, b.x1), Math.max(w.y1, b.y1)];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
