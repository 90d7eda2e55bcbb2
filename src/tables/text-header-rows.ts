// The header rows of text-aligned tables (text-aligned.ts): the chunked lines
// above the first body row that name its columns, which lines are one header
// row, which column each header word names (fitHeader, placeInOrder: headers
// set left over numbers set right), and the cells that span sub-headers.
import { readCellNumber } from '../text/cell-number.ts';
import { cellText, type Chunk, type TextLine } from './chunks.ts';
import { headerWordsApart } from './text-header-words.ts';
import { isInfoRow } from './headers.ts';
import { headerUnit } from './units.ts';
import type { BodyColumns } from './body-columns.ts';
import { covering, fit, nearest, overlap, type Col } from './text-columns.ts';
import { middleBelow, standsOverMiddle, wrapsAroundMiddle } from './text-header-middle.ts';
import { MAX_GAP_EMS, gapEms } from './text-blocks.ts';
import { type Row, addLine, newRow, type Pitch, sameRow } from './text-rows.ts';
import { centredRun, spanHeader } from './text-header-spans.ts';
import { stackedHeader } from './text-header-stack.ts';
import { leafHeader, splitsCells } from './text-header-leaves.ts';
import { coverFits, coverTail, coverValueWrapped, isCover, isCoverLine, unshiftCover } from './text-header-cover.ts';

const MAX_HEADER_LINES = 3;
/** The cost of placing a header in a column set right whose figures end before it starts: only when nothing else will do. */
const PAST_ITS_EDGE = 1000;
// Cover lines (项目名称 | …, 主管部门 | … | 实施单位 | …) over a header of as many rows as it has
// (预算执行情况（万元） over 年初预算数 | …) are rows of the table beyond the header's own.
const MAX_COVER_LINES = 3;

/** Header: chunked lines directly above the first row whose chunks sit over the columns. */
export function headerRows(
  lines: TextLine[],
  first: number,
  { cols, pitch, floor }: { cols: Col[]; pitch: Pitch; floor: number },
  { wordy, setRight, edges }: BodyColumns,
): Row[] {
  const header: Row[] = [];
  // The two rows a middle line's cells span (standsOverMiddle): their spans are known whatever stands above.
  let split: [Row, Row] | null = null;
  let top = lines[first]!;
  for (let k = first - 1; k >= floor && header.length <= MAX_HEADER_LINES + MAX_COVER_LINES; k--) {
    const line = headerWordsApart(lines[k]!);
    // A key：value line above (填报单位：…　单位：万元) or the caption (…表) is not a header.
    if (
      gapEms(line, top) > MAX_GAP_EMS ||
      line.chunks.some((c) => fit(c, cols).length === 0 || /[：:]|表$/.test(c.text))
    )
      break;
    const below = header[0];
    // A header line wrapped under the one above it ("年初预算数" over "（万元）") is one header row; so is one
    // that holds the first lines of the row's cells (全年预算 over 数) or stands less than a line above it.
    const wrap = below ? coverValueWrapped(line, below, cols) : null;
    const middle = middleBelow(header);
    if (wrap !== null) addLine(below!, line, cols, wrap);
    else if (isCoverLine(line) && header.length < MAX_HEADER_LINES + MAX_COVER_LINES) unshiftCover(header, line, cols);
    else if (
      middle &&
      standsOverMiddle([line, middle.mid, middle.lower], (l) => fitHeader(l, cols, wordy, setRight, edges), pitch)
    ) {
      if (middle.rows === 1)
        header.splice(0, 1, ...twoRows(line, below!, header.slice(1), { cols, wordy, setRight, edges }));
      else addLine(below!, line, cols, fitHeader(line, cols, namedBelow(header.slice(1), wordy), setRight, edges));
      split = [header[0]!, header[1]!];
    } else if (below && oneHeaderRow(line, below, cols, pitch))
      addLine(below, line, cols, fitHeader(line, cols, namedBelow(header.slice(1), wordy), setRight, edges));
    else if (line.chunks.length >= 2 && header.length < MAX_HEADER_LINES)
      header.unshift(newRow(line, cols, fitHeader(line, cols, namedBelow(header, wordy), setRight, edges)));
    else if (
      header.length > 0 &&
      header.length < MAX_HEADER_LINES &&
      spanningCell(line, top, cols, { bottom: header.at(-1)!, up: lines[k - 1], pitch })
    ) {
      // One chunk over several columns right above the header: a spanning header cell (预算执行情况（万元）).
      header.unshift(newRow(line, cols, setLeftOver(line, header)));
    } else {
      const cell = lineOfCell(line, lines, k, { floor, cols, atBody: header.length === 0 });
      if (header.length >= MAX_HEADER_LINES || !cell) break;
      header.unshift(newRow(line, cols));
    }
    top = line;
  }
  // A header of wrapped cells whose lines the reading line by line splits or joins is read by its cells.
  const leaves = leafHeader(lines, first, { floor, cols, pitch });
  const read =
    leaves && splitsCells(header, leaves.cells)
      ? withCover(leaves, { lines, cols, floor })!
      : stackedOver(header, stackedHeader(lines, first, { cols, pitch, floor }), { lines, cols, floor });
  spanHeader(read, cols, wordy, split);
  return read;
}

/**
 * A line of one chunk is a line of a cell: the wrapped tail of a header line above it — or, right over
 * the body, the last line of a cell wrapped around the header's middle line (above a header row, such
 * a line is more likely a cover row's wrapped value) — or the last line of a cover value wrapped
 * around the cover line above it.
 */
function lineOfCell(
  line: TextLine,
  lines: TextLine[],
  k: number,
  { floor, cols, atBody }: { floor: number; cols: Col[]; atBody: boolean },
): boolean {
  const up = k > floor ? lines[k - 1] : undefined;
  const around =
    atBody &&
    k - 1 > floor &&
    up !== undefined &&
    up.chunks.length >= 2 &&
    gapEms(up, line) <= 1.6 &&
    wrapsAroundMiddle(line, up, lines[k - 2]!, cols);
  return around || coverTail(line, up) || tailOfHeader(lines, k, floor, cols);
}

/**
 * Did the line reader run the stacks' upper row into the row under it: the same lines read, in fewer
 * rows (基本支出人员经费 as one cell, every line of the header within one row's leading)?
 */
function ranTogether(header: Row[], stacked: Row[]): boolean {
  if (stacked.length < 2 || header.length >= stacked.length) return false;
  const read = new Set(header.flatMap((r) => [...r.cells.values()].flat()));
  return stacked.every((r) => [...r.cells.values()].flat().every((p) => read.has(p)));
}

/**
 * The header read as stacks of wrapped lines (text-header-stack.ts) where it names more columns than
 * the header read line by line does, or as many where that one ran its rows together, and that one
 * has no cover lines: read line by line, lines of cells centred in rows of different heights broke
 * off after the lowest, or all within one row's leading made one row.
 */
function stackedOver(
  header: Row[],
  stacked: { rows: Row[]; top: number } | null,
  { lines, cols, floor }: { lines: TextLine[]; cols: Col[]; floor: number },
): Row[] {
  if (!stacked || header.some((r) => isCover(r.lines[0]!))) return header;
  const namedIn = (rows: Row[]) =>
    new Set(rows.flatMap((r) => [...r.cells].filter(([, ps]) => cellText(ps).trim() !== '').map(([c]) => c))).size;
  const [a, b] = [namedIn(stacked.rows), namedIn(header)];
  if (a < b || (a === b && !ranTogether(header, stacked.rows))) return header;
  return withCover(stacked, { lines, cols, floor })!;
}

/** A header read otherwise than line by line, with the cover lines right above it (项目名称 | …, 主管部门 | … | 实施单位 | …): rows of the table too. */
function withCover(
  read: { rows: Row[]; top: number } | null,
  { lines, cols, floor }: { lines: TextLine[]; cols: Col[]; floor: number },
): Row[] | null {
  if (!read) return null;
  const rows = [...read.rows];
  for (let k = read.top - 1; k >= floor && rows.length < read.rows.length + MAX_COVER_LINES; k--) {
    if (!isCover(lines[k]!) || gapEms(lines[k]!, lines[k + 1]!) > MAX_GAP_EMS) break;
    rows.unshift(newRow(lines[k]!, cols, coverFits(lines[k]!, cols)));
  }
  return rows;
}

/**
 * The rows of a header whose middle line's cells span two rows (standsOverMiddle): `line` with the
 * middle line over the lower line alone, each fitted as a header row of its own.
 */
function twoRows(
  line: TextLine,
  below: Row,
  rest: Row[],
  { cols, wordy, setRight, edges }: { cols: Col[] } & BodyColumns,
): [Row, Row] {
  const [lower, mid] = below.lines as [TextLine, TextLine];
  const lowerRow = newRow(lower, cols, fitHeader(lower, cols, namedBelow(rest, wordy), setRight, edges));
  const named = namedBelow([lowerRow, ...rest], wordy);
  const upper = newRow(mid, cols, fitHeader(mid, cols, named, setRight, edges));
  addLine(upper, line, cols, fitHeader(line, cols, named, setRight, edges));
  return [upper, lowerRow];
}

/**
 * A line of one chunk is the wrapped tail of a header line above it: of the line right above, or,
 * where the header's cells are centred down its lines (a 三线表's: 年度预算 | 数（万 … | 数 数 | 元）),
 * of one of the lines above that, each less than 1.6 ems above the next — a line of two cells or
 * more with a cell of its own over the chunk's column.
 */
function tailOfHeader(lines: TextLine[], k: number, floor: number, cols: Col[]): boolean {
  for (let j = k - 1; j >= Math.max(floor, k - MAX_HEADER_LINES); j--) {
    if (gapEms(lines[j]!, lines[j + 1]!) > 1.6) return false;
    if (lines[j]!.chunks.length >= 2 && wrapsHeader(lines[k]!, lines[j]!, cols)) return true;
  }
  return false;
}

/**
 * A spanning cell set left (a sheet's merged cell not centred) starts where the first cell it spans
 * starts: a header cell below with the same left edge is in its first column (支出决算 over 本年支出合计,
 * both at its cell's left edge, though nearer the row names' column). Otherwise fit decides.
 */
function setLeftOver(line: TextLine, header: Row[]): number[][] | undefined {
  const x0 = line.chunks[0]!.x0;
  for (const row of header)
    for (const [c, pieces] of row.cells) if (pieces.some((p) => Math.abs(p.x0 - x0) <= 1)) return [[c]];
  return undefined;
}

/**
 * One chunk right above the header that heads several of its columns: it covers their middles, or,
 * centred over them and narrower (预算执行情况（万元） over 年初预算数 | 全年预算数 | 全年执行数 set
 * wide), it states their unit in brackets, as only a header does; the header's own gap above
 * (MAX_GAP_EMS) bounds it then. Not a caption (…表).
 */
function spanningCell(
  line: TextLine,
  top: TextLine,
  cols: Col[],
  { bottom, up, pitch }: { bottom: Row; up: TextLine | undefined; pitch: Pitch },
): boolean {
  const chunk = line.chunks[0]!;
  if (line.chunks.length !== 1 || /表$/.test(chunk.text)) return false;
  if (gapEms(line, top) <= 1.8 && fit(chunk, cols).length >= 2) return true;
  // Centred over some of the header's cells (the line's own or those of the bottom row), unless it is a line of a row.
  const centred = (gapEms(line, top) <= 2.5 && centredOverSome(chunk, top, cols)) || centredRun(chunk, bottom, cols);
  if (centred && !midRow(line, up, pitch)) return true;
  // A row's pitch above the header (the grid's rows drawn one height, borders off) is still next to it.
  return headerUnit(chunk.text) !== null && readCellNumber(chunk.text) === null;
}

/**
 * A chunk centred (within an em) over the columns of a run of two or more of the header line's cells
 * below it, but not all of them: 预算数 set narrow over 总额 | 财政拨款 | 其他资金, beside 任务名称 |
 * 主要内容. (A line centred over the whole header is the page's: a subtitle, （2023年度）.)
 */
function centredOverSome(chunk: Chunk, below: TextLine, cols: Col[]): boolean {
  // Each header cell's extent with its column's (a header set left over figures set right).
  const cells = below.chunks.flatMap((c) => {
    const f = fit(c, cols);
    return f.length === 0
      ? []
      : [{ x0: Math.min(c.x0, cols[f[0]!]!.x0), x1: Math.max(c.x1, cols[f[f.length - 1]!]!.x1) }];
  });
  const mid = (chunk.x0 + chunk.x1) / 2;
  for (let i = 0; i < cells.length; i++)
    for (let j = i + 1; j < cells.length; j++)
      if (j - i + 1 < cells.length && Math.abs((cells[i]!.x0 + cells[j]!.x1) / 2 - mid) <= chunk.size) return true;
  return false;
}

/**
 * A line less than a row's pitch under one of other cells (区 under 年度总体目标 | 为辖区…, the tail
 * of a merged cell wrapped above and below them) is one line of a row of several, no header of its
 * own; under its own first line (支出决算 over （万元）, centred alike) it may be.
 */
function midRow(line: TextLine, up: TextLine | undefined, pitch: Pitch): boolean {
  if (!up || pitch.row === 0 || up.y - line.y >= 0.85 * pitch.row) return false;
  const mid = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  return up.chunks.length !== 1 || Math.abs(mid(up.chunks[0]!) - mid(line.chunks[0]!)) > line.chunks[0]!.size;
}

/**
}

/**
 * A line above a header row is part of it: the line it wraps under ("年初预算数" over "（万元）"),
 * nearer than the body's rows are to each other (a cover line a row above is not); or the first
 * lines of the row's cells (全年预算 over 数), or cells standing less than a line above it (sameRow).
 */
export function oneHeaderRow(line: TextLine, below: Row, cols: Col[], pitch: Pitch): boolean {
  // A cover line (项目名称 | …, 主管部门 | … | 实施单位 | …) is a row of its own.
  if ([line, ...below.lines].some((l) => isInfoRow(l.chunks.map((c) => c.text)))) return false;
  const top = below.lines.reduce((a, b) => (a.y > b.y ? a : b));
  // (Its cells' lines below, each under a cell of this one: a header set at the top of its cells,
  // 绩效指标 | 指标性 | 度量 | 权 over （90 | 质 | 单位 | 重 over 分）.)
  const wrapped =
    below.lines.length <= MAX_HEADER_LINES &&
    gapEms(line, top) <= 1.6 &&
    (pitch.row === 0 || line.y - top.y < 0.85 * pitch.row) &&
    below.lines.every((l) => wrapsHeader(l, line, cols));
  return (
    wrapped ||
    sameRow(
      line,
      [...below.lines].sort((a, b) => b.y - a.y),
      pitch,
    )
  );
}

/**
 * A header line's chunks in columns. A chunk over a column's middle is in it,
 * and one that overlaps a column's extent is in the one it overlaps most, as
 * fit says (项 and 目 of a spaced 项　目 in the first column). A run of chunks
 * in the gutters between those takes columns in order, each as near as it can,
 * where a chunk that shares a column with the chunk before it costs the gap
 * between them (a word spaced out shares cheaply, two headers a column apart
 * do not). With headers set left and numbers set right (a spreadsheet's
 * defaults, borders off), a header lies nearer the numbers on its left than its
 * own, and by nearness alone 全年执行数 and 执行率 fell in one column. A column
 * that a header row below already names costs an em more (执行率 over the
 * unnamed rate column, not over 全年执行数).
 */
export function fitHeader(
  line: TextLine,
  cols: Col[],
  named: ReadonlySet<number> = new Set(),
  setRight: ReadonlySet<number> = new Set(),
  edges: ReadonlyMap<number, number> = new Map(),
): number[][] {
  // A column set right ends where its figures do (edges), whatever the grid's other block reaches past them.
  const edge = (q: number) => (setRight.has(q) ? Math.min(cols[q]!.x1, edges.get(q) ?? Infinity) : Infinity);
  const cells = cols.map((col, q) => ({ x0: col.x0, x1: Math.min(col.x1, edge(q) + 1) }));
  const fits = line.chunks.map((c) => {
    const cs = covering(c, cells);
    return cs.length > 0 || !cells.some((col) => overlap(c, col) > 0) ? cs : nearest(c, cells);
  });
  for (let i = 0; i < fits.length;) {
    if (fits[i]!.length > 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < fits.length && fits[j]!.length === 0) j++;
    const left = i > 0 ? Math.max(...fits[i - 1]!) : null;
    const right = j < fits.length ? Math.min(...fits[j]!) : null;
    const placed = placeInOrder(
      line.chunks.slice(i, j),
      cols,
      { left, right, named, edge },
      line.chunks[i - 1],
      line.chunks[j],
    );
    placed.forEach((c, k) => (fits[i + k] = [c]));
    i = j;
  }
  return fits;
}

/**
 * Columns for the chunks, in order (never leftwards), from the column of the chunk on their left
 * to that of the chunk on their right (either may be shared), at the least cost: each chunk's
 * distance to its column, and for each column shared the gap between the two chunks that share it.
 */
function placeInOrder(
  chunks: Chunk[],
  cols: Col[],
  {
    left,
    right,
    named,
    edge,
  }: { left: number | null; right: number | null; named: ReadonlySet<number>; edge: (q: number) => number },
  before?: Chunk,
  after?: Chunk,
): number[] {
  const lo = left ?? 0;
  const m = (right ?? cols.length - 1) - lo + 1;
  // No column between the neighbours (they span over each other): each chunk as fit places it.
  if (m <= 0) return chunks.map((c) => nearest(c, cols)[0] ?? lo);
  // A column already named below, or of row names, costs an em more: a gutter chunk names an unnamed number column first.
  // A column set right ends where its figures do: a chunk past that edge is no header of it.
  const far = (c: Chunk, q: number) =>
    Math.max(0, cols[q]!.x0 - c.x1, c.x0 - cols[q]!.x1) +
    (named.has(q) ? c.size : 0) +
    (c.x0 > edge(q) + 1 ? PAST_ITS_EDGE : 0);
  // Two words of two cells (执行率 | 得分, drawn apart) share a column only when no other is near: ten ems more.
  const words = (a: Chunk, b: Chunk) =>
    a.text.length >= 2 &&
    b.text.length >= 2 &&
    a.pieces[0]!.item.run !== undefined &&
    a.pieces.at(-1)!.item.run !== b.pieces[0]!.item.run;
  const gap = (a: Chunk, b: Chunk) => Math.max(0, b.x0 - a.x1) + (words(a, b) ? 10 * b.size : 0);
  const last = chunks.length - 1;
  // cost[k][q]: the least cost of chunks 0..k with chunk k in column lo + q; from[k][q]: where chunk k - 1 is.
  const cost: number[][] = [];
  const from: number[][] = [];
  chunks.forEach((chunk, k) => {
    cost.push([]);
    from.push([]);
    for (let q = 0; q < m; q++) {
      let here = far(chunk, lo + q);
      if (k === last && right !== null && q === m - 1 && after) here += gap(chunk, after);
      if (k === 0) {
        cost[0]![q] = here + (left !== null && q === 0 && before ? gap(before, chunk) : 0);
        from[0]![q] = -1;
        continue;
      }
      let best = Infinity;
      for (let p = 0; p <= q; p++) {
        const c = cost[k - 1]![p]! + (p === q ? gap(chunks[k - 1]!, chunk) : 0);
        if (c < best) [best, from[k]![q]] = [c, p];
      }
      cost[k]![q] = here + best;
    }
  });
  let q = 0;
  for (let r = 1; r < m; r++) if (cost[last]![r]! < cost[last]![q]!) q = r;
  const out = new Array<number>(chunks.length);
  for (let k = last; k >= 0; k--) {
    out[k] = lo + q;
    q = from[k]![q]!;
  }
  return out;
}

/**
 * The columns a header chunk in a gutter should name only when none else is near: those the
 * header rows below the line already name, and those of no numbers (the row names).
 */
function namedBelow(rows: Row[], wordy: ReadonlySet<number>): Set<number> {
  return new Set([
    ...wordy,
    ...rows.flatMap((r) => [...r.cells].filter(([, ps]) => cellText(ps).trim() !== '').map(([c]) => c)),
  ]);
}

/** Every chunk of `lower` is under a chunk of `upper` that fills exactly that one column. */
function wrapsHeader(lower: TextLine, upper: TextLine, cols: Col[]): boolean {
  const single = new Set(
    upper.chunks
      .map((c) => fit(c, cols))
      .filter((cs) => cs.length === 1)
      .map((cs) => cs[0]!),
  );
  return lower.chunks.every((c) => {
    const cs = fit(c, cols);
    return cs.length === 1 && single.has(cs[0]!);
  });
}
