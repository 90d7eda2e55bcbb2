// A stated execution rate that its own numbers deny: 预算执行率 vs 决算数 /
// 全年预算数. Reports compute it against the adjusted budget, some against the
// initial one: either agreeing at the precision written is accepted.
import type { Fact } from '../schema/report.ts';
import { locate } from './context.ts';
import { num, rateAgrees, roundingOf, show } from './tolerance.ts';
import type { Draft, Rule } from './types.ts';

const RATE = /执行率$/;
const BUDGET = /(年初预算数?|全年预算数?|调整后?预算数?|预算批复数|预算数)$/;
const ACTUAL = /(决算数?|执行数|实际支出数?|支出数|全年支出)$/;
const ADJUSTED = /(全年预算数?|调整后?预算数?)$/;

export const rateMismatch: Rule = {
  id: 'rate-mismatch',
  run(doc) {
    const drafts: Draft[] = [];
    const checked = new Set<string>();
    // 1. The unit's execution rate against its total budget and actual.
    const rate = doc.facts.find((f) => f.concept === 'budget.executionRate');
    if (rate) {
      const pick = (c: string) => doc.facts.find((f) => f.concept === c);
      for (const scope of ['total', 'basic'] as const) {
        const actual = pick(`budget.${scope}.actual`);
        const budgets = [pick(`budget.${scope}.adjusted`), pick(`budget.${scope}.initial`)].filter((f): f is Fact => !!f);
        if (!actual || budgets.length === 0) continue;
        const d = compare(rate, actual, budgets);
        if (d) drafts.push(d);
        checked.add(rate.id);
        break;
      }
    }
    // 2. A rate stated in the same sentence as its budget and actual (a project's).
    const located = locate(doc);
    for (const l of located) {
      if (l.fact.kind !== 'percent' || !RATE.test(l.fact.label) || checked.has(l.fact.id)) continue;
      const same = located.filter((o) => o.paragraph === l.paragraph && o.sentenceStart === l.sentenceStart && o.fact.kind === 'money');
      const actual = same.find((o) => ACTUAL.test(o.fact.label))?.fact;
      // The adjusted budget first: it is the usual denominator, and the one a finding shows.
      const budgets = same.filter((o) => BUDGET.test(o.fact.label)).map((o) => o.fact).sort((a, b) => Number(ADJUSTED.test(b.label)) - Number(ADJUSTED.test(a.label)));
      if (!actual || budgets.length === 0) continue;
      const d = compare(l.fact, actual, budgets);
      if (d) drafts.push(d);
    }
    return drafts;
  },
};

function compare(rate: Fact, actual: Fact, budgets: Fact[]): Draft | null {
  if (rate.approximate) return null;
  const computed = budgets.filter((b) => num(b) > 0).map((b) => ({ b, r: (num(actual) / num(b)) * 100 }));
  if (computed.length === 0) return null;
  // Rounded parts make a rounded rate: widen by the rate error their rounding allows.
  const ok = computed.some(({ b, r }) => {
    const slack = r * (roundingOf(actual) / num(actual) + roundingOf(b) / num(b));
    return rateAgrees(rate, r) || Math.abs(num(rate) - r) <= roundingOf(rate) + slack;
  });
  if (ok) return null;
  const { b, r } = computed[0]!;
  const shown = Number(r.toFixed(Math.max(rate.decimals, 2)));
  // Against the initial budget alone the rate may be one of an adjusted budget the text does not give.
  const adjusted = budgets.some((f) => f.concept?.endsWith('.adjusted') || ADJUSTED.test(f.label));
  return {
    rule: 'rate-mismatch',
    severity: adjusted ? 'error' : 'warning',
    message: `${rate.label} ${show(rate)}（第${rate.page}页）与${actual.label} ${show(actual)} ÷ ${b.label} ${show(b)} = ${shown}% 不符`,
    factIds: [rate.id, actual.id, b.id],
    sectionIds: [],
    page: rate.page,
    expected: shown,
    actual: typeof rate.value === 'number' ? rate.value : null,
  };
}
