// A 绩效目标表 of two blocks on one grid, set as a spreadsheet sets it (text left, figures right,
// borders off or a 三线表's three rules): 占比's header cell starts a cell's padding right of the
// 年度资金总额 figures (120.00), while a line of the indicator block below, in that same grid column,
// reaches a little further right (≥90% in a wider glyph, a value set with less padding). The grid
// column then ended past where 占比 starts: the header overlapped it, was put in it, and the column
// was read as 年度资金总额占比 — 120.00 taken for 120%, and percent-out-of-range raised false
// errors. A column whose figures are set right ends where its figures end (body-columns.ts
// setRightColumns), whatever the other block reaches.
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

interface Style {
  size: number;
  /** a cell's padding: text set left starts this far right of its border, figures set right end this far left of it */
  pad: number;
  /** how far past the funds figures' edge the indicator line in the same column reaches */
  past: number;
  /** which indicator row reaches past (its target and value both) */
  at: number;
  rules: boolean;
}

const BORDERS = [50, 120, 220, 335, 420, 540];

function page({ size, pad, past, at, rules }: Style): { runs: TextRun[]; rules: Rule[] } {
  const pitch = size * 1.9;
  const left = (text: string, c: number, y: number): TextRun => ({ text, x: BORDERS[c]! + pad, y, size });
  const right = (text: string, c: number, y: number, over = 0): TextRun => ({
    text,
    x: BORDERS[c + 1]! - pad + over - textWidth(text, size),
    y,
    size,
  });
  const top = 700;
  const y = (i: number) => top - i * pitch;
  const words = (cells: string[], i: number) => cells.flatMap((t, c) => (t ? [left(t, c, y(i))] : []));
  // Names set left in the columns before `from`, figures set right from it on.
  const figures = (cells: string[], i: number, from: number, over = 0) =>
    cells.flatMap((t, c) => (!t ? [] : c < from ? [left(t, c, y(i))] : [right(t, c, y(i), c === 3 ? over : 0)]));
  const indicators = [
    ['产出指标', '数量指标', '监管对象覆盖数', '≥3000家', '≥1000家'],
    ['', '质量指标', '系统正常运行率', '≥99%', '≥99%'],
    ['成本指标', '经济成本指标', '运维成本', '≤360万元', '≤120万元'],
    ['满意度指标', '满意度指标', '群众满意度', '≥90%', '≥90%'],
  ];
  const runs: TextRun[] = [
    { text: '项目支出绩效目标表', x: 240, y: 760, size: 14 },
    { text: '单位：万元', x: 480, y: 735, size },
    ...words(['项目名称', '', '智慧食安监管平台运维'], 0),
    ...words(['主管部门', '', '某区市场监督管理局', '实施单位', '某区检测中心'], 1),
    ...words(['', '', '实施期资金总额', '年度资金总额', '占比'], 2),
    ...figures(['项目资金', '资金总额', '360.00', '120.00', '100%'], 3, 2),
    ...figures(['', '其中：财政拨款', '330.00', '110.00', '91.67%'], 4, 2),
    ...figures(['', '其他资金', '30.00', '10.00', '8.33%'], 5, 2),
    ...words(['一级指标', '二级指标', '三级指标', '实施周期指标值', '年度指标值'], 6),
    ...indicators.flatMap((r, i) => figures(r, 7 + i, 3, i === at ? past : 0)),
  ];
  const rule = (yy: number): Rule => ({ x0: BORDERS[0]!, y0: yy, x1: BORDERS.at(-1)!, y1: yy });
  const bottom = y(7 + indicators.length - 1) - pitch / 2;
  return { runs, rules: rules ? [rule(y(0) + pitch / 1.5), rule(y(2) - pitch / 2.5), rule(bottom)] : [] };
}

async function read(style: Style): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(style)]));
}

const STYLES: [string, Style][] = [
  [
    'a sheet, borders off, ≥90% in a wider glyph on the last row',
    { size: 9, pad: 1.1, past: 2.4, at: 3, rules: false },
  ],
  [
    'a 三线表 at 10.5 pt, the first indicator row reaching past',
    { size: 10.5, pad: 1.5, past: 3.2, at: 0, rules: true },
  ],
  ['a sheet with wider padding, the cost row over its border', { size: 9, pad: 2, past: 4.5, at: 2, rules: false }],
];

describe('a header set left just past the figures of the column on its left (占比 beside 120.00)', () => {
  test.each(STYLES)('%s: 年度资金总额 and 占比 are two columns', async (_, style) => {
    const r = await read(style);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.columns.map((c) => c.path)).toEqual([[], [], ['实施期资金总额'], ['年度资金总额'], ['占比']]);
    const funds = r.facts
      .filter((f) => f.cell !== null && f.cell.row >= 3 && f.cell.row <= 5)
      .map((f) => [f.label, f.value, f.unit]);
    expect(funds.filter((f) => f[1] === 120 || f[1] === 100)).toEqual([
      ['项目资金·资金总额·年度资金总额', 120, '万元'],
      ['项目资金·资金总额·占比', 100, '%'],
    ]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
