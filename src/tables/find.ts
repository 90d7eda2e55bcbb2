// Tables of a page, before the prose is read: grids drawn with ruling lines
// first (ruled.ts), then tables from text geometry alone (text-aligned.ts)
// among the items left. The items of a table leave the page, so that the
// prose stage never reads cells as paragraphs.
//
// Merged cells: a merged cell's text is repeated in every grid cell it covers
// (a header "预算执行情况（万元）" over four columns, a 一级指标 "投入" over three
// rows), so every row has the same columns and each numeric cell can name
// its row and column headers. cellBoxes tell the copies apart: the merged
// cell's full box at its top-left grid cell, null at the cells it covers.
import type { BBox } from '../schema/report.ts';
import type { PageText, TextItem } from '../pdf/types.ts';
import { readCellNumber } from '../text/cell-number.ts';
import { boundBefore } from '../vocab/bounds.ts';
import { isHeaderWord, startsWithHeaderWord } from '../vocab/header-words.ts';
import { GOAL_ACTUAL, GOAL_LABEL, GOAL_PLANNED, headerName } from '../vocab/indicators.ts';
import { textLines, type TextLine } from './chunks.ts';
import { isColumnNumbering, isInfoRow, isProse } from './headers.ts';
import { ruledTables, type DraftTable } from './ruled.ts';
import { textTables } from './text-aligned.ts';
import { unitIn } from './units.ts';

export interface TableModel {
  page: number;
  bbox: BBox;
  /** the caption just above the table (部门整体支出绩效自评表（2023年度）), or a full-width first row; null if none */
  title: string | null;
  /** the unit a unit line states for the table (单位：万元 → "万元"), above it or in its header; null if none */
  unit: string | null;
  /** leading rows without a number: the column headers (a full-width title row inside the grid counts too) */
  headerRows: number;
  /** cell text as read, wrapped lines joined (no space between Chinese); every row has the same length */
  rows: string[][];
  /** each cell's box in PDF points; a merged cell's full box at its top-left cell and null at the cells it covers */
  cellBoxes: (BBox | null)[][];
}

/** A caption and unit line left at the foot of a page, for a table that starts on the next one. */
export interface TrailingCaption {
  title: string | null;
  unit: string | null;
}

export function findTables(page: PageText): { tables: TableModel[]; rest: PageText; trailing: TrailingCaption | null } {
  // Text-layer pages only: OCR'd words have no ruling lines and misread digits would become cells.
  if (page.method !== 'text' || page.items.length === 0) return { tables: [], rest: page, trailing: null };
  const drafts: DraftTable[] = page.rules && page.rules.length > 0 ? ruledTables(page.rules, page.items) : [];
  const inRuled = (it: TextItem) => drafts.some((d) => d.items.has(it));
  drafts.push(...textTables(page.items.filter((it) => !inRuled(it))));
  if (drafts.length === 0)
    return { tables: [], rest: page, trailing: trailingCaption(textLines(page.items), page.height) };
  const used = new Set(drafts.flatMap((d) => [...d.items]));
  // pdf.js puts blank items between runs; those inside a table go with it.
  for (const it of page.items) if (it.str.trim() === '' && drafts.some((d) => inside(it, d.bbox))) used.add(it);
  const restItems = page.items.filter((it) => !used.has(it));
  const restLines = textLines(restItems);
  const tables = drafts
    .sort((a, b) => b.bbox[3] - a.bbox[3] || a.bbox[0] - b.bbox[0])
    .map((d): TableModel => {
      const headerRows = headerRowsOf(d.rows);
      const above = linesAbove(d.bbox, restLines);
      return {
        page: page.number,
        bbox: d.bbox,
        title: captionOf(above) ?? titleRow(d.rows, headerRows),
        unit: unitOf(above, d.rows.slice(0, Math.max(headerRows, 1))),
        headerRows,
        rows: d.rows,
        cellBoxes: d.cellBoxes,
      };
    });
  const lowest = Math.min(...tables.map((t) => t.bbox[1]));
  return {
    tables,
    rest: { ...page, items: restItems, tableBoxes: tables.map((t) => t.bbox) },
    trailing: trailingCaption(
      restLines.filter((l) => l.y < lowest),
      page.height,
    ),
  };
}

/** A page number or folio line (第3页, — 4 —, 3): furniture, not a caption. */
const FOLIO = /^[-—–－\s]*(?:第\s*)?[0-9]{1,4}(?:\s*页)?(?:\s*[/共]\s*[0-9]+\s*页?)?[-—–－\s]*$/;

/**
 * The caption and unit line at the foot of a page (lines in the lower half,
 * bottom first, page numbers skipped), or null when there is none: a table
 * that starts at the top of the next page takes them.
 */
function trailingCaption(lines: TextLine[], pageHeight: number): TrailingCaption | null {
  const foot = lines
    .filter((l) => l.y < pageHeight / 2 && !FOLIO.test(l.chunks.map((c) => c.text).join('')))
    .sort((a, b) => a.y - b.y)
    .slice(0, 4);
  const unit = unitOf(foot.slice(0, 2), []);
  const title = captionOf(foot.filter((l) => !l.chunks.every((c) => unitIn(c.text))));
  return unit || title ? { title, unit } : null;
}

/**
 * The first table of a page with neither caption nor unit line takes those
 * left at the foot of the page before (支出决算表 / 单位：万元, then a page break).
 */
export function carryCaptions(pages: { tables: TableModel[]; trailing: TrailingCaption | null }[]): void {
  pages.forEach((p, i) => {
    const first = p.tables[0];
    const foot = pages[i - 1]?.trailing;
    if (!first || !foot || first.title !== null || first.unit !== null) return;
    first.title = foot.title;
    first.unit = foot.unit;
  });
}

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
      head !== null && prev !== undefined && t.page === prev.page + 1 && head.headerRows > 0 && firstOnPage(tables, i);
    // A caption of its own (预算08表 under 预算07表's very header) starts another table.
    const titled = head !== null && t.title !== null && t.title !== head.title;
    const aligned = next && head && !titled ? alignColumns(head, t) : null;
    const carried = head !== null && aligned !== null && wordRowsCarried(head, aligned);
    const ok =
      head !== null &&
      aligned !== null &&
      (t.headerRows === 0 || sameHeader(head, aligned) || repeatsCover(head, aligned) || carried);
    if (ok && carried) t.headerRows = 0;
    out.push(ok ? head : null);
  });
  return out;
}

/**
 * The rows atop the next page before its first number are rows carried on, not a header: indicators
 * whose targets are words (可持续影响指标 | 长效管理机制 | 达标 | 达标) under a 一级 cell merged from the
 * page before. No cell of theirs is a header word, a cell of the table's own header or a word that
 * heads a block of the genre (年度总体目标 | 预期目标 | 实际完成情况), and none is a cover line.
 */
function wordRowsCarried(head: TableModel, t: TableModel): boolean {
  if (t.headerRows === 0 || head.headerRows === 0) return false;
  const own = t.rows.slice(0, t.headerRows);
  const headCells = new Set(head.rows.slice(0, head.headerRows).flat().map(squash));
  const headerish = (cell: string) =>
    squash(cell) !== '' &&
    (headCells.has(squash(cell)) ||
      startsWithHeaderWord(squash(cell)) ||
      isHeaderWord(squash(cell)) ||
      [GOAL_LABEL, GOAL_PLANNED, GOAL_ACTUAL].some((re) => re.test(headerName(cell))));
  return own.every((row) => !isInfoRow(row) && !row.some(headerish) && row.some((c) => c.trim() !== ''));
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
      (headerWords.has(rowWords(aligned.rows[skip]!)) || rowWords(aligned.rows[skip]!) === '')
    )
      skip++;
    const last = prev.rows[prev.rows.length - 1]!;
    // A target cut after its bound (不低于 | 90%) leaves a number on the next page: its row is the tail too.
    const cut = t.headerRows > skip ? t.headerRows : skip + (boundRunsOn(last, aligned.rows[skip]) ? 1 : 0);
    const fragments = aligned.rows.slice(skip, cut);
    if (fragments.length === 0 || fragments.every((row) => row.every((cell) => cell.trim() === ''))) return;
    // A cell that starts with a header word is a header repeated, not the tail of a cut row.
    const fits = fragments.every((row) => row.every((cell, c) => continues(last[c]!, cell)));
    if (!fits) return;
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
export function alignColumns(head: TableModel, t: TableModel): TableModel | null {
  const own = columnRanges(t);
  if (!own || own.length < 2) return null;
  // The columns of the block in force at the foot of the page, where the table's grid as a whole (its
  // blocks laid on one) does not line up: an indicator block's, under a funds block set otherwise.
  return alignOn(columnRanges(head), t, own) ?? alignOn(columnRanges(lastBlock(head)), t, own);
}

/** The rows from the last header row down (a segment's header of the genre's words), or the whole table. */
function lastBlock(t: TableModel): TableModel {
  const r = t.rows.findLastIndex((row) => row.filter((c) => isHeaderWord(squash(c))).length >= 2);
  return r <= 0 ? t : { ...t, rows: t.rows.slice(r), cellBoxes: t.cellBoxes.slice(r) };
}

function alignOn(h: [number, number][] | null, t: TableModel, own: [number, number][]): TableModel | null {
  if (!h) return null;
  const spans: [number, number][] = [];
  for (const [a, b] of own) {
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
    if (!span || (spans.length > 0 && span[0] <= spans[spans.length - 1]![1])) return null;
    spans.push(span);
  }
  if (spans.length === h.length && spans.every(([i0, i1], j) => i0 === j && i1 === j)) return t;
  // A merged cell's text is repeated over the columns it covers, its box kept at the first (as findTables does).
  const widenRow = (row: string[]) => {
    const out = Array.from({ length: h.length }, () => '');
    row.forEach((cell, j) => out.fill(cell, spans[j]![0], spans[j]![1] + 1));
    return out;
  };
  const widenBoxes = (row: (BBox | null)[]) => {
    const out = Array.from({ length: h.length }, (): BBox | null => null);
    row.forEach((box, j) => (out[spans[j]![0]] = box));
    return out;
  };
  return { ...t, rows: t.rows.map(widenRow), cellBoxes: t.cellBoxes.map(widenBoxes) };
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

/** A header repeated at the top of the next page: the same words in every header cell. */
function sameHeader(head: TableModel, t: TableModel): boolean {
  // Empty rows (a spacer under the header) do not count.
  const words = (m: TableModel) =>
    m.rows
      .slice(0, m.headerRows)
      .map(cellWords)
      .filter((w) => w !== '');
  return words(head).join('\n') === words(t).join('\n');
}

/**
 * Does the page's text fall into columns?
 * The reader asks this before reading a page's ruling lines, which costs a
 * second pass over its operators.
 */
export function looksTabular(page: PageText): boolean {
  // Two lines cut by a gutter, or one cut twice (总分 | 100 | 99.65: the last row of a table carried over).
  let chunked = 0;
  for (const line of textLines(page.items))
    if (line.chunks.length >= 3 || (line.chunks.length >= 2 && ++chunked >= 2)) return true;
  return false;
}

function inside(it: TextItem, [x0, y0, x1, y1]: BBox): boolean {
  const cx = it.x + it.width / 2;
  const cy = it.y + 0.35 * it.size;
  return cx >= x0 && cx <= x1 && cy >= y0 && cy <= y1;
}

export function headerRowsOf(rows: string[][]): number {
  // The first row with a number, past a column-numbering row (栏次 | 1 | 2 | 3 …), which is header.
  const first = rows.findIndex(
    (row) => !isColumnNumbering(row) && row.some((cell, c) => c > 0 && readCellNumber(cell) !== null),
  );
  // A row of prose above the first figures (年度总体目标: 预期目标 | 实际完成情况 over their texts, then the
  // indicators' header) ends the header there: the rows below it are a block of their own.
  const prose = rows.slice(0, first < 0 ? rows.length : first).findIndex((row) => row.some(isProse));
  if (prose >= 0 && first >= 0) return prose;
  if (first >= 0) return first;
  const numbering = rows.findLastIndex(isColumnNumbering);
  if (numbering >= 0) return numbering + 1;
  return rows.length > 1 ? 1 : 0;
}

/** Lines above the table, nearest first, up to five of their own heights away. */
function linesAbove(bbox: BBox, lines: TextLine[]): TextLine[] {
  return lines
    .filter(
      (l) =>
        l.y > bbox[3] - 0.2 * l.size &&
        l.y - bbox[3] <= 5 * l.size + 12 &&
        l.chunks.some((c) => c.x1 > bbox[0] - 20 && c.x0 < bbox[2] + 20),
    )
    .sort((a, b) => a.y - b.y)
    .slice(0, 4);
}

function unitOf(above: TextLine[], headerRows: string[][]): string | null {
  for (const line of above)
    for (const chunk of line.chunks) {
      const u = unitIn(chunk.text);
      if (u) return u;
    }
  for (const row of headerRows)
    for (const cell of row) {
      const u = unitIn(cell);
      if (u) return u;
    }
  return null;
}

const TABLE_CAPTION = /表$|^表\s*[0-9一二三四五六七八九十]+/;
const CAPTION = /(?:明细|汇总|一览|清单|统计|情况)$/;
/** A 决算 form's number printed beside its title: 公开05表, 附表3, 表1-2. */
const FORM_NUMBER = /^(?:公开|附)?表?\s*[0-9０-９]{1,3}(?:\s*[-－—]\s*[0-9０-９]{1,2})?\s*表?$/;
const YEAR_NOTE = /^[（(][^（）()]{1,14}[）)]$/;
const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+[、.．])/;

/**
 * The caption over the table: the nearest of three lines above that ends in 表
 * (with the （2023年度） line under it, if any); else the line right above, if
 * it names a statement (…情况, …明细, …汇总).
 */
function captionOf(above: TextLine[]): string | null {
  const texts: string[] = [];
  for (const line of above) {
    // Key：value chunks beside a caption (填报单位：…, 单位：万元) are not part of it; 附件1：…表 is.
    const t = line.chunks
      .map((c) => {
        const after = c.text.split(/[：:]/).pop()!.trim();
        return c.text === after ? c.text : TABLE_CAPTION.test(after) ? after : '';
      })
      .join('');
    if (t === '') continue;
    if (/[。；;]$/.test(t) || t.length > 60) break;
    texts.push(t);
    if (texts.length === 3) break;
  }
  const bare = (t: string) => t.replace(/[（(][^（）()]*[）)]$/, '');
  const isCaption = (t: string) => TABLE_CAPTION.test(bare(t)) && !HEADING.test(t);
  // A form's number (公开05表, 附表3) beside the title names no table: the title above it does.
  const named = texts.findIndex((t) => isCaption(t) && !FORM_NUMBER.test(t));
  const table = named >= 0 ? named : texts.findIndex(isCaption);
  if (table >= 0) {
    const note = texts[table - 1];
    return note !== undefined && YEAR_NOTE.test(note) ? texts[table]! + note : texts[table]!;
  }
  const near = texts[0];
  return near !== undefined && CAPTION.test(bare(near)) && !HEADING.test(near) ? near : null;
}

/** A first row that is one cell across the whole grid is the table's own title. */
function titleRow(rows: string[][], headerRows: number): string | null {
  const first = rows[0];
  if (!first || headerRows === 0 || first.length < 2 || first[0] === '' || first.some((c) => c !== first[0]))
    return null;
  const t = first[0]!.replace(/[（(]?(?:金额)?单位\s*[：:][^）)]*[）)]?/, '').trim();
  return t === '' ? null : t;
}
