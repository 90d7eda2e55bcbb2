// The styles a table class is drawn in: each is one choice on every axis on
// which real reports differ. Adding a style is one entry in STYLES.
import type { LogicalTable } from './model.ts';

export interface Style {
  id: string;
  /** every cell ruled; none (as a spreadsheet exports with borders off); a 三线表's three rules */
  rules: 'grid' | 'none' | 'three';
  /** cells centred (as word processors set tables), or text left and numbers right (as spreadsheets do) */
  align: 'center' | 'sheet';
  /** a row group and names over several rows: merged (rowspan), repeated in every row, or the group in the header's first cell */
  groups: 'merged' | 'repeated' | 'header';
  /** where 万元 is written: a 单位：万元 line above, the caption (…表（单位：万元）), the column headers, the row group's cell */
  unit: 'line' | 'caption' | 'column' | 'group';
  /** the header in one row, or two with a spanning header (预算执行情况 over 年初预算数 | 全年预算数 | 全年执行数) */
  header: 'flat' | 'spanning';
  /** the table on one page, or carried over a page break with its header repeated, or without it */
  pageBreak: 'none' | 'repeat' | 'bare';
  /**
   * where a cell's text stands in its height (a header cell merged down several header rows shows it):
   * at the foot (a spreadsheet's default), in the middle (a word processor's, and 垂直居中 in a sheet), at the top
   */
  valign?: 'bottom' | 'middle' | 'top';
  /** a header merged over several columns: centred over them (合并后居中), or set left like any text of a sheet */
  mergedHead?: 'center' | 'left';
  /** columns of figures drawn wide (a sheet's columns widened for its largest sums): a header set left stands apart from its figures set right */
  wideFigures?: boolean;
  /** how a row's level is set: a cell's left padding (a spreadsheet's indent, the default) or ideographic spaces typed before the name (a word processor's) */
  indent?: 'padding' | 'spaces';
  /** amounts as the class writes them (万元, 520.00), with thousands separators (4,680.50), or in 元 with them (5,200,000.00) */
  figures: 'plain' | 'thousands' | 'yuan';
  /** what an empty number cell shows: nothing, or a dash or slash as many offices write */
  empty: '' | '-' | '—' | '/';
  /** the 合计 row where the class has it, or first (合计 on top, as many 决算 tables set it) */
  totalFirst: boolean;
  /** a 注： line under the table */
  footnote: boolean;
  /** a dense table: small type (7.5pt), lines set close */
  dense: boolean;
  /** header cells of four characters or more wrapped over three lines, as a narrow column wraps them (年初 / 预算 / 数) */
  headWrap: boolean;
  /** how a negative figure is written: a hyphen (-22.20), the minus sign (−22.20), a full-width minus (－22.20), or in brackets ((22.20)) */
  negative: '-' | '−' | '－' | '()';
}

const base: Omit<Style, 'id'> = {
  rules: 'grid',
  align: 'center',
  groups: 'merged',
  unit: 'line',
  header: 'flat',
  pageBreak: 'none',
  figures: 'plain',
  empty: '',
  totalFirst: false,
  footnote: false,
  dense: false,
  headWrap: false,
  negative: '-',
};
const style = (id: string, s: Partial<Style>): Style => ({ id, ...base, ...s });

export const STYLES: readonly Style[] = [
  style('grid', {}),
  style('grid-repeated-colunit', { groups: 'repeated', unit: 'column' }),
  style('grid-spanning', { header: 'spanning', unit: 'column' }),
  style('grid-groupunit', { unit: 'group' }),
  style('grid-headunit', { groups: 'header', unit: 'group' }),
  style('sheet', { rules: 'none', align: 'sheet' }),
  style('sheet-headunit', { rules: 'none', align: 'sheet', groups: 'header', unit: 'group' }),
  style('sheet-groupunit', { rules: 'none', align: 'sheet', unit: 'group' }),
  style('sheet-repeated-colunit', { rules: 'none', align: 'sheet', groups: 'repeated', unit: 'column' }),
  style('sheet-spanning', { rules: 'none', align: 'sheet', header: 'spanning', unit: 'column' }),
  style('sheet-caption', { rules: 'none', align: 'sheet', unit: 'caption' }),
  style('three', { rules: 'three', unit: 'caption' }),
  style('three-sheet-groupunit', { rules: 'three', align: 'sheet', unit: 'group' }),
  style('three-spanning', { rules: 'three', groups: 'repeated', header: 'spanning', unit: 'column' }),
  style('grid-break-repeat', { pageBreak: 'repeat' }),
  style('grid-break-bare', { pageBreak: 'bare' }),
  style('sheet-break-repeat', { rules: 'none', align: 'sheet', pageBreak: 'repeat' }),
  style('sheet-break-bare', { rules: 'none', align: 'sheet', pageBreak: 'bare' }),
  // Header cells merged down the header's rows show their text in its middle or at its top, so the
  // header's lines hold names of different levels side by side (本年支出合计 beside 基本支出's sub-headers).
  style('sheet-middle', { rules: 'none', align: 'sheet', valign: 'middle', mergedHead: 'left' }),
  style('sheet-top', { rules: 'none', align: 'sheet', valign: 'top' }),
  style('three-sheet-middle', { rules: 'three', align: 'sheet', valign: 'middle' }),
  style('sheet-wide', { rules: 'none', align: 'sheet', wideFigures: true }),
  style('sheet-wide-middle', {
    rules: 'none',
    align: 'sheet',
    wideFigures: true,
    valign: 'middle',
    mergedHead: 'left',
  }),
  style('grid-yuan', { figures: 'yuan' }),
  style('sheet-yuan-caption', { rules: 'none', align: 'sheet', unit: 'caption', figures: 'yuan' }),
  style('three-thousands', { rules: 'three', unit: 'caption', figures: 'thousands' }),
  style('grid-dash', { empty: '-' }),
  style('sheet-emdash', { rules: 'none', align: 'sheet', empty: '—' }),
  style('three-slash', { rules: 'three', unit: 'caption', empty: '/' }),
  style('grid-total-first-note', { totalFirst: true, footnote: true }),
  style('sheet-total-first-note', { rules: 'none', align: 'sheet', totalFirst: true, footnote: true }),
  style('grid-dense', { dense: true, figures: 'thousands' }),
  style('sheet-dense', { rules: 'none', align: 'sheet', dense: true, figures: 'yuan' }),
  style('grid-headwrap', { headWrap: true }),
  style('sheet-headwrap', { rules: 'none', align: 'sheet', headWrap: true }),
  style('three-headwrap', { rules: 'three', unit: 'caption', headWrap: true }),
  style('grid-minus', { negative: '−' }),
  style('sheet-fullwidth-minus', { rules: 'none', align: 'sheet', negative: '－' }),
  style('three-brackets', { rules: 'three', unit: 'caption', negative: '()' }),
  style('grid-indent', { indent: 'spaces' }),
  style('sheet-indent', { rules: 'none', align: 'sheet', indent: 'spaces' }),
  style('three-indent', { rules: 'three', indent: 'spaces' }),
];

/** Does the style mean anything for this class (a group's cell needs a group; a spanning header needs one)? */
export function applies(s: Style, table: LogicalTable): boolean {
  const grouped = table.segments.some((g) => g.group);
  if ((s.groups === 'header' || s.unit === 'group') && !grouped) return false;
  if (s.groups === 'repeated' && !grouped && !table.segments.some(mergesNames)) return false;
  if (s.header === 'spanning' && !table.segments.some((g) => g.spanning)) return false;
  if (s.empty !== '' && !table.segments.some(hasEmptyNumber)) return false;
  if (s.totalFirst && !table.segments.some((g) => totalLast(g) !== null)) return false;
  if (s.negative !== '-' && !table.segments.some(hasNegative)) return false;
  if (s.indent === 'spaces' && !table.segments.some((g) => g.rows.some((r) => (r.level ?? 0) > 1))) return false;
  return true;
}

const NUMBER_MEASURES = new Set(['money', 'score', 'percent']);

/** Does a segment have an empty cell in a number column? */
function hasEmptyNumber(g: LogicalTable['segments'][number]): boolean {
  return g.rows.some((r) => !r.spans && r.cells.some((c, i) => c === '' && NUMBER_MEASURES.has(g.columns[i]!.measure)));
}

/** Does a segment have a negative figure (-22.20)? */
function hasNegative(g: LogicalTable['segments'][number]): boolean {
  return g.rows.some((r) => r.cells.some((c) => typeof c === 'string' && /^-\d/.test(c.trim())));
}

/** The index of a segment's last row when it is its 合计 / 总计 (a total at the foot), else null. */
export function totalLast(g: LogicalTable['segments'][number]): number | null {
  const last = g.rows[g.rows.length - 1];
  const name = last && typeof last.cells[0] === 'string' ? last.cells[0].trim() : '';
  return /^(合计|总计)$/.test(name) ? g.rows.length - 1 : null;
}

function mergesNames(g: LogicalTable['segments'][number]): boolean {
  const names = g.columns.flatMap((c, i) => (c.measure === 'name' ? [i] : []));
  return names.length > 1;
}
