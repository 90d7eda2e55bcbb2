// An indicator block set as a sheet sets it with its cells in the middle of their height: every
// indicator's name wraps over two lines (服务质量达 | 标率), and the row's figures stand on neither, in
// the middle between them. No line of figures has a chunk in the names' column, so the block's
// columns had none there: the second line of the second name (标率) lay in a gutter, ended the
// block, and stood as a row of its own — the indicator named 服务质量达, the rows below read as
// another block. A line's chunk in a gutter under a chunk of the lines between the rows read so far
// (the names set on lines of their own) goes on the block (text-blocks.ts linesUp).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { isOtherLevelName } from '../../src/vocab/indicators.ts';
import { textWidth } from '../support/compose.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

interface Style {
  size: number;
  pad: number;
  rules: boolean;
  /** the 一级 and 二级 on the figures' line, or wrapped around it as the names are */
  levels: 'line' | 'wrapped';
}

const BORDERS = [50, 115, 190, 260, 335, 405, 455, 505];
const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
type Indicator = [string, string, [string, string], string, string, string, string];
const ROWS: Indicator[] = [
  ['产出指标', '数量指标', ['服务老年人', '人次'], '≥12000人次', '12860人次', '15', '15'],
  ['产出指标', '质量指标', ['服务质量达', '标率'], '≥95%', '97.5%', '10', '10'],
  ['产出指标', '时效指标', ['补助资金发', '放及时率'], '100%', '100%', '5', '5'],
  ['成本指标', '经济成本指标', ['人均服务成', '本'], '≤400元', '385元', '10', '10'],
  ['满意度指标', '满意度指标', ['老年人满意', '度'], '≥90%', '93.6%', '20', '20'],
];

function page({ size, pad, rules, levels }: Style): { runs: TextRun[]; rules: Rule[] } {
  const left = (text: string, c: number, y: number): TextRun => ({ text, x: BORDERS[c]! + pad, y, size });
  const right = (text: string, c: number, y: number): TextRun => ({
    text,
    x: BORDERS[c + 1]! - pad - textWidth(text, size),
    y,
    size,
  });
  const leading = size * 1.45;
  const pitch = 2 * leading + 6;
  const top = 700;
  const mid = (i: number) => top - pitch * (i + 1);
  const runs: TextRun[] = [
    { text: '项目支出绩效自评表', x: 200, y: 760, size: 14 },
    ...HEADER.map((t, c) => left(t, c, top)),
    ...ROWS.flatMap(([l1, l2, [n1, n2], ...figures], i) => {
      const y = mid(i);
      const group =
        levels === 'line'
          ? [left(l1, 0, y), left(l2, 1, y)]
          : [left(l1.slice(0, 3), 0, y + leading / 2), left(l1.slice(3), 0, y - leading / 2), left(l2, 1, y)];
      return [
        ...group,
        left(n1, 2, y + leading / 2),
        left(n2, 2, y - leading / 2),
        ...figures.map((t, k) => right(t, 3 + k, y)),
      ];
    }),
  ];
  const rule = (yy: number): Rule => ({ x0: BORDERS[0]!, y0: yy, x1: BORDERS.at(-1)!, y1: yy });
  const bottom = mid(ROWS.length - 1) - pitch / 2;
  return { runs, rules: rules ? [rule(top + size * 1.3), rule(top - size * 0.7), rule(bottom)] : [] };
}

async function read(style: Style): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(style)]));
}

const STYLES: [string, Style][] = [
  ['a sheet at 9 pt', { size: 9, pad: 2, rules: false, levels: 'line' }],
  ['a 三线表 at 10.5 pt', { size: 10.5, pad: 2.2, rules: true, levels: 'line' }],
  ['a sheet at 9 pt, the 一级 wrapped too', { size: 9, pad: 1.5, rules: false, levels: 'wrapped' }],
];

describe('names wrapped around the line of their figures, set on lines of their own', () => {
  test.each(STYLES)('%s: every indicator is one row, named whole', async (_, style) => {
    const r = await read(style);
    expect(r.tables).toHaveLength(1);
    const names = r.indicators.map((i) => i.name);
    expect(names).toEqual(ROWS.map(([, , [a, b]]) => a + b));
    const quality = r.facts.filter((f) => f.value === 97.5).map((f) => [f.label, f.unit]);
    expect(quality).toEqual([['产出指标·质量指标·服务质量达标率·实际完成值', '%']]);
  });
});

test('a 一级 column reading a 二级 name, or a 二级 column a 一级 name, is no level of the path', () => {
  expect(isOtherLevelName('数量指标', 1)).toBe(true);
  expect(isOtherLevelName('社会效益指标', 1)).toBe(true);
  expect(isOtherLevelName('产出指标', 2)).toBe(true);
  // names of both levels
  expect(isOtherLevelName('成本指标', 1)).toBe(false);
  expect(isOtherLevelName('满意度指标', 2)).toBe(false);
  expect(isOtherLevelName('产出指标', 1)).toBe(false);
  expect(isOtherLevelName('数量指标', 2)).toBe(false);
});
