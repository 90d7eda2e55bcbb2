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
import { textLines, type Extent, type TextLine } from './chunks.ts';
import { isColumnNumbering, isGoalRow, isProse } from './headers.ts';
import { ruledTables, type DraftTable } from './ruled.ts';
import { textTables } from './text-aligned.ts';
import { stripUnits, unitIn } from './units.ts';

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
  /** a text-aligned table's: each cell's own text extent, null where it has none (ruled tables: undefined) */
  extents?: (Extent | null)[][];
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
        ...(d.extents ? { extents: d.extents } : {}),
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
  // indicators' header), or the 年度总体目标 row itself however short its texts, ends the header there:
  // the rows below it are a block of their own.
  const prose = rows.slice(0, first < 0 ? rows.length : first).findIndex((row) => row.some(isProse) || isGoalRow(row));
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
    // A unit note in the caption's brackets (…自评表（单位：万元）) is the unit line's, not a key：value.
    const t = line.chunks
      .map((c) => {
        const text = stripUnits(c.text);
        const after = text.split(/[：:]/).pop()!.trim();
        return text === after ? text : TABLE_CAPTION.test(after) ? after : '';
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
