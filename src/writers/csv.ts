// Tables for people, rebuilt from the per-document reports of a run, in input
// order: documents.csv, facts.csv, findings.csv, indicators.csv, funds.csv
// (UTF-8 with BOM so Excel reads the Chinese) and facts.jsonl. One document is
// held in memory at a time; a batch hands them over as they finish
// (src/batch/in-order.ts), and the files take their place at the end.
import path from 'node:path';
import type { Report, Section } from '../schema/report.ts';
import { syncDir } from '../util/files.ts';
import type { ManifestRecord } from './manifest.ts';
import { csvRows, jsonLines, TableFile } from './table-file.ts';

export const SECTION_PATH_SEPARATOR = ' › ';

const FACT_COLUMNS = [
  'document',
  'path',
  'organization',
  'fiscal_year',
  'report_type',
  'section_path',
  'label',
  'concept',
  'kind',
  'value',
  'unit',
  'normalized_value',
  'normalized_unit',
  'approximate',
  'page',
  'quote',
  'fact_id',
  'table_id',
  'row',
  'col',
] as const;
const FINDING_COLUMNS = [
  'document',
  'path',
  'organization',
  'fiscal_year',
  'report_type',
  'finding_id',
  'rule',
  'severity',
  'page',
  'message',
  'expected',
  'actual',
  'fact_ids',
  'section_ids',
] as const;
const DOCUMENT_COLUMNS = [
  'path',
  'status',
  'reason',
  'document',
  'sha256',
  'bytes',
  'title',
  'organization',
  'fiscal_year',
  'report_type',
  'report_date',
  'pages',
  'ocr_pages',
  'sections',
  'facts',
  'errors',
  'warnings',
  'infos',
  'seconds',
] as const;

/** indicators.csv: every indicator record (contract 1.3), one row each. */
const INDICATOR_COLUMNS = [
  'document',
  'path',
  'organization',
  'fiscal_year',
  'report_type',
  'indicator_id',
  'table_id',
  'row',
  'page',
  'project',
  'level1',
  'level2',
  'name',
  'target_text',
  'target_value',
  'target_unit',
  'target_comparator',
  'target_upper',
  'actual_text',
  'actual_value',
  'actual_unit',
  'weight',
  'score',
  'met',
  'deviation',
  'fact_ids',
] as const;
/** funds.csv: every funds row record (年度资金总额 and its 其中 rows), one row each. */
const FUNDS_COLUMNS = [
  'document',
  'path',
  'organization',
  'fiscal_year',
  'report_type',
  'funds_id',
  'table_id',
  'row',
  'page',
  'project',
  'name',
  'planned',
  'adjusted',
  'executed',
  'rate',
  'weight',
  'score',
  'unit',
  'fact_ids',
] as const;

export interface TableInput {
  record: ManifestRecord;
  /** the document's report, for records with status ok */
  report: Report | null;
  /**
   * its rows already made (`tablesPart`, where the report was made: a batch's document process), for the same
   * record's `doc` and `path`: then `report` is not needed
   */
  part?: TablesPart;
}

export interface TableCounts {
  documents: number;
  facts: number;
  findings: number;
  indicators: number;
  funds: number;
}

/** What documents.csv takes from a document's report. */
export interface DocumentFields {
  title: string | null;
  organization: string | null;
  fiscalYear: number | null;
  reportType: string | null;
  reportDate: string | null;
  sections: number;
  facts: number;
}

/**
 * One document's rows of every table but documents.csv, as text in OUTPUT_TABLES' order, and what
 * documents.csv takes from its report: all a run's own process needs of the report, so that it neither reads
 * the report back nor renders it. Made for the manifest line's `doc` and `path` (`where`).
 */
export interface TablesPart extends Where {
  document: DocumentFields;
  tables: { text: string; rows: number }[];
}

/** The manifest line's fields a document's rows depend on. */
type Where = Pick<ManifestRecord, 'doc' | 'path'>;

type DocContext = ReturnType<typeof docContext>;

/** One output table: its file, its columns (null for JSON lines) and its rows of a document's report. */
interface OutputTable {
  file: string;
  columns: readonly string[] | null;
  /** what it counts in TableCounts, if anything */
  counts?: keyof TableCounts;
  rows: (report: Report, doc: DocContext, sectionPath: Map<string, string>) => unknown[];
}

/** The tables a run writes, each rebuilt from every document's report. */
const OUTPUT_TABLES: readonly OutputTable[] = [
  { file: 'facts.csv', columns: FACT_COLUMNS, counts: 'facts', rows: factRows },
  { file: 'facts.jsonl', columns: null, rows: factLines },
  { file: 'findings.csv', columns: FINDING_COLUMNS, counts: 'findings', rows: findingRows },
  { file: 'indicators.csv', columns: INDICATOR_COLUMNS, counts: 'indicators', rows: indicatorRows },
  { file: 'funds.csv', columns: FUNDS_COLUMNS, counts: 'funds', rows: fundsRows },
];

/** Writes documents.csv and the tables of OUTPUT_TABLES into `dir`, each atomically. */
export async function writeTables(dir: string, docs: AsyncIterable<TableInput>): Promise<TableCounts> {
  const tables = await TablesWriter.create(dir);
  try {
    for await (const doc of docs) await tables.add(doc);
    return await tables.commit();
  } finally {
    await tables.abandon();
  }
}

/** A document's rows of the tables (TablesPart) for the manifest line's `doc` and `path`. */
export async function tablesPart(report: Report, where: Where): Promise<TablesPart> {
  const sectionPath = sectionPaths(report.sections);
  const doc = docContext(where, report);
  const tables: TablesPart['tables'] = [];
  for (const t of OUTPUT_TABLES) {
    const rows = t.rows(report, doc, sectionPath);
    tables.push({
      text: t.columns ? await csvRows(rows as unknown[][]) : jsonLines(rows as object[]),
      rows: rows.length,
    });
  }
  const d = report.document;
  return {
    doc: where.doc,
    path: where.path,
    document: {
      title: d.title,
      organization: d.organization,
      fiscalYear: d.fiscalYear,
      reportType: d.reportType,
      reportDate: d.reportDate,
      sections: report.sections.length,
      facts: report.facts.length,
    },
    tables,
  };
}

/**
 * documents.csv and the tables of OUTPUT_TABLES being written, one input at a time in input order (into
 * temporary files): `commit` makes them the real files, `abandon` removes what was written.
 */
export class TablesWriter {
  private readonly dir: string;
  private readonly documents: TableFile;
  private readonly tables: [OutputTable, TableFile][];
  private readonly counts: TableCounts = { documents: 0, facts: 0, findings: 0, indicators: 0, funds: 0 };

  private constructor(dir: string, documents: TableFile, tables: [OutputTable, TableFile][]) {
    this.dir = dir;
    this.documents = documents;
    this.tables = tables;
  }

  static async create(dir: string): Promise<TablesWriter> {
    const documents = await TableFile.create(path.join(dir, 'documents.csv'), DOCUMENT_COLUMNS);
    const tables: [OutputTable, TableFile][] = [];
    try {
      for (const t of OUTPUT_TABLES) tables.push([t, await TableFile.create(path.join(dir, t.file), t.columns)]);
    } catch (err) {
      for (const f of [documents, ...tables.map(([, file]) => file)]) await f.abandon();
      throw err;
    }
    return new TablesWriter(dir, documents, tables);
  }

  /** The next input's rows: its part as made, or made now from its report. */
  async add({ record, report, part }: TableInput): Promise<void> {
    const fits = part && part.doc === record.doc && part.path === record.path;
    if (part && !fits && !report)
      throw new Error(`internal error: the rows of ${record.path} were made for another line`);
    const made = fits ? part : report ? await tablesPart(report, record) : null;
    this.counts.documents++;
    await this.documents.text(await csvRows([documentRow(record, made?.document ?? null)]));
    if (!made) return;
    for (const [i, [t, file]] of this.tables.entries()) {
      const { text: rows, rows: n } = made.tables[i]!;
      await file.text(rows);
      if (t.counts) this.counts[t.counts] += n;
    }
  }
  /** Every table renamed into place (and the folder synced); the rows of each. */
  async commit(): Promise<TableCounts> {
    for (const f of [this.documents, ...this.tables.map(([, file]) => file)]) await f.commit();
    await syncDir(this.dir);
    return { ...this.counts };
  }

  /** The temporary files of the tables not committed, removed. */
  async abandon(): Promise<void> {
    for (const f of [this.documents, ...this.tables.map(([, file]) => file)]) await f.abandon();
  }
}

const docCells = (doc: DocContext) => [doc.document, doc.path, doc.organization, doc.fiscalYear, doc.reportType];

function factRows(report: Report, doc: DocContext, sectionPath: Map<string, string>): unknown[][] {
  return report.facts.map((f) => [
    ...docCells(doc),
    f.sectionId ? (sectionPath.get(f.sectionId) ?? '') : '',
    text(f.label),
    f.concept,
    f.kind,
    f.value,
    f.unit,
    f.normalized.value,
    f.normalized.unit,
    f.approximate,
    f.page,
    text(f.quote),
    f.id,
    // The cell a table's fact was read from, counted from 1 as the dataset's table_cells does.
    f.cell?.table ?? null,
    f.cell ? f.cell.row + 1 : null,
    f.cell ? f.cell.col + 1 : null,
  ]);
}

function factLines(report: Report, doc: DocContext, sectionPath: Map<string, string>): object[] {
  return report.facts.map((f) => ({
    ...doc,
    sectionPath: f.sectionId ? (sectionPath.get(f.sectionId) ?? null) : null,
    ...f,
  }));
}

function findingRows(report: Report, doc: DocContext): unknown[][] {
  return report.findings.map((c) => [
    ...docCells(doc),
    c.id,
    c.rule,
    c.severity,
    c.page,
    text(c.message),
    c.expected,
    c.actual,
    c.factIds.join(' '),
    c.sectionIds.join(' '),
  ]);
}

/** An indicator a row: its table's row counted from 1 (as facts.csv), 一级 and 二级 apart, met as true / false / empty. */
function indicatorRows(report: Report, doc: DocContext): unknown[][] {
  return report.indicators.map((i) => [
    ...docCells(doc),
    i.id,
    i.table,
    i.row + 1,
    i.page,
    text(i.project),
    text(i.path[0] ?? null),
    text(i.path[1] ?? null),
    text(i.name),
    text(i.target?.text ?? null),
    i.target?.value ?? null,
    i.target?.unit ?? null,
    i.target?.comparator ?? null,
    i.target?.upper ?? null,
    text(i.actual?.text ?? null),
    i.actual?.value ?? null,
    i.actual?.unit ?? null,
    i.weight,
    i.score,
    i.met,
    text(i.deviation),
    i.factIds.join(' '),
  ]);
}

function fundsRows(report: Report, doc: DocContext): unknown[][] {
  return report.funds.map((f) => [
    ...docCells(doc),
    f.id,
    f.table,
    f.row + 1,
    f.page,
    text(f.project),
    text(f.name),
    f.planned,
    f.adjusted,
    f.executed,
    f.rate,
    f.weight,
    f.score,
    f.unit,
    f.factIds.join(' '),
  ]);
}

function docContext(where: Where, report: Report) {
  return {
    document: where.doc,
    path: text(where.path),
    organization: text(report.document.organization),
    fiscalYear: report.document.fiscalYear,
    reportType: report.document.reportType,
  };
}

function documentRow(r: ManifestRecord, d: DocumentFields | null): unknown[] {
  return [
    text(r.path),
    r.status,
    text(r.reason),
    r.doc,
    r.sha256,
    r.bytes,
    text(d?.title ?? null),
    text(d?.organization ?? null),
    d?.fiscalYear ?? null,
    d?.reportType ?? null,
    d?.reportDate ?? null,
    r.pages,
    r.ocrPages,
    d?.sections ?? null,
    d?.facts ?? null,
    r.findings.error,
    r.findings.warning,
    r.findings.info,
    r.seconds,
  ];
}

/** Each section's titles from the root down, joined by ' › '. */
export function sectionPaths(sections: Section[]): Map<string, string> {
  const byId = new Map(sections.map((s) => [s.id, s]));
  const out = new Map<string, string>();
  for (const s of sections) {
    const titles: string[] = [];
    const seen = new Set<string>();
    for (
      let at: Section | undefined = s;
      at && !seen.has(at.id);
      at = at.parentId ? byId.get(at.parentId) : undefined
    ) {
      seen.add(at.id);
      titles.unshift(at.title);
    }
    out.set(s.id, text(titles.join(SECTION_PATH_SEPARATOR)) ?? '');
  }
  return out;
}

/** A spreadsheet would run a cell that starts with = + - @ as a formula: such text gets a leading apostrophe. */
function text(value: string | null): string | null {
  if (value === null) return null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
