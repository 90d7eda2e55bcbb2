// The 年度总体目标 row of a 自评表 (年度总体目标 | 预期目标's text | 实际完成情况's text) standing first in a
// table without rules, over the indicator block's header: its texts short, without a full stop (为辖区
// 老年人提供日间照料和助餐服务), it was read as a header row over the indicator header, and every
// indicator figure's label carried the goal's text (…·为辖区老年人提供日间照料和助餐服务·年度指标值).
// The row names no column: the header ends above it (tables/find.ts headerRowsOf, headers.ts isGoalRow).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

interface Style {
  size: number;
  label: string;
  goal: [string, string];
  rules: boolean;
}

const BORDERS = [50, 110, 180, 270, 340, 405, 450, 495, 545];
const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'];
const ROWS = [
  ['产出指标', '数量指标', '服务老年人人次', '≥12000人次', '12860人次', '15', '15'],
  ['产出指标', '质量指标', '服务质量达标率', '≥95%', '97.5%', '10', '10'],
  ['成本指标', '经济成本指标', '人均服务成本', '≤400元', '385元', '10', '10'],
  ['满意度指标', '满意度指标', '老年人满意度', '≥90%', '93.6%', '20', '20'],
];

function page({ size, label, goal, rules }: Style): { runs: TextRun[]; rules: Rule[] } {
  const pad = 2;
  const left = (text: string, c: number, y: number): TextRun => ({ text, x: BORDERS[c]! + pad, y, size });
  const right = (text: string, c: number, y: number): TextRun => ({
    text,
    x: BORDERS[c + 1]! - pad - textWidth(text, size),
    y,
    size,
  });
  const pitch = size * 1.9;
  const top = 700;
  const y = (i: number) => top - i * pitch;
  const runs: TextRun[] = [
    { text: '项目支出绩效自评表', x: 230, y: 760, size: 14 },
    left(label, 0, y(0)),
    left(goal[0], 2, y(0)),
    left(goal[1], 5, y(0)),
    ...HEADER.map((t, c) => left(t, c, y(1))),
    ...ROWS.flatMap((r, i) => r.map((t, c) => (c < 3 ? left(t, c, y(2 + i)) : right(t, c, y(2 + i))))),
  ];
  const rule = (yy: number): Rule => ({ x0: BORDERS[0]!, y0: yy, x1: BORDERS.at(-1)!, y1: yy });
  return {
    runs,
    rules: rules ? [rule(y(0) + pitch * 0.7), rule(y(1) - pitch * 0.35), rule(y(ROWS.length + 1) - pitch * 0.4)] : [],
  };
}

async function read(style: Style): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(style)]));
}

const STYLES: [string, Style][] = [
  [
    'a sheet, borders off',
    {
      size: 9,
      label: '年度总体目标',
      goal: ['为辖区老年人提供日间照料和助餐服务', '完成年度目标，服务覆盖全部社区'],
      rules: false,
    },
  ],
  ['a 三线表 at 10 pt', { size: 10, label: '总体目标', goal: ['提升社区养老服务能力', '已完成'], rules: true }],
  [
    'a sheet labelled 年度绩效目标',
    { size: 9, label: '年度绩效目标', goal: ['保障日间照料服务正常运转', '全部完成'], rules: false },
  ],
];

describe('the 年度总体目标 row first in a table without rules', () => {
  test.each(STYLES)('%s: no column is named by it', async (_, style) => {
    const r = await read(style);
    const facts = r.facts.filter((f) => f.cell !== null);
    expect(facts.length).toBe(ROWS.length * 4);
    for (const f of facts) expect(f.label).not.toMatch(new RegExp(`${style.goal[0]}|${style.goal[1]}`));
    const first = facts.find((f) => f.value === 12000)!;
    expect([first.label, first.unit]).toEqual(['产出指标·数量指标·服务老年人人次·年度指标值', '人次']);
  });
});
