// Reading a report's table (the contract's Table) as its structure says:
// the columns in force at a row, the page a row is on, the column naming the
// rows, the body rows below the header. facts/ and checks/ read tables
// through these, also tables read back from JSON.
import type { Column, Table } from '../schema/report.ts';

/** The columns that name row r's cells: those of the last segment starting at or above it, else the top header's. */
export function columnsAt(t: Table, r: number): Column[] {
  return segmentAt(t, r)?.columns ?? t.columns;
}

/** The segment row r is in (its header or its rows), or null for the top block. */
export function segmentAt(t: Table, r: number): Table['segments'][number] | null {
  return t.segments.findLast((s) => s.row <= r) ?? null;
}

/** The part of the table row r is in: its page and box there. */
export function partAt(t: Table, r: number): Table['parts'][number] {
  return t.parts.findLast((p) => p.firstRow <= r) ?? t.parts[0]!;
}

/** The page row r is printed on. */
export function pageOfRow(t: Table, r: number): number {
  return t.parts.length === 0 ? t.page : partAt(t, r).page;
}

/** The column whose cells name the rows: the top header's first name column, else its first text column, else 0. */
export function nameColumn(t: Table): number {
  const name = t.columns.findIndex((c) => c.role === 'name');
  if (name >= 0) return name;
  const text = t.columns.findIndex((c) => c.role === 'text');
  return text >= 0 ? text : 0;
}

/** The top header's columns of codes (科目编码, or its parts 类 | 款 | 项), left to right. */
export function codeColumns(t: Table): number[] {
  return t.columns.flatMap((col, c) => (col.role === 'code' ? [c] : []));
}

/** A row that names columns or describes the table: header, cover, or a header repeated on a later page. */
export function isHeaderRow(t: Table, r: number): boolean {
  const role = t.rowRoles[r];
  return role === 'header' || role === 'cover';
}
