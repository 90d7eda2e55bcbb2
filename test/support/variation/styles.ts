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
}

const base: Omit<Style, 'id'> = {
  rules: 'grid',
  align: 'center',
  groups: 'merged',
  unit: 'line',
  header: 'flat',
  pageBreak: 'none',
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
];

/** Does the style mean anything for this class (a group's cell needs a group; a spanning header needs one)? */
export function applies(s: Style, table: LogicalTable): boolean {
  const grouped = table.segments.some((g) => g.group);
  if ((s.groups === 'header' || s.unit === 'group') && !grouped) return false;
  if (s.groups === 'repeated' && !grouped && !table.segments.some(mergesNames)) return false;
  if (s.header === 'spanning' && !table.segments.some((g) => g.spanning)) return false;
  return true;
}

function mergesNames(g: LogicalTable['segments'][number]): boolean {
  const names = g.columns.flatMap((c, i) => (c.measure === 'name' ? [i] : []));
  return names.length > 1;
}
