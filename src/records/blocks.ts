// A table's blocks as the records read them: the rows under each header (the
// top header's, then each segment's) with their columns, and which column of
// the block holds which field of an indicator or a funds row. The columns are
// the report's (tables/structure.ts); here only their names are read.
import type { Column, Table } from '../schema/report.ts';
import {
  ADJUSTED_FALLBACK,
  FUNDS_COLUMNS,
  GROUP_WHOLE,
  headerName,
  INDICATOR_COLUMNS,
  INDICATOR_NAME_FALLBACK,
  type FundsField,
  type IndicatorField,
} from '../vocab/indicators.ts';

export interface Block {
  /** its first body row and the row after its last */
  from: number;
  to: number;
  columns: Column[];
}

/** The blocks of a table: the top header's rows, then each segment's, body rows only in range. */
export function blocksOf(t: Table): Block[] {
  const starts = [
    { from: t.headerRows, columns: t.columns },
    ...t.segments.map((s) => ({ from: s.row + s.headerRows, columns: s.columns })),
  ];
  return starts.map((s, i) => ({
    from: s.from,
    to: t.segments[i]?.row ?? t.rows.length,
    columns: s.columns,
  }));
}

/** The rows of a block that are body or total rows (headers repeated on a later page, cover lines and blanks left out). */
export function rowsOf(t: Table, b: Block): number[] {
  const out: number[] = [];
  for (let r = b.from; r < b.to; r++) if (t.rowRoles[r] === 'body' || t.rowRoles[r] === 'total') out.push(r);
  return out;
}

/** Each field's column in a block: the first column naming it (a merged header names several). */
export type FieldColumns<F extends string> = Partial<Record<F, number>>;

/** The columns of an indicator block, or null when the block has no indicator's name and values. */
export function indicatorColumns(columns: Column[]): FieldColumns<IndicatorField> | null {
  const out = fieldsOf(columns, INDICATOR_COLUMNS);
  if (out.name === undefined) {
    const fallback = columns.findIndex((c) => INDICATOR_NAME_FALLBACK.test(headerName(c.path.at(-1) ?? '')));
    // 绩效指标 names the indicator only where it is not the group left of the 一级 column.
    if (fallback >= 0 && (out.level1 === undefined || fallback > out.level1)) out.name = fallback;
    else if (out.level2 !== undefined) out.name = out.level2;
  }
  const values = out.target !== undefined || out.actual !== undefined;
  return out.name !== undefined && (values || (out.weight !== undefined && out.score !== undefined)) ? out : null;
}

/** The columns of a funds block: at least one amount (年初预算数, 全年预算数, 全年执行数), or null. */
export function fundsColumns(columns: Column[]): FieldColumns<FundsField> | null {
  // Only columns of figures: 年度预算（万元） over the rows' names is a group, not the year's budget.
  const figures = columns.map((col) => (col.role === 'number' ? col : { ...col, path: [] }));
  const out = fieldsOf(figures, FUNDS_COLUMNS);
  if (out.adjusted === undefined) {
    const c = figures.findIndex((col) => col.path.some((p) => ADJUSTED_FALLBACK.test(headerName(p))));
    if (c >= 0) out.adjusted = c;
  }
  const amounts = (['planned', 'adjusted', 'executed'] as const).filter((f) => out[f] !== undefined);
  return amounts.length > 0 ? out : null;
}

/**
 * Each field's column: a column takes the field its innermost matching header
 * cell names (全年预算数 › 总额 is 全年预算数's); of several columns of one field
 * the group's whole (总额, 合计) or the one its own cell names, else the first.
 */
function fieldsOf<F extends string>(columns: Column[], table: readonly (readonly [F, RegExp])[]): FieldColumns<F> {
  const found = new Map<F, { c: number; own: boolean }[]>();
  columns.forEach((col, c) => {
    const names = col.path.map(headerName).filter(Boolean);
    for (let k = names.length - 1; k >= 0; k--) {
      // A header cell wrapped in a narrow column may be read as two (分 over 值): its lines joined name it too.
      const field = table.find(([, re]) => re.test(names[k]!) || re.test(names.slice(k).join('')))?.[0];
      if (!field) continue;
      const own = k === names.length - 1 || GROUP_WHOLE.test(names[names.length - 1]!);
      found.set(field, [...(found.get(field) ?? []), { c, own }]);
      break;
    }
  });
  const out: FieldColumns<F> = {};
  for (const [field, cols] of found) out[field] = (cols.find((x) => x.own) ?? cols[0]!).c;
  return out;
}
