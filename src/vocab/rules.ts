// The finding rules, as data: ids are those of the output contract.
import type { Severity } from '../schema/report.ts';

export interface RuleInfo {
  id: string;
  description: string;
  /** the severity a finding of this rule has unless the rule says otherwise */
  severity: Severity;
}

export const RULES = {
  'sum-mismatch': { id: 'sum-mismatch', severity: 'error', description: 'stated parts (其中 …) do not add up to the stated total, beyond rounding' },
  'subset-exceeds-total': { id: 'subset-exceeds-total', severity: 'error', description: 'a part is larger than the whole it belongs to (净增 > 新设, 其中 > 共)' },
  'conflicting-values': { id: 'conflicting-values', severity: 'warning', description: 'one quantity is stated twice with different values' },
  'rate-mismatch': { id: 'rate-mismatch', severity: 'error', description: 'a stated rate differs from the one its own numbers give (执行率 vs 决算/预算)' },
  'enumeration-count': { id: 'enumeration-count', severity: 'warning', description: 'a stated count differs from the number of items listed after it' },
  'heading-sequence': { id: 'heading-sequence', severity: 'info', description: 'heading numbers repeat, skip or run backwards at one level' },
  'percent-out-of-range': { id: 'percent-out-of-range', severity: 'error', description: 'a share or rate that cannot exceed 100 % does' },
  'year-mismatch': { id: 'year-mismatch', severity: 'warning', description: 'the fiscal year named in one place contradicts another' },
  'table-total-mismatch': { id: 'table-total-mismatch', severity: 'error', description: "a table's total row or column does not equal the sum of its parts" },
  'score-mismatch': { id: 'score-mismatch', severity: 'error', description: 'a total score differs from the sum of its item scores' },
  'text-number-contradiction': { id: 'text-number-contradiction', severity: 'warning', description: 'the narrative asserts something the numbers deny' },
  'indicator-score-mismatch': { id: 'indicator-score-mismatch', severity: 'error', description: 'an indicator row of a self-evaluation table scores more than its weight (得分 > 分值), or misses its own target (实际完成值 against 年度指标值 and its comparator) yet gets the full weight' },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;
