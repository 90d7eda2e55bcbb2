// The narrative asserting what the numbers deny: "X预算与决算存在差距" while the
// report's own budget and actual for X are equal. Decided only when the report
// states both figures for the thing named; otherwise it stays silent.
import type { Fact } from '../schema/report.ts';
import { num, roundingOf, show } from './tolerance.ts';
import type { Draft, Rule } from './types.ts';

const CLAIM = /([\u4e00-\u9fff]{2,16}?)(?:开支|支出|资金)?(?:的)?预算(?:数)?与(?:实际)?(?:决算|支出|执行)(?:数)?(?:之间)?存在(?:一定|较大|明显)?(?:的)?(?:差距|差异|偏差)/;
const BUDGET = /(全年预算数?|调整后?预算数?|年初预算数?|预算批复数)$/;
const ACTUAL = /(决算数?|执行数|实际支出数?)$/;

export const textNumberContradiction: Rule = {
  id: 'text-number-contradiction',
  run(doc) {
    const drafts: Draft[] = [];
    for (const para of doc.paragraphs) {
      if (para.role !== 'body') continue;
      const m = CLAIM.exec(para.text);
      if (!m) continue;
      const item = m[1]!.replace(/^(?:\d+[、.．]|[（(]?[一二三四五六七八九十]+[）)、])/, '');
      const named = doc.facts.filter((f) => f.kind === 'money' && f.label.startsWith(item));
      const budget = named.find((f) => BUDGET.test(f.label) && !/年初/.test(f.label)) ?? named.find((f) => BUDGET.test(f.label));
      const actual = named.find((f) => ACTUAL.test(f.label));
      if (!budget || !actual) continue; // the report does not give both: undecidable
      if (Math.abs(num(budget) - num(actual)) > roundingOf(budget) + roundingOf(actual)) continue;
      drafts.push(draft(para.page, m[0], item, budget, actual));
    }
    return drafts;
  },
};

function draft(page: number, claim: string, item: string, budget: Fact, actual: Fact): Draft {
  return {
    rule: 'text-number-contradiction',
    severity: 'warning',
    message: `第${page}页称“${claim}”，但报告中${item}的${budget.label} ${show(budget)}（第${budget.page}页）与${actual.label} ${show(actual)}（第${actual.page}页）相等`,
    factIds: [budget.id, actual.id],
    sectionIds: [],
    page,
    expected: null,
    actual: null,
  };
}
