// The checks run again on corrected facts. A report read back from JSON lacks
// what the layout knew (the indentation of table rows), so the checks run
// twice — on the facts as read and on the corrected ones — and only the
// difference the corrections make is carried over to the findings as read:
// a finding the corrections end goes, one they cause comes. Table rules read
// cells, not facts: a corrected table figure is written into its cell for them.
import { runChecks } from '../checks/index.ts';
import { buildRecords, type Records } from '../records/index.ts';
import type { Fact, Finding, Report, Table } from '../schema/report.ts';
import { LABEL_JOINER } from '../tables/headers.ts';

/** A fact as read and the value a reviewer gave it (null: not a fact). */
export interface CellPatch {
  fact: Fact;
  value: number | string | null;
}

export function checkAgain(base: Report, facts: Fact[], patches: CellPatch[]): Finding[] {
  const { findings: asRead, review: _review, ...doc } = base;
  const before = runChecks(doc);
  const tables = patchedTables(base.tables, patches);
  const after = runChecks({ ...doc, facts, tables, ...recordsAgain(base, tables, facts) });
  const gone = counts(before);
  const come = counts(after);
  for (const f of after) take(gone, key(f));
  for (const f of before) take(come, key(f));
  const kept = asRead.filter((f) => !take(gone, key(f)));
  const caused = after.filter((f) => take(come, key(f)));
  return [...kept, ...caused].sort((a, b) => (a.page ?? 0) - (b.page ?? 0)).map((f, i) => ({ ...f, id: `c${i + 1}` }));
}

/**
 * The records of corrected facts: a record's figures are its cells' facts, so a corrected figure is
 * the record's too. Each row keeps the box the first read gave it.
 */
export function recordsAgain(base: Pick<Report, 'indicators'>, tables: Table[], facts: Fact[]): Records {
  const boxes = new Map(base.indicators.map((i) => [`${i.table}\u0000${i.row}`, i.bbox]));
  return buildRecords({ tables, facts }, (t, row) => boxes.get(`${t.id}\u0000${row}`) ?? null);
}

function key(f: Finding): string {
  return `${f.rule}\u0000${f.page}\u0000${f.message}`;
}

function counts(findings: Finding[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const f of findings) m.set(key(f), (m.get(key(f)) ?? 0) + 1);
  return m;
}

/** Takes one of `k` from the multiset: whether there was one. */
function take(m: Map<string, number>, k: string): boolean {
  const n = m.get(k) ?? 0;
  if (n === 0) return false;
  m.set(k, n - 1);
  return true;
}

/** The tables with each corrected table figure's cell rewritten (emptied for "not a fact"), where the cell is certain. */
function patchedTables(tables: Table[], patches: CellPatch[]): Table[] {
  if (patches.length === 0) return tables;
  const out = tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  for (const p of patches) {
    const at = cellOf(p.fact, out);
    if (!at) continue;
    const row = out[at.table]!.rows[at.row]!;
    row[at.col] = p.value === null ? '' : row[at.col]!.replace(NUMBER, String(p.value));
  }
  return out;
}

const NUMBER = /[-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?/;

/**
 * The cell a table figure was read from: its quote ends with the cell's text (facts/table-facts.ts
 * writes `subject：label cell`), on its page, the row naming part of its label. Null unless exactly one.
 */
function cellOf(fact: Fact, tables: Table[]): { table: number; row: number; col: number } | null {
  if (fact.paragraphId !== null) return null;
  const found: { table: number; row: number; col: number }[] = [];
  tables.forEach((t, ti) => {
    if (t.page !== fact.page) return;
    t.rows.forEach((row, ri) =>
      row.forEach((cell, ci) => {
        if (!cell.trim() || !NUMBER.test(cell) || !fact.quote.endsWith(` ${cell}`)) return;
        const names = row.filter((c, j) => j !== ci && c.trim() && !NUMBER.test(c)).map((c) => c.trim());
        const first = fact.label.split(LABEL_JOINER)[0]!;
        if (names.length > 0 && !names.some((n) => fact.label.includes(n) || n.includes(first))) return;
        found.push({ table: ti, row: ri, col: ci });
      }),
    );
  });
  return found.length === 1 ? found[0]! : null;
}
