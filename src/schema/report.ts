// The output contract (docs/output-contract.md) as zod schemas: the
// single source of truth. schemas/report.schema.json is generated from here
// (`npm run schema`) and a test fails when the committed file is stale.
//
// This file assembles the report from its parts and re-exports them, so that
// everything imports the contract from here: document.ts (source, pages,
// sections, paragraphs), facts.ts, tables.ts, records.ts (indicators, funds
// rows, scorecards), findings.ts.
import { z } from 'zod';
import { Source, DocumentMeta, Page, Section, Paragraph } from './document.ts';
import { Fact } from './facts.ts';
import { Table } from './tables.ts';
import { Indicator, FundsRow, Scorecard } from './records.ts';
import { Finding } from './findings.ts';
import { SCHEMA_VERSION } from './version.ts';

export * from './document.ts';
export * from './facts.ts';
export * from './tables.ts';
export * from './records.ts';
export * from './findings.ts';

export { SCHEMA_VERSION };

/** How long one named stage of the pipeline took (only with --timings / `timings: true`). */
export const StageTiming = z.object({
  stage: z
    .string()
    .describe(
      'the stage: open, read, ocr, tables, layout, sections, meta, facts, table-facts, number-facts, records, assemble, checks, validate',
    ),
  ms: z.number().nonnegative().describe('its wall time in milliseconds (OCR stages: waiting for the OCR workers)'),
});

export const Report = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  tool: z.object({
    name: z.literal('jixiao'),
    version: z.string(),
    timings: z
      .array(StageTiming)
      .optional()
      .describe(
        'only when asked for (--timings): each stage in the order it ran with its time; absent otherwise, so that reports stay reproducible',
      ),
  }),
  source: Source,
  document: DocumentMeta,
  pages: z.array(Page),
  sections: z.array(Section),
  paragraphs: z.array(Paragraph),
  facts: z.array(Fact),
  tables: z.array(Table),
  indicators: z
    .array(Indicator)
    .describe(
      '1.3: every indicator row of the self-evaluation and target tables, one record each (docs/indicators.md)',
    ),
  funds: z.array(FundsRow).describe('1.3: every funds row of those tables (年度资金总额 and its 其中 rows)'),
  scorecards: z.array(Scorecard).describe("1.3: each such table's goal, total score and grade"),
  findings: z.array(Finding),
  review: z
    .lazy(() => ReportReview)
    .optional()
    .describe('1.3: present when corrections were applied to this report (see docs/review.md)'),
});

/** 1.3: a correction that could not be applied, and why (its anchor no longer finds its fact or finding). */
export const Unmatched = z.object({
  correction: z.record(z.string(), z.unknown()).describe('the line of corrections.jsonl as written'),
  reason: z.string(),
});

/** 1.3: what corrections did to a report, and what it was before them (so that they can be applied again to a later read). */
export const ReportReview = z.object({
  applied: z.number().int().nonnegative().describe('corrections of this document that found their fact or finding'),
  unmatched: z
    .array(Unmatched)
    .describe('corrections of this document whose anchor matches nothing: reported, never dropped'),
  asRead: z
    .object({
      facts: z.array(Fact).describe('the facts corrections changed or removed, as the machine read them'),
      findings: z.array(Finding).describe("the checks' findings before any correction"),
    })
    .describe('the machine read where corrections changed it'),
});

export type StageTiming = z.infer<typeof StageTiming>;

export type Unmatched = z.infer<typeof Unmatched>;

export type ReportReview = z.infer<typeof ReportReview>;

export type Report = z.infer<typeof Report>;
