// The 一级 and 二级 of each indicator row. A merged 一级 or 二级 cell is printed
// once where its producer sets it: a ruled table (and a run of rows a table
// reader filled) shows it in each row of its page, but a table without rules
// shows one label per group — at its foot (a spreadsheet's cells set at the
// bottom), in its middle (centred) or at its top — and no rule shows where
// the group ends. Each blank level cell takes a label of its column in the
// same block (a 二级 in the same 一级 group): the one below where the column's
// labels sit at their groups' feet, the one above where at their tops, the
// nearest where centred. A cell cut by a page break is printed on the first
// page it covers, so the rows after the break before any label are its.
// Where the labels' own lines tell the rows they cover, the table reader has
// filled them in already (tables/text-level-spans.ts): read as a ruled table's.

/** One level column's cells over a block's indicator rows, each row's page, the ranges (first, last) a label may reach. */
export interface LevelColumn {
  texts: string[];
  pages: number[];
  ranges: [number, number][];
  /** where the table sets its labels, where the other level column tells (centredLabels) */
  mode?: Mode;
}

/** Rows from..to holding one label (a cell filled into each of its rows on one page). */
interface Run {
  from: number;
  to: number;
  /** the cell goes on past a page break: blank rows after it on its page, or filled down to the page's last row */
  cut: boolean;
  /** a label of one row on its page's last row, the block going on overleaf: its cell may go on there or end */
  last: boolean;
}

export type Mode = 'foot' | 'top' | 'middle';

/** The column's cells, each blank one given the label it lies under. */
export function fillLevels({ texts, pages, ranges, mode: told }: LevelColumn): string[] {
  const out = [...texts];
  const runs = ranges.map(([s, e]) => runsOf(texts, pages, s, e));
  // Labels filled into their rows (a ruled table's): a blank cell is blank (a 二级 left empty), but
  // for the rows after a page break, before any label there: they are the cell's above.
  if (filled(runs.flat(), pages)) return carryOverBreaks(out, pages, ranges);
  const mode = told ?? modeOf(ranges, runs, pages);
  ranges.forEach(([s, e], k) => {
    const list = runs[k]!;
    if (list.length === 0) return;
    for (let i = s; i <= e; i++) if (texts[i] === '') out[i] = texts[labelOf(i, list, pages, mode)] ?? '';
  });
  return out;
}

function carryOverBreaks(out: string[], pages: number[], ranges: [number, number][]): string[] {
  for (const [s, e] of ranges) {
    let carrying = false;
    for (let i = s + 1; i <= e; i++) {
      carrying = out[i] === '' && out[i - 1] !== '' && (carrying || pages[i] !== pages[i - 1]);
      if (carrying) out[i] = out[i - 1]!;
    }
  }
  return out;
}

function runsOf(texts: string[], pages: number[], s: number, e: number): Run[] {
  const runs: Run[] = [];
  for (let i = s; i <= e; i++) {
    if (texts[i] === '') continue;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1 && texts[last.to] === texts[i] && pages[i - 1] === pages[i]) last.to = i;
    else runs.push({ from: i, to: i, cut: false, last: false });
  }
  for (const [k, r] of runs.entries()) {
    let end = r.to;
    while (end < e && pages[end + 1] === pages[r.to]) end++;
    const nextHere = runs[k + 1] !== undefined && runs[k + 1]!.from <= end;
    r.cut = end < e && !nextHere && (end > r.to || r.to > r.from);
    r.last = end < e && end === r.to && r.to === r.from;
  }
  return runs;
}

/** A page holding two labels, one filled into several rows. */
function filled(runs: Run[], pages: number[]): boolean {
  return runs.some(
    (r) =>
      r.to > r.from && runs.some((o) => o !== r && (pages[o.from] === pages[r.from] || pages[o.to] === pages[r.to])),
  );
}

/** Where the column's labels sit: at the foot of their ranges, at the top, or neither (centred). */
function modeOf(ranges: [number, number][], runs: Run[][], pages: number[]): Mode {
  let foot = 0;
  let top = 0;
  ranges.forEach(([s, e], k) => {
    for (const r of runs[k]!) {
      if (r.cut || r.from !== r.to) continue;
      if (r.to === e && pages[s] !== undefined) foot++;
      else if (r.from === s) top++;
    }
  });
  return foot > top ? 'foot' : top > foot ? 'top' : 'middle';
}

/**
 * The row holding the label that row i lies under, or -1 where it cannot be told: a row after a
 * cell cut by the page break, before a label set alone at the foot or in the middle of its group —
 * the cut cell goes on over the rows overleaf as far as the next group begins, and that label does
 * not show where its group begins (a label filled into its rows, or set at its group's top, does).
 */
function labelOf(i: number, runs: Run[], pages: number[], mode: Mode): number {
  const above = runs.findLast((r) => r.to < i);
  const below = runs.find((r) => r.from > i);
  if (above === undefined) return below!.from;
  if (
    (above.cut || above.last) &&
    below !== undefined &&
    mode !== 'top' &&
    below.from === below.to &&
    pages[above.to] !== pages[i]
  )
    return -1;
  if (below === undefined || above.cut || (pages[above.to] === pages[i] && above.from !== above.to)) return above.to;
  if (mode === 'top') return above.to;
  if (mode === 'foot') return below.from;
  return below.from - i < i - above.to ? below.from : above.to;
}

/**
 * Labels set in the middle of their groups, told by the two level columns together: half the 一级
 * labels or more (one row each, not cut by a page break) on rows where the 二级 column has none. At the foot or at the
 * top of their groups the two stand on one row — a 一级 group ends (or begins) with its last (first)
 * 二级 group; centred, only where the 一级 group holds one 二级 group. (Where labels stand at the ends
 * of their ranges is no evidence against it: a group of one row, 满意度指标 last, has its label at
 * its foot, top and middle alike.)
 */
export function centredLabels(level1: string[], level2: string[], pages: number[]): boolean {
  if (!level2.some((t) => t !== '')) return false;
  const labels = level1.flatMap((t, i) =>
    t !== '' && level1[i - 1] !== t && level1[i + 1] !== t && pages[i - 1] === pages[i] && pages[i + 1] === pages[i]
      ? [i]
      : [],
  );
  const alone = labels.filter((i) => level2[i] === '').length;
  return alone >= 2 && 2 * alone >= labels.length;
}
