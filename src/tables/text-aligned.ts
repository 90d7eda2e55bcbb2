// Tables without a full grid of ruling lines, from text geometry alone: body
// rows are lines of several chunks with a number after the first chunk,
// columns are the x ranges those chunks cover (the gutters no body chunk
// crosses), header rows are the chunked lines just above, and lines without a
// number between rows are wrapped cells of the row they belong to.
//
// Deliberately conservative, since prose must never come out as a table: at
// least 3 columns, 2 body rows, one column of numbers in most body rows; no
// dot leaders (a table of contents) and no key：value pairs (a form).
//
// This file reads one table from its blocks; the parts: text-blocks.ts (which
// lines are body rows, where a block ends), text-rows.ts (a block's lines into
// rows), text-header-rows.ts (the header above), text-grid.ts (the cells).
import type { TextItem } from '../pdf/types.ts';
import { unionBox } from '../util/geometry.ts';
import { isHeaderWord } from '../vocab/header-words.ts';
import { cellText, textLines, type TextLine } from './chunks.ts';
import type { DraftTable } from './ruled.ts';
import { unionColumns, columnsOfSorted, fit, type Col } from './text-columns.ts';
import { gapEms, isFolio, starter, type Block, blocksFrom } from './text-blocks.ts';
import { headerRows, oneHeaderRow, fitHeader } from './text-header-rows.ts';
import { headerWordsApart } from './text-header-words.ts';
import { figureEdges, setRightColumns, wordyColumns, type BodyColumns } from './body-columns.ts';
import { keepWrapsInColumn } from './text-header-spans.ts';
import { numericColumns, onColumns, gridOf } from './text-grid.ts';
import {
  type Row,
  addLine,
  newRow,
  bodyRows,
  leadingOf,
  type Pitch,
  mendWraps,
  spanGroups,
  sameRow,
  hangsFrom,
  rowPitchOf,
} from './text-rows.ts';

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
    } else i++;
  }
  return out;
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
  // One row (a table's first row at the foot of a page): the header's last line stands a row above it.
  const rowPitch =
    starters.length > 1 || first === 0 ? rowPitchOf(lines, starters) : lines[first - 1]!.y - lines[first]!.y;
  const read = readBlocks(lines, blocks, { floor, rowPitch }, isStarter);
  const leading = leadingOf(read.flatMap((r) => r.rows));
  const pitch: Pitch = { row: rowPitch, leading };
  // Two body rows at least, or one under its header at the foot of a page (the table goes on overleaf).
  const least = blocks.some((b) => b.body.foot) ? 1 : 2;
  if (read.reduce((n, r) => n + r.rows.filter((row) => row.lines.some((l) => starter(l))).length, 0) < least)
    return null;
  const all: Row[] = [];
  const mendedAll = read.map(({ rows }) => mendWraps(rows, leading));
  // Which columns set their figures right, over every block: a block's own rows (one at a page's foot) may not tell.
  const setRight = setRightColumns(
    mendedAll.flatMap((rows, j) => onColumnsOf(rows, j)),
    grid.cols,
  );
  read.forEach(({ lead, after }, j) => {
    const mended = mendedAll[j]!;
    const onGrid = onColumnsOf(mended, j);
    const header =
      j === 0
        ? headerRows(lines, lead, { cols: grid.cols, pitch, floor }, bodyColumnsOf(onGrid, grid.cols))
        : tailsJoined(all, betweenRows(lines, after + 1, lead - 1, { cols: grid.cols, pitch, setRight }), leading);
    // A block under no header of its own on this page may go on a group from the page before.
    spanGroups(mended, { levels: header.length > 0 });
    all.push(...header, ...onColumnsOf(mended, j));
  });
  function onColumnsOf(rows: Row[], j: number): Row[] {
    return rows.map((r) => onColumns(r, grid.spans[j]!));
  }
  const bodyEnd = read[read.length - 1]!.bodyEnd;
  // A block's header left alone at the page's foot (its rows overleaf) is the table's last row.
  const foot = footHeader(lines, bodyEnd);
  const cols = foot > bodyEnd ? [...grid.cols, ...pastLast(lines.slice(bodyEnd + 1, foot + 1), grid.cols)] : grid.cols;
  if (foot > bodyEnd) all.push(...betweenRows(lines, bodyEnd + 1, foot, { cols, pitch, setRight }));
  return { draft: gridOf(all, cols), next: Math.max(foot, bodyEnd) + 1 };
}

/**
 * Columns of a header left alone at the page's foot past the table's last column: its block's rows
 * overleaf fill columns the block above has none of (权 | 得分 | 未完成原因分析 right of the funds
 * block's last figures), and read into that last column they named none of them.
 */
function pastLast(header: TextLine[], cols: Col[]): Col[] {
  const edge = cols[cols.length - 1]!.x1;
  const past = header.flatMap((l) => l.chunks.filter((c) => c.x0 >= edge)).sort((a, b) => a.x0 - b.x0);
  return past.length === 0 ? [] : columnsOfSorted(past);
}

/** What a block's rows say of the columns that places its header's words (body-columns.ts). */
function bodyColumnsOf(rows: Row[], cols: Col[]): BodyColumns {
  const setRight = setRightColumns(rows, cols);
  return { wordy: wordyColumns(rows, cols), setRight, edges: figureEdges(rows, cols, setRight) };
}

/**
 * The last line of a header standing alone after a table's last row at the foot of its page: lines
 * close below the row, without figures, one of them two of the genre's header words (一级指标 …
 * 偏差原因), nothing but a page number under them. The row's own index where there is none.
 */
function footHeader(lines: TextLine[], bodyEnd: number): number {
  let end = lines.length - 1;
  while (end > bodyEnd && isFolio(lines[end]!)) end--;
  const after = lines.slice(bodyEnd + 1, end + 1);
  if (after.length === 0 || after.length > 4 || gapEms(lines[bodyEnd]!, after[0]!) > 2.5) return bodyEnd;
  const words = (l: TextLine) => l.chunks.filter((c) => isHeaderWord(c.text.replace(/\s+/g, ''))).length;
  if (after.some((l) => starter(l) || l.chunks.some((c) => /表$|[：:]$/.test(c.text)))) return bodyEnd;
  return after.some((l) => words(l) >= 2) ? end : bodyEnd;
}

/** Each block's rows, the first lines of its first row set above its numbers joined to it. */
function readBlocks(
  lines: TextLine[],
  blocks: Block[],
  { floor, rowPitch }: { floor: number; rowPitch: number },
  isStarter: boolean[],
): { rows: Row[]; bodyEnd: number; lead: number; after: number }[] {
  let last = floor - 1;
  const read = blocks.map((b) => bodyRows(lines, { first: b.first, end: b.end, rowPitch }, isStarter, b.body));
  // A block whose rows wrap no cell (one or two rows under its header) measures by the table's leading.
  const table = leadingOf(read.flatMap((r) => r.rows));
  return blocks.map((b, j) => {
    const { rows, bodyEnd } = read[j]!;
    const leading = leadingOf(rows) || table;
    const lead = leadOf(lines, b, rows[0]!, { floor: last + 1, row: rowPitch, leading });
    const out = { rows, bodyEnd, lead, after: last };
    last = bodyEnd;
    return out;
  });
}

/**
 * The first line of a block's first row: the first lines of its wrapped cells,
 * set above its numbers, are not header (they join the row, on the block's columns).
 */
function leadOf(lines: TextLine[], b: Block, row: Row, { floor, ...pitch }: { floor: number } & Pitch): number {
  let lead = b.first;
  while (
    lead > floor &&
    !namesColumns(lines[lead - 1]!) &&
    lines[lead - 1]!.chunks.every((c) => fit(c, b.body.cols).length === 1) &&
    sameRow(lines[lead - 1]!, lines.slice(lead, b.first + 1), pitch, true) &&
    !hangsFrom(lines[lead - 1]!, lines[lead - 2], lines.slice(lead, b.first + 1), pitch.leading)
  )
    lead--;
  for (let k = lead; k < b.first; k++) addLine(row, lines[k]!, b.body.cols);
  return lead;
}

/** A line of two or more of the genre's header words and nothing else (年初预算数 | 全年预算数 | 全年执行数) names columns: it is no row's first line. */
function namesColumns(line: TextLine): boolean {
  const chunks = headerWordsApart(line).chunks;
  return chunks.length >= 2 && chunks.every((c) => isHeaderWord(c.text.replace(/\s+/g, '')));
}

/**
 * The lines between two blocks (a segment header, a row of words across the
 * table), each a row of its own on the grid but for the lines of one row: a
 * wrapped header cell, or cells set between the lines of others. A word in a
 * gutter past the figures of a column set right names a column further right
 * (权 | 重 set left in the weight's wide cell, nearer the actuals' figures).
 */
function betweenRows(
  lines: TextLine[],
  from: number,
  to: number,
  { cols, pitch, setRight }: { cols: Col[]; pitch: Pitch; setRight: ReadonlySet<number> },
): Row[] {
  const rows: Row[] = [];
  const fits = (line: TextLine) => fitHeader(line, cols, new Set(), setRight);
  for (let k = to; k >= from; k--) {
    const line = besideLeft(lines[k]!, cols);
    if (line.chunks.length === 0) continue;
    const below = rows[0];
    if (below && oneHeaderRow(line, below, cols, pitch)) addLine(below, line, cols, fits(line));
    else rows.unshift(newRow(line, cols, fits(line)));
  }
  rows.forEach(keepWrapsInColumn);
  return rows;
}

/**
 * A line between blocks without its cells wholly left of the table's columns: a cell merged down the
 * block below and set beside its header (绩效指标（90分） left of 一级指标, no column of its own on the
 * page) names no column, and read into the first it ran into its header (绩效指标（90 一级指标).
 */
function besideLeft(line: TextLine, cols: Col[]): TextLine {
  const chunks = line.chunks.filter((c) => c.x1 >= cols[0]!.x0);
  return chunks.length === line.chunks.length ? line : { ...line, chunks };
}

/**
 * The rows between two blocks that are the tails of the last row above, joined to it (mendWraps): a
 * row's cells set in its middle wrap round its figures (接待群众来 | 人 over its figures, 访 | 次
 * under them), and where that row ends its block, its last lines stood alone between the blocks —
 * a name cut short and a unit (人 for 人次) read wrong. Rows holding a header's words are the next
 * block's header.
 */
function tailsJoined(all: Row[], between: Row[], leading: number): Row[] {
  const last = all[all.length - 1];
  let k = 0;
  while (
    last &&
    k < between.length &&
    ![...between[k]!.cells.values()].some((ps) => isHeaderWord(cellText(ps).replace(/\s+/g, ''))) &&
    mendWraps([last, between[k]!], leading).length === 1
  )
    k++;
  return between.slice(k);
}
