// The schema of facts (part of the contract, report.ts): a figure as read, where
// it was read, what it is, and a reviewer's correction of it.
import { z } from 'zod';
import { BBox } from './document.ts';

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

export type FactKind = z.infer<typeof FactKind>;

export type Comparator = z.infer<typeof Comparator>;

export type Fact = z.infer<typeof Fact>;

export type Corrected = z.infer<typeof Corrected>;
