// The canonical concepts of the output contract, and the one table that maps a
// fact to them. A rule tests the fact's kind and its scoped label (the label
// with the budget scope its sentence or section gives, e.g. 基本支出全年预算数).
// Adding a concept is one line here and a test.
import type { FactKind } from '../schema/report.ts';

const INITIAL = '(?:年初预算数|年初预算|预算批复数|年初批复数|批复预算数|年初预算安排数)';
const ADJUSTED = '(?:全年预算数|全年预算|调整预算数|调整后预算数|调整后预算|调整预算|预算调整数)';
const ACTUAL = '(?:决算数|决算|支出决算数|全年执行数|执行数|实际执行数|实际支出数|实际支出|全年支出数)';
const TOTAL = '(?:部门整体支出|单位整体支出|整体支出|部门支出|单位支出|支出总额|总支出|部门预算支出|支出合计)';
const BASIC = '(?:基本支出)';
const PROJECT = '(?:项目支出)';

export interface ConceptRule {
  concept: string;
  kinds: FactKind[];
  label: RegExp;
}

const budget = (concept: string, scope: string, measure: string): ConceptRule => ({
  concept,
  kinds: ['money'],
  label: new RegExp(`^${scope}的?${measure}$`),
});

export const CONCEPTS: ConceptRule[] = [
  budget('budget.total.initial', TOTAL, INITIAL),
  budget('budget.total.adjusted', TOTAL, ADJUSTED),
  budget('budget.total.actual', TOTAL, ACTUAL),
  budget('budget.basic.initial', BASIC, INITIAL),
  budget('budget.basic.adjusted', BASIC, ADJUSTED),
  budget('budget.basic.actual', BASIC, ACTUAL),
  budget('budget.project.initial', PROJECT, INITIAL),
  budget('budget.project.adjusted', PROJECT, ADJUSTED),
  budget('budget.project.actual', PROJECT, ACTUAL),
  { concept: 'budget.basic.personnel', kinds: ['money'], label: /^(?:基本支出)?(?:中的?)?人员经费(?:支出)?(?:决算数|支出数)?$/ },
  { concept: 'budget.basic.public', kinds: ['money'], label: /^(?:基本支出)?(?:中的?)?(?:日常)?公用经费(?:支出)?(?:决算数|支出数)?$/ },
  { concept: 'budget.executionRate', kinds: ['percent'], label: /^(?:部门|单位|部门整体|整体|整体支出|部门整体支出|全年|年度|总体)?(?:预算)?执行率$/ },
  { concept: 'staffing.authorized', kinds: ['count'], label: /^(?:年末|年初)?(?:核定)?(?:人员)?编制(?:人)?数$|^核定编制$/ },
  { concept: 'staffing.actual', kinds: ['count'], label: /^(?:年末|年初)?实有(?:在职)?(?:人员|人数)$|^(?:年末)?在职人数$/ },
  { concept: 'evaluation.selfScore', kinds: ['score'], label: /(?:自评|评价)(?:得分|分|总分|综合得分)$|^自评结果$/ },
];

export function conceptOf(kind: FactKind, scopedLabel: string): string | null {
  for (const rule of CONCEPTS) if (rule.kinds.includes(kind) && rule.label.test(scopedLabel)) return rule.concept;
  return null;
}

/** Budget measure terms: a label that is only one of these takes its scope from the sentence or section. */
export const BARE_MEASURE = new RegExp(`^(?:${INITIAL}|${ADJUSTED}|${ACTUAL}|(?:预算)?执行率)$`);
/** The budget scopes a sentence or a section title can give. */
export const SCOPE_WORDS = new RegExp(`(${TOTAL}|${BASIC}|${PROJECT})`);
export const MEASURE_IN_LABEL = new RegExp(`(${INITIAL}|${ADJUSTED}|${ACTUAL})$`);
