// A table of changes (上年预算数 | 本年预算数 | 增减额 | 增减率): each row's
// 增减率 against its own 增减额 ÷ 上年数, read from the facts of its cells.
// The columns are the table's (tables/ decided them); this only names them by
// their headers. A rate whose sign is not the change's is left alone: a minus
// lost in reading would make a finding of a figure printed right.
import type { Column, Fact, Table } from '../schema/report.ts';
import { CellFacts } from '../records/index.ts';
import { LABEL_JOINER } from '../tables/headers.ts';
import { columnsAt, nameColumn } from '../tables/reading.ts';
import { stripUnits } from '../tables/units.ts';
import { BEFORE_HEADER, CHANGE_HEADER, CHANGE_RATE_HEADER } from '../vocab/table-columns.ts';
import { atPage, finding, valueOf } from './finding.ts';
import { tablesOf, squash } from './tables.ts';
import { num, rateAgrees, roundingOf, show } from './tolerance.ts';
import type { CheckInput, Draft, RuleHead } from './types.ts';

interface ChangeColumns {
  before: number;
  change: number;
  rate: number;
}

/** The three columns among `paths` (each column's header cells), or null unless each is named exactly once. */
export function changeColumns(paths: string[][]): ChangeColumns | null {
  const whole = paths.map((p) => stripUnits(p.map(squash).join('')));
  const one = (re: RegExp, not?: RegExp) => {
    const found = whole.flatMap((h, c) => (re.test(h) && !not?.test(h) ? [c] : []));
    return found.length === 1 ? found[0]! : null;
  };
  const before = one(BEFORE_HEADER);
  const rate = one(CHANGE_RATE_HEADER);
  const change = one(CHANGE_HEADER, CHANGE_RATE_HEADER);
  return before === null || rate === null || change === null ? null : { before, change, rate };
}

/** Each row of a table of changes whose 增减率 its 增减额 and 上年数 deny. */
export function changeRates(doc: CheckInput, rule: RuleHead): Draft[] {
  const cells = new CellFacts(doc.facts);
  const drafts: Draft[] = [];
  for (const { table, body } of tablesOf(doc)) {
    // The rows of one segment share its columns: name them once per segment, not once per row.
    const named = new Map<Column[], ChangeColumns | null>();
    const colsAt = (r: number) => {
      const columns = columnsAt(table, r);
      if (!named.has(columns)) named.set(columns, changeColumns(columns.map((c) => c.path)));
      return named.get(columns)!;
    };
    for (const r of body) {
      const cols = colsAt(r);
      const d = cols && rowRate(table, r, cols, cells, rule);
      if (d) drafts.push(d);
    }
  }
  return drafts;
}

function rowRate(t: Table, r: number, cols: ChangeColumns, cells: CellFacts, rule: RuleHead): Draft | null {
  const [before, change, rate] = [cols.before, cols.change, cols.rate].map((c) => cells.figure(t, r, c));
  if (!before || !change || !rate || rate.kind !== 'percent' || before.kind !== 'money' || change.kind !== 'money')
    return null;
  if ([before, change, rate].some((f) => f.approximate) || num(before) <= 0) return null;
  const computed = (num(change) / num(before)) * 100;
  if (num(rate) !== 0 && computed !== 0 && Math.sign(num(rate)) !== Math.sign(computed)) return null;
  // Rounded figures make a rounded rate: widen by the error their rounding allows.
  const slack =
    Math.abs(computed) * (roundingOf(change) / Math.abs(num(change) || 1) + roundingOf(before) / num(before));
  if (rateAgrees(rate, computed) || Math.abs(num(rate) - computed) <= roundingOf(rate) + slack) return null;
  const shown = Number(computed.toFixed(Math.max(rate.decimals, 2)));
  const name = (t.rows[r]?.[nameColumn(t)] ?? '').trim() || `第${r + 1}行`;
  const head = (f: Fact) => f.label.split(LABEL_JOINER).pop();
  return finding(rule, {
    message: `${t.title ? `表“${t.title}”` : '表'}${atPage(rate.page)}“${name}”行${head(rate)} ${show(rate)}与${head(change)} ${show(change)} ÷ ${head(before)} ${show(before)} = ${shown}% 不符`,
    factIds: [rate.id, change.id, before.id],
    page: rate.page,
    expected: shown,
    actual: valueOf(rate),
  });
}
