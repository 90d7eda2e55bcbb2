// The schema of tables (part of the contract, report.ts): a table's rows as
// printed and its structure as read — columns, segments, row roles and levels,
// the parts it runs over on several pages.
import { z } from 'zod';
import { BBox } from './document.ts';

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

export type Table = z.infer<typeof Table>;

export type Column = z.infer<typeof Column>;

export type ColumnRole = z.infer<typeof ColumnRole>;

export type TableSegment = z.infer<typeof TableSegment>;

export type RowRole = z.infer<typeof RowRole>;

export type TablePart = z.infer<typeof TablePart>;
