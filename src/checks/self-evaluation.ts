// A self-evaluation table's own arithmetic, read from its records (records/):
// - its 年度资金总额 is the sum of its 其中 rows, column by column
//   (table-total-mismatch);
// - its 总分's 分值 is the sum of the weights of its indicators and of its funds
//   block (table-total-mismatch);
// - its 总分's 得分 is the sum of their scores (score-mismatch, the more
//   specific rule).
// A sum proves something only where the table was read whole: the weights are
// judged where the scores add up, the scores where the weights do — a row
// read wrong or missed would put both out. Each helper makes the findings of
// the rule that calls it (given as `rule`: the rules' files import this one).
import type { Fact, FundsRow, Scorecard, Table } from '../schema/report.ts';
import { fundsFacts, indicatorFacts, isFundsName, scorecardFacts } from '../records/index.ts';
import { columnsAt, pageOfRow } from '../tables/reading.ts';
import { FUNDS_SPLITS, FUNDS_TOTAL } from '../vocab/parts.ts';
import { atPage, finding } from './finding.ts';
import type { CheckInput, Draft, RuleHead } from './types.ts';

const value = (f: Fact) => f.value as number;

/** Half a unit of the last place of each figure and of the total: what rounding allows a sum. */
function slack(facts: Fact[]): number {
  const d = Math.max(0, ...facts.map((f) => f.decimals));
  return facts.length * 0.5 * 10 ** -d + 1e-9;
}
const round = (v: number, facts: Fact[]) => Number(v.toFixed(Math.max(0, ...facts.map((f) => f.decimals))));
const tableOf = (doc: CheckInput, id: string): Table | undefined => doc.tables.find((t) => t.id === id);
const titleOf = (t: Table) => (t.title ? `表“${t.title}”` : '表');

/** A 其中 row of a funds block (当年财政拨款, 上年结转资金 …): its weight and score, if any, are its total's. */
const isSplit = (f: FundsRow) => isFundsName(f.name) && !FUNDS_TOTAL.test(f.name);

interface Sheet {
  card: Scorecard;
  table: Table;
  total: { weight: Fact | null; score: Fact | null };
  weights: Fact[];
  scores: Fact[];
  /** items with a weight, and with a score */
  weighted: number;
  scored: number;
}

const SHEETS = new WeakMap<CheckInput, Sheet[]>();

/** Each scorecard with a 总分 row, its items' weights and scores: indicators, and the funds block once (read once per document: three rules ask). */
function sheetsOf(doc: CheckInput): Sheet[] {
  let sheets = SHEETS.get(doc);
  if (!sheets) SHEETS.set(doc, (sheets = readSheets(doc)));
  return sheets;
}

function readSheets(doc: CheckInput): Sheet[] {
  const sheets: Sheet[] = [];
  for (const card of doc.scorecards) {
    const table = tableOf(doc, card.table);
    const total = scorecardFacts(doc, card);
    if (!table || (!total.weight && !total.score)) continue;
    const items = [
      ...doc.indicators.filter((i) => i.table === card.table).map((i) => indicatorFacts(doc, i)),
      ...doc.funds.filter((f) => f.table === card.table && !isSplit(f)).map((f) => fundsFacts(doc, f)),
    ].filter((x) => x.weight || x.score);
    const weights = items.flatMap((x) => (x.weight ? [x.weight] : []));
    const scores = items.flatMap((x) => (x.score ? [x.score] : []));
    sheets.push({ card, table, total, weights, scores, weighted: weights.length, scored: scores.length });
  }
  return sheets;
}

/** The whole table is in view: its own title or cover line (a part carried over with a header of its own is not). */
function isWhole(t: Table): boolean {
  const top = t.rows.slice(0, t.headerRows).find((_, i) => t.rowRoles[i] !== 'blank');
  return /自评表|评分表|打分表/.test(t.title ?? '') || /名称|主管部门|单位/.test(top?.[0] ?? '');
}

const sumOf = (facts: Fact[]) => facts.reduce((s, f) => s + value(f), 0);
const adds = (total: Fact | null, parts: Fact[], fallback?: number) =>
  Math.abs(sumOf(parts) - (total ? value(total) : (fallback ?? NaN))) <= slack(total ? [total, ...parts] : parts);

/** Weights read for every score, two or more, in a table read whole. */
const comparable = (s: Sheet) => isWhole(s.table) && s.weighted === s.scored && s.weighted >= 2;

/** 总分's 分值 against the items' weights, where their scores add up to its 得分 (table-total-mismatch). */
export function weightTotals(doc: CheckInput, rule: RuleHead): Draft[] {
  return sheetsOf(doc).flatMap((s) => {
    const { weight, score } = s.total;
    if (!weight || !score || !comparable(s) || !adds(score, s.scores) || adds(weight, s.weights)) return [];
    const sum = round(sumOf(s.weights), [weight, ...s.weights]);
    return [
      finding(rule, {
        message: `${titleOf(s.table)}${atPage(weight.page)}“${firstCell(s.table, weight)}”行“分值”列为 ${cellOf(s.table, weight)}，各项分值之和为 ${sum}`,
        factIds: [weight.id, ...s.weights.map((f) => f.id)],
        page: weight.page,
        expected: sum,
        actual: value(weight),
      }),
    ];
  });
}

/** 总分's 得分 against the items' scores, where their weights add up to its 分值 (or 100) (score-mismatch). */
export function scoreTotals(doc: CheckInput, rule: RuleHead): Draft[] {
  return sheetsOf(doc).flatMap((s) => {
    const { weight, score } = s.total;
    if (!score || !comparable(s) || !adds(weight, s.weights, 100) || adds(score, s.scores)) return [];
    const sum = round(sumOf(s.scores), [score, ...s.scores]);
    return [
      finding(rule, {
        message: `${titleOf(s.table)}${atPage(score.page)}总分 ${cellOf(s.table, score)} 与各项得分之和 ${sum} 不符`,
        factIds: [score.id, ...s.scores.map((f) => f.id)],
        page: score.page,
        expected: sum,
        actual: value(score),
      }),
    ];
  });
}

/** The scorecard of the report's one scoring table (a 总分 over two or more scored items), or null. */
export function scoringTable(doc: CheckInput): { card: Scorecard; score: Fact } | null {
  const scoring = sheetsOf(doc).filter((s) => s.total.score && s.scored >= 2);
  return scoring.length === 1 ? { card: scoring[0]!.card, score: scoring[0]!.total.score! } : null;
}

const AMOUNTS = ['planned', 'adjusted', 'executed'] as const;

/** 年度资金总额 against its 其中 rows, in each amount column (table-total-mismatch). */
export function fundsTotals(doc: CheckInput, rule: RuleHead): Draft[] {
  const drafts: Draft[] = [];
  doc.funds.forEach((total, k) => {
    if (!FUNDS_TOTAL.test(total.name)) return;
    const parts: FundsRow[] = [];
    for (let j = k + 1; j < doc.funds.length && doc.funds[j]!.table === total.table && isSplit(doc.funds[j]!); j++)
      parts.push(doc.funds[j]!);
    const names = parts.map((p) => p.name.replace(/[（(].*?[）)]$/, ''));
    const complete = FUNDS_SPLITS.some(
      (s) => s.length === names.length && s.every((p) => names.filter((n) => p.test(n)).length === 1),
    );
    const t = tableOf(doc, total.table);
    if (!complete || !t) return;
    const totals = fundsFacts(doc, total);
    const partFacts = parts.map((p) => fundsFacts(doc, p));
    for (const field of AMOUNTS) {
      const stated = totals[field];
      if (!stated) continue;
      const facts = partFacts.map((p) => p[field]);
      const known = facts.filter((f): f is Fact => f !== null);
      // A part left blank is not known to be zero in a self-evaluation table: then only parts that already exceed the total are wrong.
      if (known.length < facts.length && sumOf(known) <= value(stated) + slack([stated, ...known])) continue;
      if (adds(stated, known)) continue;
      const sum = round(sumOf(known), [stated, ...known]);
      drafts.push(
        finding(rule, {
          message: `${titleOf(t)}${atPage(pageOfRow(t, total.row))}“${total.name}”行“${columnName(t, stated)}”列为 ${cellOf(t, stated)}，${names.join(' + ')}之和为 ${sum}`,
          factIds: [stated.id, ...known.map((f) => f.id)],
          page: pageOfRow(t, total.row),
          expected: sum,
          actual: value(stated),
        }),
      );
    }
  });
  return drafts;
}

/** The cell a fact was read from, as printed. */
function cellOf(t: Table, f: Fact): string {
  return f.cell ? (t.rows[f.cell.row]?.[f.cell.col] ?? '').trim() : String(f.value);
}

/** The innermost header of a fact's column: 全年预算数, 分值. */
function columnName(t: Table, f: Fact): string {
  return f.cell ? (columnsAt(t, f.cell.row)[f.cell.col]?.path.at(-1) ?? '') : '';
}

/** The first cell of a fact's row: 总分. */
function firstCell(t: Table, f: Fact): string {
  return f.cell ? (t.rows[f.cell.row]?.find((c) => c.trim() !== '')?.trim() ?? '') : '';
}
