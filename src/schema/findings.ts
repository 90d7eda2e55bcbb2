// The schema of findings (part of the contract, report.ts): the rules' ids, a
// finding's severity, and a reviewer's decision on it.
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning', 'info']);

/**
 * The finding rules' ids. Each rule — its severity, descriptions and precedence — is one file of src/checks/,
 * registered in src/checks/index.ts (a higher layer); test/checks/registry.test.ts holds this list to it.
 */
export const RULE_IDS = [
  'sum-mismatch',
  'subset-exceeds-total',
  'conflicting-values',
  'rate-mismatch',
  'enumeration-count',
  'heading-sequence',
  'percent-out-of-range',
  'year-mismatch',
  'table-total-mismatch',
  'score-mismatch',
  'text-number-contradiction',
  'indicator-score-mismatch',
] as const;

export const RuleId = z.enum(RULE_IDS);

/** 1.3: a reviewer's decision on a finding (corrections.jsonl). */
export const Review = z.object({
  decision: z.enum(['confirmed', 'dismissed']),
  note: z.string(),
  by: z.string(),
  at: z.string().describe('ISO 8601 time of the decision'),
});

export const Finding = z.object({
  id: z.string(),
  rule: RuleId,
  severity: Severity,
  message: z.string(),
  factIds: z.array(z.string()),
  sectionIds: z.array(z.string()),
  page: z.number().int().positive().nullable(),
  expected: z.union([z.number(), z.string()]).nullable(),
  actual: z.union([z.number(), z.string()]).nullable(),
  review: Review.optional().describe(
    '1.3: a reviewer confirmed or dismissed it (corrections.jsonl); absent while no one has. `check --fail-on` leaves dismissed findings out',
  ),
});

export type Severity = z.infer<typeof Severity>;

export type RuleId = z.infer<typeof RuleId>;

export type Finding = z.infer<typeof Finding>;

export type Review = z.infer<typeof Review>;
