// Parts that do not add up to their total: "决算数 4980.37 万元，其中：人员经费
// 4360.55 万元，公用经费 619.82 万元" — within the rounding of every figure.
// Parts that add up to more than the total are certainly wrong; parts that add
// up to less are wrong only for decompositions known to be exhaustive
// (人员经费 + 公用经费 = 基本支出; 基本支出 + 项目支出 = 整体支出), since
// "其中" lists are often partial.
import type { Fact } from '../schema/report.ts';
import { wholeAndParts } from './context.ts';
import { inUnitOf, num, show, sumAgrees } from './tolerance.ts';
import type { Draft, Rule } from './types.ts';

/** Exhaustive decompositions by concept: total = sum of parts. */
const DECOMPOSITIONS: [string, string[]][] = [
  ['budget.basic.actual', ['budget.basic.personnel', 'budget.basic.public']],
  ['budget.total.actual', ['budget.basic.actual', 'budget.project.actual']],
  ['budget.total.adjusted', ['budget.basic.adjusted', 'budget.project.adjusted']],
  ['budget.total.initial', ['budget.basic.initial', 'budget.project.initial']],
];

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  run(doc) {
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    // 1. Within a sentence: a total, then 其中 and its parts.
    for (const { total, parts } of wholeAndParts(doc)) {
      if (parts.length < 2 || parts.some((p) => p.approximate) || total.approximate) continue;
      const sum = parts.reduce((s, f) => s + num(f), 0);
      if (sumAgrees(parts, total) || (sum < num(total) && !exhaustive(parts))) continue;
      drafts.push(draft(total, parts, sum, 'error'));
      seen.add(total.id);
    }
    // 2. Across the report: exhaustive decompositions by concept.
    for (const [totalConcept, partConcepts] of DECOMPOSITIONS) {
      const total = doc.facts.find((f) => f.concept === totalConcept);
      if (!total || seen.has(total.id)) continue;
      const parts = partConcepts.map((c) => doc.facts.find((f) => f.concept === c));
      if (parts.some((p) => !p)) continue;
      const ps = parts as Fact[];
      if (sumAgrees(ps, total)) continue;
      drafts.push(draft(total, ps, ps.reduce((s, f) => s + num(f), 0), 'error'));
    }
    return drafts;
  },
};

/** Pairs that make up their whole, and a list ending in 其他…: such 其中 lists are complete. */
const COMPLETE_PAIRS: [RegExp, RegExp][] = [
  [/^基本支出/, /^项目支出/],
  [/^人员经费/, /^(?:日常)?公用经费/],
];

function exhaustive(parts: Fact[]): boolean {
  const labels = parts.map((p) => p.label);
  if (/^其他|^其它/.test(labels[labels.length - 1] ?? '')) return true;
  return COMPLETE_PAIRS.some(([a, b]) => labels.length === 2 && a.test(labels[0]!) && b.test(labels[1]!));
}

function draft(total: Fact, parts: Fact[], sum: number, severity: Draft['severity']): Draft {
  const written = inUnitOf(sum, total);
  const pages = [...new Set([total, ...parts].map((f) => f.page))].map((p) => `第${p}页`).join('、');
  return {
    rule: 'sum-mismatch',
    severity,
    message: `${parts.map((p) => `${p.label} ${show(p)}`).join(' + ')} = ${written} ${total.unit}，与${total.label} ${show(total)}不符（${pages}）`,
    factIds: [total.id, ...parts.map((p) => p.id)],
    sectionIds: [],
    page: total.page,
    expected: written,
    actual: typeof total.value === 'number' ? total.value : null,
  };
}

