// A 自评表's indicator block set as a spreadsheet sets it (borders off or a 三线表's rules): the
// score set right in its cell, the reason for a deviation set left in the next, a cell's padding
// apart (less than half an em), and wrapped over lines set above and below the row's line (the
// cells set in the middle of their height). The reason's lines stand on no row's line, so the
// block's columns were cut at its gutters only, and score and reason made one column: the cell's
// text 个别审批环19节仍需压缩, the score a count of 节. Words that start past a figure set right
// are the next cell's (text-columns.ts columnsOfSorted).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

interface Style {
  size: number;
  pad: number;
  /** the reason's lines, set above and below the row's line */
  reason: string[];
  rules: boolean;
}

const BORDERS = [50, 110, 180, 260, 330, 395, 440, 485, 545];
const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'];
const ROWS = [
  ['产出指标', '数量指标', '登记户数', '≥12000户', '13967户', '20', '20'],
  ['产出指标', '质量指标', '抽检合格率', '≥97%', '98.2%', '20', '20'],
  ['效益指标', '社会效益指标', '营商环境', '持续优化', '持续优化', '30', '27'],
  ['满意度指标', '满意度指标', '主体满意度', '≥90%', '92.4%', '30', '30'],
];
/** The row whose reason is written, its lines around the row's line. */
const AT = 2;

function page({ size, pad, reason, rules }: Style): { runs: TextRun[]; rules: Rule[] } {
  const left = (text: string, c: number, y: number): TextRun => ({ text, x: BORDERS[c]! + pad, y, size });
  const right = (text: string, c: number, y: number): TextRun => ({
    text,
    x: BORDERS[c + 1]! - pad - textWidth(text, size),
    y,
    size,
  });
  // Rows of one line a pitch apart; the row of the reason as tall as its lines, its cells in the middle.
  const pitch = size * 1.9;
  const extra = ((reason.length - 1) * size * 1.4) / 2;
  const top = 690;
  const y = (i: number) => top - (i + 1) * pitch - (i >= AT ? extra : 0) - (i > AT ? extra : 0);
  const runs: TextRun[] = [
    { text: '项目支出绩效自评表', x: 230, y: 760, size: 14 },
    ...HEADER.map((t, c) => left(t, c, top)),
    ...ROWS.flatMap((r, i) => r.map((t, c) => (c < 3 ? left(t, c, y(i)) : right(t, c, y(i))))),
    ...reason.map((t, k) => left(t, 7, y(AT) + ((reason.length - 1) / 2 - k) * size * 1.4)),
  ];
  const rule = (yy: number): Rule => ({ x0: BORDERS[0]!, y0: yy, x1: BORDERS.at(-1)!, y1: yy });
  return {
    runs,
    rules: rules ? [rule(top + size * 1.5), rule(top - size * 0.8), rule(y(ROWS.length - 1) - pitch / 2)] : [],
  };
}

async function read(style: Style): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(style)]));
}

const STYLES: [string, Style][] = [
  [
    'a sheet at 10.5 pt, the reason on two lines',
    { size: 10.5, pad: 2.2, reason: ['个别审批环', '节仍需压缩'], rules: false },
  ],
  [
    'a 三线表 at 9 pt, the reason on two lines',
    { size: 9, pad: 1.5, reason: ['审批时限尚', '需进一步压缩'], rules: true },
  ],
  [
    'a sheet at 9 pt, the reason on four lines',
    { size: 9, pad: 2, reason: ['个别环节审', '批时限较长', '下一步将进', '一步压缩'], rules: false },
  ],
];

describe('a score set right beside a reason set left and wrapped around its line', () => {
  test.each(STYLES)('%s: the score is a score, the reason a column of its own', async (_, style) => {
    const r = await read(style);
    const table = r.tables[0]!;
    expect(table.rows[0]).toEqual(HEADER);
    const row = table.rows.findIndex((cells) => cells[2] === '营商环境');
    expect(table.rows[row]!.slice(5)).toEqual(['30', '27', style.reason.join('')]);
    const scores = r.facts.filter((f) => f.cell?.row === row && f.cell.col >= 5).map((f) => [f.value, f.unit, f.kind]);
    expect(scores).toEqual([
      [30, '分', 'score'],
      [27, '分', 'score'],
    ]);
  });
});

// The same with two figures: a target wrapped in a narrow cell (≥12000 人 over 次, set right) beside
// the actual on the line between its two (12860 人次, set right in the next cell, a padding apart).
// One column held both: the cell's text ≥12000 人12860 人次次, and the target a count of 人.
describe('a target wrapped around the line of the actual beside it', () => {
  test.each([
    ['at 10.5 pt', 10.5, 1.1],
    ['at 9 pt', 9, 1.5],
    ['at 9 pt, padding wider', 9, 2.2],
  ])('%s: target and actual two columns, each with its unit', async (_, size, pad) => {
    // The actual's cell as narrow as its widest figure: it starts a padding past the target's cell.
    const actual = 190 + textWidth('12860 人次', size) + 2 * pad;
    const borders = [50, 110, 190, actual, actual + 40, actual + 80, actual + 120];
    const left = (text: string, c: number, y: number): TextRun => ({ text, x: borders[c]! + pad, y, size });
    const right = (text: string, c: number, y: number): TextRun => ({
      text,
      x: borders[c + 1]! - pad - textWidth(text, size),
      y,
      size,
    });
    const lead = size * 1.45;
    const y = (i: number) => 680 - i * 3 * lead;
    const rows: [string, [string, string], string, string, string][] = [
      ['服务人次', ['≥12000 人', '次'], '12860 人次', '15', '15'],
      ['新建站点', ['≥8 个', ''], '8 个', '10', '10'],
      ['达标率', ['≥95%', ''], '97.5%', '10', '9'],
    ];
    const runs: TextRun[] = [
      { text: '项目支出绩效自评表', x: 150, y: 760, size: 14 },
      ...['三级指标', '年度指标值', '实际完成值', '分值', '得分'].map((t, c) => left(t, c, 720)),
      ...rows.flatMap(([name, [t1, t2], actual, weight, score], i) => [
        left(name, 0, y(i)),
        ...(t2 ? [right(t1, 1, y(i) + lead / 2), right(t2, 1, y(i) - lead / 2)] : [right(t1, 1, y(i))]),
        right(actual, 2, y(i)),
        right(weight, 3, y(i)),
        right(score, 4, y(i)),
      ]),
    ];
    const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
    const first = r.facts.filter((f) => f.cell?.row === 1).map((f) => [f.value, f.unit, f.comparator ?? null]);
    expect(first).toEqual([
      [12000, '人次', '>='],
      [12860, '人次', null],
      [15, '分', null],
      [15, '分', null],
    ]);
  });
});
