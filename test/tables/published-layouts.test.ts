// Tables laid out as published reports lay them out, each class a made page:
// a 决算 table over two pages with its header repeated (and a spacer row), a
// caption and unit line left at the foot of the page before the table, a
// self-evaluation table whose 总分 row is carried over alone, and the
// project table's funds rows under a row-group label with targets in bounds.
import { expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import type { PageSpec, Rule, TextRun } from '../support/make-pdf.ts';
import { readMade, ruledTable, type Cell } from './support.ts';

const report = async (pages: PageSpec[]): Promise<Report> =>
  assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade(pages));
/** One page: the lines above the table (title, unit line), then the table. */
const tablePage = (t: { runs: TextRun[]; rules: Rule[] }, ...above: TextRun[]): Promise<Report> =>
  report([{ runs: [...above, ...t.runs], rules: t.rules }]);
const GOAL_TABLE: TextRun[] = [
  { text: '项目支出绩效目标表', x: 220, y: 760, size: 14 },
  { text: '单位：万元', x: 480, y: 720, size: 9 },
];
const cells = (r: Report) =>
  r.facts.filter((f) => f.paragraphId === null).map((f) => [f.page, f.label, f.value, f.unit, f.concept]);

const XS7 = [40, 100, 200, 270, 340, 410, 480, 550];
const HEADER: Cell[][] = [
  ['科目编码', '科目名称', '支出决算', 'left', 'left', 'left', 'left'],
  ['up', 'up', '本年支出合计', '基本支出', 'left', 'left', '项目支出'],
  ['up', 'up', 'up', '小计', '人员经费', '公用经费', 'up'],
];

test("a 决算 table over two pages: the header repeated on the second is read once, the unit line of the first applies, the 合计 row gives the unit's totals", async () => {
  const first = ruledTable(
    [
      ...HEADER,
      ['合计', 'left', '1386.35', '74.64', '74.64', '0.00', '1311.71'],
      ['212', '城乡社区支出', '184.35', '', '', '', '184.35'],
    ],
    {
      xs: XS7,
      top: 600,
      rowHeight: 20,
      size: 8,
    },
  );
  // The second part repeats the header, with an empty spacer row under it.
  const second = ruledTable(
    [...HEADER, ['', '', '', '', '', '', ''], ['221', '住房保障支出', '221.18', '', '', '', '221.18']],
    { xs: XS7, top: 760, rowHeight: 20, size: 8 },
  );
  const runs: TextRun[] = [
    { text: '2021年度江山市某某局部门决算', x: 150, y: 760, size: 16 },
    { text: '支出决算表', x: 250, y: 660, size: 12 },
    { text: '单位：万元', x: 40, y: 630, size: 9 },
  ];
  const r = await report([
    { runs: [...runs, ...first.runs], rules: first.rules },
    { runs: second.runs, rules: second.rules },
  ]);
  expect(r.document.reportType).toBe('决算');
  expect(cells(r)).toEqual([
    [1, '合计·支出决算·本年支出合计', 1386.35, '万元', 'budget.total.actual'],
    [1, '合计·支出决算·基本支出·小计', 74.64, '万元', 'budget.basic.actual'],
    [1, '合计·支出决算·基本支出·人员经费', 74.64, '万元', 'budget.basic.personnel'],
    [1, '合计·支出决算·基本支出·公用经费', 0, '万元', 'budget.basic.public'],
    [1, '合计·支出决算·项目支出', 1311.71, '万元', 'budget.project.actual'],
    [1, '城乡社区支出·支出决算·本年支出合计', 184.35, '万元', null],
    [1, '城乡社区支出·支出决算·项目支出', 184.35, '万元', null],
    [2, '住房保障支出·支出决算·本年支出合计', 221.18, '万元', null],
    [2, '住房保障支出·支出决算·项目支出', 221.18, '万元', null],
  ]);
});

test('a table at the top of a page takes the caption and unit line left at the foot of the page before', async () => {
  const t = ruledTable([...HEADER, ['合计', 'left', '1148.74', '324.20', '290.54', '33.66', '824.54']], {
    xs: XS7,
    top: 760,
    rowHeight: 20,
    size: 8,
  });
  const r = await report([
    {
      runs: [
        { text: '2023年度某某镇人民政府部门决算', x: 150, y: 760, size: 16 },
        { text: '二、支出决算表', x: 72, y: 200, size: 12 },
        { text: '支出决算表', x: 250, y: 170, size: 12 },
        { text: '单位：万元', x: 40, y: 140, size: 9 },
        { text: '— 4 —', x: 280, y: 50, size: 9 },
      ],
    },
    { runs: t.runs, rules: t.rules },
  ]);
  expect(r.tables[0]!.title).toBe('支出决算表');
  expect(cells(r).map((c) => [c[2], c[3], c[4]])).toEqual([
    [1148.74, '万元', 'budget.total.actual'],
    [324.2, '万元', 'budget.basic.actual'],
    [290.54, '万元', 'budget.basic.personnel'],
    [33.66, '万元', 'budget.basic.public'],
    [824.54, '万元', 'budget.project.actual'],
  ]);
});

const XS9 = [40, 90, 150, 230, 300, 370, 420, 470, 520, 560];
function projectTable(): Cell[][] {
  return [
    ['项目名称', 'left', '职业技能提升行动专项资金', 'left', 'left', 'left', 'left', 'left', 'left'],
    ['项目资金（万元）', 'left', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['up', 'left', '年度资金总额', '1350.91', '1350.91', '1340.00', '10', '99.19%', '9.9'],
    ['up', 'left', '其中：当年财政拨款', '1300.91', '1300.91', '1290.00', '—', '—', '—'],
    ['up', 'left', '上年结转资金', '50.00', '50.00', '50.00', '—', '—', '—'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因', 'left'],
    ['产出指标', '数量指标', '培训人次', '≥11100人次', '12331人次', '40', '40', '', 'left'],
    ['up', '质量指标', '培训合格率', '不低于95%', '98.9', '20', '20', '', 'left'],
    ['up', '成本指标', '项目总成本', '≤1350.91万元', '1340.00万元', '20', '20', '', 'left'],
    ['满意度指标', '满意度', '参训人员满意度', '90%以上', '87.5%', '10', '9.6', '未达到目标', 'left'],
  ];
}

test("a project's self-evaluation table: funds rows under their row-group label are project.*, targets carry their bound, an actual without a unit takes its target's, the 总分 row carried over alone is scored", async () => {
  const t = ruledTable(projectTable(), { xs: XS9, top: 700, rowHeight: 24, size: 7 });
  const total = ruledTable([['总分', 'left', 'left', 'left', 'left', '100', '99.5', '', 'left']], {
    xs: XS9,
    top: 760,
    rowHeight: 24,
    size: 7,
  });
  const r = await report([
    {
      runs: [
        { text: '2020年度职业技能提升行动专项资金绩效自评报告', x: 100, y: 760, size: 14 },
        { text: '项目支出绩效自评表', x: 230, y: 720, size: 12 },
        ...t.runs,
      ],
      rules: t.rules,
    },
    { runs: total.runs, rules: total.rules },
  ]);
  expect(r.document.reportType).toBe('项目支出');
  const concepts = Object.fromEntries(r.facts.filter((f) => f.concept).map((f) => [f.concept, f.value]));
  expect(concepts).toEqual({
    'project.total.initial': 1350.91,
    'project.total.adjusted': 1350.91,
    'project.total.actual': 1340,
    'project.executionRate': 99.19,
    'project.fiscal.initial': 1300.91,
    'project.fiscal.adjusted': 1300.91,
    'project.fiscal.actual': 1290,
    'project.carryover.initial': 50,
    'project.carryover.adjusted': 50,
    'project.carryover.actual': 50,
    'evaluation.selfScore': 99.5,
  });
  // The cover line is no column name; the project stays in the quote.
  const budget = r.facts.find((f) => f.concept === 'project.total.initial')!;
  expect(budget.label).toBe('项目资金·年度资金总额·年初预算数');
  expect(budget.quote).toContain('职业技能提升行动专项资金');
  const indicators = r.facts
    .filter((f) => /指标值|实际完成值/.test(f.label))
    .map((f) => [f.label.split('·').slice(-2).join('·'), f.value, f.unit, f.comparator]);
  expect(indicators).toEqual([
    ['培训人次·年度指标值', 11100, '人次', '>='],
    ['培训人次·实际完成值', 12331, '人次', null],
    ['培训合格率·年度指标值', 95, '%', '>='],
    ['培训合格率·实际完成值', 98.9, '%', null],
    ['项目总成本·年度指标值', 1350.91, '万元', '<='],
    ['项目总成本·实际完成值', 1340, '万元', null],
    ['参训人员满意度·年度指标值', 90, '%', '>='],
    ['参训人员满意度·实际完成值', 87.5, '%', null],
  ]);
  const carried = r.facts.filter((f) => f.page === 2).map((f) => [f.label, f.value, f.unit]);
  expect(carried).toEqual([
    ['总分·分值', 100, '分'],
    ['总分·得分', 99.5, '分'],
  ]);
});

test("the same project table inside a department-wide report gives no concept: its figures are the project's, not the unit's", async () => {
  const t = ruledTable(projectTable(), { xs: XS9, top: 700, rowHeight: 24, size: 7 });
  const r = await report([
    { runs: [{ text: '2020年度某某局部门整体支出绩效自评报告', x: 100, y: 760, size: 14 }, ...t.runs], rules: t.rules },
  ]);
  expect(r.document.reportType).toBe('整体支出');
  expect(r.facts.filter((f) => f.concept)).toEqual([]);
});

test('prose in a cell (a 绩效目标 or a list of indicators) gives its own facts, labelled by the row, with their bounds and no concept', async () => {
  const t = ruledTable(
    [
      ['项目名称', '总计', '财政拨款', '绩效目标', '绩效指标'],
      ['合计', '1,391.47', '1,391.47', '', ''],
      ['穗智管运营服务项目', '1,391.47', '1,391.47', '数据量不低于10亿条', '保障次数；年度指标值:≥20场'],
    ],
    { xs: [40, 140, 200, 260, 400, 560], top: 700, rowHeight: 40, size: 6 },
  );
  const r = await tablePage(t, ...GOAL_TABLE);
  expect(r.facts.map((f) => [f.label, f.value, f.unit, f.comparator, f.concept])).toEqual([
    ['合计·总计', 1391.47, '万元', null, null],
    ['合计·财政拨款', 1391.47, '万元', null, null],
    ['穗智管运营服务项目·总计', 1391.47, '万元', null, null],
    ['穗智管运营服务项目·财政拨款', 1391.47, '万元', null, null],
    ['穗智管运营服务项目·数据量', 10, '亿条', '>=', null],
    ['穗智管运营服务项目·保障次数', 20, '场', '>=', null],
  ]);
});

test('a 绩效目标表 with its title and unit line inside the grid, the bound in one column and the unit in another: 1 册 is a count, never 1 万元', async () => {
  const t = ruledTable(
    [
      ['预算12表 项目支出绩效目标表', 'left', 'left', 'left', 'left', 'left', 'left', '金额单位：万元'],
      ['项目名称', '项目总额', '其中：', 'left', '三级指标', '绩效指标性质', '本年绩效指标值', '绩效度量单位'],
      ['up', 'up', '财政资金', '其他资金', 'up', 'up', 'up', 'up'],
      ['花园村庄建设', '95.00', '95.00', '', '制作典型案例图册', '＝', '1', '册'],
      ['up', 'up', 'up', 'up', '满意度', '≥', '90', '%'],
      ['up', 'up', 'up', 'up', '规范编制成本', '≤', '17.05', '万元'],
      ['up', 'up', 'up', 'up', '验收时间', '定性', '≤2026年12月', ''],
    ],
    { xs: [30, 110, 170, 220, 270, 380, 440, 500, 565], top: 700, rowHeight: 22, size: 7 },
  );
  const r = await report([
    { runs: [{ text: '2026年度某某局部门预算', x: 200, y: 760, size: 14 }, ...t.runs], rules: t.rules },
  ]);
  expect(r.facts.filter((f) => f.kind !== 'date').map((f) => [f.label, f.value, f.unit, f.comparator])).toEqual([
    ['花园村庄建设·项目总额', 95, '万元', null],
    ['花园村庄建设·财政资金', 95, '万元', null],
    ['制作典型案例图册·本年绩效指标值', 1, '册', '='],
    ['满意度·本年绩效指标值', 90, '%', '>='],
    ['规范编制成本·本年绩效指标值', 17.05, '万元', '<='],
  ]);
});

test('a 绩效目标表 with the unit in a column of its own and a 备注 column of figures: years are a duration, a note takes no unit', async () => {
  const t = ruledTable(
    [
      ['三级指标', '指标值', '评（扣）分标准', '度量单位', '指标值类型', '备注'],
      ['民警满意度', '90', '达到目标值得满分', '%', '≥', '10'],
      ['项目建设周期', '1', '按期完成得满分', '年', '≤', '20'],
      ['设备使用年限', '6年以上', '达到得满分', '', '定性', '5'],
      ['验收时间', '2025年12月', '按期验收得满分', '', '定性', '5'],
    ],
    { xs: [40, 140, 200, 330, 390, 450, 500], top: 700, rowHeight: 22, size: 7 },
  );
  const r = await report([{ runs: t.runs, rules: t.rules }]);
  expect(r.facts.filter((f) => f.kind !== 'date').map((f) => [f.label, f.value, f.unit, f.kind, f.comparator])).toEqual(
    [
      ['民警满意度·指标值', 90, '%', 'percent', '>='],
      ['项目建设周期·指标值', 1, '年', 'other', '<='],
      ['设备使用年限·指标值', 6, '年', 'other', '>='],
    ],
  );
});

test('a row cut by a page break is joined back: its words on the next page finish its names, the part there starts with its first real row', async () => {
  const xs = [40, 100, 170, 260, 330, 400, 460, 520];
  const first = ruledTable(
    [
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '培训人次', '≥100人次', '120人次', '90', '90'],
      ['满意度', '服务对象满', '服务对象', '≥90%', '97.4%', '10', '9'],
    ],
    { xs, top: 300, rowHeight: 24, size: 8 },
  );
  const second = ruledTable(
    [
      ['指标', '意度指标', '满意度', '', '', '', ''],
      ['总分', 'left', 'left', 'left', 'left', '100', '99'],
    ],
    { xs, top: 760, rowHeight: 24, size: 8 },
  );
  const r = await report([
    { runs: [{ text: '部门整体支出绩效自评表', x: 220, y: 340, size: 12 }, ...first.runs], rules: first.rules },
    { runs: second.runs, rules: second.rules },
  ]);
  expect(r.tables[0]!.rows[2]!.slice(0, 3)).toEqual(['满意度指标', '服务对象满意度指标', '服务对象满意度']);
  expect(r.facts.filter((f) => f.page === 2).map((f) => [f.label, f.value, f.unit, f.concept])).toEqual([
    ['总分·分值', 100, '分', null],
    ['总分·得分', 99, '分', 'evaluation.selfScore'],
  ]);
});

test('a target cut after its bound (不低于 | 90% on the next page) is joined back with its row, and the number read with its bound', async () => {
  const xs = [40, 100, 170, 260, 330, 400, 460, 520];
  const first = ruledTable(
    [
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '培训人次', '≥100人次', '120人次', '90', '90'],
      ['满意度', '服务对象满', '服务对象', '不低于', '97.4%', '10', '9'],
    ],
    { xs, top: 300, rowHeight: 24, size: 8 },
  );
  const second = ruledTable(
    [
      ['指标', '意度指标', '满意度', '90%', '', '', ''],
      ['总分', 'left', 'left', 'left', 'left', '100', '99'],
    ],
    { xs, top: 760, rowHeight: 24, size: 8 },
  );
  const r = await report([
    { runs: [{ text: '部门整体支出绩效自评表', x: 220, y: 340, size: 12 }, ...first.runs], rules: first.rules },
    { runs: second.runs, rules: second.rules },
  ]);
  expect(r.tables[0]!.rows[2]!.slice(0, 4)).toEqual([
    '满意度指标',
    '服务对象满意度指标',
    '服务对象满意度',
    '不低于90%',
  ]);
  expect(r.facts.filter((f) => f.cell?.row === 2).map((f) => [f.label, f.value, f.unit, f.comparator])).toEqual([
    ['满意度指标·服务对象满意度指标·服务对象满意度·年度指标值', 90, '%', '>='],
    ['满意度指标·服务对象满意度指标·服务对象满意度·实际完成值', 97.4, '%', null],
    ['满意度指标·服务对象满意度指标·服务对象满意度·分值', 10, '分', null],
    ['满意度指标·服务对象满意度指标·服务对象满意度·得分', 9, '分', null],
  ]);
});

test('a row cut by a page break under a repeated header: the header is read once, the cut words go back to their row', async () => {
  const head: Cell[][] = [['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '其他收入']];
  const xs = [40, 110, 260, 340, 420, 500];
  const first = ruledTable(
    [
      ...head,
      ['合计', 'left', '300.00', '200.00', '100.00'],
      ['208', '社会保障和就业支', '300.00', '200.00', '100.00'],
    ],
    { xs, top: 300, rowHeight: 24, size: 8 },
  );
  const second = ruledTable(
    [...head, ['', '出', '', '', ''], ['20801', '人力资源事务', '300.00', '200.00', '100.00']],
    { xs, top: 760, rowHeight: 24, size: 8 },
  );
  const r = await report([
    {
      runs: [
        { text: '收入决算表', x: 220, y: 350, size: 12 },
        { text: '单位：万元', x: 40, y: 320, size: 9 },
        ...first.runs,
      ],
      rules: first.rules,
    },
    { runs: second.runs, rules: second.rules },
  ]);
  expect(r.tables[0]!.rows[2]![1]).toBe('社会保障和就业支出');
  expect(r.facts.filter((f) => f.page === 2).map((f) => [f.label, f.value, f.unit])).toEqual([
    ['人力资源事务·本年收入合计', 300, '万元'],
    ['人力资源事务·财政拨款收入', 200, '万元'],
    ['人力资源事务·其他收入', 100, '万元'],
  ]);
});

test.each([90, 270] as const)(
  'a landscape page set with /Rotate %i reads as it is shown: the same table and facts as the page drawn upright',
  async (rotate) => {
    const page = (rot?: 90 | 270): PageSpec => {
      const t = ruledTable(
        [
          ...HEADER,
          ['合计', 'left', '1386.35', '74.64', '74.64', '0.00', '1311.71'],
          ['212', '城乡社区支出', '184.35', '', '', '', '184.35'],
        ],
        {
          xs: XS7.map((x) => x * 1.3),
          top: 450,
          rowHeight: 20,
          size: 8,
        },
      );
      const runs: TextRun[] = [
        { text: '2021年度某某局部门决算', x: 300, y: 560, size: 16 },
        { text: '支出决算表', x: 360, y: 510, size: 12 },
        { text: '单位：万元', x: 52, y: 480, size: 9 },
        ...t.runs,
      ];
      return { runs, rules: t.rules, width: 841.9, height: 595.3, rotate: rot };
    };
    const upright = await report([page()]);
    const turned = await report([page(rotate)]);
    expect(upright.facts.filter((f) => f.paragraphId === null)).toHaveLength(7);
    expect(turned.tables.map((t) => t.rows)).toEqual(upright.tables.map((t) => t.rows));
    const brief = (r: Report) =>
      r.facts.map((f) => [f.page, f.label, f.value, f.unit, f.concept, f.bbox?.map(Math.round)]);
    expect(brief(turned)).toEqual(brief(upright));
  },
);

test("a 项目支出绩效目标表's 绩效目标 column is prose about the project: it names none of the row's numbers", async () => {
  const t = ruledTable(
    [
      ['项目名称', '项目总额', '绩效目标', '一级指标', '二级指标', '三级指标', '指标值'],
      [
        '旧料场租费',
        '68.00',
        '项目主要用于堆放废旧交通设施，防止国有资产丢失。',
        '产出指标',
        '数量指标',
        '有效安置范围',
        '≥4000平方米',
      ],
      ['up', 'up', 'up', '成本指标', '经济成本指标', '月租赁成本', '≤5.67万元'],
    ],
    { xs: [40, 110, 160, 300, 360, 420, 490, 560], top: 680, rowHeight: 30, size: 7 },
  );
  const r = await tablePage(
    t,
    { text: '2025年某某局项目支出绩效目标表', x: 150, y: 760, size: 14 },
    { text: '金额单位：万元', x: 480, y: 700, size: 8 },
  );
  expect(cells(r).map(([, label, value, unit]) => [label, value, unit])).toEqual([
    ['旧料场租费·项目总额', 68, '万元'],
    ['产出指标·数量指标·有效安置范围·指标值', 4000, '平方米'],
    ['成本指标·经济成本指标·月租赁成本·指标值', 5.67, '万元'],
  ]);
});

test('a header row further down naming one number column with its unit (拟投入的资金（万元）) names that column', async () => {
  const t = ruledTable(
    [
      ['部门名称', '某某市政务服务和数据管理局', 'left', 'left', 'left'],
      ['预算整体情况', '部门预算支出', '预算金额（万元）', '收入来源', '预算金额（万元）'],
      ['up', '基本支出', '12,634.14', '财政拨款', '98,880.78'],
      ['年度重点工作任务', '名称', '主要实施内容', '拟投入的资金（万元）', '期望达到的目标（概述）'],
      ['up', '热线服务', '整合全市热线资源，实现一号响应。', '12,000.00', '热线接通率稳步提升。'],
      ['up', '优化审批服务', '推进政务服务便民化。', '1,108.00', '办件及时率达到要求。'],
    ],
    { xs: [40, 120, 220, 380, 460, 560], top: 680, rowHeight: 30, size: 7 },
  );
  const r = await tablePage(t, { text: '2026年部门整体预算绩效目标申报表', x: 150, y: 760, size: 14 });
  expect(cells(r).map(([, label, value, unit]) => [label, value, unit])).toEqual([
    ['预算整体情况·基本支出·预算金额', 12634.14, '万元'],
    ['财政拨款·预算金额', 98880.78, '万元'],
    ['年度重点工作任务·热线服务·拟投入的资金', 12000, '万元'],
    ['年度重点工作任务·优化审批服务·拟投入的资金', 1108, '万元'],
  ]);
});

test('an indicator with two keyed values in a cell (实施周期指标值:…；年度指标值:…): each named by its item and its key, no value in a label', async () => {
  const t = ruledTable(
    [
      ['项目名称', '总计', '绩效指标'],
      [
        '穗智管运营服务项目',
        '1,391.47',
        [
          '1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥40场；',
          '年度指标值:每年≥20场。2、1-产出指标；12-质量指标；资金使用合规率；',
          '年度指标值:100%。',
        ],
      ],
    ],
    { xs: [40, 160, 230, 560], top: 700, rowHeight: 40, size: 6 },
  );
  const r = await tablePage(t, ...GOAL_TABLE);
  expect(r.facts.map((f) => [f.label, f.value, f.unit, f.comparator])).toEqual([
    ['穗智管运营服务项目·总计', 1391.47, '万元', null],
    ['穗智管运营服务项目·会议活动保障次数·实施周期指标值', 40, '场', '>='],
    ['穗智管运营服务项目·会议活动保障次数·年度指标值', 20, '场', '>='],
    ['穗智管运营服务项目·资金使用合规率', 100, '%', null],
  ]);
  expect(r.findings).toEqual([]);
});
