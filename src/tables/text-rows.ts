// The row builder of text-aligned tables (text-aligned.ts): a block's lines
// into rows (a line between two body rows joins one, opens one or is one),
// wrapped cells mended, cells merged down a group of rows, and the pitch of
// rows and of the lines of one cell that those decisions measure against.
import { isFigureCell, readCellNumber } from '../text/cell-number.ts';
import { isHeaderWord } from '../vocab/header-words.ts';
import { isLevelName } from '../vocab/indicators.ts';
import { cellText, type Chunk, type Piece, type TextLine } from './chunks.ts';
import { fit, overlap, type Col } from './text-columns.ts';
import { starter, gapEms, type Body } from './text-blocks.ts';

export interface Row {
  lines: TextLine[];
  cells: Map<number, Piece[]>;
  /** columns covered by a chunk that starts further left (a spanning cell) */
  covered: Set<number>;
  /** header rows: columns a cell spans over (covered) from the column it sits in, left or right */
  spannedFrom?: Map<number, number>;
  /** body rows: a cell merged down over this row from a row above or below (its pieces are that row's) */
  spannedDown?: Map<number, Piece[]>;
}

export function addLine(row: Row, line: TextLine, cols: Col[], fits = line.chunks.map((c) => fit(c, cols))): void {
  row.lines.push(line);
  line.chunks.forEach((chunk, i) => {
    const cs = fits[i]!;
    const c0 = cs[0]!;
    row.cells.set(c0, [...(row.cells.get(c0) ?? []), ...chunk.pieces]);
    for (const c of cs.slice(1)) row.covered.add(c);
  });
}

export function newRow(line: TextLine, cols: Col[], fits?: number[][]): Row {
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
export function bodyRows(
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
    // From the row's lowest line in a column of this one's: a cell merged down many rows (一级 产出指标,
    // its tail 标 on a line of its own) hangs below a row it does not end.
    const dPrev = distanceUp(line, prev, cols);
    const nextStarter = starters.find((s) => s > k);
    const dNext = nextStarter !== undefined ? line.y - lines[nextStarter]!.y : Infinity;
    const near = Math.min(dPrev, dNext) < 0.8 * rowPitch;
    // The first line of a row without figures (逐步提高 | 有所提高), its next line nearer than the row above.
    const dBelow = k + 1 < lines.length && !isStarter[k + 1] ? line.y - lines[k + 1]!.y : Infinity;
    const tailAbove = nextStarter !== undefined && tail(line, prev, lines[k + 1], lines[nextStarter]!);
    const opens = !tailAbove && dBelow < 0.8 * dPrev && dBelow < 0.8 * rowPitch;
    // The first line of what follows the block (a header), but for a row of words after the last figures.
    if (opens && nextStarter === undefined && !wordsUnder(lines, k, cols, rowPitch)) break;
    if (wordsRow(line, prev, cols) || (!near && wordsAcross(line, cols) && dPrev >= 0.9 * rowPitch))
      rows.push(newRow(line, cols));
    else if ((near && dPrev <= dNext && !opens) || tailAbove) addLine(prev, line, cols);
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
 * How far a line stands below the row above, measured in each of its columns from the row's lowest
 * line in that column (a cell merged down many rows, its tail 标 on a line of its own, hangs below a
 * row it does not end), the farthest column deciding: a cell goes on a leading below its own last
 * line, so a name a row below the row's name starts the next row, however near the line of a group
 * cell set between the rows (满意 | 度指 of a 一级 centred over two rows, beside 服务对象满 of the
 * second). From the row's lowest line where it has none of the line's columns.
 */
function distanceUp(line: TextLine, prev: Row, cols: Col[]): number {
  const ds = line.chunks.flatMap((c) => {
    const at = fit(c, cols)[0];
    const shared = prev.lines.filter((l) => l.chunks.some((p) => fit(p, cols)[0] === at));
    return shared.length > 0 ? [Math.min(...shared.map((l) => l.y)) - line.y] : [];
  });
  return ds.length > 0 ? Math.max(...ds) : Math.min(...prev.lines.map((l) => l.y)) - line.y;
}

/**
 * One word under a word cell of the row above, the next line words in none of its column and the next
 * row empty there: the tail of a cell (标 under 产出指 of a 一级 merged down the rows), not the first line
 * of a row, however near the next line (a name wrapped round its row's figures, 项目 over 1638.43 … over
 * 支出, or a cell of the next row set above its figures, opens the row).
 */
function tail(line: TextLine, prev: Row, next: TextLine | undefined, nextRow: TextLine): boolean {
  // (Nor the first line of a header: 一级 over 二级指标 | 三级指标 ….)
  const names = (l: TextLine) => l.chunks.filter((c) => isHeaderWord(c.text.replace(/\s+/g, ''))).length;
  if (line.chunks.length !== 1 || !next || starter(next) || names(next) >= 2) return false;
  const chunk = line.chunks[0]!;
  const above = [...prev.cells.values()].find((ps) => ps.some((p) => overlap(chunk, p) > 0));
  return (
    above !== undefined &&
    !isFigure(above) &&
    !isFigureCell(chunk.text) &&
    !next.chunks.some((c) => overlap(c, chunk) > 0) &&
    // the next row has nothing of its own in the column (the group merged down: 标 beside 农民 | ≥12950人次)
    !nextRow.chunks.some((c) => overlap(c, chunk) > 0)
  );
}

/**
 * How far apart two lines of one cell are: the median over the rows' cells written over several
 * lines (其中：当年财 | 政拨款) of the distance between their lines; 0 when no cell wraps. Rows of one
 * line stand further apart by the cells' padding.
 */
export function leadingOf(rows: Row[]): number {
  const gaps: number[] = [];
  for (const row of rows)
    for (const pieces of row.cells.values()) {
      const ys = [...new Set(pieces.map((p) => Math.round(p.y * 10) / 10))].sort((a, b) => b - a);
      ys.slice(1).forEach((y, i) => gaps.push(ys[i]! - y));
    }
  return median(gaps);
}

/** How far apart the rows of one line are, and two lines of one wrapped cell (0 where no cell wraps). */
export interface Pitch {
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
export function mendWraps(rows: Row[], leading: number): Row[] {
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
 * text is repeated in every grid cell it covers. A 一级 or 二级 name (产出指标) only under a header of
 * the block's own on the page (levels): a block carried on from the page before may go on with the
 * group above, and with no rule to show where it ends the page's only label may be the next group's
 * — the records decide which rows it covers from where the column's labels sit (records/levels.ts).
 */
export function spanGroups(rows: Row[], { levels }: { levels: boolean }): void {
  if (rows.length < 2) return;
  const firstFigure = Math.min(...rows.flatMap((r) => [...r.cells].filter(([, ps]) => isFigure(ps)).map(([c]) => c)));
  const cols = new Set(rows.flatMap((r) => [...r.cells.keys()]));
  for (const c of cols) {
    const holding = rows.filter((r) => cellText(r.cells.get(c) ?? []).trim() !== '');
    if (c >= firstFigure || holding.length !== 1 || isFigure(holding[0]!.cells.get(c))) continue;
    const pieces = holding[0]!.cells.get(c)!;
    if (!levels && isLevelName(cellText(pieces))) continue;
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
  // The first lines of a row's wrapped cells, set above its figures (产出 | 数量指标 | 培训基层干 over
  // 指标 | 部 | 7820人次 …): words only, over words of the row or over columns it leaves blank.
  const firstLines = a.every((c) => !isFigure(above.cells.get(c)) && !isFigure(row.cells.get(c)));
  if (!(within(a, b) || within(b, a) || firstLines)) return false;
  if (a.some((c) => isFigure(above.cells.get(c)) && isFigure(row.cells.get(c)))) return false;
  // Measured in the columns both hold (a cell goes on a leading below its own last line), not from a
  // group cell's line set between two rows (可持续影响指标 between 长效管理机制 and 设施持续发挥效益).
  const both = a.filter((c) => row.cells.has(c));
  if (both.length > 0) return both.every((c) => near(lowest(above.cells.get(c)!), highest(row.cells.get(c)!), leading));
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
 * A line of words across the columns under lines[k], the first line of a row, and no line of the
 * genre's header words within a row and a half below: the row goes on (对周边群众生活的影 over 响 |
 * 定性 | 逐步提高, after the block's last figures at the foot of the page), where a header's first
 * lines (绩效指标 over （90 | 指标性 | 度量 …) go on to its words (一级指标 | 二级指标 …).
 */
function wordsUnder(lines: TextLine[], k: number, cols: Col[], rowPitch: number): boolean {
  const next = lines[k + 1];
  if (!next || !next.chunks.every((c) => fit(c, cols).length === 1) || !wordsAcross(next, cols)) return false;
  const named = (l: TextLine) => l.chunks.some((c) => isHeaderWord(c.text.replace(/\s+/g, '')));
  const within = lines.slice(k).filter((l) => lines[k]!.y - l.y <= 1.5 * rowPitch);
  return !within.some(named);
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

/**
 * Is `upper` part of the row below it (its lines top first)? The first lines of the row's wrapped
 * cells (全年预算 over 数): each chunk over one of the row's, on its left edge, right edge or centre,
 * at least as wide, short of the row's cells on either side (a header spanning several cells reaches
 * over the next one), closer than the body's rows are to each other. Cells of the row set between
 * its lines (centred where others wrap) stand less than a line above and over none of its chunks. A
 * header centred over two cells below is a row of its own.
 */
export function sameRow(upper: TextLine, rowLines: TextLine[], pitch: Pitch, body = false): boolean {
  const top = rowLines[0]!;
  const close = gapEms(upper, top) < 0.9;
  // Lines of one row are a leading apart at most (a cover line a row above is not one of them).
  const within = pitch.leading > 0 ? Math.min(0.9 * pitch.row, ONE_CELL * pitch.leading) : 0.9 * pitch.row;
  if (!close && upper.y - top.y >= within) return false;
  // A cell over none of the row's, a line's height above it, beside cells that go on below (the
  // 二级 merged down the rows, its text on the first row's first line): the row's too.
  const over = upper.chunks.some((u) => beneath(u, rowLines).length === 1);
  // Over a body row, as far as a line of one of its cells (the body's leading, LibreOffice's wider than 1.3 em).
  const tight = gapEms(upper, top) <= 1.3 || (body && upper.y - top.y <= ONE_CELL * pitch.leading);
  return upper.chunks.every((u) => {
    const under = beneath(u, rowLines);
    if (under.length !== 1) return under.length === 0 && (close || (tight && over));
    const l = under[0]!;
    // its neighbours on its own line
    const row = rowLines.find((r) => r.chunks.includes(l))!.chunks;
    const i = row.indexOf(l);
    // (over words a glyph short at most: a line may not begin with ，, so 少， goes down together: 务项目较
    // over 少，将持续; over a figure no shorter, a header's （B） over 1908.95 is no line of it)
    if (u.x1 - u.x0 < l.x1 - l.x0 - (isFigureCell(l.text) ? 1 : Math.max(1, u.size))) return false;
    const aligned =
      Math.abs(u.x0 - l.x0) <= 1.5 || Math.abs(u.x1 - l.x1) <= 1.5 || Math.abs(u.x0 + u.x1 - l.x0 - l.x1) <= 3;
    return aligned && u.x1 < (row[i + 1]?.x0 ?? Infinity) && u.x0 > (row[i - 1]?.x1 ?? -Infinity);
  });
}

/** The chunks right under a chunk: on the row's highest line that has any under it (a cell's lines are one cell). */
function beneath(u: Chunk, rowLines: TextLine[]): Chunk[] {
  for (const l of rowLines) {
    const under = l.chunks.filter((c) => overlap(u, c) > 0);
    if (under.length > 0) return under;
  }
  return [];
}

/**
 * Does `upper`, a line just above a row, go on a cell of the line above it rather than open the row?
 * Each of its chunks a leading under one of that line's and over none of the row's: the tail of a
 * cell beside the rows (绩效指标（90 | 分） merged down the block, its text hanging from the header).
 */
export function hangsFrom(
  upper: TextLine,
  above: TextLine | undefined,
  rowLines: TextLine[],
  leading: number,
): boolean {
  if (!above || leading === 0 || above.y - upper.y > ONE_CELL * leading) return false;
  const row = rowLines.flatMap((l) => l.chunks);
  return upper.chunks.every((u) => above.chunks.some((a) => overlap(u, a) > 0) && !row.some((l) => overlap(u, l) > 0));
}

/**
 * How far apart the baselines of two rows of one line are: the lower quartile of the distances
 * between the lines that open rows (the median was that of rows wrapped over two lines where most
 * were, and a cover line a row above the header read as part of it).
 */
export function rowPitchOf(lines: TextLine[], starters: number[]): number {
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
