// Table cells a few points apart, joined into one text item by pdf.js. A
// producer draws each cell's text as its own run (one showText); pdf.js joins
// runs on one line into an item, with a space for a gap of up to about 0.6 em.
// A table set without borders, text left and numbers right as spreadsheets
// export, leaves only the cells' padding between a number and the text of the
// next column (LibreOffice: "分值 执行率", "3560.80 一、一般公共服务支出", 0.5 em
// apart), so two cells came out as one. An item is cut where two of its runs
// stand at least GAP_EMS apart: wider than a word space or the space set
// between Chinese and a number in one cell (0.2–0.3 em), as narrow as a cell's
// padding on both sides. Every item is marked with the run that draws its
// start, so that the table reader can tell two cells' runs from one's.
import type { TextRun } from './clips.ts';
import type { TextItem } from './types.ts';

/** Runs this many ems apart or more are two cells' text. */
export const GAP_EMS = 0.4;
/** How close (points) a run must stand to the item's baseline and span. */
const SAME = 0.5;

interface Indexed extends TextRun {
  index: number;
}

export function splitAtRunGaps(items: TextItem[], runs: TextRun[]): TextItem[] {
  const byLine = new Map<number, Indexed[]>();
  runs.forEach((r, index) => {
    if (r.text === '' || r.box[2] <= r.box[0]) return;
    const key = Math.round(r.y);
    byLine.set(key, [...(byLine.get(key) ?? []), { ...r, index }]);
  });
  if (byLine.size === 0) return items;
  return items.flatMap((item) => splitItem(item, runsOf(item, byLine)));
}

/** The runs on the item's baseline that start within it, left to right. */
function runsOf(item: TextItem, byLine: Map<number, Indexed[]>): Indexed[] {
  const key = Math.round(item.y);
  return [key - 1, key, key + 1]
    .flatMap((k) => byLine.get(k) ?? [])
    .filter((r) => Math.abs(r.y - item.y) <= SAME && r.x >= item.x - SAME && r.x < item.x + item.width - SAME)
    .sort((a, b) => a.x - b.x);
}

/** The item cut at the wide gaps between its runs, each part marked with its first run; whole when its runs are not found to the letter. */
function splitItem(item: TextItem, own: Indexed[]): TextItem[] {
  const text = item.str.replace(/\s+/g, '');
  if (own.length === 0 || !text.startsWith(own[0]!.text)) return [item];
  if (own.length === 1 || own.map((r) => r.text).join('') !== text) return [{ ...item, run: own[0]!.index }];
  // Groups of runs closer than the gap: each becomes an item.
  const groups: Indexed[][] = [[own[0]!]];
  for (const r of own.slice(1)) {
    const last = groups[groups.length - 1]!;
    if (r.box[0] - last[last.length - 1]!.box[2] >= GAP_EMS * item.size) groups.push([r]);
    else last.push(r);
  }
  if (groups.length === 1) return [{ ...item, run: own[0]!.index }];
  const out: TextItem[] = [];
  let at = 0;
  for (const g of groups) {
    // The item's own characters for these runs (spaces inside a group kept, as pdf.js gave them).
    const want = g.reduce((n, r) => n + r.text.length, 0);
    let end = at;
    for (let seen = 0; seen < want && end < item.str.length; end++) if (!/\s/.test(item.str[end]!)) seen++;
    const x0 = g[0]!.box[0];
    const str = item.str.slice(at, end).trim();
    out.push({ ...item, str, x: x0, width: g[g.length - 1]!.box[2] - x0, run: g[0]!.index });
    at = end;
  }
  return out;
}
