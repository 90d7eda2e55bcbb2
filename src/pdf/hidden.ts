// Text the clip hides, left out: a text item is dropped when the runs that
// draw it (one per showText, found by either engine with the clip in force)
// are all hidden. Why: src/pdf/clips.ts.
import type { TextItem } from './types.ts';

/** [x0, y0, x1, y1] in the shown page. */
type Box = [number, number, number, number];

/** One showText: where it starts (shown page, points) and whether the clip leaves enough of it visible to be read. */
export interface TextRun {
  /** the glyphs' text, without spaces */
  text: string;
  x: number;
  y: number;
  /** the run's box: [x0, y0, x1, y1] */
  box: Box;
  shown: boolean;
}

/** How close (points) an item's start must be to a run's to be that run. */
const SAME = 0.5;

/**
 * The items left when those drawn only by hidden runs are dropped. An item's runs are those on its
 * baseline that start within it and whose text is in its text (pdf.js joins runs into items; two
 * runs may start at one point, a hidden one under a shown one). An item none of whose runs is
 * found is kept: text is left out only on evidence.
 */
export function withoutHidden(items: TextItem[], runs: TextRun[]): TextItem[] {
  if (runs.every((r) => r.shown)) return items;
  // Runs by baseline, to the point: an item looks only at the runs on its own line and the next points.
  const byLine = new Map<number, TextRun[]>();
  for (const r of runs) {
    if (r.text === '') continue;
    const key = Math.round(r.y);
    byLine.set(key, [...(byLine.get(key) ?? []), r]);
  }
  return items.filter((item) => {
    const lo = Math.min(item.x, item.x + item.width);
    const hi = Math.max(item.x, item.x + item.width);
    const text = item.str.replace(/\s+/g, '');
    const key = Math.round(item.y);
    const own = [key - 1, key, key + 1].flatMap((k) =>
      (byLine.get(k) ?? []).filter(
        (r) =>
          Math.abs(r.y - item.y) <= SAME &&
          r.x >= lo - SAME &&
          r.x < Math.max(hi - SAME, lo + SAME) &&
          text.includes(r.text),
      ),
    );
    return own.length === 0 || own.some((r) => r.shown);
  });
}
