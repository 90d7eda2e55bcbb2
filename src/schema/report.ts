// The output contract (docs/output-contract.md) as zod schemas: the
// single source of truth. schemas/report.schema.json is generated from here
// (`npm run schema`) and a test fails when the committed file is stale.
import { z } from 'zod';

export const SCHEMA_VERSION = '1.3';

export const BBox = z
  .tuple([z.number(), z.number(), z.number(), z.number()])
  .describe('[x0, y0, x1, y1] in PDF points on the page, origin bottom-left');

export const Source = z.object({
  path: z.string().describe('as given on the command line'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
});

export const ReportType = z.enum(['整体支出', '项目支出', '决算', '其他']);

export const DocumentMeta = z.object({
  title: z.string().nullable(),
  organization: z.string().nullable(),
  organizationKey: z
    .string()
    .nullable()
    .describe(
      'the organisation normalised (region prefix completed, common abbreviations expanded): one key for one unit however it is written; null when organization is',
    ),
  fiscalYear: z.number().int().nullable(),
  reportType: ReportType.nullable(),
  reportDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
});

export const PageMethod = z.enum(['text', 'ocr']);

export const Page = z.object({
  number: z.number().int().positive(),
  method: PageMethod,
  chars: z.number().int().nonnegative().describe('characters of body text read from the page'),
  ocrConfidence: z.number().min(0).max(100).nullable().describe('mean OCR word confidence, null for text pages'),
  error: z.string().nullable().describe('why the page could not be read; the rest of the document still counts'),
});

export const Section = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  level: z.number().int().positive(),
  marker: z.string().describe('the numbering as written: 一、 （一） 1、 …'),
  family: z.string().describe('the marker family: part, cn-dun, cn-paren, num-dun, num-paren, circled …'),
  ordinal: z.number().int().describe("the numeral's value"),
  title: z.string(),
  page: z.number().int().positive(),
});

export const ParagraphRole = z
  .enum(['body', 'heading', 'header', 'footer', 'page-number', 'toc'])
  .describe('toc: a line of the table of contents (目录), not a section and not a source of facts');

export const Paragraph = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  page: z.number().int().positive().describe('the page where it starts'),
  role: ParagraphRole,
  text: z.string(),
  bbox: BBox.nullable().describe('on its first page'),
});

export const Comparator = z.enum(['>=', '<=', '>', '<', '=']);

export const FactKind = z.enum(['money', 'count', 'percent', 'score', 'ratio', 'date', 'other']);

export const Fact = z.object({
  id: z.string(),
  sectionId: z.string().nullable(),
  paragraphId: z.string().nullable().describe('the paragraph the fact was read from (null for table cells)'),
  page: z.number().int().positive(),
  kind: FactKind,
  value: z.union([z.number(), z.string()]).describe('as written after numeral normalisation; an ISO string for dates'),
  unit: z.string().describe('as written: 万元 元 亿元 家 个 起 人次 % 分 …; for dates the precision: 年 月 日'),
  normalized: z.object({ value: z.union([z.number(), z.string()]), unit: z.string() }),
  decimals: z
    .number()
    .int()
    .nonnegative()
    .describe('digits written after the decimal point: the precision rounding checks use'),
  upper: z
    .number()
    .nullable()
    .describe(
      'the upper bound of a range such as 10—20 个 (value is the lower bound, approximate is true); null otherwise',
    ),
  label: z.string(),
  concept: z.string().nullable(),
  year: z
    .number()
    .int()
    .nullable()
    .describe(
      "the fiscal year the figure belongs to: the report's by default, 上年/上一年度 → year − 1, 2021年/比2021年 → 2021, 下一年度 → year + 1 (a change: the later year); null for a date, for a count of what the unit is (主要职能 15 项, 内设机构 8 个), and where no year is known",
    ),
  approximate: z.boolean().describe('约 近 超 余 多 左右 …, and every bound: the figure is not exact'),
  comparator: Comparator.nullable().describe(
    "a target's or limit's bound: ≥ 不低于 不少于 以上 → >=, ≤ 不超过 以内 控制在 → <=, ＞ 高于 → >, ＜ 低于 小于 → <, = → =; null for a plain figure",
  ),
  quote: z.string(),
  bbox: BBox.nullable(),
  ocrConfidence: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("read by OCR from a line the engine was unsure of (confidence below 90): that line's confidence, 0–100"),
  corrected: z
    .lazy(() => Corrected)
    .optional()
    .describe(
      '1.3: a reviewer checked this figure (corrections.jsonl): value, unit and label are theirs; absent for a figure as the machine read it',
    ),
});

export const Table = z.object({
  id: z.string(),
  page: z.number().int().positive(),
  title: z.string().nullable(),
  rows: z.array(z.array(z.string())),
  bbox: BBox.nullable(),
});

export const Severity = z.enum(['error', 'warning', 'info']);

/** The finding rules of one report; each one's description, default severity and precedence are in src/vocab/rules.ts. */
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

/** 1.3: a figure a reviewer checked, corrected or added (corrections.jsonl). */
export const Corrected = z.object({
  from: z
    .object({
      value: z.union([z.number(), z.string()]),
      unit: z.string(),
      label: z.string().optional().describe('only when the reviewer changed the label'),
    })
    .nullable()
    .describe('the figure as the machine read it; null for a figure the reviewer added'),
  note: z.string(),
  by: z.string(),
  at: z.string().describe('ISO 8601 time of the correction'),
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

/** How long one named stage of the pipeline took (only with --timings / `timings: true`). */
export const StageTiming = z.object({
  stage: z
    .string()
    .describe(
      'the stage: open, read, ocr, tables, layout, sections, meta, facts, table-facts, number-facts, assemble, checks, validate',
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

export type BBox = z.infer<typeof BBox>;
export type Source = z.infer<typeof Source>;
export type ReportType = z.infer<typeof ReportType>;
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export type Page = z.infer<typeof Page>;
export type Section = z.infer<typeof Section>;
export type ParagraphRole = z.infer<typeof ParagraphRole>;
export type Paragraph = z.infer<typeof Paragraph>;
export type FactKind = z.infer<typeof FactKind>;
export type Comparator = z.infer<typeof Comparator>;
export type Fact = z.infer<typeof Fact>;
export type Table = z.infer<typeof Table>;
export type Severity = z.infer<typeof Severity>;
export type RuleId = z.infer<typeof RuleId>;
export type Finding = z.infer<typeof Finding>;
export type StageTiming = z.infer<typeof StageTiming>;
export type Review = z.infer<typeof Review>;
export type Corrected = z.infer<typeof Corrected>;
export type Unmatched = z.infer<typeof Unmatched>;
export type ReportReview = z.infer<typeof ReportReview>;
export type Report = z.infer<typeof Report>;
