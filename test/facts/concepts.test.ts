// Concepts across wordings: reports of other bureaus, counties and years say
// the same budget figures in other words, and a researcher needs them under
// one name. Each document here is made for the rule it tests.
import { describe, expect, test } from 'vitest';
import { extractFacts, type FactParagraph } from '../../src/facts/index.ts';
import type { Fact } from '../../src/schema/report.ts';
import type { ConceptContext } from '../../src/vocab/concepts.ts';
import { extractComposed } from '../support/extract-made.ts';

const heading = (text: string) => ({ text, indent: 0, bold: true });

/** concept → value of every fact that has one (a concept given twice shows both values). */
function byConcept(facts: Fact[]): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const f of facts) if (f.concept) (out[f.concept] ??= []).push(f.value as number);
  return out;
}

function factsOf(texts: string[], concepts: ConceptContext = {}): Fact[] {
  const paragraphs: FactParagraph[] = texts.map((text, i) => ({
    id: `p${i + 1}`,
    text,
    page: 1,
    sectionId: null,
    role: 'body',
    spans: [{ start: 0, end: text.length, page: 1, bbox: [0, 0, text.length * 10, 12] }],
  }));
  return extractFacts({ paragraphs, sections: [], concepts }).filter((f) => f.kind !== 'date');
}

const pairs = (facts: Fact[]) => facts.map((f) => [f.label, f.concept]);

test("a county education bureau's department report: every budget, staffing and score concept once, with its value", async () => {
  const report = await extractComposed([
    { text: '某某县教育局2022年度部门整体支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    heading('一、部门基本情况'),
    heading('（一）机构设置及人员情况'),
    { text: '本部门内设机构8个，下属单位3个。2022年末编制人数56人，实有在职人员52人，退休人员31人。' },
    heading('（二）部门预算及执行情况'),
    {
      text: '2022年度部门年初预算数为3,456.78万元，其中：基本支出2,100.50万元，项目支出1,356.28万元。年中追加预算500万元，全年预算数为3,956.78万元。',
    },
    {
      text: '2022年度部门决算支出合计3,800.12万元，预算执行率为96.04%。其中：基本支出决算2,150.30万元，占总支出的56.59%；项目支出决算1,649.82万元，占总支出的43.41%。',
    },
    { text: '基本支出中，人员经费1,800.20万元，公用经费350.10万元。' },
    heading('二、部门整体支出绩效情况'),
    { text: '资助家庭经济困难学生3,560人。生均公用经费小学不低于650元/生，初中不低于850元／生。' },
    heading('三、自评结论'),
    { text: '根据评价指标体系，我局2022年度部门整体支出绩效自评得分为92.5分，评价等级为“优”。' },
  ]);
  expect(byConcept(report.facts)).toEqual({
    'staffing.authorized': [56],
    'staffing.actual': [52],
    'budget.total.initial': [3456.78],
    'budget.basic.initial': [2100.5],
    'budget.project.initial': [1356.28],
    'budget.total.adjusted': [3956.78],
    'budget.total.actual': [3800.12],
    'budget.executionRate': [96.04],
    'budget.basic.actual': [2150.3],
    'budget.project.actual': [1649.82],
    'budget.basic.personnel': [1800.2],
    'budget.basic.public': [350.1],
    'evaluation.selfScore': [92.5],
  });
  // Per-pupil funding is a ratio in 元/生, not the unit's 公用经费.
  const perPupil = report.facts.filter((f) => f.unit === '元/生');
  expect(perPupil.map((f) => [f.kind, f.value, f.normalized.unit, f.concept])).toEqual([
    ['ratio', 650, '元/生', null],
    ['ratio', 850, '元/生', null],
  ]);
  expect(report.findings).toEqual([]);
});

test("a project report's budget figures are the project's: project.* concepts, never a unit-wide budget.*", async () => {
  const report = await extractComposed([
    { text: '2022年度农村义务教育学生营养改善计划项目支出绩效自评报告', size: 18, align: 'center', indent: 0 },
    heading('一、项目资金情况'),
    { text: '该项目年初预算数为128.00万元，全年预算数为135.00万元，全年执行数为131.25万元，预算执行率97.22%。' },
    heading('二、自评结论'),
    { text: '项目自评得分为96分。' },
  ]);
  expect(report.document.reportType).toBe('项目支出');
  expect(byConcept(report.facts)).toEqual({
    'project.total.initial': [128],
    'project.total.adjusted': [135],
    'project.total.actual': [131.25],
    'project.executionRate': [97.22],
    'evaluation.selfScore': [96],
  });
  expect(report.facts.filter((f) => f.kind === 'money').map((f) => f.value)).toEqual([128, 135, 131.25]);
});

describe('budget wording', () => {
  test('owner words name the unit itself: 部门, 本单位, 我局', () => {
    expect(
      pairs(factsOf(['本单位年初预算数 300 万元。', '我局决算支出合计 280 万元。', '部门调整后预算 320 万元。'])),
    ).toEqual([
      ['本单位年初预算数', 'budget.total.initial'],
      ['我局决算支出', 'budget.total.actual'],
      ['部门调整后预算', 'budget.total.adjusted'],
    ]);
  });

  test("a bare term is the unit's only where the document is a department-wide report", () => {
    const text = ['年初预算数 300 万元，全年预算数 320 万元，实际支出 318 万元。'];
    expect(pairs(factsOf(text, { fallbackScope: 'total' })).map((p) => p[1])).toEqual([
      'budget.total.initial',
      'budget.total.adjusted',
      'budget.total.actual',
    ]);
    expect(pairs(factsOf(text)).map((p) => p[1])).toEqual([null, null, null]);
  });

  test('the parts after 其中 take the measure of the figure they divide; without 其中 they take none', () => {
    expect(pairs(factsOf(['全年预算数为 320 万元，其中：基本支出 200 万元，项目支出 120 万元。']))).toEqual([
      ['全年预算数', null],
      ['基本支出', 'budget.basic.adjusted'],
      ['项目支出', 'budget.project.adjusted'],
    ]);
    expect(pairs(factsOf(['全年预算数为 320 万元。基本支出 200 万元，项目支出 120 万元。']))).toEqual([
      ['全年预算数', null],
      ['基本支出', null],
      ['项目支出', null],
    ]);
  });

  test('a named item or project keeps its figures to itself', () => {
    expect(
      pairs(factsOf(['办公楼维修项目年初预算数 32 万元，决算数 30 万元，执行率 93.75%。'], { fallbackScope: 'total' })),
    ).toEqual([
      ['办公楼维修项目年初预算数', null],
      ['办公楼维修项目决算数', null],
      ['办公楼维修项目执行率', null],
    ]);
  });
});

test('units per head, pupil and area are ratios in 元 per that thing', () => {
  const facts = factsOf(['人均经费 1.2 万元/人·年，生均公用经费 650 元/生，租金 30 元／平方米。']);
  expect(facts.map((f) => [f.kind, f.unit, f.normalized.value, f.normalized.unit])).toEqual([
    ['ratio', '万元/人·年', 12000, '元/人·年'],
    ['ratio', '元/生', 650, '元/生'],
    ['ratio', '元/平方米', 30, '元/平方米'],
  ]);
});

test('年末 after a year belongs to the date, not the label', () => {
  expect(pairs(factsOf(['2022年末编制人数 56 人，2022年底实有人数 52 人。']))).toEqual([
    ['编制人数', 'staffing.authorized'],
    ['实有人数', 'staffing.actual'],
  ]);
  // 2022年初预算数 is 2022 + 年初预算数: 年初 stays with the term.
  expect(pairs(factsOf(['2022年初预算数 300 万元。'], { fallbackScope: 'total' }))).toEqual([
    ['年初预算数', 'budget.total.initial'],
  ]);
});

test('a figure of another year keeps its concept, with its year (contract 1.2)', () => {
  const facts = factsOf(
    [
      '2022年部门决算数为3,800.12万元，比2021年决算数3,500.00万元增长8.6%，比上年年初预算数3,000万元多800.12万元。',
      '与上年相比，本年年初预算数为3,456.78万元，全年预算数（含上年结转）3,956.78万元。',
    ],
    { fallbackScope: 'total', fiscalYear: 2022 },
  );
  expect(facts.filter((f) => f.kind !== 'date').map((f) => [f.label, f.value, f.concept, f.year])).toEqual([
    ['部门决算数', 3800.12, 'budget.total.actual', 2022],
    ['部门决算数', 3500, 'budget.total.actual', 2021],
    ['增长', 8.6, 'budget.total.actual.growth', 2022],
    ['比上年年初预算数', 3000, 'budget.total.initial', 2021],
    ['多', 800.12, null, 2022],
    ['年初预算数', 3456.78, 'budget.total.initial', 2022],
    ['全年预算数（含上年结转）', 3956.78, 'budget.total.adjusted', 2022],
  ]);
});

test('a count of things counted one by one with decimals is not a fact; per-head rates and 万 counts are', () => {
  const facts = factsOf(['培训教师 1.200 人次，人均培训 3.5 次，服务 1.2 万人次，新设 12 家。']);
  expect(facts.map((f) => [f.kind, f.value, f.unit])).toEqual([
    ['ratio', 3.5, '次'],
    ['count', 1.2, '万人次'],
    ['count', 12, '家'],
  ]);
});
