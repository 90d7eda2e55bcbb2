// The reviewer's corrections in the dataset: every batch folder's own
// corrections.jsonl and the files given with --corrections, applied to each
// document by its SHA-256 wherever it appears. A document already in the
// database is kept while the corrections that apply to it are the same (their
// digest is documents.review); when they changed, its rows are replaced.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { applyCorrections } from '../corrections/apply.ts';
import type { Correction } from '../schema/corrections.ts';
import type { Report } from '../schema/report.ts';
import { CORRECTIONS_FILE, readCorrectionFiles } from '../writers/corrections-file.ts';

export interface Reviewed {
  lines: Correction[];
  /** lines that are not corrections (FILE:LINE: why), left out as batch leaves them out */
  problems: string[];
  apply(report: Report): Report;
}

/** The corrections of these batch folders and files, in that order. */
export async function correctionsOf(batches: readonly string[], files: readonly string[]): Promise<Reviewed> {
  const { lines, problems } = await readCorrectionFiles([
    ...batches.map((b) => path.join(b, CORRECTIONS_FILE)),
    ...files,
  ]);
  const all = lines.map((l) => l.correction);
  return { lines: all, problems, apply: (report) => applyCorrections(report, all) };
}

/** A digest of the corrections that apply to a document (null for none): what its rows were built with. */
export function reviewDigest(r: Reviewed, sha256: string): string | null {
  const mine = r.lines.filter((c) => c.document === sha256);
  if (mine.length === 0) return null;
  return createHash('sha256').update(JSON.stringify(mine)).digest('hex').slice(0, 16);
}

/** Review columns a database made before contract 1.3 lacks: added at the end, where the appenders put them. */
const REVIEW_COLUMNS = [
  'documents ADD COLUMN IF NOT EXISTS review VARCHAR',
  ...['origin', 'read_value', 'read_unit', 'read_label', 'review_note', 'review_by', 'review_at'].map(
    (c) => `facts ADD COLUMN IF NOT EXISTS ${c} VARCHAR`,
  ),
  ...['review_decision', 'review_note', 'review_by', 'review_at'].map(
    (c) => `findings ADD COLUMN IF NOT EXISTS ${c} VARCHAR`,
  ),
]
  .map((a) => `ALTER TABLE ${a};`)
  .join('\n');

/** The review columns in place, the corrections read, documents whose corrections changed removed to be added again. */
export async function prepareReview(
  con: DuckDBConnection,
  batches: readonly string[],
  files: readonly string[],
): Promise<{ corrections: Reviewed; present: Set<string>; updated: number }> {
  await con.run(REVIEW_COLUMNS);
  const corrections = await correctionsOf(batches, files);
  return { corrections, ...(await replaceReviewed(con, batches, corrections)) };
}

const TABLES_OF_A_DOCUMENT = ['documents', 'pages', 'sections', 'facts', 'table_cells', 'findings'];

/**
 * The documents present, after removing those of these batches whose corrections changed since they were
 * added (they are added again); `updated` counts them.
 */
async function replaceReviewed(
  con: DuckDBConnection,
  batches: readonly string[],
  r: Reviewed,
): Promise<{ present: Set<string>; updated: number }> {
  const rows = (await con.runAndReadAll('SELECT sha256, review FROM documents')).getRows();
  const stored = new Map(rows.map((row) => [String(row[0]), row[1] === null ? null : String(row[1])]));
  const stale: string[] = [];
  for (const sha of await shasOf(batches)) {
    if (stored.has(sha) && stored.get(sha) !== reviewDigest(r, sha) && !stale.includes(sha)) stale.push(sha);
  }
  for (const sha of stale) {
    for (const t of TABLES_OF_A_DOCUMENT) await con.run(`DELETE FROM ${t} WHERE sha256 = $1`, [sha]);
    stored.delete(sha);
  }
  return { present: new Set(stored.keys()), updated: stale.length };
}

/** The SHA-256 of every document read ok in these batch folders (from their manifests). */
async function shasOf(batches: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const b of batches) {
    const text = await readFile(path.join(b, 'manifest.jsonl'), 'utf8').catch(() => '');
    for (const line of text.split('\n')) {
      try {
        const rec = JSON.parse(line) as { status?: string; sha256?: string | null };
        if (rec.status === 'ok' && rec.sha256) out.push(rec.sha256);
      } catch {
        // a torn line: the batch's own reading says so
      }
    }
  }
  return out;
}
