// The finding rules, as data: ids are those of the output contract (their list
// is the schema's RULE_IDS); here each one's description, the severity its
// findings have unless the rule says otherwise, and which rule wins where two overlap.
import type { RuleId, Severity } from '../schema/report.ts';

export type { RuleId } from '../schema/report.ts';

export interface RuleInfo {
  id: RuleId;
  description: string;
  /** the severity a finding of this rule has unless the rule says otherwise */
  severity: Severity;
}

export const RULES = {
  'sum-mismatch': {
    id: 'sum-mismatch',
    severity: 'error',
    description: 'stated parts (其中 …) do not add up to the stated total, beyond rounding',
  },
  'subset-exceeds-total': {
    id: 'subset-exceeds-total',
    severity: 'error',
    description: 'a part is larger than the whole it belongs to (净增 > 新设, 其中 > 共)',
  },
  'conflicting-values': {
    id: 'conflicting-values',
    severity: 'warning',
    description: 'one quantity is stated twice with different values',
  },
  'rate-mismatch': {
    id: 'rate-mismatch',
    severity: 'error',
    description: 'a stated rate differs from the one its own numbers give (执行率 vs 决算/预算)',
  },
  'enumeration-count': {
    id: 'enumeration-count',
    severity: 'warning',
    description: 'a stated count differs from the number of items listed after it',
  },
  'heading-sequence': {
    id: 'heading-sequence',
    severity: 'info',
    description: 'heading numbers repeat, skip or run backwards at one level',
  },
  'percent-out-of-range': {
    id: 'percent-out-of-range',
    severity: 'error',
    description: 'a share or rate that cannot exceed 100 % does',
  },
  'year-mismatch': {
    id: 'year-mismatch',
    severity: 'warning',
    description: 'the fiscal year named in one place contradicts another',
  },
  'table-total-mismatch': {
    id: 'table-total-mismatch',
    severity: 'error',
    description: "a table's total row or column does not equal the sum of its parts",
  },
  'score-mismatch': {
    id: 'score-mismatch',
    severity: 'error',
    description: 'a total score differs from the sum of its item scores',
  },
  'text-number-contradiction': {
    id: 'text-number-contradiction',
    severity: 'warning',
    description: 'the narrative asserts something the numbers deny',
  },
  'indicator-score-mismatch': {
    id: 'indicator-score-mismatch',
    severity: 'error',
    description:
      'an indicator row of a self-evaluation table scores more than its weight (得分 > 分值), or misses its own target (实际完成值 against 年度指标值 and its comparator) yet gets the full weight',
  },
} as const satisfies { [K in RuleId]: RuleInfo & { id: K } };

/**
 * Which rule names an inconsistency that several rules see, most specific
 * first (contract, Conventions: "name the most specific"). A finding whose
 * facts are all in a finding of a rule ranked above it, or of the same rule
 * found before it, is not reported again; findings on one page are listed in
 * this order. The order of the rule list the engine is given plays no part.
 */
export const PRECEDENCE: readonly RuleId[] = [
  // A table's own arithmetic: what the table says is wrong is known without reading the text.
  'table-total-mismatch',
  // One indicator row's 得分 against its 分值 and target.
  'indicator-score-mismatch',
  // The text's self-score against the scoring table: before conflicting-values, which would see the same two figures.
  'score-mismatch',
  // A part larger than its whole is also a sum that does not add up: the part is named.
  'subset-exceeds-total',
  'sum-mismatch',
  // A rate against the budget and actual it is computed from: before the same figures read as two statements.
  'rate-mismatch',
  'percent-out-of-range',
  'text-number-contradiction',
  'enumeration-count',
  // Any quantity stated twice: what is left once the rules that know why two figures differ have spoken.
  'conflicting-values',
  'year-mismatch',
  'heading-sequence',
];

/** A rule's place in PRECEDENCE (0 = most specific). */
export function precedenceOf(id: RuleId): number {
  const i = PRECEDENCE.indexOf(id);
  if (i < 0) throw new RangeError(`rule ${id} has no place in PRECEDENCE`);
  return i;
}
