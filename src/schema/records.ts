// The schema of records (part of the contract, report.ts): what the performance
// tables say row by row — indicators with their targets and actual values, funds
// rows — and of each table as a whole (its scorecard).
import { z } from 'zod';
import { BBox } from './document.ts';
import { Comparator } from './facts.ts';

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

export type Target = z.infer<typeof Target>;

export type Actual = z.infer<typeof Actual>;

export type Indicator = z.infer<typeof Indicator>;

export type FundsRow = z.infer<typeof FundsRow>;

export type Scorecard = z.infer<typeof Scorecard>;
