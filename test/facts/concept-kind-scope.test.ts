// Concepts respect the report's kind and the row's scope (contract 1.3): a
// 预算's figures are planned (budget.*.initial), a 决算's are spent
// (budget.*.actual); a unit-wide concept comes only from the row that states
// the unit's own figure (合计), never from an item row (a 科目 under a 人员经费
// column); a table of one source of funds (一般公共预算…) names none. Before, a
// published budget gave 96 facts of budget.basic.personnel, one per 科目 row,
// and every 预算's 合计 was budget.total.actual.
import { describe, expect, test } from 'vitest';
import { conceptOf, planned } from '../../src/vocab/concepts.ts';
import type { Report } from '../../src/schema/report.ts';
import { plannedAsActual, unsoundConcepts } from '../support/concept-soundness.ts';
import { extractComposed, extractSpec } from '../support/extract-made.ts';
import type { PageSpec } from '../support/make-pdf.ts';
import { ruledTable } from '../tables/support.ts';

const xs = [60, 120, 250, 340, 430, 520];

function tablePage(title: string, rows: string[][]): PageSpec {
  const t = ruledTable(rows, { xs, top: 700, rowHeight: 20, align: 'right' });
  return {
    runs: [
      { text: title, x: 220, y: 740, size: 14, bold: true },
      { text: '单位：万元', x: 460, y: 712, size: 9 },
      ...t.runs,
    ],
    rules: t.rules,
  };
}

const cover = (lines: string[]): PageSpec => ({
  runs: lines.map((text, i) => ({ text, x: 297 - (text.length * 22) / 2, y: 600 - i * 40, size: 22, bold: true })),
});

/** The same three tables in a 预算 and a 决算: the words of the kind in the titles and columns. */
async function report(kind: '预算' | '决算'): Promise<Report> {
  const budget = kind === '预算';
  return extractSpec({
    pages: [
      cover(budget ? ['某县农业农村局', '2026年部门预算'] : ['某县农业农村局', '2025年度部门决算']),
      tablePage(budget ? '部门支出总表' : '支出决算表', [
        ['科目编码', '科目名称', budget ? '合计' : '本年支出合计', '基本支出', '项目支出'],
        ['', '合计', '300.00', '100.00', '200.00'],
        ['201', '一般公共服务支出', '300.00', '100.00', '200.00'],
        ['20101', '人大事务', '120.00', '40.00', '80.00'],
        ['20102', '政协事务', '180.00', '60.00', '120.00'],
      ]),
      tablePage(budget ? '部门基本支出表' : '基本支出决算表', [
        ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
        ['', '合计', '100.00', '70.00', '30.00'],
        ['301', '工资福利支出', '70.00', '70.00', ''],
        ['30101', '基本工资', '40.00', '40.00', ''],
        ['30102', '津贴补贴', '30.00', '30.00', ''],
        ['302', '商品和服务支出', '30.00', '', '30.00'],
      ]),
      tablePage(budget ? '一般公共预算支出表' : '一般公共预算财政拨款支出决算表', [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['', '合计', '250.00', '100.00', '150.00'],
        ['201', '一般公共服务支出', '250.00', '100.00', '150.00'],
      ]),
    ],
  });
}

const conceptsOf = (r: Report) =>
  Object.fromEntries(r.facts.filter((f) => f.concept).map((f) => [`p${f.page} ${f.label} ${f.value}`, f.concept]));

describe('a 预算 and a 决算 with the same tables', () => {
  test('a 预算: its totals are planned, item rows and a source-of-funds table give no concept', async () => {
    const r = await report('预算');
    expect(r.document).toMatchObject({ organization: '某县农业农村局', fiscalYear: 2026, reportType: '预算' });
    expect(conceptsOf(r)).toEqual({
      'p2 合计·合计 300': 'budget.total.initial',
      'p2 合计·基本支出 100': 'budget.basic.initial',
      'p2 合计·项目支出 200': 'budget.project.initial',
      'p3 合计·合计 100': 'budget.basic.initial',
      'p3 合计·人员经费 70': 'budget.basic.personnel.initial',
      'p3 合计·公用经费 30': 'budget.basic.public.initial',
    });
    expect(
      r.facts.filter((f) => f.kind === 'money' && f.year !== 2026).map((f) => `${f.label} ${f.value} ${f.year}`),
    ).toEqual([]);
    expect(plannedAsActual(r)).toEqual([]);
    expect(unsoundConcepts(r)).toEqual([]);
  });

  test('a 决算: the same totals are spent, and still no item row names the unit', async () => {
    const r = await report('决算');
    expect(r.document).toMatchObject({ organization: '某县农业农村局', fiscalYear: 2025, reportType: '决算' });
    expect(conceptsOf(r)).toEqual({
      'p2 合计·本年支出合计 300': 'budget.total.actual',
      'p2 合计·基本支出 100': 'budget.basic.actual',
      'p2 合计·项目支出 200': 'budget.project.actual',
      'p3 合计·合计 100': 'budget.basic.actual',
      'p3 合计·人员经费 70': 'budget.basic.personnel',
      'p3 合计·公用经费 30': 'budget.basic.public',
    });
    expect(unsoundConcepts(r)).toEqual([]);
  });
});

test('a 基本支出表 whose 科目 rows lose their names (经济科目编码 read as a number): still no item row is the unit', async () => {
  const r = await extractSpec({
    pages: [
      cover(['某县公安局', '2025年部门预算公开']),
      tablePage('2025年部门基本支出情况表', [
        ['经济科目编码', '经济科目名称', '总计', '人员经费', '公用经费'],
        ['', '合计', '1,070.00', '970.00', '100.00'],
        ['30101', '基本工资', '600.00', '600.00', ''],
        ['30102', '津贴补贴', '370.00', '370.00', ''],
        ['30213', '维修（护）费', '60.00', '', '60.00'],
        ['30215', '会议费', '40.00', '', '40.00'],
      ]),
    ],
  });
  expect(r.document).toMatchObject({ organization: '某县公安局', fiscalYear: 2025, reportType: '预算' });
  const unitWide = r.facts.filter((f) => f.concept?.startsWith('budget.'));
  expect(unitWide.map((f) => [f.value, f.concept])).toEqual([
    [970, 'budget.basic.personnel.initial'],
    [100, 'budget.basic.public.initial'],
  ]);
  expect(unsoundConcepts(r)).toEqual([]);
});

describe('planned figures by their words', () => {
  test('in a 预算 a total, 全年预算数 and 人员经费 are the budget as passed; a stage named outright stays', () => {
    const budget = { budget: true, fallbackScope: 'total' as const };
    expect(conceptOf('money', '本年支出合计', budget)).toBe('budget.total.initial');
    expect(conceptOf('money', '基本支出全年预算数', budget)).toBe('budget.basic.initial');
    expect(conceptOf('money', '人员经费', budget)).toBe('budget.basic.personnel.initial');
    expect(conceptOf('money', '部门决算数', budget)).toBe('budget.total.actual');
    expect(conceptOf('money', '调整预算数', budget)).toBe('budget.total.adjusted');
    // Outside a 预算 nothing changes.
    expect(conceptOf('money', '本年支出合计', { fallbackScope: 'total' })).toBe('budget.total.actual');
    expect(planned('evaluation.selfScore', '自评得分')).toBe('evaluation.selfScore');
  });
});

test("a project report's sub-funds: their figures are not the project's, the project's own sentence still is", async () => {
  const r = await extractComposed([
    { text: '2023年度某某县国企改革专项资金绩效自评报告', size: 18, align: 'center', indent: 0 },
    { text: '一、资金使用情况', bold: true },
    { text: '项目年初预算数1,400万元，全年执行数1,385万元。预算执行率98.93%。' },
    { text: '处置僵尸企业启动资金预算1,000万元，实际支出1,000万元。预算执行率100%。' },
    { text: '④困难企业安全隐患整改引导资金预算到位400万元，实际支出385万元，预算执行率96.25%。' },
  ]);
  expect(r.document.reportType).toBe('项目支出');
  const project = r.facts.filter((f) => f.concept?.startsWith('project.'));
  expect(project.map((f) => [f.concept, f.value])).toEqual([
    ['project.total.initial', 1400],
    ['project.total.actual', 1385],
    ['project.executionRate', 98.93],
  ]);
  expect(unsoundConcepts(r)).toEqual([]);
});
