// The checks of one report compare figures of its own year: a figure of
// another year keeps its concept (contract 1.2) but is no second statement of
// this year's quantity.
import { expect, test } from 'vitest';
import type { ComposePara } from '../support/compose.ts';
import { extractComposed } from '../support/extract-made.ts';

const TITLE: ComposePara = {
  text: '2023年度某某县农业农村局整体支出绩效自评报告',
  size: 18,
  align: 'center',
  indent: 0,
};

async function report(body: string[]) {
  return extractComposed([TITLE, { text: '一、部门整体支出情况', bold: true }, ...body.map((text) => ({ text }))]);
}

test("上年 figures with concepts raise no conflicting-values, rate-mismatch or sum-mismatch against this year's", async () => {
  const r = await report([
    '本年度年初预算数为 4500.00 万元，全年预算数为 5000.00 万元，决算数为 4900.00 万元，预算执行率为 98%。',
    '基本支出决算数为 4000.00 万元，项目支出决算数为 900.00 万元。',
    '上年年初预算数为 4200.00 万元，上年全年预算数为 4300.00 万元，上年决算数为 4100.00 万元。',
    '上年基本支出决算数为 3000.00 万元，上年项目支出决算数为 600.00 万元。',
  ]);
  const other = r.facts.filter((f) => f.concept && f.year === 2022).map((f) => [f.concept, f.value]);
  expect(other).toEqual([
    ['budget.total.initial', 4200],
    ['budget.total.adjusted', 4300],
    ['budget.total.actual', 4100],
    ['budget.basic.actual', 3000],
    ['budget.project.actual', 600],
  ]);
  expect(r.findings).toEqual([]);
});

test("this year's figures are still checked", async () => {
  const r = await report([
    '本年度全年预算数为 5000.00 万元，决算数为 4900.00 万元，预算执行率为 90%。',
    '上年决算数为 4100.00 万元。',
  ]);
  expect(r.findings.map((f) => f.rule)).toEqual(['rate-mismatch']);
});
