// Tables for people, rebuilt from the per-document JSON at the end of a run:
// facts.csv, findings.csv, documents.csv (UTF-8 with BOM so Excel reads the
// Chinese) and facts.jsonl. One document is held in memory at a time.
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { Report, Section } from '../schema/report.ts';
import { syncDir, tempPath } from '../util/files.ts';
import { csvText } from './safe-text.ts';
import type { ManifestRecord } from './manifest.ts';

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

export interface TableInput {
  record: ManifestRecord;
  /** the document's report, for records with status ok */
  report: Report | null;
}

export interface TableCounts {
  documents: number;
  facts: number;
  findings: number;
}

/** Writes the four tables into `dir`, each atomically. */
// eslint-disable-next-line max-lines-per-function -- the rows of the four files side by side, one cell per column in the order of its *_COLUMNS list
export async function writeTables(dir: string, docs: AsyncIterable<TableInput>): Promise<TableCounts> {
  const facts = await TableFile.create(path.join(dir, 'facts.csv'), FACT_COLUMNS);
  const findings = await TableFile.create(path.join(dir, 'findings.csv'), FINDING_COLUMNS);
  const documents = await TableFile.create(path.join(dir, 'documents.csv'), DOCUMENT_COLUMNS);
  const jsonl = await TableFile.create(path.join(dir, 'facts.jsonl'), null);
  const counts: TableCounts = { documents: 0, facts: 0, findings: 0 };
  const files = [facts, findings, documents, jsonl];
  try {
    for await (const { record, report } of docs) {
      counts.documents++;
      await documents.rows([documentRow(record, report)]);
      if (!report) continue;
      const sectionPath = sectionPaths(report.sections);
      const doc = docContext(record, report);
      await facts.rows(
        report.facts.map((f) => [
          doc.document,
          doc.path,
          doc.organization,
          doc.fiscalYear,
          doc.reportType,
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
        ]),
      );
      await jsonl.lines(
        report.facts.map((f) => ({
          ...doc,
          sectionPath: f.sectionId ? (sectionPath.get(f.sectionId) ?? null) : null,
          ...f,
        })),
      );
      await findings.rows(
        report.findings.map((c) => [
          doc.document,
          doc.path,
          doc.organization,
          doc.fiscalYear,
          doc.reportType,
          c.id,
          c.rule,
          c.severity,
          c.page,
          text(c.message),
          c.expected,
          c.actual,
          c.factIds.join(' '),
          c.sectionIds.join(' '),
        ]),
      );
      counts.facts += report.facts.length;
      counts.findings += report.findings.length;
    }
    for (const f of files) await f.commit();
  } finally {
    for (const f of files) await f.abandon();
  }
  await syncDir(dir);
  return counts;
}

function docContext(record: ManifestRecord, report: Report) {
  return {
    document: record.doc,
    path: text(record.path),
    organization: text(report.document.organization),
    fiscalYear: report.document.fiscalYear,
    reportType: report.document.reportType,
  };
}

function documentRow(r: ManifestRecord, report: Report | null): unknown[] {
  const d = report?.document;
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
    report?.sections.length ?? null,
    report?.facts.length ?? null,
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

const CSV_OPTIONS = { cast: { boolean: (b: boolean) => (b ? 'true' : 'false') } };

/** One output table: a temporary file that becomes the real one on commit. */
class TableFile {
  private readonly target: string;
  private readonly tmp: string;
  private readonly fh: FileHandle;
  private done = false;

  private constructor(target: string, tmp: string, fh: FileHandle) {
    this.target = target;
    this.tmp = tmp;
    this.fh = fh;
  }

  static async create(target: string, columns: readonly string[] | null): Promise<TableFile> {
    const tmp = tempPath(target);
    const file = new TableFile(target, tmp, await open(tmp, 'wx'));
    if (columns) await file.fh.write(stringify([columns as string[]], { ...CSV_OPTIONS, bom: true }));
    return file;
  }

  /** Text cells with their control characters shown escaped (\u001b): a PDF's escape sequences, NUL and BEL stay out of the tables. */
  async rows(rows: unknown[][]): Promise<void> {
    if (rows.length > 0)
      await this.fh.write(
        stringify(
          rows.map((row) => row.map((v) => (typeof v === 'string' ? csvText(v) : v))),
          CSV_OPTIONS,
        ),
      );
  }

  async lines(objects: object[]): Promise<void> {
    if (objects.length > 0) await this.fh.write(objects.map((o) => JSON.stringify(o) + '\n').join(''));
  }

  async commit(): Promise<void> {
    await this.fh.sync();
    await this.fh.close();
    await rename(this.tmp, this.target);
    this.done = true;
  }

  async abandon(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.fh.close().catch(() => {});
    await rm(this.tmp, { force: true });
  }
}
