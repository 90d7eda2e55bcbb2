// Tables without a full grid of ruling lines, from text geometry alone: body
// rows are lines of several chunks with a number after the first chunk,
// columns are the x ranges those chunks cover (the gutters no body chunk
// crosses), header rows are the chunked lines just above, and lines without a
// number between rows are wrapped cells of the row they belong to.
//
// Deliberately conservative, since prose must never come out as a table: at
// least 3 columns, 2 body rows, one column of numbers in most body rows; no
// dot leaders (a table of contents) and no key：value pairs (a form).
import type { BBox } from '../schema/report.ts';
import type { TextItem } from '../pdf/types.ts';
import { isFigureCell, readCellNumber } from '../text/cell-number.ts';
import { unionBox } from '../util/geometry.ts';
import { cellText, textLines, type Chunk, type Piece, type TextLine } from './chunks.ts';
import { isHeaderWord } from '../vocab/header-words.ts';
import { isInfoRow } from './headers.ts';
import type { DraftTable } from './ruled.ts';
import {
  unionColumns,
  columnsOf,
  columnsOfSorted,
  consistent,
  covering,
  fit,
  mergeSorted,
  nearest,
  overlap,
  sameColumns,
  sortedChunks,
  type Col,
} from './text-columns.ts';

/** Two lines further apart than this many ems are not in one table. */
const MAX_GAP_EMS = 4;
const MAX_HEADER_LINES = 3;
const LEADER = /[.．。…⋯·・•_\-—－]{4,}/;
const KEY = /[：:]$/;

export function textTables(items: TextItem[]): DraftTable[] {
  const lines = textLines(items);
  if (lines.length === 0) return [];
  const [left, , right] = unionBox(lines.flatMap((l) => l.chunks.map((c) => [c.x0, 0, c.x1, 0])))!;
  const isStarter = lines.map(starter);
  // A line that could sit in a table: several chunks, or one short chunk (a wrapped cell).
  const tableish = lines.map(
    (l, i) =>
      isStarter[i] ||
      l.chunks.length >= 2 ||
      (l.chunks.length === 1 && l.chunks[0]!.x1 - l.chunks[0]!.x0 < 0.4 * (right - left)),
  );
  const out: DraftTable[] = [];
  let i = 0;
  // The first line the next table may take (its header must not take the last rows of the one above).
  let floor = 0;
  while (i < lines.length) {
    if (!isStarter[i]) {
      i++;
      continue;
    }
    const table = readTable(lines, { first: i, floor }, isStarter, tableish);
    if (table) {
      out.push(table.draft);
      i = floor = table.next;
    } else i = extentOf(lines, i, isStarter, tableish) + 1;
  }
  return out;
}

/**
 * The last line of the table whose first body row is lines[first]: table-ish
 * lines follow each other closely, and each further body row keeps the
 * columns consistent (one chunk per column); the first that does not, or a
 * line of prose across the columns, ends the table.
 */
function extentOf(lines: TextLine[], first: number, isStarter: boolean[], tableish: boolean[]): number {
  let end = first;
  const body = [lines[first]!];
  // The body's chunks sorted by x0 and its columns, kept as rows are added (rebuilding them for
  // every row was quadratic in a long table); every body line is checked again only when the
  // columns change, since a line consistent with them stays so while they stay the same.
  let spans = sortedChunks(body);
  let cols = columnsOfSorted(spans);
  let checked = false;
  for (let k = first + 1; k < lines.length && tableish[k] && gapEms(lines[k - 1]!, lines[k]!) <= MAX_GAP_EMS; k++) {
    const line = lines[k]!;
    if (isStarter[k]) {
      const nextSpans = mergeSorted(spans, line.chunks);
      const next = columnsOfSorted(nextSpans);
      const unchanged = checked && sameColumns(cols, next);
      if (!(unchanged ? consistent(line, next) : [...body, line].every((l) => consistent(l, next)))) break;
      body.push(line);
      [spans, cols, checked] = [nextSpans, next, true];
    } else if ((body.length >= 2 && !linesUp(line, cols)) || line.chunks.some((c) => CAPTION.test(c.text))) break;
    end = k;
  }
  return end;
}

/**
 * A line without figures lines up with a block's columns: each of its chunks over one column and
 * on it (a wrapped cell's line), or beside them all (a cell merged down the rows, centred on them:
 * 项目资金 left of the names); a header of other columns (一级指标 | 二级指标 | 三级指标, set left
 * where the funds block above has its amounts set right) has words in the block's gutters.
 */
function linesUp(line: TextLine, cols: Col[]): boolean {
  return line.chunks.every((c) => {
    if (c.x1 <= cols[0]!.x0 || c.x0 >= cols[cols.length - 1]!.x1) return true;
    const f = fit(c, cols);
    return f.length === 1 && overlap(c, cols[f[0]!]!) > 0;
  });
}

function starter(line: TextLine): boolean {
  return line.chunks.length >= 2 && line.chunks.slice(1).some((c) => isFigureCell(c.text));
}

function gapEms(upper: TextLine, lower: TextLine): number {
  return (upper.y - lower.y) / Math.max(upper.size, lower.size);
}

/** A block of body rows with columns of its own: its first starter, the last line of its run, its starters and columns. */
interface Block {
  first: number;
  end: number;
  body: Body;
}

/**
 * The blocks of the table whose first body row is lines[first]: the run of
 * rows whose columns agree (extentOf), then, where a row's chunks no longer
 * line up with them, the next block if the table goes on (nextBlock) and its
 * rows read as a table of their own.
 */
function blocksFrom(lines: TextLine[], first: number, isStarter: boolean[], tableish: boolean[]): Block[] {
  const blocks: Block[] = [];
  for (let k: number | null = first; k !== null;) {
    const end = extentOf(lines, k, isStarter, tableish);
    const body = bodyColumns(lines, k, end, isStarter);
    const prev = blocks[blocks.length - 1];
    // A block of one row (a 总分 row under a line of words) is read with the block above when it lines up with it.
    // A block's first row at the foot of a page under a header of its own (the table carried over): a block of one row.
    const foot =
      !body && prev && headed(lines, prev.end, k)
        ? footRow(lines, { from: prev.end + 1, first: k, end }, isStarter)
        : null;
    const joined = !body && !foot && prev ? bodyColumns(lines, prev.first, end, isStarter) : null;
    if (joined) Object.assign(prev!, { end, body: joined });
    else if (body ?? foot) blocks.push({ first: k, end, body: (body ?? foot)! });
    else break;
    k = nextBlock(lines, end, isStarter, tableish);
  }
  return blocks;
}

/** Lines between two blocks at most: a header of a few lines, a row of words across the table. */
const MAX_BETWEEN_LINES = 6;
/** A caption or a unit line: what stands between two tables, not inside one. */
const CAPTION = /表$|表[（(]|^[（(]?(?:金额)?单位\s*[：:]/;
/** … and a key：value line (填报单位：) between two blocks. */
const BETWEEN_TABLES = new RegExp(`${CAPTION.source}|[：:]$`);

/**
 * The first body row of the block after lines[end], or null when the table
 * ends there: the lines up to it follow each other closely, could sit in a
 * table, and none is a caption or a unit line (two tables one above the other).
 */
function nextBlock(lines: TextLine[], end: number, isStarter: boolean[], tableish: boolean[]): number | null {
  for (let k = end + 1; k < lines.length && k <= end + MAX_BETWEEN_LINES; k++) {
    if (!tableish[k] || gapEms(lines[k - 1]!, lines[k]!) > MAX_GAP_EMS) return null;
    if (lines[k]!.chunks.some((c) => BETWEEN_TABLES.test(c.text))) return null;
    if (isStarter[k]) return k;
  }
  return null;
}

/** Reads the table whose first body row is lines[first], its header above it but not above lines[floor]. */
function readTable(
  lines: TextLine[],
  { first, floor }: { first: number; floor: number },
  isStarter: boolean[],
  tableish: boolean[],
): { draft: DraftTable; next: number } | null {
  const blocks = blocksFrom(lines, first, isStarter, tableish);
  if (blocks.length === 0) return null;
  const grid = unionColumns(blocks.map((b) => ({ cols: b.body.cols, numeric: numericColumns(lines, b.body) })));
  const starters = blocks.flatMap((b) => b.body.starters);
  const rowPitch = rowPitchOf(lines, starters);
  const read = readBlocks(lines, blocks, { floor, rowPitch }, isStarter);
  const leading = leadingOf(read.flatMap((r) => r.rows));
  if (process.env.DBG)
    console.error(
      'pitch',
      rowPitch,
      'leading',
      leading,
      read.map((r) => r.rows.length),
    );
  const pitch: Pitch = { row: rowPitch, leading };
  if (read.reduce((n, r) => n + r.rows.filter((row) => row.lines.some((l) => starter(l))).length, 0) < 2) return null;
  const all: Row[] = [];
  read.forEach(({ rows, lead, after }, j) => {
    const mended = mendWraps(rows, leading);
    spanGroups(mended);
    const onGrid = mended.map((r) => onColumns(r, grid.spans[j]!));
    if (j === 0)
      all.push(...headerRows(lines, lead, { cols: grid.cols, pitch, floor }, wordyColumns(onGrid, grid.cols)));
    else all.push(...betweenRows(lines, after + 1, lead - 1, grid.cols, pitch));
    all.push(...onGrid);
  });
  const next = read[read.length - 1]!.bodyEnd + 1;
  return { draft: gridOf(all, grid.cols), next };
}

/** Each block's rows, the first lines of its first row set above its numbers joined to it. */
function readBlocks(
  lines: TextLine[],
  blocks: Block[],
  { floor, rowPitch }: { floor: number; rowPitch: number },
  isStarter: boolean[],
): { rows: Row[]; bodyEnd: number; lead: number; after: number }[] {
  let last = floor - 1;
  return blocks.map((b) => {
    const { rows, bodyEnd } = bodyRows(lines, { first: b.first, end: b.end, rowPitch }, isStarter, b.body);
    const lead = leadOf(lines, b, rows[0]!, { floor: last + 1, rowPitch });
    const out = { rows, bodyEnd, lead, after: last };
    last = bodyEnd;
    return out;
  });
}

/** Which of a block's columns hold numbers in most of the rows that fill them. */
function numericColumns(lines: TextLine[], body: Body): boolean[] {
  const counts = body.cols.map(() => ({ numbers: 0, all: 0 }));
  for (const k of body.starters)
    for (const chunk of lines[k]!.chunks) {
      const at = counts[fit(chunk, body.cols)[0]!];
      if (!at) continue;
      at.all++;
      if (readCellNumber(chunk.text) !== null) at.numbers++;
    }
  return counts.map((c) => c.all > 0 && 2 * c.numbers >= c.all);
}

/** Columns whose body cells hold no number (the row names): a header placed by nearness goes there last. */
function wordyColumns(rows: Row[], cols: Col[]): Set<number> {
  return new Set(
    cols.flatMap((_, c) => (rows.some((r) => readCellNumber(cellText(r.cells.get(c) ?? [])) !== null) ? [] : [c])),
  );
}

/**
 * The first line of a block's first row: the first lines of its wrapped cells,
 * set above its numbers, are not header (they join the row, on the block's columns).
 */
function leadOf(
  lines: TextLine[],
  b: Block,
  row: Row,
  { floor, rowPitch }: { floor: number; rowPitch: number },
): number {
  let lead = b.first;
  while (
    lead > floor &&
    lines[lead - 1]!.chunks.every((c) => fit(c, b.body.cols).length === 1) &&
    sameRow(lines[lead - 1]!, lines.slice(lead, b.first + 1), { row: rowPitch, leading: 0 })
  )
    lead--;
  for (let k = lead; k < b.first; k++) addLine(row, lines[k]!, b.body.cols);
  return lead;
}

/** A row read on its block's columns, laid on the table's grid: a cell over several grid columns covers those after its first. */
function onColumns(row: Row, spans: [number, number][]): Row {
  const out: Row = { lines: row.lines, cells: new Map(), covered: new Set() };
  for (const [c, pieces] of row.cells) {
    const [from, to] = spans[c]!;
    out.cells.set(from, pieces);
    for (let k = from + 1; k <= to; k++) out.covered.add(k);
  }
  for (const c of row.covered) {
    const [from, to] = spans[c]!;
    for (let k = from; k <= to; k++) if (!out.cells.has(k)) out.covered.add(k);
  }
  if (row.spannedDown) out.spannedDown = new Map([...row.spannedDown].map(([c, ps]) => [spans[c]![0], ps]));
  return out;
}

/**
 * The lines between two blocks (a segment header, a row of words across the
 * table), each a row of its own on the grid but for the lines of one row: a
 * wrapped header cell, or cells set between the lines of others.
 */
function betweenRows(lines: TextLine[], from: number, to: number, cols: Col[], pitch: Pitch): Row[] {
  const rows: Row[] = [];
  for (let k = to; k >= from; k--) {
    const line = lines[k]!;
    const below = rows[0];
    if (below && oneHeaderRow(line, below, cols, pitch)) addLine(below, line, cols, fitHeader(line, cols));
    else rows.unshift(newRow(line, cols, fitHeader(line, cols)));
  }
  return rows;
}

interface Body {
  /** the indices of the lines that open a body row */
  starters: number[];
  cols: Col[];
}

/**
 * The body rows' columns, when the run reads as a table: two rows or more, three
 * columns or more, one chunk per column in each row, a column of numbers in
 * most rows, and neither dot leaders (a table of contents) nor key：value cells (a form).
 */
function bodyColumns(lines: TextLine[], first: number, end: number, isStarter: boolean[]): Body | null {
  const starters = range(first, end).filter((k) => isStarter[k]);
  if (starters.length < 2) return null;
  const rowCols = columnsOf(starters.map((k) => lines[k]!));
  if (rowCols.length < 3) return null;
  // A cell merged down several rows and centred on them stands on a line of its own, in a column
  // beside the rows' (项目资金 left of 年度资金总额 | 其中：当年财政拨款 …): a column too.
  const outside = range(first, end)
    .filter((k) => !isStarter[k])
    .flatMap((k) => lines[k]!.chunks)
    .filter((c) => fit(c, rowCols).length === 0);
  const cols =
    outside.length === 0
      ? rowCols
      : columnsOfSorted(mergeSorted(sortedChunks(starters.map((k) => lines[k]!)), outside));
  // Body rows must put one chunk in each column they fill.
  if (!starters.every((k) => consistent(lines[k]!, cols))) return null;
  const bodyChunks = starters.flatMap((k) => lines[k]!.chunks);
  if (bodyChunks.some((c) => LEADER.test(c.text))) return null;
  const textChunks = bodyChunks.filter((c) => readCellNumber(c.text) === null);
  if (textChunks.length > 0 && textChunks.filter((c) => KEY.test(c.text)).length * 2 >= textChunks.length) return null;
  const numericCol = cols.some(
    (_, c) =>
      starters.filter((k) => lines[k]!.chunks.some((ch) => fit(ch, cols)[0] === c && readCellNumber(ch.text))).length *
        3 >=
      starters.length * 2,
  );
  return numericCol ? { starters, cols } : null;
}

/**
 * A block of one body row, the last row of the page: the table runs over the page break with the
 * block's first row under its header (lines[from] on). Its chunks are its columns (at least three,
 * one figure after the first), and its header's chunks beside them (a column the row leaves blank:
 * 偏差原因分析及改进措施), with no dot leaders; only page furniture (a page number) may stand below it.
 */
function footRow(
  lines: TextLine[],
  { from, first, end }: { from: number; first: number; end: number },
  isStarter: boolean[],
): Body | null {
  const starters = range(first, end).filter((k) => isStarter[k]);
  if (starters.length !== 1 || lines.slice(end + 1).some((l) => !FOLIO.test(l.chunks.map((c) => c.text).join(''))))
    return null;
  const line = lines[starters[0]!]!;
  if (line.chunks.length < 3 || line.chunks.some((c) => LEADER.test(c.text))) return null;
  const own = columnsOf([line]);
  const beside = range(from, first - 1)
    .flatMap((k) => lines[k]!.chunks)
    .filter((c) => own.every((col) => overlap(c, col) <= 0));
  const cols = beside.length === 0 ? own : columnsOfSorted(mergeSorted(sortedChunks([line]), beside));
  return consistent(line, cols) ? { starters, cols } : null;
}

/** A line between two blocks names columns: two of its cells are a header's words (二级指标, 年度指标值 …). */
function headed(lines: TextLine[], from: number, to: number): boolean {
  return lines
    .slice(from + 1, to)
    .some((l) => l.chunks.filter((c) => isHeaderWord(c.text.replace(/\s+/g, ''))).length >= 2);
}

/** A page number line (— 4 —, 第3页): what may stand below a table at the foot of a page. */
const FOLIO = /^[-—–－\s]*(?:第\s*)?[0-9]{1,4}(?:\s*页)?(?:\s*[/共]\s*[0-9]+\s*页?)?[-—–－\s]*$/;

interface Row {
  lines: TextLine[];
  cells: Map<number, Piece[]>;
  /** columns covered by a chunk that starts further left (a spanning cell) */
  covered: Set<number>;
  /** header rows: columns a cell spans over (covered) from the column it sits in, left or right */
  spannedFrom?: Map<number, number>;
  /** body rows: a cell merged down over this row from a row above or below (its pieces are that row's) */
  spannedDown?: Map<number, Piece[]>;
}

function addLine(row: Row, line: TextLine, cols: Col[], fits = line.chunks.map((c) => fit(c, cols))): void {
  row.lines.push(line);
  line.chunks.forEach((chunk, i) => {
    const cs = fits[i]!;
    const c0 = cs[0]!;
    row.cells.set(c0, [...(row.cells.get(c0) ?? []), ...chunk.pieces]);
    for (const c of cs.slice(1)) row.covered.add(c);
  });
}

function newRow(line: TextLine, cols: Col[], fits?: number[][]): Row {
  const row: Row = { lines: [], cells: new Map(), covered: new Set() };
  addLine(row, line, cols, fits);
  return row;
}

/**
 * The body's rows: each starter opens one; a line between them joins the row
 * nearer to it or the one whose text cells it wraps, opens the next row when it
 * is written above that row's numbers, or else is a row of its own. Prose across
 * the columns, or a line after the last row that belongs to none, ends the body.
 */
function bodyRows(
  lines: TextLine[],
  { first, end, rowPitch }: { first: number; end: number; rowPitch: number },
  isStarter: boolean[],
  { starters, cols }: Body,
): { rows: Row[]; bodyEnd: number } {
  const rows: Row[] = [];
  const textCols = (row: Row) =>
    new Set([...row.cells].filter(([, ps]) => readCellNumber(cellText(ps)) === null).map(([c]) => c));
  const fits = (l: TextLine) => l.chunks.every((c) => fit(c, cols).length === 1);
  const wraps = (l: TextLine, row: Row) => {
    const cs = l.chunks.map((c) => fit(c, cols)[0]!);
    const tc = textCols(row);
    return !cs.includes(0) && cs.every((c) => tc.has(c)) && !starter(l);
  };

  let bodyEnd = first;
  for (let k = first; k <= end; k++) {
    const line = lines[k]!;
    if (isStarter[k]) {
      if (!fits(line)) break;
      rows.push(newRow(line, cols));
      bodyEnd = k;
      continue;
    }
    if (!fits(line)) break; // prose between two tables ends this one
    const prev = rows[rows.length - 1]!;
    const dPrev = Math.min(...prev.lines.map((l) => l.y)) - line.y;
    const nextStarter = starters.find((s) => s > k);
    const dNext = nextStarter !== undefined ? line.y - lines[nextStarter]!.y : Infinity;
    const near = Math.min(dPrev, dNext) < 0.8 * rowPitch;
    // The first line of a row without figures (逐步提高 | 有所提高), its next line nearer than the row above.
    const dBelow = k + 1 < lines.length && !isStarter[k + 1] ? line.y - lines[k + 1]!.y : Infinity;
    const opens = dBelow < 0.8 * dPrev && dBelow < 0.8 * rowPitch;
    if (opens && nextStarter === undefined) break; // the first line of what follows the block (a header)
    if (wordsRow(line, prev, cols) || (!near && wordsAcross(line, cols) && dPrev >= 0.9 * rowPitch))
      rows.push(newRow(line, cols));
    else if (near && dPrev <= dNext && !opens) addLine(prev, line, cols);
    else if (!(near && nextStarter !== undefined) && !opens && wraps(line, prev)) addLine(prev, line, cols);
    else if (opens) rows.push(newRow(line, cols));
    else if (nextStarter === undefined)
      break; // after the last row: not part of the table
    else if (dNext < 0.8 * rowPitch) {
      // A line of the next row written above its numbers (cells centred vertically).
      const row = newRow(lines[nextStarter]!, cols);
      addLine(row, line, cols);
      rows.push(row);
      k = nextStarter;
      bodyEnd = k;
      continue;
    } else rows.push(newRow(line, cols));
    bodyEnd = k;
  }
  return { rows, bodyEnd };
}

/**
 * How far apart two lines of one cell are: the median over the rows' cells written over several
 * lines (其中：当年财 | 政拨款) of the distance between their lines; 0 when no cell wraps. Rows of one
 * line stand further apart by the cells' padding.
 */
function leadingOf(rows: Row[]): number {
  const gaps: number[] = [];
  for (const row of rows)
    for (const pieces of row.cells.values()) {
      const ys = [...new Set(pieces.map((p) => Math.round(p.y * 10) / 10))].sort((a, b) => b - a);
      ys.slice(1).forEach((y, i) => gaps.push(ys[i]! - y));
      if (process.env.DBG && ys.length > 1) console.error('cell', cellText(pieces), ys);
    }
  return median(gaps);
}

/** How far apart the rows of one line are, and two lines of one wrapped cell (0 where no cell wraps). */
interface Pitch {
  row: number;
  leading: number;
}

/** Two lines this close, or closer, are two lines of one cell (given the leading). */
const ONE_CELL = 1.1;

/**
 * Rows that are one: where a narrow column wrapped a value (≥12000 人 over 次), the row's lines one
 * leading apart, one holding only cells the other continues and no column with figures on both; and
 * a cell merged down several rows and wrapped over lines, centred on them (项目资 | 金 beside
 * 上年结转资金 and 其他资金): texts of one column in two rows one leading apart are one cell, the upper row's.
 */
function mendWraps(rows: Row[], leading: number): Row[] {
  if (leading === 0) return rows;
  const out: Row[] = [];
  for (const row of rows) {
    const above = out[out.length - 1];
    if (above && oneRow(above, row, leading)) {
      for (const [c, pieces] of row.cells) above.cells.set(c, [...(above.cells.get(c) ?? []), ...pieces]);
      above.lines.push(...row.lines);
      continue;
    }
    if (above) joinFragments(above, row, leading);
    out.push(row);
  }
  return out;
}

/**
 * A row group: a column left of the figures holding one text in the whole block (项目资金 merged
 * down beside the funds rows, its lines joined) names every row of the block, as a merged cell's
 * text is repeated in every grid cell it covers.
 */
function spanGroups(rows: Row[]): void {
  if (rows.length < 2) return;
  const firstFigure = Math.min(...rows.flatMap((r) => [...r.cells].filter(([, ps]) => isFigure(ps)).map(([c]) => c)));
  const cols = new Set(rows.flatMap((r) => [...r.cells.keys()]));
  for (const c of cols) {
    const holding = rows.filter((r) => cellText(r.cells.get(c) ?? []).trim() !== '');
    if (c >= firstFigure || holding.length !== 1 || isFigure(holding[0]!.cells.get(c))) continue;
    const pieces = holding[0]!.cells.get(c)!;
    for (const r of rows) if (r !== holding[0]) (r.spannedDown ??= new Map()).set(c, pieces);
  }
}

const near = (a: number, b: number, leading: number) => a - b > 0 && a - b <= ONE_CELL * leading;
const lowest = (pieces: Piece[]) => Math.min(...pieces.map((p) => p.y));
const highest = (pieces: Piece[]) => Math.max(...pieces.map((p) => p.y));
const isFigure = (pieces: Piece[] | undefined) => pieces !== undefined && isFigureCell(cellText(pieces));

function oneRow(above: Row, row: Row, leading: number): boolean {
  const a = [...above.cells.keys()];
  const b = [...row.cells.keys()];
  const within = (xs: number[], ys: number[]) => xs.every((c) => ys.includes(c));
  if (!(within(a, b) || within(b, a))) return false;
  if (a.some((c) => isFigure(above.cells.get(c)) && isFigure(row.cells.get(c)))) return false;
  const bottom = Math.min(...above.lines.map((l) => l.y));
  const top = Math.max(...row.lines.map((l) => l.y));
  return near(bottom, top, leading);
}

function joinFragments(above: Row, row: Row, leading: number): void {
  for (const [c, pieces] of [...row.cells]) {
    const over = above.cells.get(c);
    if (!over || isFigure(pieces) || isFigure(over) || !near(lowest(over), highest(pieces), leading)) continue;
    above.cells.set(c, [...over, ...pieces]);
    row.cells.delete(c);
  }
}

/**
 * A row of words under a row of figures (效益指标 | 社会效益指标 | … | 逐步提高 | 有所提高, targets
 * in words): cells in three columns or more, one under a figure of the row above — a wrapped
 * cell's lines hold names, and figures do not wrap into words.
 */
function wordsRow(line: TextLine, prev: Row, cols: Col[]): boolean {
  const at = line.chunks.map((c) => fit(c, cols)[0]!);
  return new Set(at).size >= 3 && at.some((c) => isFigure(prev.cells.get(c)));
}

/**
 * A line of words in three columns or more, no figure among them: a row of words a row
 * apart from the row above (two indicators whose targets are words, one under the other), where a
 * wrapped cell's next line stands a leading below its first.
 */
function wordsAcross(line: TextLine, cols: Col[]): boolean {
  const at = line.chunks.map((c) => fit(c, cols)[0]!);
  return new Set(at).size >= 3 && !line.chunks.some((c) => isFigureCell(c.text));
}

/** Header: chunked lines directly above the first row whose chunks sit over the columns. */
function headerRows(
  lines: TextLine[],
  first: number,
  { cols, pitch, floor }: { cols: Col[]; pitch: Pitch; floor: number },
  wordy: ReadonlySet<number>,
): Row[] {
  const header: Row[] = [];
  let top = lines[first]!;
  for (let k = first - 1; k >= floor && header.length <= MAX_HEADER_LINES; k--) {
    const line = lines[k]!;
    // A key：value line above (填报单位：…　单位：万元) or the caption (…表) is not a header.
    if (
      gapEms(line, top) > MAX_GAP_EMS ||
      line.chunks.some((c) => fit(c, cols).length === 0 || /[：:]|表$/.test(c.text))
    )
      break;
    const below = header[0];
    // A header line wrapped under the one above it ("年初预算数" over "（万元）") is one header row; so is one
    // that holds the first lines of the row's cells (全年预算 over 数) or stands less than a line above it.
    if (below && oneHeaderRow(line, below, cols, pitch))
      addLine(below, line, cols, fitHeader(line, cols, namedBelow(header.slice(1), wordy)));
    else if (line.chunks.length >= 2 && header.length < MAX_HEADER_LINES)
      header.unshift(newRow(line, cols, fitHeader(line, cols, namedBelow(header, wordy))));
    else if (
      header.length > 0 &&
      header.length < MAX_HEADER_LINES &&
      line.chunks.length === 1 &&
      gapEms(line, top) <= 1.8 &&
      fit(line.chunks[0]!, cols).length >= 2 &&
      !/表$/.test(line.chunks[0]!.text)
    ) {
      // One chunk over several columns right above the header: a spanning header cell (预算执行情况（万元）).
      header.unshift(newRow(line, cols));
    } else {
      // One chunk: only the wrapped tail of the header line above it.
      const up = k > floor ? lines[k - 1] : undefined;
      if (
        header.length >= MAX_HEADER_LINES ||
        !up ||
        up.chunks.length < 2 ||
        gapEms(up, line) > 1.6 ||
        !wrapsHeader(line, up, cols)
      )
        break;
      header.unshift(newRow(line, cols));
    }
    top = line;
  }
  // Two header rows only: over three (a 决算 table's 支出决算 › 基本支出 › 人员经费), which row a name
  // sits in says less than where it stands, and the spans are read from the grid as it is.
  if (header.length === 2) spanOverSubheaders(header[0]!, header[1]!, cols);
  return header;
}

/**
 * A line above a header row is part of it: the line it wraps under ("年初预算数" over "（万元）"),
 * nearer than the body's rows are to each other (a cover line a row above is not); or the first
 * lines of the row's cells (全年预算 over 数), or cells standing less than a line above it (sameRow).
 */
function oneHeaderRow(line: TextLine, below: Row, cols: Col[], pitch: Pitch): boolean {
  // A cover line (项目名称 | …, 主管部门 | … | 实施单位 | …) is a row of its own.
  if ([line, ...below.lines].some((l) => isInfoRow(l.chunks.map((c) => c.text)))) return false;
  const top = below.lines.reduce((a, b) => (a.y > b.y ? a : b));
  const wrapped =
    below.lines.length === 1 &&
    gapEms(line, top) <= 1.6 &&
    (pitch.row === 0 || line.y - top.y < 0.85 * pitch.row) &&
    wrapsHeader(below.lines[0]!, line, cols);
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
 * A header cell over sub-headers spans them: in a header of two rows, a column
 * the row below names but this row does not is spanned by the nearer of this row's cells on
 * either side of it, among those that have a sub-header under their own column (预算执行情况（万元）
 * over 年初预算数 | 全年预算数 | 全年执行数, set left or centred and narrower than the three). A cell
 * with nothing under it (执行率 down both rows) spans no sub-header.
 */
function spanOverSubheaders(upper: Row, lower: Row, cols: Col[]): void {
  const named = (row: Row, c: number) => cellText(row.cells.get(c) ?? []).trim() !== '';
  const heads = [...upper.cells.keys()].filter((c) => named(upper, c)).sort((a, b) => a - b);
  const extent = (c: number) => {
    const ps = upper.cells.get(c)!;
    return { x0: Math.min(...ps.map((p) => p.x0)), x1: Math.max(...ps.map((p) => p.x1)) };
  };
  cols.forEach((col, c) => {
    if (named(upper, c) || upper.covered.has(c) || !named(lower, c)) return;
    const left = heads.filter((h) => h < c).pop();
    const right = heads.find((h) => h > c);
    const candidates = [left, right].filter((h): h is number => h !== undefined && named(lower, h));
    if (candidates.length === 0) return;
    const distance = (h: number) => Math.max(0, -overlap(extent(h), col));
    const from = candidates.reduce((a, b) => (distance(b) < distance(a) ? b : a));
    upper.covered.add(c);
    (upper.spannedFrom ??= new Map()).set(c, from);
  });
}

/** The rows' cells as a grid: each cell's text and box; a cell covered by a spanning chunk repeats its text with no box. */
function gridOf(all: Row[], cols: Col[]): DraftTable {
  const table: string[][] = [];
  const boxes: (BBox | null)[][] = [];
  const used = new Set<TextItem>();
  for (const row of all) {
    const ys = row.lines.map((l) => l.y);
    const size = Math.max(...row.lines.map((l) => l.size));
    const y0 = Math.min(...ys) - 0.25 * size;
    const y1 = Math.max(...ys) + 0.85 * size;
    const texts: string[] = [];
    const bs: (BBox | null)[] = [];
    cols.forEach((col, c) => {
      const down = row.cells.has(c) ? undefined : row.spannedDown?.get(c);
      if (down) {
        texts.push(cellText(down));
        bs.push(null);
        return;
      }
      if (row.covered.has(c) && !row.cells.has(c)) {
        const from = row.spannedFrom?.get(c);
        texts.push(from !== undefined ? cellText(row.cells.get(from)!) : (texts[c - 1] ?? ''));
        bs.push(null);
        return;
      }
      const ps = row.cells.get(c) ?? [];
      for (const p of ps) used.add(p.item);
      texts.push(cellText(ps));
      bs.push([col.x0, y0, col.x1, y1]);
    });
    table.push(texts);
    boxes.push(bs);
  }
  const flat = boxes.flat().filter((b): b is BBox => b !== null);
  const bbox: BBox = unionBox(flat)!;
  return { bbox, rows: table, cellBoxes: boxes, items: used };
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
function fitHeader(line: TextLine, cols: Col[], named: ReadonlySet<number> = new Set()): number[][] {
  const fits = line.chunks.map((c) => {
    const cs = covering(c, cols);
    return cs.length > 0 || !cols.some((col) => overlap(c, col) > 0) ? cs : nearest(c, cols);
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
      { left, right, named },
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
  { left, right, named }: { left: number | null; right: number | null; named: ReadonlySet<number> },
  before?: Chunk,
  after?: Chunk,
): number[] {
  const lo = left ?? 0;
  const m = (right ?? cols.length - 1) - lo + 1;
  // No column between the neighbours (they span over each other): each chunk as fit places it.
  if (m <= 0) return chunks.map((c) => nearest(c, cols)[0] ?? lo);
  // A column already named below, or of row names, costs an em more: a gutter chunk names an unnamed number column first.
  const far = (c: Chunk, q: number) =>
    Math.max(0, cols[q]!.x0 - c.x1, c.x0 - cols[q]!.x1) + (named.has(q) ? c.size : 0);
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

/**
 * Is `upper` part of the row below it (its lines top first)? The first lines of the row's wrapped
 * cells (全年预算 over 数): each chunk over one of the row's, on its left edge, right edge or centre,
 * at least as wide, short of the row's cells on either side (a header spanning several cells reaches
 * over the next one), closer than the body's rows are to each other. Cells of the row set between
 * its lines (centred where others wrap) stand less than a line above and over none of its chunks. A
 * header centred over two cells below is a row of its own.
 */
function sameRow(upper: TextLine, rowLines: TextLine[], pitch: Pitch): boolean {
  const top = rowLines[0]!;
  const close = gapEms(upper, top) < 0.9;
  // Lines of one row are a leading apart at most (a cover line a row above is not one of them).
  const within = pitch.leading > 0 ? Math.min(0.9 * pitch.row, ONE_CELL * pitch.leading) : 0.9 * pitch.row;
  if (!close && upper.y - top.y >= within) return false;
  const row = rowLines.flatMap((l) => l.chunks).sort((a, b) => a.x0 - b.x0);
  return upper.chunks.every((u) => {
    const under = row.filter((l) => overlap(u, l) > 0);
    if (under.length !== 1) return under.length === 0 && close;
    const l = under[0]!;
    const i = row.indexOf(l);
    if (u.x1 - u.x0 < l.x1 - l.x0 - 1) return false;
    const aligned =
      Math.abs(u.x0 - l.x0) <= 1.5 || Math.abs(u.x1 - l.x1) <= 1.5 || Math.abs(u.x0 + u.x1 - l.x0 - l.x1) <= 3;
    return aligned && u.x1 < (row[i + 1]?.x0 ?? Infinity) && u.x0 > (row[i - 1]?.x1 ?? -Infinity);
  });
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

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}

/**
 * How far apart the baselines of two rows of one line are: the lower quartile of the distances
 * between the lines that open rows (the median was that of rows wrapped over two lines where most
 * were, and a cover line a row above the header read as part of it).
 */
function rowPitchOf(lines: TextLine[], starters: number[]): number {
  const gaps = starters
    .slice(1)
    .map((k, j) => lines[starters[j]!]!.y - lines[k]!.y)
    .sort((a, b) => a - b);
  return gaps.length === 0 ? 0 : gaps[Math.floor((gaps.length - 1) / 4)]!;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)]!;
}
