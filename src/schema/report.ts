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

export const ReportType = z.enum(['整体支出', '项目支出', '决算', '预算', '其他']);

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
  change: z
    .boolean()
    .describe(
      '1.3: the figure is a change against another figure — 增加/增长/提高 X, 减少/下降/降低 X, 比上年多/少 X, 较预算节约 X — its value signed by its direction (减少 60.30 万元 → −60.30, 下降 3.1% → −3.1); false for a figure stated for itself. A change is never a part of an amount',
    ),
  quote: z.string(),
  bbox: BBox.nullable(),
  ocrConfidence: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe("read by OCR from a line the engine was unsure of (confidence below 90): that line's confidence, 0–100"),
  cell: z
    .object({
      table: z.string().describe("the table's id (tables[].id)"),
      row: z.number().int().nonnegative().describe('the row: an index into tables[].rows'),
      col: z.number().int().nonnegative().describe('the column: an index into that row'),
    })
    .nullable()
    .describe(
      'the table cell the fact was read from (also a number in prose inside a cell); null for a fact of the running text',
    ),
  corrected: z
    .lazy(() => Corrected)
    .optional()
    .describe(
      '1.3: a reviewer checked this figure (corrections.jsonl): value, unit and label are theirs; absent for a figure as the machine read it',
    ),
});

export const ColumnRole = z
  .enum(['name', 'code', 'ordinal', 'number', 'text'])
  .describe(
    "what a column's body cells are: names of the rows (科目名称, 三级指标), codes (科目编码), ordinals (序号), numbers (amounts, rates, scores), or other text (targets in words, reasons, notes)",
  );

export const Column = z.object({
  path: z
    .array(z.string())
    .describe(
      "the column's header cells from top to bottom, each once, as printed (unit notes kept: 年初预算数（万元）); the table's title and a 栏次 numbering row left out; [] when the column has no header",
    ),
  unit: z
    .string()
    .nullable()
    .describe(
      "the unit a bare number in this column takes: from its header (年初预算数（万元）), its name (…率 → %, 分值/得分 → 分), the row group's or the name column's header (项目资金（万元）, 年度预算（万元）), or the table's 单位 line where it applies (not to columns that count people or things, nor to targets and actual values); null when none",
    ),
  role: ColumnRole,
});

export const TableSegment = z.object({
  row: z.number().int().nonnegative().describe('its first header row, an index into rows'),
  headerRows: z.number().int().positive().describe('how many header rows it has'),
  columns: z.array(Column).describe('the columns of its rows, one per column of the table'),
});

export const RowRole = z
  .enum(['header', 'cover', 'body', 'total', 'blank'])
  .describe(
    "header: names columns (also a header repeated on a later page, and a segment's header); cover: a key | value line about the table (项目名称 | …, 主管部门 | …); total: 合计, 总计, 总分 …; blank: no text",
  );

export const TablePart = z.object({
  page: z.number().int().positive(),
  bbox: BBox,
  firstRow: z.number().int().nonnegative().describe('the first row of rows on this page'),
  headerRows: z
    .number()
    .int()
    .nonnegative()
    .describe(
      "how many rows at this part's top repeat the table's header (0 for the first part, and where none is repeated)",
    ),
});

export const Table = z.object({
  id: z.string(),
  page: z.number().int().positive().describe('the page it starts on'),
  pages: z.array(z.number().int().positive()).describe('every page it runs on, in order (1.3)'),
  title: z.string().nullable(),
  unit: z.string().nullable().describe("the table's 单位 line (单位：万元 → 万元), or null (1.3)"),
  project: z.string().nullable().describe('the project the table is about (its 项目名称 cover line), or null (1.3)'),
  rows: z
    .array(z.array(z.string()))
    .describe(
      "every row's cell text, header rows included; a merged cell's text in each grid cell it covers; a table carried over pages is one table, its parts' rows in order (a header repeated on a later page kept, as a header row)",
    ),
  headerRows: z.number().int().nonnegative().describe('how many rows at the top are header and cover lines (1.3)'),
  columns: z.array(Column).describe('the columns named by the top header, one per column (1.3)'),
  segments: z
    .array(TableSegment)
    .describe(
      "header rows further down that name the columns of the rows below them (a 自评表's indicator block under 一级指标 | … | 得分 below its funds block), in order; [] when none (1.3)",
    ),
  rowRoles: z.array(RowRole).describe('one per row (1.3)'),
  rowLevels: z
    .array(z.number().int().nonnegative().nullable())
    .nullable()
    .describe(
      'one per row: the 类/款/项 level (1, 2, 3; a fourth indentation step is 4) from 科目编码 or the indentation of the names, 0 for a total row, null for a row outside the hierarchy (headers); null for the whole field where the table is flat (1.3)',
    ),
  parts: z.array(TablePart).describe('one per page the table runs on: its box there and its first row (1.3)'),
  bbox: BBox.nullable().describe('on its first page'),
});

/** 1.3: an indicator's target as printed and as read. */
export const Target = z.object({
  text: z.string().describe('the cell as printed: ≥11100人次, 不低于95%, 有效提升'),
  value: z.number().nullable().describe('its number (the fact of the cell); null for a target in words'),
  unit: z
    .string()
    .nullable()
    .describe("the unit as written (人次, %, 万元), or from the row's unit column; null with no number"),
  comparator: Comparator.nullable().describe(
    "the bound as written (≥ 不低于 以上 → >=, ≤ 不超过 以内 → <=, ＞ → >, ＜ → <, ＝ → =), or from the row's 指标性质 column; null where none is written",
  ),
  upper: z.number().nullable().describe('the upper bound of a range target (90%—95%); null otherwise'),
});

/** 1.3: an indicator's actual value as printed and as read. */
export const Actual = z.object({
  text: z.string().describe('the cell as printed: 12331人次, 98.9%, 有效提升'),
  value: z.number().nullable().describe('its number (the fact of the cell); null for words'),
  unit: z
    .string()
    .nullable()
    .describe("the unit as written, or the target's where the actual is written without one (≤100% → 93.47 is %)"),
});

/** 1.3: one indicator row of a self-evaluation or target table (绩效自评表, 绩效目标表, 绩效目标申报表). */
export const Indicator = z.object({
  id: z
    .string()
    .describe(
      'the table and row it was read from: t5.r12 (row counted from 1); t1.r13.2 for the second indicator listed in a cell',
    ),
  table: z.string().describe("the table's id (tables[].id)"),
  row: z.number().int().nonnegative().describe('its row: an index into tables[].rows'),
  page: z.number().int().positive(),
  bbox: BBox.nullable().describe('the row on its page; null where unknown'),
  project: z
    .string()
    .nullable()
    .describe(
      "the project it measures: the row's 项目名称 cell, else the table's project (项目名称 cover line); null for the unit as a whole",
    ),
  path: z
    .array(z.string())
    .describe(
      'the groups above the indicator as printed: [一级指标, 二级指标] (产出指标, 数量指标); [] when the table has none',
    ),
  name: z.string().describe('the indicator (三级指标, 指标名称, 指标内容) as printed, a list marker taken off'),
  target: Target.nullable().describe(
    '年度指标值 (本年指标值, 指标值); null where the table gives none or the cell is blank',
  ),
  actual: Actual.nullable().describe('实际完成值; null in a target table, and where the cell is blank'),
  weight: z.number().nullable().describe('分值 (权重); null where none'),
  score: z.number().nullable().describe('得分; null where none (a target table)'),
  deviation: z.string().nullable().describe('偏差原因分析及改进措施 as printed; null where blank or absent'),
  met: z
    .boolean()
    .nullable()
    .describe(
      'the actual against the target and its comparator, where both are numbers in one unit (a target without a comparator read as the contract says); null otherwise',
    ),
  factIds: z.array(z.string()).describe("the facts of the row's target, actual, weight and score cells"),
});

/** 1.3: one row of a self-evaluation or target table's funds block (年度资金总额, 其中：财政拨款 …). */
export const FundsRow = z.object({
  id: z.string().describe('the table and row it was read from: t5.r4 (row counted from 1)'),
  table: z.string(),
  row: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  project: z.string().nullable().describe("the table's project; null for the unit as a whole"),
  name: z
    .string()
    .describe('the row as printed, 其中： and list markers taken off: 年度资金总额, 当年财政拨款, 上年结转资金'),
  planned: z.number().nullable().describe('年初预算数 (in a target table: 年度资金总额, 预算数)'),
  adjusted: z.number().nullable().describe('全年预算数 (调整后预算数)'),
  executed: z.number().nullable().describe('全年执行数 (实际支出, 决算数)'),
  rate: z.number().nullable().describe('执行率, in %'),
  weight: z.number().nullable().describe('分值'),
  score: z.number().nullable().describe('得分'),
  unit: z
    .string()
    .nullable()
    .describe('the unit of planned, adjusted and executed (万元, 元); null when none of them is read'),
  factIds: z.array(z.string()),
});

/** 1.3: what a self-evaluation or target table says of itself as a whole: its year's goal, total score and grade. */
export const Scorecard = z.object({
  table: z.string().describe("the table's id (one scorecard per table that has indicators or funds rows)"),
  page: z.number().int().positive(),
  project: z.string().nullable().describe("the table's project; null for the unit as a whole"),
  goal: z
    .object({
      planned: z.string().nullable().describe('年度总体目标 · 预期目标 (or the goal of a target table)'),
      actual: z.string().nullable().describe('年度总体目标 · 实际完成情况; null in a target table'),
    })
    .nullable()
    .describe("the table's 年度总体目标 as text; null where it has none"),
  weight: z.number().nullable().describe("the 总分 (合计) row's 分值"),
  score: z.number().nullable().describe("the 总分 (合计) row's 得分: the table's self-score"),
  grade: z
    .string()
    .nullable()
    .describe('评价等级 (自评等级) as printed: 优, 良, 中, 差 …; null where the table states none'),
  factIds: z.array(z.string()).describe("the facts of the total's 分值 and 得分"),
});

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
export type Target = z.infer<typeof Target>;
export type Actual = z.infer<typeof Actual>;
export type Indicator = z.infer<typeof Indicator>;
export type FundsRow = z.infer<typeof FundsRow>;
export type Scorecard = z.infer<typeof Scorecard>;
export type Column = z.infer<typeof Column>;
export type ColumnRole = z.infer<typeof ColumnRole>;
export type TableSegment = z.infer<typeof TableSegment>;
export type RowRole = z.infer<typeof RowRole>;
export type TablePart = z.infer<typeof TablePart>;
export type Severity = z.infer<typeof Severity>;
export type RuleId = z.infer<typeof RuleId>;
export type Finding = z.infer<typeof Finding>;
export type StageTiming = z.infer<typeof StageTiming>;
export type Review = z.infer<typeof Review>;
export type Corrected = z.infer<typeof Corrected>;
export type Unmatched = z.infer<typeof Unmatched>;
export type ReportReview = z.infer<typeof ReportReview>;
export type Report = z.infer<typeof Report>;
