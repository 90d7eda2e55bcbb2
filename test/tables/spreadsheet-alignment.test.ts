// A borderless table as a spreadsheet sets it (text left, numbers right,
// borders off or only the three rules of a 三线表): each header is at the
// left of its column and so lies nearer the numbers of the column on its
// left. Read by nearness alone, 全年执行数 and 执行率 fell into one column:
// the amounts were labelled 全年执行数执行率 and taken for percentages, and
// percent-out-of-range raised three false errors.
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { textWidth } from '../support/compose.ts';
import { readMade, textTable } from './support.ts';

const LEFTS = [60, 200, 290, 380, 470];
const RIGHTS = [190, 280, 370, 460, 540];
const BODY = [
  ['年度资金总额', '1200.00', '1350.50', '1302.10', '96.42%'],
  ['其中：财政拨款', '1000.00', '1100.00', '1080.00', '98.18%'],
  ['其他资金', '200.00', '250.50', '222.10', '88.66%'],
];
const TITLE: TextRun[] = [
  { text: '2023年度某某局部门整体支出绩效自评报告', x: 120, y: 780, size: 16 },
  { text: '一、基本情况', x: 60, y: 740, size: 12 },
  { text: '表1 预算执行情况', x: 240, y: 710, size: 11 },
];

async function read(head: (string | null)[][], body: string[][], rules: Rule[] = []): Promise<Report> {
  const headTop = 680;
  const bodyTop = headTop - head.length * 13 - 10;
  const runs = [
    ...TITLE,
    { text: '单位：万元', x: 470, y: 696, size: 9 },
    ...textTable(head, { lefts: LEFTS, rights: RIGHTS, top: headTop, pitch: 13, size: 9 }),
    ...textTable(body, { lefts: LEFTS, rights: RIGHTS, top: bodyTop, pitch: 22, size: 9 }),
  ];
  const pages = await readMade([{ runs, rules }]);
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, pages);
}

const cells = (r: Report) =>
  r.facts.filter((f) => f.paragraphId === null).map((f) => [f.label, f.value, f.unit, f.concept]);

const EXPECTED = [
  ['年度资金总额·年初预算数', 1200, '万元', 'budget.total.initial'],
  ['年度资金总额·全年预算数', 1350.5, '万元', 'budget.total.adjusted'],
  ['年度资金总额·全年执行数', 1302.1, '万元', 'budget.total.actual'],
  ['年度资金总额·执行率', 96.42, '%', 'budget.executionRate'],
  ['财政拨款·年初预算数', 1000, '万元', null],
  ['财政拨款·全年预算数', 1100, '万元', null],
  ['财政拨款·全年执行数', 1080, '万元', null],
  ['财政拨款·执行率', 98.18, '%', null],
  ['其他资金·年初预算数', 200, '万元', null],
  ['其他资金·全年预算数', 250.5, '万元', null],
  ['其他资金·全年执行数', 222.1, '万元', null],
  ['其他资金·执行率', 88.66, '%', null],
];

test('headers set left over numbers set right: each header names its own column', async () => {
  const r = await read([['项目', '年初预算数', '全年预算数', '全年执行数', '执行率']], BODY);
  expect(cells(r)).toEqual(EXPECTED);
  expect(r.findings).toEqual([]);
});

test('the same under the three rules of a 三线表 (top, under the header, bottom)', async () => {
  const h = (y: number): Rule => ({ x0: 55, y0: y, x1: 545, y1: y });
  const r = await read([['项目', '年初预算数', '全年预算数', '全年执行数', '执行率']], BODY, [h(692), h(674), h(600)]);
  expect(cells(r)).toEqual(EXPECTED);
  expect(r.findings).toEqual([]);
});

test('a header over two lines, its unit under it, set left as well', async () => {
  const r = await read(
    [
      ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率'],
      [null, '（万元）', '（万元）', '（万元）', '（%）'],
    ],
    BODY.map((row) => row.map((c) => c.replace('%', ''))),
  );
  expect(cells(r)).toEqual(EXPECTED);
  expect(r.findings).toEqual([]);
});

test('centred headers are read as before', async () => {
  const head = ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率'];
  const runs = [
    ...TITLE,
    { text: '单位：万元', x: 470, y: 696, size: 9 },
    ...head.map((t, c) => ({ text: t, x: (LEFTS[c]! + RIGHTS[c]!) / 2 - (t.length * 9) / 2, y: 680, size: 9 })),
    ...textTable(BODY, { lefts: LEFTS, rights: RIGHTS, top: 658, pitch: 22, size: 9 }),
  ];
  const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
  expect(cells(r)).toEqual(EXPECTED);
});

test('a header cell spaced out over its column (项　　目) stays one cell, the others spread as above', async () => {
  const head: TextRun[] = [
    { text: '项', x: 100, y: 680, size: 9 },
    { text: '目', x: 136, y: 680, size: 9 },
    ...textTable([[null, '年初预算数', '全年预算数', '全年执行数', '执行率']], {
      lefts: LEFTS,
      rights: RIGHTS,
      top: 680,
      pitch: 13,
      size: 9,
    }),
  ];
  const runs = [
    ...TITLE,
    { text: '单位：万元', x: 470, y: 696, size: 9 },
    ...head,
    ...textTable(BODY, { lefts: LEFTS, rights: RIGHTS, top: 658, pitch: 22, size: 9 }),
  ];
  const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
  expect(r.tables[0]!.rows[0]).toEqual(['项目', '年初预算数', '全年预算数', '全年执行数', '执行率']);
  expect(cells(r)).toEqual(EXPECTED);
});

test.each([
  ['set left', 200],
  ['centred over its three columns', 285],
])(
  'a header over sub-headers (预算执行情况（万元） over 年初预算数 | 全年预算数 | 全年执行数), %s and narrower than them, spans all three',
  async (_, x) => {
    const runs = [
      ...TITLE,
      { text: '项目', x: 60, y: 690, size: 9 },
      { text: '预算执行情况（万元）', x, y: 690, size: 9 },
      { text: '执行率', x: 470, y: 690, size: 9 },
      ...textTable([[null, '年初预算数', '全年预算数', '全年执行数', null]], {
        lefts: LEFTS,
        rights: RIGHTS,
        top: 677,
        pitch: 13,
        size: 9,
      }),
      ...textTable(BODY, { lefts: LEFTS, rights: RIGHTS, top: 655, pitch: 22, size: 9 }),
    ];
    const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
    expect(r.tables[0]!.rows[0]).toEqual(['项目', ...Array(3).fill('预算执行情况（万元）'), '执行率']);
    expect(cells(r)).toEqual(
      EXPECTED.map(([label, ...rest]) => [(label as string).replace(/·(?=[年全])/, '·预算执行情况·'), ...rest]),
    );
  },
);

describe('a table of two blocks set as a spreadsheet sets it (a 绩效目标表 without borders)', () => {
  // One grid of five columns: the funds block's amounts set right, the indicator block's names set
  // left in the same cells (三级指标 over 运维成本 in the cell of 实施期资金总额 | 360.00). Each block
  // alone has its gutters at the cells' borders; laid on one grid of chunks, the names and the
  // amounts stood apart as two columns, and the funds block's amounts lost their column names.
  const lefts = [60, 130, 230, 340, 450];
  const rights = [120, 220, 330, 440, 540];
  const left = (text: string, c: number, y: number): TextRun => ({ text, x: lefts[c]!, y, size: 9 });
  const right = (text: string, c: number, y: number): TextRun => ({
    text,
    x: rights[c]! - textWidth(text, 9),
    y,
    size: 9,
  });
  const row = (cells: string[], y: number, at: (c: number) => 'l' | 'r') =>
    cells.flatMap((t, c) => (t === '' ? [] : [at(c) === 'l' ? left(t, c, y) : right(t, c, y)]));
  const text = () => 'l' as const;
  const figures = (c: number) => (c >= 2 ? 'r' : 'l');
  const runs: TextRun[] = [
    { text: '项目支出绩效目标表', x: 240, y: 760, size: 12 },
    { text: '单位：万元', x: 480, y: 740, size: 9 },
    ...row(['项目资金', '', '实施期资金总额', '年度资金总额', '占比'], 720, text),
    ...row(['', '资金总额', '360.00', '120.00', '100%'], 704, figures),
    ...row(['', '其中：财政拨款', '330.00', '110.00', '91.67%'], 688, figures),
    ...row(['', '其他资金', '30.00', '10.00', '8.33%'], 672, figures),
    ...row(['一级指标', '二级指标', '三级指标', '实施周期指标值', '年度指标值'], 656, text),
    ...row(['产出指标', '数量指标', '监管对象覆盖数', '≥3000家', '≥1000家'], 640, figures),
    ...row(['产出指标', '时效指标', '故障响应时间', '≤2小时', '≤2小时'], 624, figures),
    ...row(['成本指标', '经济成本指标', '运维成本', '≤360万元', '≤120万元'], 608, figures),
    ...row(['效益指标', '社会效益指标', '食品安全风险发现能力', '逐步提高', '有所提高'], 592, figures),
    ...row(['满意度指标', '满意度指标', '群众满意度', '≥90%', '≥90%'], 576, figures),
  ];

  test('each block’s cells take the names of its own header, on one grid of five columns', async () => {
    const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.rows.every((row) => row.length === 5)).toBe(true);
    const facts = r.facts
      .filter((f) => f.paragraphId === null)
      .map((f) => [f.label, f.value, f.unit, f.comparator ?? null]);
    expect(facts.slice(0, 3)).toEqual([
      ['资金总额·实施期资金总额', 360, '万元', null],
      ['资金总额·年度资金总额', 120, '万元', null],
      ['资金总额·占比', 100, '%', null],
    ]);
    expect(facts.filter((f) => (f[0] as string).includes('运维成本'))).toEqual([
      ['成本指标·经济成本指标·运维成本·实施周期指标值', 360, '万元', '<='],
      ['成本指标·经济成本指标·运维成本·年度指标值', 120, '万元', '<='],
    ]);
    expect(facts).toHaveLength(9 + 8);
  });
});

describe('cells wrapped over lines in narrow columns, set at the foot of their rows (as LibreOffice sets them)', () => {
  // A row group merged down the funds rows and centred on them wraps onto two lines that stand
  // between the rows' lines (项目资金（万 | 元）); a target wraps in its narrow column (≥12000 人 | 次),
  // the row's other cells on the lower line. Rows are 20 pt apart, a cell's lines 15 pt.
  const lefts = [60, 130, 230, 320, 410];
  const rights = [120, 220, 310, 400, 470];
  const at = (text: string, c: number, y: number, side: 'l' | 'r' = 'l'): TextRun => ({
    text,
    x: side === 'l' ? lefts[c]! : rights[c]! - textWidth(text, 9),
    y,
    size: 9,
  });
  const runs: TextRun[] = [
    { text: '项目支出绩效自评表', x: 240, y: 760, size: 12 },
    at('年初预算数', 2, 700),
    at('全年执行数', 3, 700),
    at('执行率', 4, 700),
    ...[at('年度资金总额', 1, 680), at('520.00', 2, 680, 'r'), at('532.00', 3, 680, 'r'), at('95.00%', 4, 680, 'r')],
    at('其中：当年财', 1, 660),
    ...[at('政拨款', 1, 645), at('500.00', 2, 645, 'r'), at('515.00', 3, 645, 'r'), at('95.37%', 4, 645, 'r')],
    ...[at('上年结转资金', 1, 625), at('20.00', 2, 625, 'r'), at('17.00', 3, 625, 'r'), at('85.00%', 4, 625, 'r')],
    at('项目资金（万', 0, 620),
    ...[at('元）', 0, 605), at('其他资金', 1, 605), at('0.00', 2, 605, 'r'), at('0.00', 3, 605, 'r')],
    ...['一级指标', '三级指标', '年度指标值', '实际完成值', '得分'].map((t, c) => at(t, c, 590)),
    ...[at('服务老年人人', 1, 570), at('≥12000 人', 2, 570, 'r')],
    ...[at('次', 1, 555), at('次', 2, 555, 'r'), at('12860 人次', 3, 555, 'r'), at('15', 4, 555, 'r')],
    ...[at('产出指标', 0, 535), at('新建站点', 1, 535), at('≥8 个', 2, 535, 'r'), at('8 个', 3, 535, 'r')],
    at('10', 4, 535, 'r'),
  ];

  test('a wrapped group is one cell naming every row of its block; a wrapped target is one cell of its row', async () => {
    const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
    const facts = r.facts
      .filter((f) => f.paragraphId === null)
      .map((f) => [f.label, f.value, f.unit, f.comparator ?? null]);
    const funds = (name: string, values: number[]) =>
      ['年初预算数', '全年执行数', '执行率']
        .slice(0, values.length)
        .map((col, i) => [`项目资金·${name}·${col}`, values[i], col === '执行率' ? '%' : '万元', null]);
    expect(facts).toEqual([
      ...funds('年度资金总额', [520, 532, 95]),
      ...funds('当年财政拨款', [500, 515, 95.37]),
      ...funds('上年结转资金', [20, 17, 85]),
      ...funds('其他资金', [0, 0]),
      ['产出指标·服务老年人人次·年度指标值', 12000, '人次', '>='],
      ['产出指标·服务老年人人次·实际完成值', 12860, '人次', null],
      ['产出指标·服务老年人人次·得分', 15, '分', null],
      ['产出指标·新建站点·年度指标值', 8, '个', '>='],
      ['产出指标·新建站点·实际完成值', 8, '个', null],
      ['产出指标·新建站点·得分', 10, '分', null],
    ]);
  });
});
