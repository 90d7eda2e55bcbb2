// The performance targets as records (contract 1.3, docs/indicators.md): every
// indicator row and every funds row of a self-evaluation or target table as
// one record, and each such table's goal, total score and grade. Built from
// the report alone — its tables' structure and the facts of their cells — so
// that a report read back from JSON, or corrected by a reviewer, gives them
// again; the checks read them and never the cells for what they hold.
import type { BBox, Fact, FundsRow, Indicator, Report, Scorecard, Table } from '../schema/report.ts';
import { roundedUnion } from '../util/geometry.ts';
import { CellFacts } from './cells.ts';
import { fundsOf } from './funds.ts';
import { indicatorsOf, type RowBox } from './indicators.ts';
import { listedIndicatorsOf } from './listed.ts';
import { scorecardOf } from './scorecards.ts';

export { metOf, readingOf, meets, type Reading } from './met.ts';
export { isFundsName } from './funds.ts';
export { CellFacts } from './cells.ts';
export { fundsFacts, indicatorFacts, scorecardFacts, type FundsFacts, type IndicatorFacts } from './fields.ts';
export type { RowBox } from './indicators.ts';

export interface Records {
  indicators: Indicator[];
  funds: FundsRow[];
  scorecards: Scorecard[];
}

/**
 * The records of a report's tables. `rowBox` gives a row's box on its page (the pipeline knows each
 * cell's); without it, the box around the row's facts.
 */
export function buildRecords(doc: Pick<Report, 'tables' | 'facts'>, rowBox?: RowBox): Records {
  const cells = new CellFacts(doc.facts);
  const box = rowBox ?? factsBox(doc.facts);
  const out: Records = { indicators: [], funds: [], scorecards: [] };
  for (const t of doc.tables) {
    const indicators = [...indicatorsOf(t, cells, box), ...listedIndicatorsOf(t, cells, box)];
    const funds = fundsOf(t, cells);
    out.indicators.push(...indicators);
    out.funds.push(...funds);
    const card = scorecardOf(t, cells, indicators, funds.length > 0);
    if (card) out.scorecards.push(card);
  }
  return out;
}

/** A row's box from its facts' boxes: what a report read back from JSON still knows. */
function factsBox(facts: readonly Fact[]): RowBox {
  const byRow = new Map<string, BBox[]>();
  for (const f of facts) {
    if (!f.cell || !f.bbox) continue;
    const key = `${f.cell.table}\u0000${f.cell.row}`;
    byRow.set(key, [...(byRow.get(key) ?? []), f.bbox]);
  }
  return (t: Table, row: number) => roundedUnion(byRow.get(`${t.id}\u0000${row}`) ?? []);
}
