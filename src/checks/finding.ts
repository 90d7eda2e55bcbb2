// One way to build a finding: every rule makes its drafts here, so that the
// severity is the rule's own unless the finding says otherwise, the page
// reference reads the same in every message, and the fields are always all
// present in the contract's order.
import type { Severity } from '../schema/report.ts';
import type { Draft, RuleHead } from './types.ts';

export interface FindingFields {
  message: string;
  /** the page the finding is listed under; null where it has none */
  page: number | null;
  /** default: the rule's severity */
  severity?: Severity;
  factIds?: string[];
  sectionIds?: string[];
  expected?: number | string | null;
  actual?: number | string | null;
}

/** A finding of `rule`: the rule object itself, or the one a shared helper was given. */
export function finding(rule: RuleHead, fields: FindingFields): Draft {
  return {
    rule: rule.id,
    severity: fields.severity ?? rule.severity,
    message: fields.message,
    factIds: fields.factIds ?? [],
    sectionIds: fields.sectionIds ?? [],
    page: fields.page,
    expected: fields.expected ?? null,
    actual: fields.actual ?? null,
  };
}

/**
 * A page reference: "第3页"; several pages each named, distinct, in the order
 * given: "第2页、第3页"; or, `shared`, several numbers under one 第…页:
 * "第3、5页" (as given, not made distinct).
 */
export function pageRef(pages: number | readonly number[], form: 'each' | 'shared' = 'each'): string {
  const list = typeof pages === 'number' ? [pages] : pages;
  if (form === 'shared') return `第${list.join('、')}页`;
  return [...new Set(list)].map((p) => `第${p}页`).join('、');
}

/** The page reference in brackets, as a message puts it after a figure: "（第3页）". */
export function atPage(pages: number | readonly number[], form: 'each' | 'shared' = 'each'): string {
  return `（${pageRef(pages, form)}）`;
}

/** A figure's value for `expected` / `actual`: the number as written, null for text. */
export function valueOf(f: { value: number | string }): number | null {
  return typeof f.value === 'number' ? f.value : null;
}
