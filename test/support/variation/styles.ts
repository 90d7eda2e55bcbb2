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
