// Tables carried over pages: which table of the next page continues the one
// above (its columns line up, it has no header or repeats it, or only its
// cover lines or rows carried on stand above its first figures), how its
// columns lie on the table's, and the words of a row cut by the page break
// joined back to it. Called on a document's tables in page order
// (tables/structure.ts) before they are joined.
import { readCellNumber } from '../text/cell-number.ts';
import { boundBefore } from '../vocab/bounds.ts';
import { isHeaderWord, startsWithHeaderWord } from '../vocab/header-words.ts';
import { GOAL_ACTUAL, GOAL_LABEL, GOAL_PLANNED, headerName } from '../vocab/indicators.ts';
import type { TableModel } from './find.ts';
import { columnPath, isInfoRow } from './headers.ts';
import { wholeAbove } from './carry-wraps.ts';

/**
 * For each table (all of a document's, in page order), the table it continues
 * from an earlier page, or null: a table at the top of the next page whose
 * columns line up with the earlier one's (see alignColumns), which has no
 * caption of its own other than the earlier one's, and which either has no
 * header of its own or repeats the earlier header. Its cells then take that
 * table's header, unit and title.
 */
export function continuations(tables: TableModel[]): (TableModel | null)[] {
  const out: (TableModel | null)[] = [];
  tables.forEach((t, i) => {
    const prev = tables[i - 1];
    const head = prev ? (out[i - 1] ?? prev) : null;
    // In page order, so prev on the page before is the last table there and t the first on its page.
    const next =
      head !== null &&
      prev !== undefined &&
      t.page === prev.page + 1 &&
      (head.headerRows > 0 || headerRowOf(head) >= 0) &&
      firstOnPage(tables, i);
    // A caption of its own (预算08表 under 预算07表's very header) starts another table.
    const titled = head !== null && t.title !== null && t.title !== head.title;
    // The parts of head's table before this one, the latest first (the part to go through, below).
    const parts = tables.slice(0, i).filter((_, j) => out[j] === head);
    const aligned = next && head && !titled ? alignColumns(head, t, parts.reverse()) : null;
    const carried = head !== null && aligned !== null ? wordRowsCarried(head, aligned, prev!, t) : null;
    const ok =
      head !== null &&
      aligned !== null &&
      (t.headerRows === 0 || sameHeader(head, aligned) || repeatsCover(head, aligned) || carried !== null);
    if (ok && carried !== null) t.headerRows = carried;
    out.push(ok ? head : null);
  });
  return out;
}

/**
 * The rows atop the next page before its first number are rows carried on, not a header: indicators
 * whose targets are words (可持续影响指标 | 长效管理机制 | 达标 | 达标) under a 一级 cell merged from the
 * page before, under the header repeated or not. No cell of theirs is a header word, a cell of the
 * table's own header or a word that heads a block of the genre (年度总体目标 | 预期目标 | 实际完成情况),
 * and none is a cover line. The header rows the part keeps (those repeating the table's), or null.
 * The table's header: its header rows, or the last row naming columns (a segment's: the head's first
 * rows the funds rows carried from the page before).
 */
function wordRowsCarried(head: TableModel, t: TableModel, prev: TableModel, part: TableModel): number | null {
  const named = headerRowOf(head);
  const header = head.headerRows > 0 ? head.rows.slice(0, head.headerRows) : named >= 0 ? [head.rows[named]!] : [];
  if (t.headerRows === 0 || header.length === 0) return null;
  const headCells = new Set(header.flat().map(squash));
  const repeated = new Set(header.map(rowWords));
  let kept = 0;
  while (kept < t.headerRows && (repeated.has(rowWords(t.rows[kept]!)) || rowWords(t.rows[kept]!) === '')) kept++;
  const own = t.rows.slice(kept, t.headerRows);
  // Nor the rest of the row cut at the foot of the page before, left there (its cells ran on).
  const onPrev = own.length > 0 ? alignColumns(prev, part) : null;
  if (onPrev && wholeAbove(prev, Math.max(0, headerRowOf(prev)), onPrev, kept) === false) return null;
  // A name may start as a header does (项目完成时间) where the row's targets are values written out
  // (2023年12月底前): a header's cells hold no figures but those of its own header.
  const valued = (row: string[]) => row.some((c) => /[0-9０-９]/.test(c) && !headCells.has(squash(c)));
  const headerish = (cell: string, row: string[]) =>
    squash(cell) !== '' &&
    (headCells.has(squash(cell)) ||
      (startsWithHeaderWord(squash(cell)) && !valued(row)) ||
      isHeaderWord(squash(cell)) ||
      [GOAL_LABEL, GOAL_PLANNED, GOAL_ACTUAL].some((re) => re.test(headerName(cell))));
  const words = (row: string[]) =>
    !isInfoRow(row) && !row.some((c) => headerish(c, row)) && row.some((c) => c.trim() !== '');
  return own.length > 0 && own.every(words) ? kept : null;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * A row cut by a page break: the words of its cells that ran over to the next
 * page (服务对象满 | … then 意度指标 at the top of the next page) stand there
 * as rows without a number, under cells of the last row that hold text. They
 * are joined back to that row, so that it is named whole and the part on the
 * next page starts with its first real row. Call before continuations().
 */
export function mendSplitRows(tables: TableModel[]): void {
  tables.forEach((t, i) => {
    const prev = tables[i - 1];
    if (!prev || t.page !== prev.page + 1 || !firstOnPage(tables, i) || prev.rows.length === 0) return;
    const aligned = alignColumns(prev, t);
    if (!aligned) return;
    // The header may be repeated above the words that ran over: they come after it.
    const headerWords = new Set(prev.rows.slice(0, prev.headerRows).map(rowWords));
    let skip = 0;
    while (
      skip < t.headerRows &&
      (headerWords.has(rowWords(aligned.rows[skip]!)) ||
        rowWords(aligned.rows[skip]!) === '' ||
        // a cover line repeated (部门（单位）名称 | 某局), however its cells were laid on the columns
        isInfoRow(aligned.rows[skip]!))
    )
      skip++;
    const last = prev.rows[prev.rows.length - 1]!;
    // A target cut after its bound (不低于 | 90%) leaves a number on the next page: its row is the tail too.
    const cut = t.headerRows > skip ? t.headerRows : skip + (boundRunsOn(last, aligned.rows[skip]) ? 1 : 0);
    const fragments = aligned.rows.slice(skip, cut);
    if (fragments.length === 0 || fragments.every((row) => row.every((cell) => cell.trim() === ''))) return;
    // A cell that starts with a header word is a header repeated, not the tail of a cut row.
    const fits = fragments.every((row) => row.every((cell, c) => continues(last[c]!, cell)));
    // (Nor words under cells that were whole: a row of its own, 居民健康水平 | 健全 under 政策知晓度 | 持续优化.)
    if (!fits || wholeAbove(prev, Math.max(0, headerRowOf(prev)), aligned, skip) === true) return;
    // A merged cell's text is repeated over the grid cells it covers: join each distinct run once.
    prev.rows[prev.rows.length - 1] = last.map((cell, c) => {
      const more = fragments
        .map((row) => row[c] ?? '')
        .filter(
          (x, k) => x.trim() !== '' && (c === 0 || x !== (fragments[k]![c - 1] ?? '') || last[c] !== last[c - 1]),
        );
      return more.length === 0 ? cell : cell + more.join('');
    });
    // The fragment rows stay as empty rows: their cells' boxes still tell the grid's columns.
    t.rows = t.rows.map((row, r) => (r >= skip && r < cut ? row.map(() => '') : row));
    t.headerRows = skip;
  });
}

/** A cell on the next page that finishes the cell above: words under words, or a number under its bare bound. */
function continues(above: string, cell: string): boolean {
  if (cell.trim() === '') return true;
  if (above.trim() === '' || readCellNumber(above) !== null || startsWithHeaderWord(cell.trim())) return false;
  return readCellNumber(cell) === null || isBareBound(above);
}

/** The row's numbers all stand under a bound with no number (不低于 | 90%), and there is one. */
function boundRunsOn(last: string[], row: string[] | undefined): boolean {
  if (!row || !row.some((cell, c) => readCellNumber(cell) !== null && isBareBound(last[c] ?? ''))) return false;
  return row.every((cell, c) => continues(last[c] ?? '', cell));
}

function isBareBound(text: string): boolean {
  const t = text.trim();
  const hit = t === '' ? null : boundBefore(t);
  return hit !== null && hit.length === t.length;
}

const rowWords = (row: string[]) => row.join('|').replace(/\s+/g, '').replace(/^\|+$/, '');

function firstOnPage(tables: TableModel[], i: number): boolean {
  return tables.findIndex((t) => t.page === tables[i]!.page) === i;
}

/** The x-range of each grid column: from the left edges of the cells that start in it. */
function columnRanges(t: TableModel): [number, number][] | null {
  const width = t.rows[0]?.length ?? 0;
  const left: number[] = [];
  for (let c = 0; c < width; c++) {
    const xs = t.cellBoxes.flatMap((row) => (row[c] ? [row[c]![0]] : []));
    if (xs.length === 0) return null;
    left.push(Math.min(...xs));
  }
  const right = Math.max(...t.cellBoxes.flatMap((row) => row.flatMap((b) => (b ? [b[2]] : []))));
  return left.map((x, c) => [x, c + 1 < width ? left[c + 1]! : right]);
}

/**
 * Table t laid on the columns of head: each of t's columns goes to the head
 * columns whose edges it spans (a merged cell such as 总分 over five columns)
 * or else to the one it overlaps most (at least half its width), in order —
 * a part carried over may have lost an empty column or merged some. Null
 * when the columns do not line up.
 */
export function alignColumns(head: TableModel, t: TableModel, via: TableModel[] = []): TableModel | null {
  const direct = spansFor(head, t);
  if (direct) return widen(t, direct, head.rows[0]?.length ?? 0);
  // Through a part before it (on a page before, itself laid on the head's columns), the latest that
  // serves: the head's grid may be a funds block's, which the indicator rows overleaf do not line up
  // with, and a part laid on it only through another (its indicator block starting under the funds
  // block's last row atop its page) does not line up with it either.
  for (const part of via) {
    if (part === head) continue;
    const up = spansFor(head, part);
    const on = up && spansFor(part, t);
    if (up && on)
      return widen(
        t,
        on.map(([a, b]) => [up[a]![0], up[b]![1]]),
        head.rows[0]?.length ?? 0,
      );
  }
  return null;
}

/** Which of head's columns each of t's lies over, or null when they do not line up. */
function spansFor(head: TableModel, t: TableModel): [number, number][] | null {
  const own = columnRanges(t);
  if (!own || own.length < 2) return null;
  // The columns of the block in force at the foot of the page, where the table's grid as a whole (its
  // blocks laid on one) does not line up: an indicator block's, under a funds block set otherwise.
  return (
    alignOn(columnRanges(head), t, own) ?? alignOn(columnRanges(lastBlock(head)), t, own) ?? alignByHeader(head, t, own)
  );
}

/**
 * A part without a header whose columns are those the last header names one by one, in order: a
 * borderless table's blocks laid on one grid may set the block in force otherwise than overleaf (its
 * first row alone at the page's foot), but its header has a cell over each of its columns. Each of
 * the part's columns must stand within the grid columns its header cell and the cells beside cover.
 */
function alignByHeader(head: TableModel, t: TableModel, own: [number, number][]): [number, number][] | null {
  const h = columnRanges(head);
  const r = headerRowOf(head);
  // Above the part's rows only words (cover lines repeated, the tail of a header cut by the page break).
  const figures = (row: string[]) => row.some((cell) => readCellNumber(cell) !== null);
  if (!h || r < 0 || t.rows.slice(0, t.headerRows).some(figures)) return null;
  const row = head.rows[r]!;
  const runs: [number, number][] = [];
  row.forEach((cell, c) => {
    if (c > 0 && cell === row[c - 1]) runs[runs.length - 1]![1] = c;
    else runs.push([c, c]);
  });
  if (runs.some(([c]) => squash(row[c]!) === '')) return null;
  const spans = runsOver(runs, own, h);
  const fits =
    spans !== null &&
    own.every(([a, b], j) => {
      const [from, to] = spans[j]!;
      return (a + b) / 2 >= h[Math.max(0, from - 1)]![0] && (a + b) / 2 <= h[Math.min(h.length - 1, to + 1)]![1];
    });
  return fits ? spans : null;
}

/**
 * The header cells over each of the part's columns, in order: one each, but a column of the part
 * within which the next header cell's grid column starts takes that cell too where the header has more cells than the part
 * columns (一级 | 二级指标 over one column overleaf, where no row sets a 二级 of its own). Null when
 * they do not come out even.
 */
function runsOver(runs: [number, number][], own: [number, number][], h: [number, number][]): [number, number][] | null {
  const spans: [number, number][] = [];
  let r = 0;
  const inside = (x: number, a: number, b: number) => x >= a - 3 && x < b;
  for (const [j, [a, b]] of own.entries()) {
    const run = runs[r++];
    if (!run) return null;
    const span: [number, number] = [...run];
    while (runs.length - r > own.length - j - 1 && inside(h[runs[r]![0]]![0], a, b)) span[1] = runs[r++]![1];
    spans.push(span);
  }
  return r === runs.length ? spans : null;
}

/** The last row of a table that names columns in the genre's words (a segment's header), or -1. */
function headerRowOf(t: TableModel): number {
  return t.rows.findLastIndex((row) => row.filter((c) => isHeaderWord(squash(c))).length >= 2);
}

/** The rows from the last header row down (a segment's header of the genre's words), or the whole table. */
function lastBlock(t: TableModel): TableModel {
  const r = headerRowOf(t);
  return r <= 0 ? t : { ...t, rows: t.rows.slice(r), cellBoxes: t.cellBoxes.slice(r), extents: t.extents?.slice(r) };
}

function alignOn(h: [number, number][] | null, t: TableModel, own: [number, number][]): [number, number][] | null {
  if (!h) return null;
  const spans: [number, number][] = [];
  for (const [j, [a, b]] of own.entries()) {
    const inside = h.flatMap(([x0, x1], i) => (x0 >= a - 3 && x1 <= b + 3 ? [i] : []));
    let span: [number, number] | null = inside.length > 0 ? [inside[0]!, inside[inside.length - 1]!] : null;
    if (!span) {
      let best = -1;
      let bestOverlap = 0;
      h.forEach(([x0, x1], i) => {
        const overlap = Math.min(b, x1) - Math.max(a, x0);
        if (overlap > bestOverlap) [best, bestOverlap] = [i, overlap];
      });
      if (best >= 0 && bestOverlap >= 0.5 * (b - a)) span = [best, best];
    }
    const last = spans[spans.length - 1];
    if (span && last && sharesWords(t, j, span, last)) span = last;
    else if (!span || (last && span[0] <= last[1])) return null;
    spans.push(span);
  }
  return spans;
}

/**
 * Two columns of words overleaf under one of the head's, that column alone (一级 | 二级 set apart
 * overleaf, under 一级指标二级指标 where the rows above left 二级 blank): one, their words joined.
 */
function sharesWords(t: TableModel, j: number, span: [number, number], last: [number, number]): boolean {
  const words = (c: number) => t.rows.every((row) => readCellNumber(row[c] ?? '') === null);
  return span[0] === span[1] && last[0] === span[0] && last[1] === span[1] && words(j) && words(j - 1);
}

/** t's columns laid on a grid of `width`, column j over spans[j]. */
function widen(t: TableModel, spans: [number, number][], width: number): TableModel {
  if (spans.length === width && spans.every(([i0, i1], j) => i0 === j && i1 === j)) return t;
  // A merged cell's text is repeated over the columns it covers, its box kept at the first (as findTables does).
  const widenRow = (row: string[]) => {
    const out = Array.from({ length: width }, () => '');
    row.forEach((cell, j) => {
      const [from, to] = spans[j]!;
      // two columns under one (sharesWords): the second's words after the first's
      const [before, end] = spans[j - 1] ?? [-1, -1];
      const joined = before === from && end === to ? out[from]! + cell : cell;
      out.fill(joined, from, to + 1);
    });
    return out;
  };
  const widenBoxes = <B>(row: (B | null)[]) => {
    const out = Array.from({ length: width }, (): B | null => null);
    row.forEach((box, j) => (out[spans[j]![0]] ??= box));
    return out;
  };
  return {
    ...t,
    rows: t.rows.map(widenRow),
    cellBoxes: t.cellBoxes.map(widenBoxes),
    ...(t.extents ? { extents: t.extents.map(widenBoxes) } : {}),
  };
}

/**
 * Only the cover lines repeated atop the next page (项目名称 | … over the rows carried on): a producer
 * repeats the top rows, and the header below them, whose group cell runs down into the rows, stayed behind.
 */
function repeatsCover(head: TableModel, t: TableModel): boolean {
  const own = t.rows.slice(0, t.headerRows);
  return own.every(isInfoRow) && own.every((r, i) => i < head.headerRows && cellWords(r) === cellWords(head.rows[i]!));
}

/**
 * A row's words cell by cell, a merged cell's text once: a row read again on another page may
 * span its cells over other columns (a cover line's value over one column or three, set without rules).
 */
const cellWords = (row: string[]) =>
  row
    .map((c) => c.replace(/\s+/g, ''))
    .filter((c, i, all) => c !== '' && c !== all[i - 1])
    .join('|');

/**
 * A header repeated at the top of the next page: the same words in every header cell — or the same
 * columns under the same names with a cell fewer over them (收入 over 财政拨款收入 | 事业收入 | 其他收入
 * read on one page and lost on the next: an OCR'd word missed, a line set too far apart to be
 * joined), every word of the repeat being one of the first header's.
 */
function sameHeader(head: TableModel, t: TableModel): boolean {
  // Empty rows (a spacer under the header) do not count.
  const words = (m: TableModel) =>
    m.rows
      .slice(0, m.headerRows)
      .map(cellWords)
      .filter((w) => w !== '');
  if (words(head).join('\n') === words(t).join('\n')) return true;
  const width = head.rows[0]?.length ?? 0;
  if (t.headerRows === 0 || width === 0 || t.rows[0]?.length !== width) return false;
  const header = (m: TableModel) => m.rows.slice(0, m.headerRows);
  const leaf = (m: TableModel, c: number) => columnPath(header(m), c).at(-1) ?? '';
  const theirs = new Set(header(head).flat().map(squash));
  const named = [...Array(width).keys()].filter((c) => leaf(t, c) !== '');
  return (
    named.length >= 2 &&
    [...Array(width).keys()].every((c) => leaf(t, c) === leaf(head, c)) &&
    header(t).every((row) => row.every((cell) => squash(cell) === '' || theirs.has(squash(cell))))
  );
}
