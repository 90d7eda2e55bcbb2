// Which numbers a reviewer should look at: a fact read from an OCR line the
// engine was unsure of carries that line's confidence (the lowest of the lines
// its box touches), so it can be checked against the page image.
import type { PageText, TextItem } from '../pdf/types.ts';

/** Lines read with less confidence than this (0–100) mark their facts. */
export const LOW_CONFIDENCE = 90;

interface Located {
  page: number;
  bbox: [number, number, number, number] | null;
}

/** The confidence of the least sure OCR line under each fact's box, where it is below LOW_CONFIDENCE; undefined otherwise. */
export function lowConfidenceOf(facts: Located[], pages: PageText[]): (number | undefined)[] {
  const byPage = new Map(pages.filter((p) => p.method === 'ocr').map((p) => [p.number, p.items]));
  return facts.map((f) => {
    const items = byPage.get(f.page);
    if (!items || !f.bbox) return undefined;
    let low: number | undefined;
    for (const it of items) {
      if (it.confidence === undefined || it.confidence >= LOW_CONFIDENCE || !overlaps(it, f.bbox)) continue;
      low = low === undefined ? it.confidence : Math.min(low, it.confidence);
    }
    return low === undefined ? undefined : Math.round(low * 10) / 10;
  });
}

function overlaps(it: TextItem, [x0, y0, x1, y1]: [number, number, number, number]): boolean {
  const bottom = it.y - 0.2 * it.size;
  const top = it.y + 0.8 * it.size;
  return it.x < x1 && it.x + it.width > x0 && bottom < y1 && top > y0;
}
