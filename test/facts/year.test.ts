// Every figure's year (contract 1.2): the report's by default, 上年 → year − 1,
// 2021年 → 2021, 下一年度 → year + 1, null for dates and counts of what the
// unit is; growth statements carry their direction in the sign.
import { expect, test } from 'vitest';
import { extractFacts, type FactParagraph } from '../../src/facts/index.ts';
import type { Fact } from '../../src/schema/report.ts';

function factsOf(texts: string[], fiscalYear: number | null = 2023): Fact[] {
  const paragraphs: FactParagraph[] = texts.map((text, i) => ({
    id: `p${i + 1}`,
    text,
    page: 1,
    sectionId: null,
    role: 'body',
    spans: [{ start: 0, end: text.length, page: 1, bbox: [0, 0, 10, 12] }],
  }));
  return extractFacts({ paragraphs, sections: [], concepts: { fiscalYear, fallbackScope: 'total' } }).filter(
    (f) => f.kind !== 'date',
  );
}
const brief = (fs: Fact[]) => fs.map((f) => [f.value, f.unit, f.concept, f.year]);

test("the report's year by default, the year its words name otherwise", () => {
  expect(
    brief(
      factsOf([
        '本年决算数 5000 万元，上年决算数为 4500 万元。',
        '上一年度部门整体支出决算数 4200.5 万元。下一年度年初预算数 5100 万元。',
        '2021年决算数 3900 万元。',
      ]),
    ),
  ).toEqual([
    [5000, '万元', 'budget.total.actual', 2023],
    [4500, '万元', 'budget.total.actual', 2022],
    [4200.5, '万元', 'budget.total.actual', 2022],
    [5100, '万元', 'budget.total.initial', 2024],
    [3900, '万元', 'budget.total.actual', 2021],
  ]);
});

test('上年 of the first clause does not carry to 本年 of the next', () => {
  expect(brief(factsOf(['上年决算数为 4500 万元，本年决算数 5000 万元。']))).toEqual([
    [4500, '万元', 'budget.total.actual', 2022],
    [5000, '万元', 'budget.total.actual', 2023],
  ]);
});

test("上年结转 is this year's money", () => {
  expect(factsOf(['全年预算数（含上年结转）3956.78万元。'])[0]).toMatchObject({
    concept: 'budget.total.adjusted',
    year: 2023,
  });
});

test('growth statements: signed percent facts of the later year, with the concept they grow', () => {
  expect(
    brief(
      factsOf([
        '决算数 5000 万元，比上年增长 11.1%，预算执行率比上年下降 3 个百分点。',
        '同比增长 33.8％，增长率为－6.3%，办案数量较上年减少 12.5%。',
      ]),
    ),
  ).toEqual([
    [5000, '万元', 'budget.total.actual', 2023],
    [11.1, '%', 'budget.total.actual.growth', 2023],
    [-3, '个百分点', 'budget.executionRate.growth', 2023],
    [33.8, '%', null, 2023],
    [-6.3, '%', null, 2023],
    [-12.5, '%', null, 2023],
  ]);
});

test('a change after a comparison is of the later year; the comparison names the base', () => {
  expect(
    brief(
      factsOf(['2022年部门决算数为3,800.12万元，比2021年决算数3,500.00万元增长8.6%，其中基本支出 3000 万元。'], 2022),
    ),
  ).toEqual([
    [3800.12, '万元', 'budget.total.actual', 2022],
    [3500, '万元', 'budget.total.actual', 2021],
    [8.6, '%', 'budget.total.actual.growth', 2022],
    [3000, '万元', 'budget.basic.actual', 2022],
  ]);
});

test("null: counts of what the unit is, and relative years when the report's year is unknown", () => {
  expect(brief(factsOf(['主要职能 15 项，内设机构 8 个，核定编制 30 人，全年办结投诉 1430 件。']))).toEqual([
    [15, '项', null, null],
    [8, '个', null, null],
    [30, '人', 'staffing.authorized', 2023],
    [1430, '件', null, 2023],
  ]);
  expect(factsOf(['上年决算数为 4500 万元。'], null)[0]).toMatchObject({ year: null });
  expect(factsOf(['2022年决算数为 4500 万元。'], null)[0]).toMatchObject({ year: 2022 });
});
