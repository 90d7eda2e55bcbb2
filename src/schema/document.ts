// The schema of the document and its text (part of the contract, report.ts):
// the source file, what the document says of itself, its pages, sections and
// paragraphs, and the box (BBox) every part of the report is placed by.
import { z } from 'zod';

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

export type BBox = z.infer<typeof BBox>;

export type Source = z.infer<typeof Source>;

export type ReportType = z.infer<typeof ReportType>;

export type DocumentMeta = z.infer<typeof DocumentMeta>;

export type Page = z.infer<typeof Page>;

export type Section = z.infer<typeof Section>;

export type ParagraphRole = z.infer<typeof ParagraphRole>;

export type Paragraph = z.infer<typeof Paragraph>;
