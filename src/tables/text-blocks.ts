// The block finder of text-aligned tables (text-aligned.ts): which lines open
// a body row (a number after the first chunk), how far a run of rows with
// consistent columns goes, where the next block of the same table starts,
// and whether a run reads as a table at all (bodyColumns: the conservative
// tests that keep prose, contents pages and forms out).
import { isFigureCell, readCellNumber } from '../text/cell-number.ts';
import { isHeaderWord } from '../vocab/header-words.ts';
import { isLevelName } from '../vocab/indicators.ts';
import type { Chunk, TextLine } from './chunks.ts';
import { splitAtLevelNames } from './text-level-columns.ts';
import {
  columnsOf,
  columnsOfSorted,
  consistent,
  fit,
  mergeSorted,
  overlap,
  sameColumns,
  sortedChunks,
  type Col,
} from './text-columns.ts';

/** Lines of a header above a table's first row, at most. */
const MAX_HEADER_LINES = 3;

/** Two lines further apart than this many ems are not in one table. */
export const MAX_GAP_EMS = 4;

const LEADER = /[.．。…⋯·・•_\-—－]{4,}/;

const KEY = /[：:]$/;

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
  // The chunks of the lines between the rows read so far (names set on lines of their own).
  const between: Chunk[] = [];
  for (let k = first + 1; k < lines.length && tableish[k] && gapEms(lines[k - 1]!, lines[k]!) <= MAX_GAP_EMS; k++) {
    const line = lines[k]!;
    if (isStarter[k]) {
      const nextSpans = mergeSorted(spans, line.chunks);
      const next = columnsOfSorted(nextSpans);
      const unchanged = checked && sameColumns(cols, next);
      if (!(unchanged ? consistent(line, next) : [...body, line].every((l) => consistent(l, next)))) break;
      body.push(line);
      [spans, cols, checked] = [nextSpans, next, true];
    } else if (body.length >= 2 && !linesUp(line, cols, between))
      // A header's line of words under the block: the header's lines above it are not the block's either.
      return namesThree(line) ? headerTop(lines, k, first) - 1 : end;
    else if (line.chunks.some((c) => CAPTION.test(c.text))) break;
    else if (body.length === 1 && namesThree(line)) return headerTop(lines, k, end) - 1;
    else between.push(...line.chunks);
    end = k;
  }
  return end;
}

/**
 * A line of three of the genre's header words or more (二级指标 | 三级指标 | 年度指标值 …) under a
 * block's one row (the last funds row carried atop the page) is the header of the next block: with one
 * row there are no columns yet to tell a header's words from (figure columns drawn wide, 得分 set left
 * in a cell its figures stand right in, line up with the row's).
 */
function namesThree(line: TextLine): boolean {
  return line.chunks.filter((c) => isHeaderWord(c.text.replace(/\s+/g, ''))).length >= 3;
}

/**
 * The first line of the header whose line of words is lines[k]: the lines right above it, a leading
 * apart at most, none of them a row's (a starter), each nearer the header than the line above it (the
 * last line of a row's wrapped cell, 金 under 其他资, stands nearer its row), back to lines[end + 1].
 */
function headerTop(lines: TextLine[], k: number, end: number): number {
  let top = k;
  const joins = (j: number) =>
    !starter(lines[j]!) &&
    gapEms(lines[j]!, lines[j + 1]!) <= 1.6 &&
    (j - 1 <= end || lines[j - 1]!.y - lines[j]!.y >= lines[j]!.y - lines[j + 1]!.y);
  while (top - 1 > end && joins(top - 1)) top--;
  return top;
}

/**
 * A line without figures lines up with a block's columns: each of its chunks over one column and
 * on it (a wrapped cell's line), or beside them all (a cell merged down the rows, centred on them:
 * 项目资金 left of the names), or in a gutter under a chunk of the lines between the rows read so far:
 * a column whose cells are set on lines of their own, the rows' figures set in the middle of their
 * height between a name's two lines (服务质量达 | ≥95% … | 标率) — not a 一级 / 二级 name (a group
 * cell set between the rows, which ends no group). A header of other columns (一级指标 |
 * 二级指标 | 三级指标, set left where the funds block above has its amounts set right) has words in
 * the block's gutters.
 */
function linesUp(line: TextLine, cols: Col[], between: Chunk[]): boolean {
  const named = line.chunks.filter((c) => isHeaderWord(c.text.replace(/\s+/g, ''))).length;
  return line.chunks.every((c) => {
    if (c.x1 <= cols[0]!.x0 || c.x0 >= cols[cols.length - 1]!.x1) return true;
    const f = fit(c, cols);
    if (f.length === 1 && overlap(c, cols[f[0]!]!) > 0) return true;
    // (Not a 一级 / 二级 name set on a line of its own between the rows: a group cell centred on its rows.)
    const names = (b: Chunk) => !isLevelName(b.text) && cols.every((col) => overlap(b, col) <= 0);
    return named === 0 && names(c) && between.some((b) => overlap(b, c) > 0 && names(b));
  });
}

export function starter(line: TextLine): boolean {
  return line.chunks.length >= 2 && line.chunks.slice(1).some((c) => isFigureCell(c.text));
}

export function gapEms(upper: TextLine, lower: TextLine): number {
  return (upper.y - lower.y) / Math.max(upper.size, lower.size);
}

/** A block of body rows with columns of its own: its first starter, the last line of its run, its starters and columns. */
export interface Block {
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
export function blocksFrom(lines: TextLine[], first: number, isStarter: boolean[], tableish: boolean[]): Block[] {
  const blocks: Block[] = [];
  for (let k: number | null = first; k !== null;) {
    const end = extentOf(lines, k, isStarter, tableish);
    const body = bodyColumns(lines, k, end, isStarter);
    const prev = blocks[blocks.length - 1];
    // A block's first row at the foot of a page under a header of its own (the table carried over): a block of one row.
    // (The table's first block too: its header and first row at the foot of a page.)
    const above = prev ? prev.end : Math.max(-1, k - 1 - MAX_HEADER_LINES);
    // (Anywhere on the page under a line naming its every cell: a table of one row, or its part overleaf.)
    const named = !body && namesRow(lines, above, k);
    const foot =
      !body && (named || headed(lines, above, k))
        ? footRow(lines, { from: above + 1, first: k, end, named }, isStarter)
        : !body && !prev
          ? topRow(lines, { first: k, end }, isStarter, tableish)
          : null;
    // A block of one row (a 总分 row under a line of words) is read with the block above when it lines up with it.
    const joined = !body && !foot && prev ? bodyColumns(lines, prev.first, end, isStarter) : null;
    if (joined) Object.assign(prev!, { end, body: joined });
    else if (body ?? foot) blocks.push({ first: k, end, body: (body ?? foot)! });
    else break;
    k = nextBlock(lines, end, isStarter, tableish);
  }
  return blocks;
}

/** Lines between two blocks at most: a header of a few lines, a row of words across the table. */
const MAX_BETWEEN_LINES = 8;

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

export interface Body {
  /** the indices of the lines that open a body row */
  starters: number[];
  cols: Col[];
  /** a block of one row under its header at the foot of a page (footRow): the table goes on overleaf */
  foot?: boolean;
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
  // beside the rows' (项目资金 left of 年度资金总额 | 其中：当年财政拨款 …) or in a gutter between two
  // of theirs (a 二级 指标 set on a line of its own between the 一级 and the names): a column too.
  const outside = range(firstLinesAbove(lines, first, isStarter), end)
    .filter((k) => !isStarter[k])
    .flatMap((k) => lines[k]!.chunks)
    .concat(levelNames(lines, first))
    .filter((c) => fit(c, rowCols).length === 0 || rowCols.every((col) => overlap(c, col) <= 0));
  const merged =
    outside.length === 0
      ? rowCols
      : columnsOfSorted(mergeSorted(sortedChunks(starters.map((k) => lines[k]!)), outside));
  const names = levelNames(lines, first);
  const above = rowsAbove(lines, first - 1).flatMap((l) => l.chunks);
  const cols = withHeaderPast(
    lines,
    starters,
    splitAtLevelNames(merged, [...starters.flatMap((k) => lines[k]!.chunks), ...outside, ...names], names, above),
  );
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
 * The 一级 / 二级 / 三级指标 cells of the header right above a block's first row: a level's name over a
 * column the rows on this page leave blank (a 二级 merged down its rows, its text printed on another
 * page) still makes the column.
 */
function levelNames(lines: TextLine[], first: number): TextLine['chunks'] {
  const level = (c: TextLine['chunks'][number]) => LEVEL_HEADER.test(c.text.replace(/\s+/g, ''));
  const out: TextLine['chunks'] = [];
  for (let k = first - 1; k >= Math.max(0, first - 3); k--) {
    const names = lines[k]!.chunks.filter(level);
    if (names.length >= 2) out.push(...names);
  }
  return out;
}

/**
 * The columns and, past the last, the header's cells right above the block beyond it: a last column
 * the rows on this page leave blank (未完成原因分析 beside 得分, the reasons overleaf) is a column still,
 * else its header cell is read with the one before it (未完成原得分因分析) and the part overleaf, which
 * fills it, lines up with no grid. Only past a column of figures (the 得分 set right): a column of
 * words set left may end short of its own header's cell. The header: its lines after the block
 * above, from a line of two of the genre's header words (二级指标, 得分 …) down.
 */
function withHeaderPast(lines: TextLine[], starters: number[], cols: Col[]): Col[] {
  const first = starters[0]!;
  const edge = cols[cols.length - 1]!;
  const inLast = starters.flatMap((k) => lines[k]!.chunks.filter((c) => overlap(c, edge) > 0));
  if (inLast.length === 0 || inLast.some((c) => readCellNumber(c.text) === null)) return cols;
  let top = first;
  while (top > Math.max(0, first - MAX_HEADER_LINES - 1) && !starter(lines[top - 1]!)) top--;
  const header = lines.slice(top, first);
  const words = (l: TextLine) => l.chunks.filter((c) => isHeaderWord(c.text.replace(/\s+/g, ''))).length;
  const named = header.findIndex((l) => words(l) >= 2);
  if (named < 0) return cols;
  const past = header.slice(named).flatMap((l) => l.chunks.filter((c) => c.x0 >= edge.x1));
  return past.length === 0 ? cols : [...cols, ...columnsOfSorted(past.sort((a, b) => a.x0 - b.x0))];
}

/**
 * The first line of the block's first row: the lines right above its figures, less than an em
 * apart, none naming columns — a row's cells set in its middle stand above and below its figures
 * (产出指 | 数量指标 | 培训基层干 over ＝ | 4170 …), and a 二级 printed there makes a column as one
 * printed on the figures' line does.
 */
function firstLinesAbove(lines: TextLine[], first: number, isStarter: boolean[]): number {
  let k = first;
  while (
    k > 0 &&
    !isStarter[k - 1] &&
    gapEms(lines[k - 1]!, lines[k]!) < 1 &&
    !lines[k - 1]!.chunks.some((c) => isHeaderWord(c.text.replace(/\s+/g, '')))
  )
    k--;
  return k;
}

/** The lines of cells above lines[from] (two chunks or more each; prose above stops them). */
function rowsAbove(lines: TextLine[], from: number): TextLine[] {
  let k = from;
  while (k >= 0 && lines[k]!.chunks.length >= 2) k--;
  return lines.slice(k + 1, from + 1);
}

const LEVEL_HEADER = /^[一二三]级(?:绩效)?指标$/;

/**
 * A block of one body row, the last row of the page: the table runs over the page break with the
 * block's first row under its header (lines[from] on) — or anywhere on the page under a line that
 * names its every cell (`named`: a table of one row, or the last row of one carried overleaf under
 * its header repeated). Its chunks are its columns (at least three,
 * one figure after the first), and its header's chunks past them (a last column the row leaves blank:
 * 偏差原因分析及改进措施), with no dot leaders; only page furniture (a page number) may stand below it.
 */
function footRow(
  lines: TextLine[],
  { from, first, end, named }: { from: number; first: number; end: number; named: boolean },
  isStarter: boolean[],
): Body | null {
  const starters = range(first, end).filter((k) => isStarter[k]);
  if (starters.length !== 1 || (!named && lines.slice(end + 1).some((l) => !isFolio(l)))) return null;
  const line = lines[starters[0]!]!;
  if (line.chunks.length < 3 || line.chunks.some((c) => LEADER.test(c.text))) return null;
  const own = columnsOf([line]);
  // Header cells past the row's last column (or before its first); one between two of its columns names one of them.
  const header = range(from, first - 1).flatMap((k) => lines[k]!.chunks);
  // Each side's cells columns of their own, not run into the row's outer columns however near (未完成原因
  // set left a cell's padding past the 得分 set right).
  const side = (cs: typeof header) => (cs.length === 0 ? [] : columnsOfSorted(cs.sort((a, b) => a.x0 - b.x0)));
  const cols = [
    ...side(header.filter((c) => c.x1 <= own[0]!.x0)),
    ...own,
    ...side(header.filter((c) => c.x0 >= own[own.length - 1]!.x1)),
  ];
  return consistent(line, cols) ? { starters, cols, foot: true } : null;
}

/**
 * A block of one body row, the first line of its page, under which the next block's header names
 * columns (二级指标 | 三级指标 …): the last row of a block carried over the page break (项目支出 of
 * the funds rows above), read as a block of its own so that the header below it is the next block's.
 */
function topRow(
  lines: TextLine[],
  { first, end }: { first: number; end: number },
  isStarter: boolean[],
  tableish: boolean[],
): Body | null {
  const starters = range(first, end).filter((k) => isStarter[k]);
  if (starters.length !== 1 || !lines.slice(0, first).every(isFolio)) return null;
  const next = nextBlock(lines, end, isStarter, tableish);
  if (next === null || !headed(lines, end, next)) return null;
  const line = lines[first]!;
  const cols = columnsOf([line]);
  return line.chunks.length >= 3 && consistent(line, cols) ? { starters, cols } : null;
}

/** A line between two blocks names columns: two of its cells are a header's words (二级指标, 年度指标值 …). */
function headed(lines: TextLine[], from: number, to: number): boolean {
  return lines
    .slice(from + 1, to)
    .some((l) => l.chunks.filter((c) => isHeaderWord(c.text.replace(/\s+/g, ''))).length >= 2);
}

/**
 * The line right over lines[k] names its cells, whatever their words: a line of words only, four
 * cells or more, as many as the row's or one fewer (项目 | 合计 | 因公出国（境）费 | 小计 | … over
 * 上年预算数 | 86.40 | 12.00 | 58.20 | …, a "三公" table's header and first row at a page's foot).
 * Three are not enough: the tail of a row cut by the page break (指标 | 意度指标 | 意度 atop 总分 |
 * 100 | 95.02) is no header.
 */
function namesRow(lines: TextLine[], from: number, k: number): boolean {
  const line = lines[k - 1];
  if (k - 1 <= from || !line) return false;
  const n = line.chunks.length;
  return n >= 4 && n >= lines[k]!.chunks.length - 1 && line.chunks.every((c) => readCellNumber(c.text) === null);
}

/** A page number line (— 4 —, 第3页): what may stand below a table at the foot of a page. */
const FOLIO = /^[-—–－\s]*(?:第\s*)?[0-9]{1,4}(?:\s*页)?(?:\s*[/共]\s*[0-9]+\s*页?)?[-—–－\s]*$/;
export const isFolio = (l: TextLine) => FOLIO.test(l.chunks.map((c) => c.text).join(''));

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a + 1 }, (_, i) => a + i);
}
