// An indicator row of a self-evaluation table scoring more than its weight
// (得分 > 分值), or missing its own target yet given the full weight — read from
// the report's indicator records: whether the target was met is the record's
// `met`, decided once (records/met.ts). A target read without a written bound
// (a bare 65000 剂次 read as ≥) makes the finding a warning that says so.
import type { Indicator, Table } from '../schema/report.ts';
import { indicatorFacts, readingOf } from '../records/index.ts';
import { atPage, finding } from './finding.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

export const indicatorScoreMismatch: Rule = {
  id: 'indicator-score-mismatch',
  severity: 'error',
  description:
    'an indicator row of a self-evaluation table scores more than its weight (得分 > 分值), or misses its own target (实际完成值 against 年度指标值 and its comparator) yet gets the full weight',
  descriptionZh:
    '自评表中某一指标的得分超过其分值（得分 > 分值），或未达到其年度指标值（实际完成值对照年度指标值及其比较关系）却得满分',
  // One indicator row's 得分 against its 分值 and target: after the table's own totals.
  precedence: 20,
  run(doc) {
    return doc.indicators.flatMap((i) => {
      const draft = recordFinding(doc, i);
      return draft ? [draft] : [];
    });
  },
};

/** An indicator scored above its weight, or given the full weight while its actual misses its target. */
function recordFinding(doc: CheckInput, i: Indicator): Draft | null {
  const { weight, score } = i;
  if (weight === null || score === null) return null;
  const table: Table | undefined = doc.tables.find((t) => t.id === i.table);
  const where = `表“${table?.title ?? i.table}”${atPage(i.page)}指标“${i.name}”`;
  const facts = indicatorFacts(doc, i);
  const shown = (f: keyof typeof facts, fallback: string) =>
    facts[f]?.cell && table ? table.rows[facts[f]!.cell!.row]![facts[f]!.cell!.col]!.trim() : fallback;
  if (score > weight + 1e-9) {
    return finding(indicatorScoreMismatch, {
      message: `${where}得分 ${shown('score', String(score))} 超过其分值 ${shown('weight', String(weight))}`,
      factIds: [facts.weight, facts.score].flatMap((f) => (f ? [f.id] : [])),
      page: i.page,
      expected: weight,
      actual: score,
    });
  }
  if (Math.abs(score - weight) > 1e-9 || weight === 0 || i.met !== false) return null;
  // A target read without a written bound (a bare 65000 剂次 read as ≥) may be read otherwise.
  const assumed = facts.target ? (readingOf(facts.target, i.name)?.assumed ?? false) : false;
  return finding(indicatorScoreMismatch, {
    severity: assumed ? 'warning' : 'error',
    message: `${where}实际完成值 ${i.actual!.text} 未达到年度指标值 ${i.target!.text}${assumed ? '（按 ≥ 理解）' : ''}，却得满分 ${shown('score', String(score))}`,
    factIds: i.factIds,
    page: i.page,
    expected: i.target!.value,
    actual: i.actual!.value,
  });
}
