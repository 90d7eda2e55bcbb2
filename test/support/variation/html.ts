// A grid as HTML a producer prints: the rules, alignment and spans of its
// style in plain attributes and inline CSS (LibreOffice's HTML import reads
// attributes best, Chromium reads both). One document holds every style of
// a class, each on its own pages after a page that says which style follows,
// so that no table stands on the page right after another's.
import type { Grid, GridCell } from './grid.ts';
import type { Style } from './styles.ts';

export interface Page {
  style: Style;
  grid: Grid;
  /** lines of prose above the caption, to carry the table over the page's foot (page-break styles) */
  filler: number;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const BLACK = '#000000';

function cellCss(cell: GridCell, grid: Grid, style: Style): { attrs: string; css: string[] } {
  const css: string[] = [];
  const attrs: string[] = [];
  const numeric = cell.role === 'number';
  const sheet = style.align === 'sheet';
  // A spreadsheet sets text left and numbers right, but a header merged over several columns centred
  // over them (合并后居中, the button that merges): set left it would name its first column as much.
  const merged = cell.role === 'head' && cell.colspan > 1 && style.mergedHead !== 'left';
  const align =
    sheet && !merged ? (numeric ? 'right' : 'left') : cell.level || cell.role === 'cover' ? 'left' : 'center';
  const valign = style.valign ?? (sheet ? 'bottom' : 'middle');
  attrs.push(`align="${align}"`, `valign="${valign}"`);
  css.push(`text-align:${align}`, `vertical-align:${valign}`);
  if (cell.level && cell.level > 1 && style.indent !== 'spaces') css.push(`padding-left:${(cell.level - 1) * 2}em`);
  // A number is never wrapped inside its cell (a spreadsheet shows #### instead; a word processor widens the column).
  if (numeric) (attrs.push('nowrap'), css.push('white-space:nowrap'));
  if (numeric && style.wideFigures) {
    // Wide, but the figure columns together take at most 72 % of the table: the names keep some room.
    const figureColumns = new Set(grid.rows.flat().flatMap((c) => (c.role === 'number' ? [c.col] : []))).size;
    const share = Math.min(20, Math.floor(72 / Math.max(1, figureColumns)));
    attrs.push(`width="${share}%"`);
    css.push(`width:${share}%`);
  }
  // Small type, lines set close (LibreOffice takes a cell's CSS padding for every side: the table's cellpadding stays).
  if (style.dense) css.push('font-size:7.5pt', 'line-height:1.05');
  if (style.rules === 'grid') css.push(`border:0.75pt solid ${BLACK}`);
  if (style.rules === 'three') {
    const last = grid.rows.length;
    if (cell.row === 0) css.push(`border-top:1.5pt solid ${BLACK}`);
    if (cell.row + cell.rowspan === grid.segmentStarts[0]) css.push(`border-bottom:0.75pt solid ${BLACK}`);
    if (cell.row + cell.rowspan === last) css.push(`border-bottom:1.5pt solid ${BLACK}`);
  }
  if (cell.rowspan > 1) attrs.push(`rowspan="${cell.rowspan}"`);
  if (cell.colspan > 1) attrs.push(`colspan="${cell.colspan}"`);
  return { attrs: attrs.join(' '), css };
}

/** A header cell's text over three lines as a narrow column wraps it (年初预算数 → 年初 / 预算 / 数); shorter ones whole. */
function wrapped(text: string): string[] {
  const chars = [...text];
  if (chars.length < 4) return [text];
  const n = Math.ceil(chars.length / 3);
  return [0, 1, 2].map((k) => chars.slice(k * n, (k + 1) * n).join('')).filter(Boolean);
}

/** A cell's text as typed: two ideographic spaces a level below the first where the level is set so. */
function typed(cell: GridCell, style: Style): string {
  return style.indent === 'spaces' && cell.level && cell.level > 1
    ? '\u3000'.repeat((cell.level - 1) * 2) + cell.text
    : cell.text;
}

function tableHtml(grid: Grid, style: Style): string {
  const border = style.rules === 'grid' ? ' border="1"' : ' border="0"';
  const row = (cells: GridCell[]) =>
    `<tr>${cells
      .map((c) => {
        const { attrs, css } = cellCss(c, grid, style);
        const text = style.headWrap && c.role === 'head' ? wrapped(c.text).map(esc).join('<br>') : esc(typed(c, style));
        return `<td ${attrs} style="${css.join(';')}">${text}</td>`;
      })
      .join('')}</tr>`;
  const head = grid.rows.slice(0, grid.headRows).map(row).join('\n');
  const body = grid.rows.slice(grid.headRows).map(row).join('\n');
  // A header repeated over the page break is the table's head; otherwise every row is body.
  const rows =
    style.pageBreak === 'repeat'
      ? `<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>`
      : `<tbody>\n${head}\n${body}\n</tbody>`;
  const font = style.dense ? ';font-size:7.5pt' : '';
  return `<table width="100%" cellspacing="0" cellpadding="3"${border} style="border-collapse:collapse;width:100%${font}">\n${rows}\n</table>`;
}

const BREAK = 'page-break-before:always;break-before:page';

/** The filler line: prose without a number, so that it gives no fact. */
export const FILLER = '本页上部为报告正文，以下为表格。';

/** The page that names the style after it (no number, no table). */
export const separator = (style: Style) => `以下样式：${style.id}`;

function pageHtml(page: Page, first: boolean): string {
  const { grid, style } = page;
  const parts = [`<p style="${first ? '' : BREAK}">${esc(separator(style))}</p>`];
  const lines = [...Array(page.filler).keys()].map(() => FILLER);
  lines.forEach((l, i) => parts.push(`<p style="${i === 0 ? BREAK : ''}">${esc(l)}</p>`));
  const top = lines.length === 0 ? BREAK : '';
  parts.push(`<p align="center" style="text-align:center;${top}"><b>${esc(grid.caption)}</b></p>`);
  if (grid.note) parts.push(`<p align="center" style="text-align:center">${esc(grid.note)}</p>`);
  if (grid.unitLine) parts.push(`<p align="right" style="text-align:right">${esc(grid.unitLine)}</p>`);
  parts.push(tableHtml(grid, style));
  if (grid.footnote) parts.push(`<p align="left" style="text-align:left">${esc(grid.footnote)}</p>`);
  return parts.join('\n');
}

export function documentHtml(pages: Page[], font: string): string {
  return `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>variation</title>
<style>
@page { size: A4; margin: 20mm }
body { font-family: "${font}"; font-size: 10.5pt }
p { margin: 0 0 4pt 0 }
table { border-collapse: collapse; font-size: 9pt }
td { padding: 2pt 3pt }
</style></head><body>
${pages.map((p, i) => pageHtml(p, i === 0)).join('\n')}
</body></html>
`;
}
