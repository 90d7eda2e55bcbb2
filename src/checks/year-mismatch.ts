// The fiscal year named in one place contradicting another: a 2023 report
// whose budget sentences speak of 2022, or a report dated before its year ends.
import { conceptOf } from '../vocab/concepts.ts';
import { locate } from './context.ts';
import type { Draft, Rule } from './types.ts';

const LEADING_YEAR = /^\s*((?:19|20)\d{2})\s*年度?(?!以来|同期|底|末|初)/;

export const yearMismatch: Rule = {
  id: 'year-mismatch',
  run(doc) {
    const year = doc.document.fiscalYear;
    if (year === null) return [];
    const drafts: Draft[] = [];
    // Budget figures of the unit stated for another year in a sentence that opens with it.
    for (const l of locate(doc)) {
      // The facts stage gives another year's figures no concept; what the label would be is what counts here.
      if (!conceptOf(l.fact.kind, l.fact.label, { fallbackScope: 'total' })?.startsWith('budget.')) continue;
      const m = LEADING_YEAR.exec(l.sentence);
      if (!m || Number(m[1]) === year) continue;
      if (/上年|去年|同比|比上年|较上年/.test(l.sentence)) continue;
      drafts.push({
        rule: 'year-mismatch',
        severity: 'warning',
        message: `报告年度为 ${year} 年，但第${l.fact.page}页“${l.sentence.slice(0, 30)}…”写的是 ${m[1]} 年的${l.fact.label}`,
        factIds: [l.fact.id],
        sectionIds: [],
        page: l.fact.page,
        expected: year,
        actual: Number(m[1]),
      });
    }
    // A self-evaluation of a year cannot be dated within or before that year's start.
    const date = doc.document.reportDate;
    if (date && Number(date.slice(0, 4)) < year) {
      drafts.push({
        rule: 'year-mismatch',
        severity: 'error',
        message: `报告年度为 ${year} 年，报告日期却是 ${date}，早于该年度`,
        factIds: [],
        sectionIds: [],
        page: 1,
        expected: year,
        actual: Number(date.slice(0, 4)),
      });
    }
    return drafts;
  },
};
