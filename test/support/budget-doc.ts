// A made report of paragraphs and tables, laid out as a 预算 or 决算 is:
// headings and body text flowing over A4 pages, each table under its caption
// (bold, centred) and its 单位：万元 line, set ruled (every cell bordered, as
// Word and Excel print them) or borderless (text only, text left and numbers
// right in their columns, as spreadsheet exports without grid lines do). A
// table either follows the text on its page or starts a page of its own (the
// 预算 tables appended after the 说明). Tables are kept whole on one page.
import type { ComposePara } from './compose.ts';
import { glyphWidth, textWidth } from './compose.ts';
import type { PageSpec, PdfSpec, TextRun } from './make-pdf.ts';
import { ruledTable, textTable, type Cell } from '../tables/support.ts';

export interface DocTable {
  title: string;
  /** the 单位 line (default 单位：万元; null for none) */
  unit?: string | null;
  /** the header rows, merged cells as 'left' / 'up' (drawn so where ruled) */
  header: Cell[][];
  /** the header as one row of plain names, for the borderless layout (default: the header's last row) */
  flatHeader?: string[];
  rows: string[][];
  /** start a new page for it */
  newPage?: boolean;
  /** the table as set without rules, where it is set otherwise (a one-row table is set as rows) */
  borderless?: DocTable;
}

export type Block = ComposePara | { table: DocTable };
export type TableLayout = 'ruled' | 'borderless';

const LEFT = 60;
const RIGHT = 535;
const TOP = 770;
const BOTTOM = 70;
const SIZE = 12;
const CELL = 9;

/** The blocks laid out over pages: text flowing, each table whole under its caption. */
export function layoutDoc(blocks: Block[], layout: TableLayout): PdfSpec {
  const pages: PageSpec[] = [];
  let page: PageSpec = { runs: [], rules: [] };
  let y = TOP;
  const newPage = () => {
    pages.push(page);
    page = { runs: [], rules: [] };
    y = TOP;
  };
  for (const block of blocks) {
    if ('table' in block) {
      const t =
        layout === 'borderless' && block.table.borderless
          ? { ...block.table.borderless, newPage: block.table.newPage }
          : block.table;
      const rows = layout === 'ruled' ? t.header.length + t.rows.length : 1 + t.rows.length;
      const height = 70 + rows * (layout === 'ruled' ? 20 : 18);
      if ((t.newPage && page.runs.length > 0) || y - height < BOTTOM) newPage();
      y = drawTable(page, t, layout, y);
      continue;
    }
    y = drawParagraph(block, y, newPage, () => page);
  }
  if (page.runs.length > 0 || pages.length === 0) pages.push(page);
  return { pages };
}

function drawParagraph(para: ComposePara, top: number, newPage: () => void, at: () => PageSpec): number {
  const size = para.size ?? SIZE;
  const pitch = size * 1.8;
  let y = top - (para.spaceBefore ?? 0);
  let x0 = LEFT + (para.indent ?? 2) * size;
  let line = '';
  const flush = (text: string, start: number) => {
    if (y < BOTTOM) {
      newPage();
      y = TOP;
    }
    const x = para.align === 'center' ? (LEFT + RIGHT - textWidth(text, size)) / 2 : start;
    at().runs.push({ text, x, y, size, bold: para.bold });
    y -= pitch;
  };
  for (const ch of para.text) {
    if (x0 + textWidth(line, size) + glyphWidth(ch, size) > RIGHT + 0.01) {
      flush(line, x0);
      line = '';
      x0 = LEFT;
    }
    line += ch;
  }
  if (line.length > 0) flush(line, x0);
  return y;
}

/** Column edges: each column as wide as its widest text, the name column taking what is left. */
function columnEdges(cells: string[][]): number[] {
  const n = Math.max(...cells.map((r) => r.length));
  const widths = [...Array(n).keys()].map((c) => Math.max(36, ...cells.map((r) => textWidth(r[c] ?? '', CELL) + 10)));
  const total = widths.reduce((s, w) => s + w, 0);
  const room = RIGHT - LEFT;
  const name = widths.indexOf(Math.max(...widths));
  if (total < room) widths[name]! += room - total;
  const scale = Math.min(1, room / total);
  const xs = [LEFT];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w * scale);
  return xs;
}

function drawTable(page: PageSpec, t: DocTable, layout: TableLayout, top: number): number {
  const caption = t.title;
  page.runs.push({ text: caption, x: (LEFT + RIGHT - textWidth(caption, 14)) / 2, y: top - 14, size: 14, bold: true });
  const unit = t.unit === undefined ? '单位：万元' : t.unit;
  if (unit) page.runs.push({ text: unit, x: RIGHT - textWidth(unit, CELL), y: top - 36, size: CELL });
  const tableTop = top - 44;
  const flat = t.flatHeader ?? (t.header[t.header.length - 1] as string[]);
  const plain = (row: Cell[]) => row.map((c) => (typeof c === 'string' && c !== 'left' && c !== 'up' ? c : ''));
  if (layout === 'ruled') {
    const rows: Cell[][] = [...t.header, ...t.rows];
    const xs = columnEdges([...t.header.map(plain), ...t.rows]);
    const drawn = ruledTable(rows, { xs, top: tableTop, rowHeight: 20, size: CELL, align: 'right' });
    page.runs.push(...drawn.runs);
    page.rules!.push(...drawn.rules);
    return tableTop - rows.length * 20 - 40;
  }
  const rows = [flat, ...t.rows];
  const xs = columnEdges(rows);
  const runs: TextRun[] = textTable(rows, {
    lefts: xs.slice(0, -1).map((x) => x + 4),
    rights: xs.slice(1).map((x) => x - 4),
    top: tableTop - 12,
    pitch: 18,
    size: CELL,
  });
  page.runs.push(...runs);
  return tableTop - rows.length * 18 - 48;
}
