// A borderless 自评表 (a spreadsheet exported, borders off, or a 三线表) whose funds block has a
// header of two rows under its cover lines: 预算执行情况（万元） merged over 年初预算数 | 全年预算数 |
// 全年执行数, centred and narrower than the three, 分值 | 执行率 | 得分 beside them, and no 单位 line.
// The merged cell's text lay over one column's middle only, so it was taken for no header: the
// header stopped under it, the cover lines were lost with it, and the amounts had no unit (no facts).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { readMade, textTable } from './support.ts';

const LEFTS = [60, 160, 240, 320, 400, 450, 500];
const RIGHTS = [150, 230, 310, 390, 440, 490, 540];
const SIZE = 9;
const PITCH = 20;

const COVER = [
  ['项目名称', null, '社区养老服务补助资金'],
  ['主管部门', null, '某市民政局', null, '实施单位', null, '某市养老服务中心'],
];

/** A cell's text centred over columns from..to. */
function centred(text: string, from: number, to: number, y: number): TextRun {
  return { text, x: (LEFTS[from]! + RIGHTS[to]!) / 2 - textWidth(text, SIZE) / 2, y, size: SIZE };
}

async function read(opts: { spanning: TextRun[]; head: string[]; body: string[][]; rules?: Rule[]; centre?: boolean }) {
  const top = 700;
  const headY = top - 3 * PITCH;
  const head = opts.centre
    ? opts.head.flatMap((t, c) => (t ? [centred(t, c, c, headY)] : []))
    : textTable([opts.head], { lefts: LEFTS, rights: RIGHTS, top: headY, pitch: PITCH, size: SIZE });
  const runs: TextRun[] = [
    { text: '项目支出绩效自评表', x: 230, y: 760, size: 14 },
    ...textTable(COVER, { lefts: LEFTS, rights: RIGHTS, top, pitch: PITCH, size: SIZE }),
    ...opts.spanning,
    ...head,
    ...textTable(opts.body, { lefts: LEFTS, rights: RIGHTS, top: headY - PITCH, pitch: PITCH, size: SIZE }),
  ];
  const pages = await readMade([{ runs, rules: opts.rules ?? [] }]);
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, pages);
}

// The label names the merged cell too, without its unit note (the unit is the fact's).
const cells = (r: Report) => r.facts.filter((f) => f.paragraphId === null).map((f) => [f.label, f.value, f.unit]);

const SELF_EVAL = {
  head: ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  body: [
    ['年度资金总额', '520.00', '560.00', '532.00', '10', '95.00%', '9.5'],
    ['其中：财政拨款', '500.00', '540.00', '515.00', '', '95.37%', ''],
    ['其他资金', '20.00', '20.00', '17.00', '', '85.00%', ''],
  ],
};

const SELF_EVAL_FACTS = [
  ['年度资金总额·预算执行情况·年初预算数', 520, '万元'],
  ['年度资金总额·预算执行情况·全年预算数', 560, '万元'],
  ['年度资金总额·预算执行情况·全年执行数', 532, '万元'],
  ['年度资金总额·分值', 10, '分'],
  ['年度资金总额·执行率', 95, '%'],
  ['年度资金总额·得分', 9.5, '分'],
  ['财政拨款·预算执行情况·年初预算数', 500, '万元'],
  ['财政拨款·预算执行情况·全年预算数', 540, '万元'],
  ['财政拨款·预算执行情况·全年执行数', 515, '万元'],
  ['财政拨款·执行率', 95.37, '%'],
  ['其他资金·预算执行情况·年初预算数', 20, '万元'],
  ['其他资金·预算执行情况·全年预算数', 20, '万元'],
  ['其他资金·预算执行情况·全年执行数', 17, '万元'],
  ['其他资金·执行率', 85, '%'],
];

const rule = (y: number): Rule => ({ x0: 55, y0: y, x1: 545, y1: y });

test.each([
  ['sub-headers set left (a spreadsheet, borders off)', false, []],
  ['sub-headers centred', true, []],
  ['under the three rules of a 三线表', true, [rule(712), rule(633), rule(567)]],
] as [string, boolean, Rule[]][])('预算执行情况（万元） over three of six columns, %s', async (_, centre, rules) => {
  const spanning = [centred('预算执行情况（万元）', 1, 3, 700 - 2 * PITCH)];
  const r = await read({ spanning, ...SELF_EVAL, centre, rules });
  expect(cells(r)).toEqual(SELF_EVAL_FACTS);
  const t = r.tables[0]!;
  expect(t.rowRoles.slice(0, 4)).toEqual(['cover', 'cover', 'header', 'header']);
  expect(t.project).toBe('社区养老服务补助资金');
  expect(t.columns.map((c) => c.path)).toEqual([
    [],
    ['预算执行情况（万元）', '年初预算数'],
    ['预算执行情况（万元）', '全年预算数'],
    ['预算执行情况（万元）', '全年执行数'],
    ['分值'],
    ['执行率'],
    ['得分'],
  ]);
  expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
});

test('资金安排（万元） over two of three columns: 占比 beside it is not under it', async () => {
  const spanning = [centred('资金安排（万元）', 1, 2, 700 - 2 * PITCH)];
  const r = await read({
    spanning,
    centre: true,
    head: ['', '实施期资金总额', '年度资金总额', '占比'],
    body: [
      ['资金总额', '360.00', '120.00', '100%'],
      ['其中：财政拨款', '330.00', '110.00', '91.67%'],
      ['其他资金', '30.00', '10.00', '8.33%'],
    ],
  });
  const t = r.tables[0]!;
  expect(t.columns.map((c) => c.path)).toEqual([
    [],
    ['资金安排（万元）', '实施期资金总额'],
    ['资金安排（万元）', '年度资金总额'],
    ['占比'],
  ]);
  expect(cells(r)).toEqual([
    ['资金总额·资金安排·实施期资金总额', 360, '万元'],
    ['资金总额·资金安排·年度资金总额', 120, '万元'],
    ['资金总额·占比', 100, '%'],
    ['财政拨款·资金安排·实施期资金总额', 330, '万元'],
    ['财政拨款·资金安排·年度资金总额', 110, '万元'],
    ['财政拨款·占比', 91.67, '%'],
    ['其他资金·资金安排·实施期资金总额', 30, '万元'],
    ['其他资金·资金安排·年度资金总额', 10, '万元'],
    ['其他资金·占比', 8.33, '%'],
  ]);
});

// LibreOffice draws two header cells set left in narrow columns as one run, a word space between
// them (全年预算数 全年执行数): one chunk over two columns' middles, read as one cell spanning both.
test('two header words in one run, a word space apart, name a column each', async () => {
  const lefts = [60, 160, 200, 250, 300, 350];
  const rights = [150, 195, 245, 295, 345, 400];
  const top = 700;
  const runs: TextRun[] = [
    { text: '部门整体支出绩效自评表', x: 230, y: 760, size: 14 },
    ...textTable([['部门（单位）名称', null, '某市市场监督管理局']], { lefts, rights, top, pitch: PITCH, size: SIZE }),
    { text: '年初预算数', x: 150, y: top - PITCH, size: SIZE },
    { text: '全年预算数 全年执行数', x: 200, y: top - PITCH, size: SIZE },
    { text: '执行率', x: 300, y: top - PITCH, size: SIZE },
    ...textTable(
      [
        ['年度资金总额', '4680.50', '5120.30', '4998.20', '97.62%'],
        ['其中：基本支出', '3860.20', '4010.30', '4002.10', '99.80%'],
        ['项目支出', '820.30', '1110.00', '996.10', '89.74%'],
      ],
      { lefts, rights, top: top - 2 * PITCH, pitch: PITCH, size: SIZE },
    ),
    { text: '单位：万元', x: 350, y: 730, size: SIZE },
  ];
  const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
  expect(r.tables[0]!.columns.map((c) => c.path)).toEqual([
    [],
    ['年初预算数'],
    ['全年预算数'],
    ['全年执行数'],
    ['执行率'],
  ]);
  expect(cells(r).slice(0, 4)).toEqual([
    ['年度资金总额·年初预算数', 4680.5, '万元'],
    ['年度资金总额·全年预算数', 5120.3, '万元'],
    ['年度资金总额·全年执行数', 4998.2, '万元'],
    ['年度资金总额·执行率', 97.62, '%'],
  ]);
});

// A cover line's last value wrapped in its narrow cell (某区食品安全检测中 | 心), the line's other cells
// centred between its two lines: 心 lies left in its cell, nearer the column of 实施单位 than its own,
// and 实施单位心 was read as one cell — no cover line, the names above lost, a column named 某区….
test('a cover value wrapped in a narrow cell stays a cover value', async () => {
  const lefts = [60, 160, 260, 360];
  const rights = [150, 250, 350, 450];
  const top = 700;
  const runs: TextRun[] = [
    { text: '项目支出绩效目标表', x: 230, y: 760, size: 14 },
    ...textTable([['项目名称', '智慧食安监管平台运维']], { lefts, rights, top, pitch: PITCH, size: SIZE }),
    { text: '某区食品安全检测中', x: 360, y: top - PITCH + 6, size: SIZE },
    ...textTable([['主管部门', '某区市场监督管理局', '实施单位', '心']], {
      lefts,
      rights,
      top: top - PITCH - 5,
      pitch: PITCH,
      size: SIZE,
    }),
    ...textTable(
      [
        [null, '实施期资金总额', '年度资金总额', '占比'],
        ['资金总额', '360.00', '120.00', '100%'],
        ['其中：财政拨款', '330.00', '110.00', '91.67%'],
        ['其他资金', '30.00', '10.00', '8.33%'],
      ],
      { lefts, rights, top: top - 2 * PITCH - 5, pitch: PITCH, size: SIZE },
    ),
    { text: '单位：万元', x: 400, y: 730, size: SIZE },
  ];
  const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
  const t = r.tables[0]!;
  expect(t.rows.slice(0, 2)).toEqual([
    ['项目名称', '智慧食安监管平台运维', '', ''],
    ['主管部门', '某区市场监督管理局', '实施单位', '某区食品安全检测中心'],
  ]);
  expect(t.rowRoles.slice(0, 3)).toEqual(['cover', 'cover', 'header']);
  expect(t.columns.map((c) => c.path)).toEqual([[], ['实施期资金总额'], ['年度资金总额'], ['占比']]);
  expect(cells(r).slice(0, 3)).toEqual([
    ['资金总额·实施期资金总额', 360, '万元'],
    ['资金总额·年度资金总额', 120, '万元'],
    ['资金总额·占比', 100, '%'],
  ]);
});

// A cell merged over two header rows and three columns, its text set in its middle, narrow (预算数 over
// 总额 | 财政拨款 | 其他资金, beside 任务名称 | 主要内容 merged down the two rows): LibreOffice sets it
// nearly two ems above the header's line and over no column's middle but one. It was taken for no
// header, the header stopped under it and the cover line above was lost — and with it the cover line
// repeated atop the next page no longer told the part there to carry on the table.
describe('预算数 centred over three of five columns, two ems above their header', () => {
  const lefts = [60, 160, 260, 340, 420];
  const rights = [150, 250, 330, 410, 490];
  const under = (subtitle: TextRun | null): TextRun[] => [
    { text: '部门整体支出绩效目标申报表', x: 200, y: 760, size: 14 },
    ...(subtitle
      ? [subtitle]
      : textTable([['部门（单位）名称', '某市卫生健康委员会']], { lefts, rights, top: 720, pitch: PITCH, size: SIZE })),
    ...textTable(
      [
        ['任务名称', '主要内容', '总额', '财政拨款', '其他资金'],
        ['城乡居民医保补助', '做好医保补助工作', '1544.48', '1390.03', '154.45'],
        ['基本公共卫生服务', '做好公共卫生工作', '443.31', '398.98', '44.33'],
        ['重大疾病防控', '做好疾病防控工作', '403.30', '362.97', '40.33'],
      ],
      { lefts, rights, top: 683, pitch: PITCH, size: SIZE },
    ),
    { text: '单位：万元', x: 430, y: 740, size: SIZE },
  ];

  test('is the header row over them, and the cover line above stays the table’s', async () => {
    const spanning = centred('预算数', 0, 0, 700);
    spanning.x = (260 + 490) / 2 - textWidth('预算数', SIZE) / 2;
    const r = assembleReport(
      { path: 'made.pdf', bytes: new Uint8Array(1) },
      await readMade([{ runs: [...under(null), spanning] }]),
    );
    const t = r.tables[0]!;
    expect(t.rowRoles.slice(0, 3)).toEqual(['cover', 'header', 'header']);
    expect(t.rows.slice(0, 3)).toEqual([
      ['部门（单位）名称', '某市卫生健康委员会', '', '', ''],
      ['', '', '预算数', '预算数', '预算数'],
      ['任务名称', '主要内容', '总额', '财政拨款', '其他资金'],
    ]);
  });

  test('but a line centred over the whole header is the page’s (a subtitle), not a header row', async () => {
    const subtitle = {
      text: '（2026年度）',
      x: (60 + 490) / 2 - textWidth('（2026年度）', SIZE) / 2,
      y: 700,
      size: SIZE,
    };
    const r = assembleReport(
      { path: 'made.pdf', bytes: new Uint8Array(1) },
      await readMade([{ runs: under(subtitle) }]),
    );
    const t = r.tables[0]!;
    expect(t.rows[0]).toEqual(['任务名称', '主要内容', '总额', '财政拨款', '其他资金']);
  });
});
