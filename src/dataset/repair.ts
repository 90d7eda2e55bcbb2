// What a fault can leave in a dataset, found and undone before documents are
// added. Since each document goes in within one transaction (build.ts), a
// kill or a full disk leaves every document whole or absent; but a database
// built by an earlier jixiao — whose tables were appended one by one, each
// committed on its own — can hold a document's `documents` row without its
// cells and findings (a full disk), or its rows twice (killed, run again).
// Each document of the batch folders is checked against its report: as many
// rows in every table as the report gives, or its rows are removed and it is
// added again. Rows whose document has no `documents` row are removed.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Report } from '../schema/report.ts';

/** The tables that hold a document's rows, keyed by its sha256. */
export const DOC_TABLES = [
  'documents',
  'pages',
  'sections',
  'facts',
  'table_cells',
  'findings',
  'indicators',
  'funds',
] as const;
export type DocTable = (typeof DOC_TABLES)[number];
export type RowCounts = Record<DocTable, number>;

/** How many rows of each table a report gives (appendReport in rows.ts writes exactly these). */
export function expectedRows(r: Report): RowCounts {
  return {
    documents: 1,
    pages: r.pages.length,
    sections: r.sections.length,
    facts: r.facts.length,
    table_cells: r.tables.reduce((n, t) => n + t.rows.reduce((m, row) => m + row.length, 0), 0),
    findings: r.findings.length,
    // A report of contract 1.2 has no records.
    indicators: r.indicators?.length ?? 0,
    funds: r.funds?.length ?? 0,
  };
}

/** Rows per document and table as the database holds them. */
export async function actualRows(con: DuckDBConnection): Promise<Map<string, RowCounts>> {
  const out = new Map<string, RowCounts>();
  for (const t of DOC_TABLES) {
    const rows = (await con.runAndReadAll(`SELECT sha256, count(*) FROM ${t} GROUP BY sha256`)).getRows();
    for (const [sha, n] of rows) {
      const key = String(sha);
      let counts = out.get(key);
      if (!counts) out.set(key, (counts = zero()));
      counts[t] = Number(n);
    }
  }
  return out;
}

/** What one run repaired: documents added again, and by how many rows each table was off. */
export interface Repairs {
  /** documents present but with rows missing or doubled: removed and added again from their report */
  documents: number;
  /** rows found beyond what the reports give (doubled), per table */
  extra: Partial<RowCounts>;
  /** rows the reports give that were missing, per table */
  missing: Partial<RowCounts>;
  /** documents with rows but no `documents` row, not in these batches: their rows removed */
  orphans: number;
}

export function noRepairs(): Repairs {
  return { documents: 0, extra: {}, missing: {}, orphans: 0 };
}

/** Whether `actual` differs from `expected`; if so, the difference is added to `repairs`. */
export function tally(repairs: Repairs, actual: RowCounts, expected: RowCounts): boolean {
  let off = false;
  for (const t of DOC_TABLES) {
    const d = actual[t] - expected[t];
    if (d > 0) repairs.extra[t] = (repairs.extra[t] ?? 0) + d;
    if (d < 0) repairs.missing[t] = (repairs.missing[t] ?? 0) - d;
    off ||= d !== 0;
  }
  return off;
}

/** Removes every row of one document from every table (inside the caller's transaction). */
export async function removeDocument(con: DuckDBConnection, sha256: string): Promise<void> {
  for (const t of DOC_TABLES) await con.run(`DELETE FROM ${t} WHERE sha256 = $sha`, { sha: sha256 });
}

/** One line for people: what was repaired, or null when nothing was. */
export function describeRepairs(r: Repairs): string | null {
  const parts: string[] = [];
  const rows = (counts: Partial<RowCounts>, what: string) => {
    const list = DOC_TABLES.filter((t) => counts[t]).map((t) => `${t} ${counts[t]}`);
    if (list.length > 0) parts.push(`${what}: ${list.join(', ')}`);
  };
  if (r.documents > 0) {
    rows(r.missing, 'rows missing');
    rows(r.extra, 'rows doubled');
  }
  const docs =
    r.documents > 0
      ? `repaired ${r.documents} document${r.documents === 1 ? '' : 's'} an earlier run left incomplete or doubled (${parts.join('; ')})`
      : '';
  const orphans =
    r.orphans > 0
      ? `removed the rows of ${r.orphans} document${r.orphans === 1 ? '' : 's'} that had no documents row and no report in these batches`
      : '';
  const text = [docs, orphans].filter(Boolean).join('; ');
  return text === '' ? null : text;
}

function zero(): RowCounts {
  return { documents: 0, pages: 0, sections: 0, facts: 0, table_cells: 0, findings: 0, indicators: 0, funds: 0 };
}
