// Which fact is which field of a record: a record names its facts (factIds),
// and a reader that compares them (the checks) needs to know the weight's
// from the score's. Found the way the record was built — the column of each
// field in the row's block — so that the two never disagree.
import type { Fact, FundsRow, Indicator, Report, Scorecard } from '../schema/report.ts';
import type { FundsField, IndicatorField } from '../vocab/indicators.ts';
import { columnsAt } from '../tables/reading.ts';
import { fundsColumns, indicatorColumns } from './blocks.ts';
import { CellFacts } from './cells.ts';

type Doc = Pick<Report, 'tables' | 'facts'>;

const CELLS = new WeakMap<readonly Fact[], CellFacts>();
function cellsOf(doc: Doc): CellFacts {
  let cells = CELLS.get(doc.facts);
  if (!cells) CELLS.set(doc.facts, (cells = new CellFacts(doc.facts)));
  return cells;
}

export type IndicatorFacts = Record<'target' | 'actual' | 'weight' | 'score', Fact | null>;
export type FundsFacts = Record<FundsField, Fact | null>;

/** The facts of an indicator's target, actual, weight and score cells (null where a cell has none). */
export function indicatorFacts(doc: Doc, i: Indicator): IndicatorFacts {
  const t = doc.tables.find((x) => x.id === i.table);
  const cols = t ? indicatorColumns(columnsAt(t, i.row)) : null;
  const at = (f: IndicatorField) => (cols ? cellsOf(doc).number(i.table, i.row, cols[f]) : null);
  return { target: at('target'), actual: at('actual'), weight: at('weight'), score: at('score') };
}

/** The facts of a funds row's cells by field. */
export function fundsFacts(doc: Doc, f: FundsRow): FundsFacts {
  const t = doc.tables.find((x) => x.id === f.table);
  const cols = t ? fundsColumns(columnsAt(t, f.row)) : null;
  const at = (k: FundsField) => (t && cols ? cellsOf(doc).figure(t, f.row, cols[k]) : null);
  return {
    planned: at('planned'),
    adjusted: at('adjusted'),
    executed: at('executed'),
    rate: at('rate'),
    weight: at('weight'),
    score: at('score'),
  };
}

/** The facts of a scorecard's 总分 row: its weight (分值) and score (得分). */
export function scorecardFacts(doc: Doc, card: Scorecard): { weight: Fact | null; score: Fact | null } {
  const [first, second] = card.factIds.map((id) => doc.facts.find((f) => f.id === id) ?? null);
  // factIds are [weight, score], either left out where the 总分 row has none.
  if (card.weight !== null && card.score !== null) return { weight: first ?? null, score: second ?? null };
  return card.weight !== null ? { weight: first ?? null, score: null } : { weight: null, score: first ?? null };
}
