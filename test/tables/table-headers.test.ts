import { expect, test } from 'vitest';
import { headerRowsByRow, isInfoRow, isSegmentHeader, projectOf } from '../../src/tables/headers.ts';

const rows = [
  ['单位名称', '某某局', '某某局', '某某局'],
  ['项目', '年初预算数', '决算数', '执行率'],
  ['一、基本支出', '', '', ''],
  ['人员经费', '100', '98', '98%'],
  ['合计', '—', '—', '—'],
  ['一级指标', '三级指标', '分值', '得分'],
  ['产出指标', '培训人次', '20', '18'],
  ['总分', '总分', '20', '18'],
];

test('a row of distinct names above numbers starts a segment; a section row, a row of dashes and a body row do not', () => {
  expect(rows.map((_, r) => isSegmentHeader(rows, r))).toEqual([false, true, false, false, false, true, false, false]);
});

test("a key | value cover row (the unit's name, the project's name) is not column names", () => {
  expect(isInfoRow(rows[0]!)).toBe(true);
  expect(isInfoRow(['部门（单位）名称', '某某县教育局', '某某县教育局'])).toBe(true);
  expect(isInfoRow(['主管部门', '某某局', '实施单位', '某某中心'])).toBe(true);
  expect(isInfoRow(['项目名称', '市场监管执法专项', '市场监管执法专项'])).toBe(true);
  expect(
    projectOf(
      [
        ['项目名称', '市场监管执法专项', '市场监管执法专项'],
        ['年初预算数', '全年预算数', '全年执行数'],
      ],
      1,
    ),
  ).toBe('市场监管执法专项');
  expect(isInfoRow(rows[1]!)).toBe(false);
});

test('each body row takes the header rows of its segment', () => {
  expect(headerRowsByRow(rows, 2)).toEqual([[], [], [1], [1], [1], [], [5], [5]]);
});

test('a 绩效目标表 indicator whose targets are words is a row under 实施周期指标值 | 年度指标值, not a header (variation harness)', () => {
  const targets = [
    ['一级指标', '二级指标', '三级指标', '实施周期指标值', '年度指标值'],
    ['产出指标', '数量指标', '监管对象覆盖数', '≥3000家', '≥1000家'],
    ['效益指标', '社会效益指标', '食品安全风险发现能力', '逐步提高', '有所提高'],
    ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '≥90%'],
  ];
  expect(targets.slice(1).map((_, r) => isSegmentHeader(targets, r + 1))).toEqual([false, false, false]);
  // A header row further down is still one: its names are header words.
  const twoBlocks = [
    ['项目', '实施期资金总额', '年度资金总额'],
    ['资金总额', '360.00', '120.00'],
    ['三级指标', '实施周期指标值', '年度指标值'],
    ['监管对象覆盖数', '≥3000家', '≥1000家'],
  ];
  expect(twoBlocks.slice(1).map((_, r) => isSegmentHeader(twoBlocks, r + 1))).toEqual([false, true, false]);
});
