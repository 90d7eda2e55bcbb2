// One line of corrections.jsonl (contract 1.3, docs/review.md): a reviewer's
// decision on a finding, or a correction of a fact — its value, unit or label,
// "not a fact", or a fact the reader missed. Lines are appended, never
// rewritten; the last line about the same finding or fact stands.
import { z } from 'zod';
import { BBox } from './report.ts';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Who = {
  note: z.string().max(4000),
  by: z.string().max(200),
  at: z.string().max(40).describe('ISO 8601 time'),
};

/** Where a finding was: rule, page and message find it again after its id changed (checks run again renumber them). */
export const FindingAnchor = z.object({
  rule: z.string(),
  page: z.number().int().positive().nullable(),
  message: z.string(),
});

export const FindingDecision = z.object({
  document: Sha256.describe("the PDF's SHA-256 (source.sha256)"),
  finding: z.string().describe('the finding id when decided; the anchor finds it again'),
  anchor: FindingAnchor.optional(),
  decision: z.enum(['confirmed', 'dismissed']),
  ...Who,
});

/** Where a fact was: page, quote and box find it again after a re-read that numbers facts differently. */
export const FactAnchor = z.object({
  page: z.number().int().positive(),
  quote: z.string(),
  bbox: BBox.nullable(),
});

export const FactCorrection = z
  .object({
    document: Sha256,
    fact: z.string().nullable().describe('the fact id when corrected; null for a fact the reviewer added'),
    anchor: FactAnchor,
    value: z.union([z.number().finite(), z.string().max(40)]).optional(),
    unit: z.string().max(20).optional(),
    label: z.string().max(400).optional(),
    decimals: z
      .number()
      .int()
      .min(0)
      .max(12)
      .optional()
      .describe('digits written after the point (default: those of value)'),
    notAFact: z.literal(true).optional().describe('the number is no figure of the report (a code, a page number …)'),
    ...Who,
  })
  .refine((c) => c.notAFact || (c.value !== undefined && c.unit !== undefined), {
    message: 'a correction needs value and unit, or notAFact',
  })
  .refine((c) => c.fact !== null || (c.anchor.bbox !== null && c.label !== undefined && !c.notAFact), {
    message: 'an added fact needs its box, value, unit and label',
  });

export const Correction = z.union([FindingDecision, FactCorrection]);

export type FindingAnchor = z.infer<typeof FindingAnchor>;
export type FindingDecision = z.infer<typeof FindingDecision>;
export type FactAnchor = z.infer<typeof FactAnchor>;
export type FactCorrection = z.infer<typeof FactCorrection>;
export type Correction = z.infer<typeof Correction>;

export function isFindingDecision(c: Correction): c is FindingDecision {
  return 'finding' in c;
}
