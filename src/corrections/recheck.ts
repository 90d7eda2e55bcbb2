// The checks run again on corrected facts. They read only the report (a
// report read back from its JSON gives the same findings, contract 1.3), so
// the corrected report is simply checked again. Table rules read cells, not
// facts: a corrected table figure is written into the cell it was read from.
import { runChecks } from '../checks/index.ts';
import { buildRecords, type Records } from '../records/index.ts';
import type { Fact, Finding, Report, Table } from '../schema/report.ts';

/** A fact as read and the value a reviewer gave it (null: not a fact). */
export interface CellPatch {
  fact: Fact;
  value: number | string | null;
}

export function checkAgain(base: Report, facts: Fact[], patches: CellPatch[]): Finding[] {
  const { findings: _asRead, review: _review, ...doc } = base;
  const tables = patchedTables(base.tables, patches);
  return runChecks({ ...doc, facts, tables, ...recordsAgain(base, tables, facts) });
}

/**
 * The records of corrected facts: a record's figures are its cells' facts, so a corrected figure is
 * the record's too. Each row keeps the box the first read gave it.
 */
export function recordsAgain(base: Pick<Report, 'indicators'>, tables: Table[], facts: Fact[]): Records {
  const boxes = new Map(base.indicators.map((i) => [`${i.table}\u0000${i.row}`, i.bbox]));
  return buildRecords({ tables, facts }, (t, row) => boxes.get(`${t.id}\u0000${row}`) ?? null);
}

/** The tables with each corrected table figure's cell (facts[].cell) rewritten, emptied for "not a fact". */
function patchedTables(tables: Table[], patches: CellPatch[]): Table[] {
  const cells = patches.filter((p) => p.fact.cell !== null);
  if (cells.length === 0) return tables;
  const out = tables.map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  for (const { fact, value } of cells) {
    const { table, row, col } = fact.cell!;
    const cells = out.find((t) => t.id === table)?.rows[row];
    if (cells?.[col] === undefined) continue;
    cells[col] = value === null ? '' : cells[col].replace(NUMBER, String(value));
  }
  return out;
}

const NUMBER = /[-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?/;
