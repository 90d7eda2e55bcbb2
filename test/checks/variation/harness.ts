// The checks' variation harness: each class of finding in several phrasings
// and layouts, each beside a clean twin, read end to end (a made PDF → the
// pipeline → findings). A dirty document must give the expected rule's
// findings and no other (naming facts of the report), its clean twin nothing.
// Reports with tables (a 预算's 说明 and its tables) are set twice, their
// tables ruled and borderless (support/budget-doc.ts).
//
//   variations('sum-mismatch', [{ name, layouts: { prose: { dirty, clean }, list: { dirty, clean } } }])
import { describe, expect, test } from 'vitest';
import type { Finding, Report, RuleId } from '../../../src/schema/report.ts';
import { extractBytes } from '../../../src/pipeline/extract.ts';
import { layoutDoc, type Block, type TableLayout } from '../../support/budget-doc.ts';
import type { ComposePara } from '../../support/compose.ts';
import { extractComposed } from '../../support/extract-made.ts';
import { makePdf } from '../../support/make-pdf.ts';

/** A document's body: paragraphs as text, or set as headings. */
export type Body = (string | ComposePara)[];

export interface Twins {
  dirty: Body;
  clean: Body;
}

export interface Variation {
  name: string;
  /** a layout's name (prose, list, headings, run-in …) → its two documents */
  layouts: Record<string, Twins>;
  /** the severity the dirty documents' finding has; any when not given */
  severity?: Finding['severity'];
}

const TITLE: ComposePara = {
  text: '2023年度某某县市场监督管理局部门整体支出绩效自评报告',
  size: 18,
  align: 'center',
  indent: 0,
};

/** A heading set bold and flush, as the genre's 一、 headings are. */
export const heading = (text: string): ComposePara => ({ text, bold: true, indent: 0 });

/** Words that stand between two statements so that they are pages apart, about nothing counted. */
export const FILLER: string[] = Array.from(
  { length: 14 },
  () =>
    '本单位坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实上级各项决策部署，扎实推进各项工作，全面加强预算绩效管理，不断提升资金使用效益，各项工作取得了积极成效。',
);

/** The report a body makes: the genre's title and first heading before it (unless it brings its own). */
export async function reportOf(body: Body): Promise<Report> {
  const own = body.some((b) => typeof b !== 'string' && b.bold);
  const paras: ComposePara[] = [
    TITLE,
    ...(own ? [] : [heading('一、基本情况')]),
    ...body.map((b) => (typeof b === 'string' ? { text: b } : b)),
  ];
  return extractComposed(paras);
}

/** A dirty document's findings: the rule's, at least one, no other; each error or warning naming facts of the report. */
export function expectFound(report: Report, rule: RuleId, severity?: Finding['severity']): void {
  const fs = report.findings;
  // (A slip may be seen twice: 三、一、五 runs back, then skips.)
  expect(fs).not.toEqual([]);
  expect(new Set(fs.map((f) => f.rule))).toEqual(new Set([rule]));
  if (severity) expect(fs.map((f) => f.severity)).toEqual(fs.map(() => severity));
  // An error or a warning names the facts it compares, facts of this report.
  const ids = new Set(report.facts.map((f) => f.id));
  for (const f of fs.filter((x) => x.severity !== 'info')) {
    expect(f.factIds.length).toBeGreaterThan(0);
    for (const id of f.factIds) expect(ids.has(id)).toBe(true);
  }
}

/** A clean twin: no finding at all. */
export function expectClean(report: Report): void {
  expect(report.findings.map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
}

/** Every variation's layouts: the dirty document gives the rule's finding, the clean one none. */
export function variations(rule: RuleId, list: Variation[]): void {
  describe(rule, () => {
    for (const v of list) {
      for (const [layout, twins] of Object.entries(v.layouts)) {
        test(`${v.name} (${layout}): found`, async () => {
          expectFound(await reportOf(twins.dirty), rule, v.severity);
        });
        test(`${v.name} (${layout}): its clean twin gives nothing`, async () => {
          expectClean(await reportOf(twins.clean));
        });
      }
    }
  });
}

// ——— reports with tables ———

/** A report of text and tables in both table layouts: the same blocks set ruled and borderless. */
export interface TableVariation {
  name: string;
  dirty: Block[];
  clean: Block[];
  severity?: Finding['severity'];
}

/** The report the blocks make, its tables set in the layout given. */
export async function reportOfBlocks(blocks: Block[], layout: TableLayout): Promise<Report> {
  return extractBytes(makePdf(layoutDoc(blocks, layout)), 'made.pdf', { ocr: 'never' });
}

/** Every variation, its tables ruled and borderless: the dirty document gives the rule's finding, the clean one none. */
export function tableVariations(rule: RuleId, list: TableVariation[]): void {
  describe(rule, () => {
    for (const v of list) {
      for (const layout of ['ruled', 'borderless'] as const) {
        test(`${v.name} (${layout}): found`, { timeout: 60_000 }, async () => {
          expectFound(await reportOfBlocks(v.dirty, layout), rule, v.severity);
        });
        test(`${v.name} (${layout}): its clean twin gives nothing`, { timeout: 60_000 }, async () => {
          expectClean(await reportOfBlocks(v.clean, layout));
        });
      }
    }
  });
}
