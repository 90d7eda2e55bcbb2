// The rows one document gives each table of the dataset (build.ts appends them in one transaction, and
// repair.ts's expectedRows counts them): one value per column, in the order of its CREATE TABLE in build.ts.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import type { Report, Table } from '../schema/report.ts';
import { columnsAt, pageOfRow } from '../tables/reading.ts';

export type Appenders = Record<
  'documents' | 'pages' | 'sections' | 'facts' | 'table_cells' | 'findings' | 'indicators' | 'funds',
  DuckDBAppender
>;

export async function appenders(con: DuckDBConnection): Promise<Appenders> {
  return {
    documents: await con.createAppender('documents'),
    pages: await con.createAppender('pages'),
    sections: await con.createAppender('sections'),
    facts: await con.createAppender('facts'),
    table_cells: await con.createAppender('table_cells'),
    findings: await con.createAppender('findings'),
    indicators: await con.createAppender('indicators'),
    funds: await con.createAppender('funds'),
  };
}

export type Cell = string | number | boolean | null | undefined;

/** Joins a column's header cells, top to bottom: 支出决算 › 基本支出 › 小计. */
const PATH_SEPARATOR = ' › ';

/** One row; numbers go in as doubles (DuckDB casts to the column's INTEGER or DECIMAL), strings as text (DATE too). */
export function row(a: DuckDBAppender, cells: Cell[]): void {
  for (const c of cells) {
    if (c === null || c === undefined) a.appendNull();
    else if (typeof c === 'number') a.appendDouble(c);
    else if (typeof c === 'boolean') a.appendBoolean(c);
    else a.appendVarchar(c);
  }
  a.endRow();
}

// eslint-disable-next-line max-lines-per-function -- one value per column of each table, in the order of its CREATE TABLE: split, the order could no longer be read against it
export function appendReport(ap: Appenders, r: Report, batch: string, file: string, review: string | null): void {
  const sha = r.source.sha256;
  const d = r.document;
  row(ap.documents, [
    sha,
    r.source.path,
    batch,
    file,
    d.title,
    d.organization,
    d.organizationKey ?? null,
    d.fiscalYear,
    d.reportType,
    d.reportDate,
    r.source.pages,
    r.source.bytes,
    r.schemaVersion,
    r.tool.version,
    review,
  ]);
  for (const p of r.pages) row(ap.pages, [sha, p.number, p.method, p.chars, p.ocrConfidence, p.error]);
  for (const s of r.sections)
    row(ap.sections, [sha, s.id, s.parentId, s.level, s.marker, s.family, s.ordinal, s.title, s.page]);
  for (const f of r.facts) {
    const num = typeof f.value === 'number' ? f.value : null;
    const base = typeof f.normalized.value === 'number' ? f.normalized.value : null;
    const factor = num !== null && base !== null && num !== 0 ? Math.abs(base / num) : 1;
    const rounding = num === null ? null : 0.5 * 10 ** -f.decimals * factor;
    const day =
      f.kind === 'date' && typeof f.value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(f.value) ? f.value : null;
    const count = f.kind === 'count' && base !== null && Number.isInteger(base) ? base : null;
    row(ap.facts, [
      sha,
      f.id,
      f.sectionId,
      f.paragraphId,
      f.cell?.table ?? null,
      f.cell ? f.cell.row + 1 : null,
      f.cell ? f.cell.col + 1 : null,
      f.page,
      f.kind,
      num,
      String(f.value),
      f.unit,
      base,
      f.normalized.unit,
      f.kind === 'money' ? base : null,
      count,
      day,
      f.decimals,
      rounding,
      f.upper,
      f.label,
      f.concept,
      f.year ?? null,
      f.approximate,
      f.comparator,
      f.quote,
      ...factReview(f),
    ]);
  }
  for (const t of r.tables) for (const cells of tableCells(t)) row(ap.table_cells, [sha, ...cells]);
  for (const f of r.findings)
    row(ap.findings, [
      sha,
      f.id,
      f.rule,
      f.severity,
      f.message,
      f.factIds.join(','),
      f.page,
      f.expected === null ? null : String(f.expected),
      f.actual === null ? null : String(f.actual),
      f.review?.decision ?? null,
      f.review?.note ?? null,
      f.review?.by ?? null,
      f.review?.at ?? null,
    ]);
  appendRecords(ap, r);
}

/**
 * The report's records (contract 1.3): an indicator a row of indicators, a funds row one of funds, with
 * its table's row counted from 1 (as facts' and table_cells'), 一级 and 二级 apart, its facts' ids.
 */
function appendRecords(ap: Appenders, r: Report): void {
  const sha = r.source.sha256;
  for (const i of r.indicators ?? [])
    row(ap.indicators, [
      sha,
      i.id,
      i.table,
      i.row + 1,
      i.page,
      i.project,
      i.path[0] ?? null,
      i.path[1] ?? null,
      i.name,
      i.target?.text,
      i.target?.value,
      i.target?.unit,
      i.target?.comparator,
      i.target?.upper,
      i.actual?.text,
      i.actual?.value,
      i.actual?.unit,
      i.weight,
      i.score,
      i.met,
      i.deviation,
      i.factIds.join(','),
    ]);
  for (const f of r.funds ?? [])
    row(ap.funds, [
      sha,
      f.id,
      f.table,
      f.row + 1,
      f.page,
      f.project,
      f.name,
      f.planned,
      f.adjusted,
      f.executed,
      f.rate,
      f.weight,
      f.score,
      f.unit,
      f.factIds.join(','),
    ]);
}

/** origin (read | corrected | added), the figure as the machine read it, and the reviewer's note, name and time. */
function factReview(f: Report['facts'][number]): Cell[] {
  const c = f.corrected;
  const read = c ? c.from : { value: f.value, unit: f.unit };
  return [
    !c ? 'read' : c.from === null ? 'added' : 'corrected',
    read === null ? null : String(read.value),
    read?.unit ?? null,
    c?.from?.label ?? (read === null ? null : f.label),
    c?.note ?? null,
    c?.by ?? null,
    c?.at ?? null,
  ];
}

/**
 * Each cell of a table as a row of table_cells (after the sha256): its table, the page its row is on, the
 * table's title, row and column (from 1), text, the column's header path (' › ') and unit, the column's
 * role, the row's role and 类/款/项 level — the columns in force at the row (its segment's, or the top header's).
 */
function tableCells(t: Table): Cell[][] {
  return t.rows.flatMap((cells, i) => {
    const columns = columnsAt(t, i);
    return cells.map((text, j) => [
      t.id,
      pageOfRow(t, i),
      t.title,
      i + 1,
      j + 1,
      text,
      columns[j]?.path.join(PATH_SEPARATOR) ?? null,
      columns[j]?.unit ?? null,
      columns[j]?.role ?? null,
      t.rowRoles[i] ?? null,
      t.rowLevels?.[i] ?? null,
    ]);
  });
}
