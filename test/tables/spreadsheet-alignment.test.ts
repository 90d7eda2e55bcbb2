// A borderless table as a spreadsheet sets it (text left, numbers right,
// borders off or only the three rules of a 三线表): each header is at the
// left of its column and so lies nearer the numbers of the column on its
// left. Read by nearness alone, 全年执行数 and 执行率 fell into one column:
// the amounts were labelled 全年执行数执行率 and taken for percentages, and
// percent-out-of-range raised three false errors.
import { expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
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
