// jixiao dataset: batch folders (manifest.jsonl + docs/*.json) into one DuckDB
// database a researcher can query — tables documents, pages, sections, facts,
// table_cells, findings, indicators and funds (the performance targets as
// records) keyed by the document's sha256, the views concept_values,
// concept_matrix and indicator_values, and cross_findings (checks across
// reports). Appending skips documents already present (by sha256); the same
// batches give the same database. Each document is added whole or not at all
// (one transaction for its rows in every table), and a run repairs what an
// earlier one left damaged (repair.ts).
import { existsSync, mkdirSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Report } from '../schema/report.ts';
import { tempPath } from '../util/files.ts';
import { crossChecks, type CrossFinding } from './cross.ts';
import {
  actualRows,
  DOC_TABLES,
  expectedRows,
  noRepairs,
  removeDocument,
  tally,
  type Repairs,
  type RowCounts,
} from './repair.ts';
import { correctionsOf, prepareReview, reviewDigest, type Reviewed } from './review.ts';
import { appendReport, appenders, row, type Appenders } from './rows.ts';

export interface DatasetOptions {
  out: string;
  /** write every table as Parquet (zstd) into this folder */
  parquet?: string;
  /** corrections.jsonl files to apply besides each batch folder's own (--corrections) */
  corrections?: string[];
}

export interface DatasetResult {
  added: number;
  /** documents present whose corrections changed since: their rows replaced */
  updated: number;
  /** present, but found incomplete or doubled: removed and added again */
  replaced: number;
  /** lines of the corrections files that are not corrections (FILE:LINE: why): left out */
  correctionProblems: string[];
  skipped: number;
  /** what an earlier run (of an older jixiao, or interrupted) had left incomplete or doubled, and was put right */
  repairs: Repairs;
  documents: number;
  crossFindings: CrossFinding[];
  seconds: number;
}

/** Every table: a document's own (DOC_TABLES, where a new one is added) and the findings across documents. */
export const TABLES = [...DOC_TABLES, 'cross_findings'] as const;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS documents (
  sha256 VARCHAR PRIMARY KEY, path VARCHAR, batch VARCHAR, doc_file VARCHAR,
  title VARCHAR, organization VARCHAR, organization_key VARCHAR, fiscal_year INTEGER,
  report_type VARCHAR, report_date DATE, pages INTEGER, bytes BIGINT,
  schema_version VARCHAR, tool_version VARCHAR, review VARCHAR);
CREATE TABLE IF NOT EXISTS pages (
  sha256 VARCHAR, number INTEGER, method VARCHAR, chars INTEGER, ocr_confidence DOUBLE, error VARCHAR);
CREATE TABLE IF NOT EXISTS sections (
  sha256 VARCHAR, id VARCHAR, parent_id VARCHAR, level INTEGER, marker VARCHAR, family VARCHAR,
  ordinal INTEGER, title VARCHAR, page INTEGER);
CREATE TABLE IF NOT EXISTS facts (
  sha256 VARCHAR, id VARCHAR, section_id VARCHAR, paragraph_id VARCHAR, table_id VARCHAR, row INTEGER, col INTEGER, page INTEGER,
  kind VARCHAR, value DOUBLE, value_text VARCHAR, unit VARCHAR, base_value DOUBLE, base_unit VARCHAR,
  amount_yuan DECIMAL(24,4), count BIGINT, date DATE, decimals INTEGER, rounding DOUBLE, upper DOUBLE,
  label VARCHAR, concept VARCHAR, year INTEGER, approximate BOOLEAN, comparator VARCHAR, quote VARCHAR,
  origin VARCHAR, read_value VARCHAR, read_unit VARCHAR, read_label VARCHAR,
  review_note VARCHAR, review_by VARCHAR, review_at VARCHAR);
CREATE TABLE IF NOT EXISTS table_cells (
  sha256 VARCHAR, table_id VARCHAR, page INTEGER, title VARCHAR, row INTEGER, col INTEGER, text VARCHAR,
  column_path VARCHAR, unit VARCHAR, role VARCHAR, row_role VARCHAR, row_level INTEGER);
CREATE TABLE IF NOT EXISTS findings (
  sha256 VARCHAR, id VARCHAR, rule VARCHAR, severity VARCHAR, message VARCHAR, fact_ids VARCHAR,
  page INTEGER, expected VARCHAR, actual VARCHAR,
  review_decision VARCHAR, review_note VARCHAR, review_by VARCHAR, review_at VARCHAR);
CREATE TABLE IF NOT EXISTS indicators (
  sha256 VARCHAR, id VARCHAR, table_id VARCHAR, row INTEGER, page INTEGER, project VARCHAR,
  level1 VARCHAR, level2 VARCHAR, name VARCHAR,
  target_text VARCHAR, target_value DOUBLE, target_unit VARCHAR, target_comparator VARCHAR, target_upper DOUBLE,
  actual_text VARCHAR, actual_value DOUBLE, actual_unit VARCHAR,
  weight DOUBLE, score DOUBLE, met BOOLEAN, deviation VARCHAR, fact_ids VARCHAR);
CREATE TABLE IF NOT EXISTS funds (
  sha256 VARCHAR, id VARCHAR, table_id VARCHAR, row INTEGER, page INTEGER, project VARCHAR, name VARCHAR,
  planned DOUBLE, adjusted DOUBLE, executed DOUBLE, rate DOUBLE, weight DOUBLE, score DOUBLE, unit VARCHAR,
  fact_ids VARCHAR);
CREATE TABLE IF NOT EXISTS cross_findings (
  rule VARCHAR, severity VARCHAR, organization_key VARCHAR, concept VARCHAR, year INTEGER, message VARCHAR,
  sha256_a VARCHAR, page_a INTEGER, value_a DOUBLE, sha256_b VARCHAR, page_b INTEGER, value_b DOUBLE);
CREATE OR REPLACE VIEW concept_values AS
  SELECT d.organization_key AS organization, d.fiscal_year, f.year, f.concept, CAST(f.base_value AS DECIMAL(24,4)) AS value, f.base_unit AS unit,
         f.approximate, f.rounding, f.decimals, d.report_type, d.title, f.sha256, f.page, f.id AS fact_id, f.origin
  FROM facts f JOIN documents d USING (sha256)
  WHERE f.concept IS NOT NULL;
CREATE OR REPLACE VIEW indicator_values AS
  SELECT d.organization_key AS organization, d.fiscal_year, d.report_type, d.title, i.project,
         i.level1, i.level2, i.name, i.target_text, i.target_value, i.target_unit, i.target_comparator, i.target_upper,
         i.actual_text, i.actual_value, i.actual_unit, i.weight, i.score, i.met, i.deviation,
         i.sha256, i.page, i.id AS indicator_id
  FROM indicators i JOIN documents d USING (sha256);
`;

/**
 * Reads the batch folders into the database at options.out (created or appended to). Each document goes in
 * whole or not at all: its rows in every table are appended within one transaction (DuckDB's appenders write in
 * their connection's transaction), several documents to a transaction, so a kill or a full disk leaves
 * only whole documents and the next run adds the rest. What an earlier run left damaged is repaired first.
 */
export async function buildDataset(batches: string[], options: DatasetOptions): Promise<DatasetResult> {
  const started = performance.now();
  mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
  // No network: DuckDB would fetch an extension a query needs from its servers; what jixiao uses is built in.
  const instance = await DuckDBInstance.create(options.out, {
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const con = await instance.connect();
  try {
    await con.run(SCHEMA);
    await requireColumns(con, options.out);
    // Documents whose corrections changed are removed here to be added again: in one transaction, so that a
    // kill leaves each of them whole or absent.
    await con.run('BEGIN TRANSACTION');
    const { corrections, updated } = await prepareReview(con, batches, options.corrections ?? []);
    await con.run('COMMIT');
    const counts = await addBatches(con, batches, corrections);
    await con.run('BEGIN TRANSACTION');
    await matrixView(con);
    const crossFindings = await crossChecks(con);
    await writeCrossFindings(con, crossFindings);
    await con.run('COMMIT');
    if (options.parquet) await writeParquet(con, options.parquet);
    const documents = Number((await con.runAndReadAll('SELECT count(*) FROM documents')).getRows()[0]![0]);
    await con.run('CHECKPOINT');
    const seconds = (performance.now() - started) / 1000;
    const correctionProblems = corrections.problems;
    return { ...counts, added: counts.added - updated, updated, correctionProblems, documents, crossFindings, seconds };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * A transaction is committed once it holds this many rows (or at the end): whole documents only. A commit costs
 * about 40 ms (the appenders flushed, the log synced): one per document made 400 documents take 18.7 s instead of 4.
 */
const ROWS_PER_COMMIT = 10_000;

/** Appends every document of the batches not yet present, repairing damaged ones; whole documents per transaction. */
async function addBatches(
  con: DuckDBConnection,
  batches: string[],
  corrections: Reviewed,
): Promise<{ added: number; replaced: number; skipped: number; repairs: Repairs }> {
  const present = await presentDocuments(con);
  const actual = await actualRows(con);
  const repairs = noRepairs();
  const seen = new Set<string>();
  let added = 0;
  let replaced = 0;
  let skipped = 0;
  let rows = 0;
  const ap = await appenders(con);
  await con.run('BEGIN TRANSACTION');
  for (const batch of batches) {
    for await (const { file, report } of reports(batch, corrections)) {
      const sha = report.source.sha256;
      if (seen.has(sha)) {
        skipped++;
        continue;
      }
      seen.add(sha);
      const expected = expectedRows(report);
      const has = actual.get(sha);
      const version = present.get(sha);
      // A present document made by another jixiao version may rightly differ from this report: it stands.
      if (version !== undefined && (version !== report.tool.version || !has || !tally(repairs, has, expected))) {
        skipped++;
        continue;
      }
      if (has) {
        if (version === undefined) tally(repairs, has, expected);
        repairs.documents++;
        await removeDocument(con, sha);
      }
      appendReport(ap, report, batch, file, reviewDigest(corrections, sha));
      if (version === undefined) added++;
      else replaced++;
      rows += Object.values(expected).reduce((a, b) => a + b, 0);
      if (rows >= ROWS_PER_COMMIT) {
        await commit(con, ap);
        await con.run('BEGIN TRANSACTION');
        rows = 0;
      }
    }
  }
  repairs.orphans = await removeOrphans(con, actual, seen);
  await commit(con, ap);
  for (const a of Object.values(ap)) a.closeSync();
  return { added, replaced, skipped, repairs };
}

/** Flushes every appender into the open transaction and commits it: its documents are in, each whole. */
async function commit(con: DuckDBConnection, ap: Appenders): Promise<void> {
  for (const a of Object.values(ap)) a.flushSync();
  await con.run('COMMIT');
}

/** sha256 → tool version of every document present. */
async function presentDocuments(con: DuckDBConnection): Promise<Map<string, string>> {
  const rows = (await con.runAndReadAll('SELECT sha256, tool_version FROM documents')).getRows();
  return new Map(rows.map((r) => [String(r[0]), String(r[1])]));
}

/** Rows of documents that have no `documents` row and are not in these batches (an earlier run's torn append). */
async function removeOrphans(
  con: DuckDBConnection,
  actual: Map<string, RowCounts>,
  seen: Set<string>,
): Promise<number> {
  let n = 0;
  for (const [sha, counts] of actual) {
    if (counts.documents > 0 || seen.has(sha)) continue;
    await removeDocument(con, sha);
    n++;
  }
  return n;
}

async function writeCrossFindings(con: DuckDBConnection, crossFindings: CrossFinding[]): Promise<void> {
  await con.run('DELETE FROM cross_findings');
  const cf = await con.createAppender('cross_findings');
  for (const f of crossFindings) {
    row(cf, [
      f.rule,
      f.severity,
      f.organizationKey,
      f.concept,
      f.year,
      f.message,
      f.a.sha256,
      f.a.page,
      f.a.value,
      f.b.sha256,
      f.b.page,
      f.b.value,
    ]);
  }
  cf.closeSync();
}

/** A database built before contract 1.3 lacks the cells' columns: appending to it would misplace every value. */
async function requireColumns(con: DuckDBConnection, file: string): Promise<void> {
  const rows = await con.runAndReadAll(
    "SELECT count(*) FROM information_schema.columns WHERE table_name = 'table_cells' AND column_name = 'column_path'",
  );
  if (Number(rows.getRows()[0]![0]) === 0)
    throw new Error(
      `${file}: built by an older jixiao (before output contract 1.3); build the dataset into a new file`,
    );
}

/**
 * The reports of one batch folder, in manifest order (only documents read ok), with the reviewer's
 * corrections applied (by default the folder's own corrections.jsonl).
 */
export async function readBatch(dir: string, corrections?: Reviewed): Promise<{ file: string; report: Report }[]> {
  const out: { file: string; report: Report }[] = [];
  for await (const r of reports(dir, corrections ?? (await correctionsOf([dir], [])))) out.push(r);
  return out;
}

/** The same, one at a time: a batch of thousands is not held in memory at once. */
async function* reports(dir: string, review: Reviewed): AsyncGenerator<{ file: string; report: Report }> {
  const manifest = path.join(dir, 'manifest.jsonl');
  if (!existsSync(manifest)) throw new Error(`${dir}: not a batch folder (no manifest.jsonl)`);
  const lines = (await readFile(manifest, 'utf8')).split('\n').filter((l) => l.trim() !== '');
  for (const line of lines) {
    const rec = JSON.parse(line) as { status: string; doc: string | null };
    if (rec.status !== 'ok' || !rec.doc) continue;
    const report = review.apply(JSON.parse(await readFile(path.join(dir, rec.doc), 'utf8')) as Report);
    yield { file: rec.doc, report };
  }
}

/**
 * concept_matrix: one row per organisation and year, one column per concept
 * (the concepts present when the database was last built). Where several
 * documents state a figure, the report of that very year wins, then the latest.
 */
async function matrixView(con: DuckDBConnection): Promise<void> {
  const concepts = (
    await con.runAndReadAll(
      "SELECT DISTINCT concept FROM concept_values WHERE year IS NOT NULL AND concept NOT LIKE '%.growth' ORDER BY concept",
    )
  )
    .getRows()
    .map((r) => String(r[0]));
  const columns = concepts
    .map((c) => `, arg_max(value, rank) FILTER (WHERE concept = '${c.replace(/'/g, "''")}') AS "${c}"`)
    .join('');
  await con.run(`CREATE OR REPLACE VIEW concept_matrix AS
    SELECT organization, year${columns}
    FROM (SELECT *, (CASE WHEN fiscal_year = year THEN 100000 ELSE 0 END) + fiscal_year * 10 - (CASE WHEN approximate THEN 1 ELSE 0 END) AS rank
          FROM concept_values WHERE organization IS NOT NULL AND year IS NOT NULL)
    GROUP BY organization, year`);
}

/** Each table as DIR/<table>.parquet, zstd-compressed, in a stable order. */
async function writeParquet(con: DuckDBConnection, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const order: Record<string, string> = {
    documents: 'sha256',
    pages: 'sha256, number',
    sections: 'sha256, id',
    facts: 'sha256, id',
    table_cells: 'sha256, table_id, row, col',
    findings: 'sha256, id',
    indicators: 'sha256, table_id, row, id',
    funds: 'sha256, table_id, row, id',
    cross_findings: 'rule, organization_key, concept, year, sha256_a, sha256_b',
  };
  for (const t of TABLES) {
    // Written beside and renamed into place: a reader (or a killed run) never finds half a file.
    const file = path.resolve(dir, `${t}.parquet`);
    const tmp = tempPath(file);
    try {
      const quoted = tmp.replace(/'/g, "''");
      await con.run(`COPY (SELECT * FROM ${t} ORDER BY ${order[t]}) TO '${quoted}' (FORMAT parquet, COMPRESSION zstd)`);
      await rename(tmp, file);
    } finally {
      await rm(tmp, { force: true });
    }
  }
}
