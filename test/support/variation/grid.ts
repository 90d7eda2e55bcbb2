// A logical table in one style, laid out as the grid of cells a producer draws
// (each cell with its spans, at the grid row and column where it starts), and
// the facts its number cells must give, each at that grid position.
import {
  nameOf,
  textOf,
  type Cell,
  type Column,
  type ExpectedFact,
  type LogicalTable,
  type Row,
  type Segment,
} from './model.ts';
import { restyle } from './restyle.ts';
import type { Style } from './styles.ts';

export type Role = 'head' | 'cover' | 'group' | 'name' | 'code' | 'number' | 'text';

export interface GridCell {
  text: string;
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  role: Role;
  /** names set indented by level (决算 类 / 款 / 项) */
  level?: number;
}

export interface Grid {
  width: number;
  /** the cells starting on each grid row */
  rows: GridCell[][];
  /** how many leading rows are header rows (cover lines and the first segment's header): what a repeated header repeats */
  headRows: number;
  /** the first grid row of each segment's data rows */
  segmentStarts: number[];
  facts: ExpectedFact[];
  /** the caption as drawn, and the lines under it */
  caption: string;
  note: string | null;
  unitLine: string | null;
  /** a 注： line under the table */
  footnote: string | null;
}

/** The note under a table: numbered as offices write it, no figure an amount could be read from. */
export const FOOTNOTE = '注：1.本表数据来源于单位财务账；2.空白单元格表示无此项。';

const withUnit = (text: string, unit: string) => `${text}（${unit}）`;

export function layoutGrid(logical: LogicalTable, style: Style): Grid {
  const table = restyle(logical, style);
  const width = widthOf(table);
  const out: Grid = {
    width,
    rows: [],
    headRows: 0,
    segmentStarts: [],
    facts: [],
    caption: style.unit === 'caption' ? `${table.caption}（单位：${table.unit}）` : table.caption,
    note: table.note ?? null,
    unitLine: style.unit === 'line' ? `单位：${table.unit}` : null,
    footnote: style.footnote ? FOOTNOTE : null,
  };
  for (const cover of table.cover ?? []) {
    let col = 0;
    const r = out.rows.length;
    out.rows.push(
      cover.cells.map((text, i) => {
        const cell: GridCell = { text, row: r, col, rowspan: 1, colspan: cover.spans[i]!, role: 'cover' };
        col += cover.spans[i]!;
        return cell;
      }),
    );
  }
  table.segments.forEach((segment) => layoutSegment(out, table, segment, style));
  out.headRows = headRowsOf(out);
  return out;
}

/**
 * The leading rows a repeated header repeats: the cover lines and the first segment's header, cut
 * above a cell that spans down past them (a group's merged cell runs on into the rows: HTML's
 * thead cannot hold it, and a producer clips it there).
 */
function headRowsOf(grid: Grid): number {
  let k = grid.segmentStarts[0]!;
  while (k > 0 && grid.rows.slice(0, k).some((cells) => cells.some((c) => c.row + c.rowspan > k))) k--;
  return k;
}

function widthOf(table: LogicalTable): number {
  const widths = table.segments.map((s) => (s.group ? 1 : 0) + s.columns.length);
  const w = Math.max(...widths);
  for (const s of table.segments)
    for (const row of s.rows) {
      const n = (s.group ? 1 : 0) + (row.spans ?? row.cells.map(() => 1)).reduce((a, b) => a + b, 0);
      if (n !== w) throw new Error(`${table.id}: a row of ${n} grid columns in a table of ${w}`);
    }
  return w;
}

/** Each column's header path as drawn: the spanning header above it in the two-row styles, then its own. */
function headPaths(segment: Segment, style: Style, unit: string): string[][] {
  const spanningOf = (c: number) =>
    style.header === 'spanning' ? segment.spanning?.find((s) => c >= s.from && c <= s.to) : undefined;
  // A spanning header over money columns only carries the unit for them in the column-unit styles.
  const carries = (c: number) => {
    const s = spanningOf(c);
    return s !== undefined && segment.columns.slice(s.from, s.to + 1).every((col) => col.measure === 'money');
  };
  return segment.columns.map((col, c) => {
    const s = spanningOf(c);
    const head = [...col.head];
    if (style.unit === 'column' && col.measure === 'money' && !carries(c))
      head[head.length - 1] = withUnit(head[head.length - 1]!, unit);
    if (!s) return head;
    return [style.unit === 'column' && carries(c) ? withUnit(s.text, unit) : s.text, ...head];
  });
}

function layoutSegment(out: Grid, table: LogicalTable, segment: Segment, style: Style): void {
  const top = out.rows.length;
  const offset = segment.group ? 1 : 0;
  const groupText = segment.group && style.unit === 'group' ? withUnit(segment.group, table.unit) : segment.group;
  const paths = headPaths(segment, style, table.unit);
  const depth = segment.noHeader ? 0 : Math.max(...paths.map((p) => p.length));
  for (let r = 0; r < depth + segment.rows.length; r++) out.rows.push([]);
  if (depth > 0) layoutHeader(out, top, paths, depth, offset);
  const first = top + depth;
  out.segmentStarts.push(first);
  if (segment.group && groupText) layoutGroup(out, segment, style, groupText, top, depth);
  const merges = style.groups === 'repeated' ? [] : nameMerges(segment);
  segment.rows.forEach((row, i) => layoutRow(out, segment, row, first + i, offset, merges[i], style));
  segment.rows.forEach((row, i) => out.facts.push(...rowFacts(table, segment, row, first + i, offset, paths)));
}

/** The header cells: each path from the top, its last element down to the header's foot; equal neighbours merged. */
function layoutHeader(out: Grid, top: number, paths: string[][], depth: number, offset: number): void {
  for (let r = 0; r < depth; r++) {
    for (let c = 0; c < paths.length; c++) {
      const p = paths[c]!;
      if (r >= p.length) continue;
      const same = (k: number) =>
        paths[k] !== undefined &&
        paths[k]!.length > r &&
        paths[k]!.slice(0, r + 1).join('|') === p.slice(0, r + 1).join('|');
      if (c > 0 && same(c - 1) && r < p.length - 1 === r < paths[c - 1]!.length - 1) continue;
      let end = c;
      while (same(end + 1) && r < p.length - 1 === r < paths[end + 1]!.length - 1) end++;
      const rowspan = r === p.length - 1 ? depth - r : 1;
      out.rows[top + r]!.push({
        text: p[r]!,
        row: top + r,
        col: offset + c,
        rowspan,
        colspan: end - c + 1,
        role: 'head',
      });
    }
  }
}

/** The row group: a merged cell down the header and the rows, or repeated in each, or the header's first cell. */
function layoutGroup(out: Grid, segment: Segment, style: Style, text: string, top: number, depth: number): void {
  const n = segment.rows.length;
  if (style.groups === 'header') {
    // No group column: the group names the header line's first cell, over the group and name columns.
    const head = out.rows[top]!.find((c) => c.col === 1);
    if (head) Object.assign(head, { text, col: 0, colspan: head.colspan + 1, role: 'group' as Role });
    return;
  }
  if (style.groups === 'merged') {
    out.rows[top]!.unshift({ text, row: top, col: 0, rowspan: depth + n, colspan: 1, role: 'group' });
    return;
  }
  out.rows[top]!.unshift({ text, row: top, col: 0, rowspan: depth, colspan: 1, role: 'group' });
  for (let i = 0; i < n; i++)
    out.rows[top + depth + i]!.unshift({ text, row: top + depth + i, col: 0, rowspan: 1, colspan: 1, role: 'group' });
}

/** For each row, the name columns whose cell merges down over the rows below (一级 / 二级 指标): rowspans, 0 where covered. */
function nameMerges(segment: Segment): number[][] {
  const names = segment.columns.flatMap((c, i) => (c.measure === 'name' ? [i] : [])).slice(0, -1);
  const spans = segment.rows.map(() => segment.columns.map(() => 1));
  for (const c of names) {
    for (let i = 0; i < segment.rows.length;) {
      let j = i + 1;
      const text = plainCell(segment.rows[i]!, c);
      while (text !== null && text !== '' && j < segment.rows.length && plainCell(segment.rows[j]!, c) === text) j++;
      spans[i]![c] = j - i;
      for (let k = i + 1; k < j; k++) spans[k]![c] = 0;
      i = j;
    }
  }
  return spans;
}

/** The text of column c of a row without spans (null in a row with spans: it merges with nothing). */
function plainCell(row: Row, c: number): string | null {
  return row.spans ? null : textOf(row.cells[c]!);
}

function roleOf(col: Column): Role {
  if (col.measure === 'name') return 'name';
  if (col.measure === 'code') return 'code';
  if (col.measure === 'text') return 'text';
  return 'number';
}

function layoutRow(
  out: Grid,
  segment: Segment,
  row: Row,
  r: number,
  offset: number,
  merges: number[] | undefined,
  style: Style,
): void {
  let c = 0;
  const spans = row.spans ?? row.cells.map(() => 1);
  row.cells.forEach((cell, i) => {
    const span = spans[i]!;
    const rowspan = merges?.[c] ?? 1;
    if (rowspan > 0) {
      const text = textOf(cell);
      // In the group-in-header styles the names take the group's column as well.
      const widen = c === 0 && offset === 1 && style.groups === 'header';
      const col: Column = segment.columns[c]!;
      out.rows[r]!.push({
        text,
        row: r,
        col: widen ? 0 : offset + c,
        rowspan,
        colspan: span + (widen ? 1 : 0),
        role: span > 1 && col.measure === 'name' ? 'name' : roleOf(col),
        ...(row.level && col.measure === 'name' ? { level: row.level } : {}),
      });
    }
    c += span;
  });
}

/** The facts of a row's number cells: value and unit from the cell and its column, the label's names from the logical table. */
function rowFacts(
  table: LogicalTable,
  segment: Segment,
  row: Row,
  r: number,
  offset: number,
  paths: string[][],
): ExpectedFact[] {
  const spans = row.spans ?? row.cells.map(() => 1);
  const starts = spans.map((_, i) => spans.slice(0, i).reduce((a, b) => a + b, 0));
  const facts: ExpectedFact[] = [];
  row.cells.forEach((cell, i) => {
    const c = starts[i]!;
    const fact = factOf(cell, segment.columns[c]!, table.unit);
    if (!fact) return;
    // The row's own name: the nearest cell to the left that covers a name column.
    let k = i - 1;
    while (k >= 0 && !(coversName(segment, starts[k]!, spans[k]!) && textOf(row.cells[k]!).trim() !== '')) k--;
    // The names before it in the same run of name cells (一级 / 二级 before 三级), not the other half's.
    let j = k;
    while (j > 0 && coversName(segment, starts[j - 1]!, spans[j - 1]!)) j--;
    const names = row.cells.slice(Math.max(j, 0), Math.max(k, 0));
    const path = paths[c]!;
    facts.push({
      ...fact,
      need: [nameOf(textOf(row.cells[k] ?? '')), bare(path[path.length - 1]!)].filter(Boolean),
      may: [
        ...names.map((n) => nameOf(textOf(n))),
        ...(segment.group ? [segment.group] : []),
        ...path.slice(0, -1).map(bare),
        ...ancestors(segment, row),
      ].filter(Boolean),
      at: { row: r, col: offset + c },
    });
  });
  return facts;
}

function coversName(segment: Segment, start: number, span: number): boolean {
  return segment.columns.slice(start, start + span).some((col) => col.measure === 'name');
}

/** A name without the unit the style wrote into it. */
const bare = (text: string) => text.replace(/（[^（）]{1,4}）$/, '');

/** The names of the rows a levelled row sits under (行政运行 under 市场监督管理事务 under 一般公共服务支出). */
function ancestors(segment: Segment, row: Row): string[] {
  if (!row.level) return [];
  const i = segment.rows.indexOf(row);
  const out: string[] = [];
  let level = row.level;
  for (let k = i - 1; k >= 0 && level > 1; k--) {
    const above = segment.rows[k]!;
    if (above.level !== undefined && above.level < level) {
      const name = segment.columns.findIndex((c) => c.measure === 'name');
      out.unshift(nameOf(textOf(above.cells[name]!)));
      level = above.level;
    }
  }
  return out;
}

function factOf(cell: Cell, col: Column, unit: string): Omit<ExpectedFact, 'need' | 'may' | 'at'> | null {
  if (typeof cell !== 'string') return cell.fact ? { ...cell.fact } : null;
  const text = cell.trim();
  if (text === '' || /^[-—/]$/.test(text)) return null;
  // A negative figure however it is signed: -22.20, −22.20, －22.20, (22.20).
  const signed = text.replace(/^[−－]/, '-').replace(/^\((.*)\)$/, '-$1');
  const value = Number(signed.replace(/,/g, '').replace(/%$/, ''));
  if (!Number.isFinite(value)) return null;
  if (col.measure === 'money') return { value, unit, kind: 'money', comparator: null };
  if (col.measure === 'score') return { value, unit: '分', kind: 'score', comparator: null };
  if (col.measure === 'percent') return { value, unit: '%', kind: 'percent', comparator: null };
  return null;
}
