// The structure of a table as the report gives it (tables/structure.ts):
// header rows and column paths, segments, units, roles, 类/款/项 levels, and a
// table carried over pages as one table, with and without its header repeated.
import { describe, expect, test } from 'vitest';
import { tableFacts } from '../../src/facts/table-facts.ts';
import type { Table } from '../../src/schema/report.ts';
import { columnsAt, nameColumn, pageOfRow } from '../../src/tables/reading.ts';
import { handTables, structuredHandTables, type HandTable } from '../support/hand-table.ts';

const one = (spec: HandTable): Table => handTables([spec])[0]!;
const columns = (t: Table, r = t.headerRows) => columnsAt(t, r).map((c) => [c.path.join(' › '), c.unit, c.role]);
const facts = (specs: HandTable[]) =>
  structuredHandTables(specs).flatMap(({ table, boxes }) => tableFacts(table, null, {}, boxes));

const EXPENSE_HEADER = [
  ['科目编码', '科目名称', '支出决算', '支出决算', '支出决算', '支出决算', '支出决算'],
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '基本支出', '基本支出', '项目支出'],
  ['科目编码', '科目名称', '本年支出合计', '小计', '人员经费', '公用经费', '项目支出'],
];
const EXPENSE_BODY = [
  ['合计', '合计', '1368.35', '74.64', '74.64', '0.00', '1293.71'],
  ['208', '社会保障和就业支出', '909.87', '', '', '', '909.87'],
  ['20801', '人力资源和社会保障管理事务', '610.10', '', '', '', '610.10'],
  ['2080102', '一般行政管理事务', '3.38', '', '', '', '3.38'],
  ['2080109', '社会保险经办机构', '606.73', '', '', '', '606.73'],
  ['20807', '就业补助', '299.77', '', '', '', '299.77'],
  ['2080705', '公益性岗位补贴', '142.45', '', '', '', '142.45'],
  ['2080711', '就业见习补贴', '157.32', '', '', '', '157.32'],
];

describe('a 决算 table', () => {
  const t = one({ rows: [...EXPENSE_HEADER, ...EXPENSE_BODY], page: 5, title: '支出决算表', unit: '万元' });

  test('a header of three rows: each column its path top to bottom, each cell once; the unit line gives the amounts their unit', () => {
    expect(t.headerRows).toBe(3);
    expect(t.unit).toBe('万元');
    expect(columns(t)).toEqual([
      ['科目编码', null, 'code'],
      ['科目名称', null, 'name'],
      ['支出决算 › 本年支出合计', '万元', 'number'],
      ['支出决算 › 基本支出 › 小计', '万元', 'number'],
      ['支出决算 › 基本支出 › 人员经费', '万元', 'number'],
      ['支出决算 › 基本支出 › 公用经费', '万元', 'number'],
      ['支出决算 › 项目支出', '万元', 'number'],
    ]);
    expect(nameColumn(t)).toBe(1);
    expect(t.segments).toEqual([]);
  });

  test('rows: header, total, body; levels from the 科目编码 (类 1, 款 2, 项 3), the total 0, headers none', () => {
    expect(t.rowRoles).toEqual([
      'header',
      'header',
      'header',
      'total',
      'body',
      'body',
      'body',
      'body',
      'body',
      'body',
      'body',
    ]);
    expect(t.rowLevels).toEqual([null, null, null, 0, 1, 2, 3, 3, 2, 3, 3]);
  });

  test('without codes, the levels come from how far each name is indented; names set flush give none', () => {
    const rows = [
      ['项目', '本年支出合计', '基本支出', '项目支出'],
      ...EXPENSE_BODY.map((r) => [r[1]!, r[2]!, r[3]!, r[6]!]),
    ];
    // 类 flush, 款 9 pt in, 项 18 pt in (by the length of the code the row had).
    const indent = rows.map((_, i) => (i < 2 ? 0 : ((EXPENSE_BODY[i - 1]![0]!.length - 3) / 2) * 9));
    expect(one({ rows, indent, unit: '万元' }).rowLevels).toEqual([null, 0, 1, 2, 3, 3, 2, 3, 3]);
    expect(one({ rows, unit: '万元' }).rowLevels).toBeNull();
    // Carried over a page scanned 4 pt further right, and with no 类 row of its own: indents measured from the table's edge.
    const [carried] = handTables([
      { rows: rows.slice(0, 5), indent: indent.slice(0, 5), unit: '万元', page: 1 },
      { rows: rows.slice(5), indent: indent.slice(5), page: 2, left: 44 },
    ]);
    expect(carried!.pages).toEqual([1, 2]);
    expect(carried!.rowLevels).toEqual([null, 0, 1, 2, 3, 3, 2, 3, 3]);
  });
});

describe('a self-evaluation table: cover lines, a funds block, an indicator segment', () => {
  const rows = [
    [
      '项目名称',
      '项目名称',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
    ],
    [
      '主管部门',
      '主管部门',
      '某县卫生健康局',
      '某县卫生健康局',
      '实施单位',
      '实施单位',
      '某县疾控中心',
      '某县疾控中心',
    ],
    ['项目资金（万元）', '项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '执行率（B/A）', '得分'],
    ['项目资金（万元）', '年度资金总额', '年度资金总额', '240.57', '240.57', '237.41', '98.69%', '9.87'],
    ['项目资金（万元）', '其中：当年财政拨款', '其中：当年财政拨款', '172.74', '172.74', '170.48', '—', '—'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'],
    ['产出指标', '数量指标', '免疫规划疫苗接种剂次', '65000剂次', '70294剂次', '40', '40', ''],
    ['满意度指标', '服务对象满意度', '群众满意度', '≥90%', '95%', '20', '20', ''],
    ['总分', '总分', '总分', '总分', '总分', '100', '99.87', ''],
  ];
  const t = one({ rows, page: 4, title: '项目支出绩效自评表' });

  test('the cover lines are the table’s: its project; the rows are cover, header, body, total', () => {
    expect(t.project).toBe('基本公共卫生服务项目');
    expect(t.headerRows).toBe(3);
    expect(t.rowRoles).toEqual(['cover', 'cover', 'header', 'body', 'body', 'header', 'body', 'body', 'total']);
    expect(t.rowLevels).toBeNull();
  });

  test('the funds block: amounts in 万元 from the row group, 执行率（B/A） a percent, 得分 a score', () => {
    expect(columns(t)).toEqual([
      ['项目资金（万元）', null, 'name'],
      ['项目资金（万元）', null, 'name'],
      ['', null, 'name'],
      ['年初预算数', '万元', 'number'],
      ['全年预算数', '万元', 'number'],
      ['全年执行数', '万元', 'number'],
      ['执行率（B/A）', '%', 'number'],
      ['得分', '分', 'number'],
    ]);
  });

  test('the indicator block is a segment: its rows take its columns, not the funds block’s', () => {
    expect(t.segments.map((s) => [s.row, s.headerRows])).toEqual([[5, 1]]);
    expect(columns(t, 6)).toEqual([
      ['一级指标', null, 'name'],
      ['二级指标', null, 'name'],
      ['三级指标', null, 'name'],
      ['年度指标值', null, 'number'],
      ['实际完成值', null, 'number'],
      ['分值', '分', 'number'],
      ['得分', '分', 'number'],
      ['偏差原因', null, 'text'],
    ]);
  });
});

describe('a table carried over a page break is one table', () => {
  const header = [['项目', '年初预算数', '全年预算数', '全年执行数']];
  const first = [
    ['基本支出', '4668.70', '4980.37', '4980.37'],
    ['人员经费', '4360.55', '4360.55', '4360.55'],
  ];
  const second = [
    ['公用经费', '308.15', '619.82', '619.82'],
    ['合计', '4668.70', '4980.37', '4980.37'],
  ];

  test('without its header repeated: the second page’s rows after the first’s, named by its header', () => {
    const specs = [
      { rows: [...header, ...first], page: 3, title: '支出表', unit: '万元' },
      { rows: second, page: 4 },
    ];
    const [t, ...rest] = handTables(specs);
    expect(rest).toEqual([]);
    expect(t!.pages).toEqual([3, 4]);
    expect(t!.parts.map((p) => [p.page, p.firstRow, p.headerRows])).toEqual([
      [3, 0, 0],
      [4, 3, 0],
    ]);
    expect(t!.rows).toEqual([...header, ...first, ...second]);
    expect([3, 4].map((r) => pageOfRow(t!, r))).toEqual([4, 4]);
    expect(t!.rowRoles.slice(3)).toEqual(['body', 'total']);
    const cells = facts(specs).filter((f) => f.page === 4);
    expect(cells.map((f) => [f.label, f.unit, f.cell!.row, f.cell!.col])).toEqual([
      ['公用经费·年初预算数', '万元', 3, 1],
      ['公用经费·全年预算数', '万元', 3, 2],
      ['公用经费·全年执行数', '万元', 3, 3],
      ['合计·年初预算数', '万元', 4, 1],
      ['合计·全年预算数', '万元', 4, 2],
      ['合计·全年执行数', '万元', 4, 3],
    ]);
  });

  test('with its header repeated: kept in rows as header rows of that part, no segment', () => {
    const [t, ...rest] = handTables([
      { rows: [...header, ...first], page: 3, title: '支出表', unit: '万元' },
      { rows: [...header, ...second], page: 4 },
    ]);
    expect(rest).toEqual([]);
    expect(t!.parts.map((p) => [p.page, p.firstRow, p.headerRows])).toEqual([
      [3, 0, 0],
      [4, 3, 1],
    ]);
    expect(t!.rowRoles).toEqual(['header', 'body', 'body', 'header', 'body', 'total']);
    expect(t!.segments).toEqual([]);
  });

  test('over three pages: the third takes the header in force at the end of the second (a segment begun there)', () => {
    const [t] = handTables([
      {
        rows: [
          ['项目', '年初预算数', '全年执行数'],
          ['年度资金总额', '100.00', '98.00'],
        ],
        page: 3,
        title: '自评表',
        unit: '万元',
      },
      {
        rows: [
          ['其他资金', '10.00', '9.00'],
          ['三级指标', '分值', '得分'],
          ['满意度', '10', '9'],
        ],
        page: 4,
      },
      { rows: [['及时率', '10', '10']], page: 5 },
    ]);
    expect(t!.pages).toEqual([3, 4, 5]);
    expect(t!.segments.map((s) => s.row)).toEqual([3]);
    expect(columns(t!, 5)).toEqual([
      ['三级指标', null, 'name'],
      ['分值', '分', 'number'],
      ['得分', '分', 'number'],
    ]);
  });

  test('with its header repeated less a spanning cell (收入 lost overleaf): one table, the repeat’s figures in 万元', () => {
    const spanning = [
      ['项目', '本年收入合计', '收入', '收入'],
      ['', '', '财政拨款收入', '其他收入'],
    ];
    const lost = [
      ['项目', '本年收入合计', '', ''],
      ['', '', '财政拨款收入', '其他收入'],
    ];
    const rows = (a: string, b: string) => [['合计', a, b, '1.00']];
    const specs = [
      { rows: [...spanning, ...rows('10.00', '9.00')], page: 3, title: '收入表', unit: '万元' },
      { rows: [...lost, ...rows('20.00', '19.00')], page: 4 },
    ];
    const [t, ...rest] = handTables(specs);
    expect(rest).toEqual([]);
    expect(t!.pages).toEqual([3, 4]);
    // The table's columns are named by its first header; a repeat's cells by the words printed over them.
    expect(t!.columns.map((c) => c.path)).toEqual([
      ['项目'],
      ['本年收入合计'],
      ['收入', '财政拨款收入'],
      ['收入', '其他收入'],
    ]);
    const cells = facts(specs).filter((f) => f.page === 4);
    expect(cells.map((f) => [f.label, f.value, f.unit, f.cell!.col])).toEqual([
      ['合计·本年收入合计', 20, '万元', 1],
      ['合计·财政拨款收入', 19, '万元', 2],
      ['合计·其他收入', 1, '万元', 3],
    ]);
    // A repeat with a word the first header does not have, or another name over a column, is another table.
    for (const other of [
      [['项目', '本年支出合计', '', ''], lost[1]!],
      [lost[0]!, ['', '', '财政拨款收入', '事业收入']],
    ])
      expect(
        handTables([specs[0]!, { rows: [...other, ...rows('20.00', '19.00')], page: 4 }]).map((x) => x.pages),
      ).toEqual([[3], [4]]);
  });

  test('a table on the next page with a caption of its own is another table, whatever its header', () => {
    const tables = handTables([
      { rows: [...header, ...first], page: 3, title: '预算07表', unit: '万元' },
      { rows: [...header, ...second], page: 4, title: '预算08表', unit: '万元' },
    ]);
    expect(tables.map((t) => [t.id, t.title, t.pages])).toEqual([
      ['t1', '预算07表', [3]],
      ['t2', '预算08表', [4]],
    ]);
  });

  test('only its cover lines repeated: the rows carried on keep the columns in force (the indicator block’s)', () => {
    const cover = [
      ['项目名称', '项目名称', '某某平台运维', '某某平台运维'],
      ['主管部门', '主管部门', '某区某局', '某区某局'],
    ];
    const [t, ...rest] = handTables([
      {
        rows: [
          ...cover,
          ['项目资金', '', '年度资金总额', '占比'],
          ['项目资金', '资金总额', '120.00', '100%'],
          ['一级指标', '三级指标', '实施周期指标值', '年度指标值'],
          ['产出指标', '故障响应时间', '≤2小时', '≤2小时'],
        ],
        page: 3,
        title: '项目支出绩效目标表',
        unit: '万元',
      },
      { rows: [...cover, ['成本指标', '运维成本', '≤360万元', '≤120万元']], page: 4 },
    ]);
    expect(rest).toEqual([]);
    expect(t!.parts.map((p) => [p.page, p.firstRow, p.headerRows])).toEqual([
      [3, 0, 0],
      [4, 6, 2],
    ]);
    expect(t!.segments.map((s) => s.row)).toEqual([4]);
    expect(columns(t!, 8).map((c) => c[0])).toEqual(['一级指标', '三级指标', '实施周期指标值', '年度指标值']);
  });

  test('a header repeated under an indicator segment starts a segment of its own: the columns revert to it', () => {
    const top = [['项目', '年初预算数', '全年执行数', '执行率']];
    const [t] = handTables([
      {
        rows: [
          ...top,
          ['年度资金总额', '100.00', '98.00', '98%'],
          ['指标', '分值', '得分', '说明'],
          ['满意度', '10', '9', ''],
        ],
        page: 3,
        title: '自评表',
        unit: '万元',
      },
      { rows: [...top, ['其他资金', '10.00', '9.00', '90%']], page: 4 },
    ]);
    expect(t!.segments.map((s) => [s.row, s.headerRows])).toEqual([
      [2, 1],
      [4, 1],
    ]);
    expect(columns(t!, 5).map((c) => c[0])).toEqual(['项目', '年初预算数', '全年执行数', '执行率']);
  });
});

test('a unit in the first cell of the header line (年度预算（万元） | 年初预算数 | …, no rules, no row group) is the amounts’ unit', () => {
  const rows = [
    ['年度预算（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', '1305.77', '1494.78', '1493.23', '10', '99.90%', '9.99'],
    ['其中：基本支出', '689.46', '689.46', '687.91', '—', '—', '—'],
  ];
  expect(columns(one({ rows })).map((c) => c[1])).toEqual([null, '万元', '万元', '万元', '分', '%', '分']);
  expect(facts([{ rows }]).map((f) => [f.label, f.value, f.unit])).toEqual([
    ['年度资金总额·年初预算数', 1305.77, '万元'],
    ['年度资金总额·全年预算数', 1494.78, '万元'],
    ['年度资金总额·全年执行数', 1493.23, '万元'],
    ['年度资金总额·分值', 10, '分'],
    ['年度资金总额·执行率', 99.9, '%'],
    ['年度资金总额·得分', 9.99, '分'],
    ['基本支出·年初预算数', 689.46, '万元'],
    ['基本支出·全年预算数', 689.46, '万元'],
    ['基本支出·全年执行数', 687.91, '万元'],
  ]);
});

test('the last rows of a page do not head the rows of the next: a text row there stays a body row', () => {
  const [t] = handTables([
    {
      rows: [
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['产出', '数量', '任务完成率', '40', '38'],
        ['产出', '质量', '验收合格', '', ''],
      ],
      page: 2,
      title: '部门整体支出绩效自评表',
    },
    { rows: [['效益', '满意度', '群众满意度', '20', '19']], page: 3 },
  ]);
  expect(t!.pages).toEqual([2, 3]);
  expect(t!.segments).toEqual([]);
  expect(t!.rowRoles).toEqual(['header', 'body', 'body', 'body']);
});

describe('a 预算 table with its codes split over 类 | 款 | 项 and a numbering row of ** and column numbers', () => {
  const rows = [
    ['类', '款', '项', '功能科目', '合计', '本级财政拨款', '其他收入'],
    ['**', '**', '**', '**', '1', '2', '3'],
    ['', '', '', '合计', '68,632.12', '68,632.12', ''],
    ['201', '', '', '一般公共服务支出', '3.00', '3.00', ''],
    ['', '11', '', '纪检监察事务', '3.00', '3.00', ''],
    ['201', '11', '99', '其他纪检监察事务支出', '3.00', '3.00', ''],
    ['204', '', '', '公共安全支出', '68,629.12', '68,629.12', ''],
    ['', '02', '', '公安', '68,629.12', '68,629.12', ''],
    ['204', '02', '01', '行政运行', '28,398.17', '28,398.17', ''],
    ['204', '02', '02', '一般行政管理事务', '40,230.95', '40,230.95', ''],
  ];
  const t = one({ rows, page: 14, title: '部门收入总体情况表', unit: '万元' });

  test('the numbering row is header; 类, 款, 项 are codes; the 合计 named in the name column is the total; levels by the last code written', () => {
    expect(t.headerRows).toBe(2);
    expect(columns(t).map((c) => c[2])).toEqual(['code', 'code', 'code', 'name', 'number', 'number', 'number']);
    expect(t.rowRoles.slice(2, 4)).toEqual(['total', 'body']);
    expect(t.rowLevels).toEqual([null, null, 0, 1, 2, 3, 1, 2, 3, 3]);
  });

  test('no code and no column number is an amount: the facts are the amounts, named by their rows', () => {
    const read = facts([{ rows, page: 14, title: '部门收入总体情况表', unit: '万元' }]);
    expect(read.every((f) => f.cell!.col >= 4)).toBe(true);
    expect(read.filter((f) => f.cell!.row === 7).map((f) => [f.label, f.value, f.unit])).toEqual([
      ['公安·合计', 68629.12, '万元'],
      ['公安·本级财政拨款', 68629.12, '万元'],
    ]);
  });
});

describe('a 部门整体 自评表 that opens on its year goal (预期目标 | 实际完成情况 over their texts) above the indicators', () => {
  const goal = '目标1：全面加强党的建设。目标2：全力做好常态化疫情防控，推进健康城市建设和医药卫生体制改革。';
  const done = '目标1：理论学习中心组集中学习356次。目标2：推广疫情处置工作经验，落实各项防控措施，完成年度任务。';
  const t = one({
    rows: [
      [
        '年度总体目标完成情况',
        '预期目标（年初设定）',
        '预期目标（年初设定）',
        '目标实际完成情况',
        '目标实际完成情况',
        '目标实际完成情况',
        '目标实际完成情况',
      ],
      ['年度总体目标完成情况', goal, goal, done, done, done, done],
      ['一级指标', '二级指标', '指标内容', '年度指标值', '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '覆盖单位数量', '28个', '28个', '2', '2'],
      ['产出指标', '数量指标', '引进高层次人才', '≥800人', '744人', '2', '1.5'],
    ],
    page: 31,
  });

  test('the goal rows are a block of their own and the indicator header a segment: 分值 and 得分 are points, not values of 实际完成情况', () => {
    expect(t.headerRows).toBe(1);
    expect(t.segments.map((s) => s.row)).toEqual([2]);
    expect(columns(t, 3).slice(3)).toEqual([
      ['年度指标值', null, 'number'],
      ['实际完成值', null, 'number'],
      ['分值', '分', 'number'],
      ['得分', '分', 'number'],
    ]);
    expect(
      tableFacts(t, null)
        .filter((f) => f.cell?.row === 4)
        .map((f) => [f.label, f.value, f.unit]),
    ).toEqual([
      ['产出指标·数量指标·引进高层次人才·年度指标值', 800, '人'],
      ['产出指标·数量指标·引进高层次人才·实际完成值', 744, '人'],
      ['产出指标·数量指标·引进高层次人才·分值', 2, '分'],
      ['产出指标·数量指标·引进高层次人才·得分', 1.5, '分'],
    ]);
  });
});

test('a 项目 自评表 whose goal (预期目标 | 实际完成情况 over sentences) stands between its funds and its indicators: the sentences are no header, the indicators are named by their own', () => {
  const goal = '该项目落实献血法及本省实施办法，保障全市临床用血安全，按规定为献血者及其亲属报销用血费用。';
  const t = one({
    rows: [
      [
        '项目名称',
        '项目名称',
        '无偿献血者用血返还报销项目',
        '无偿献血者用血返还报销项目',
        '无偿献血者用血返还报销项目',
        '无偿献血者用血返还报销项目',
        '无偿献血者用血返还报销项目',
      ],
      ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '得分'],
      ['项目资金（万元）', '年度资金总额', '350', '350', '322.15', '10', '9.2'],
      [
        '年度总体目标',
        '预期目标（年初设定）',
        '预期目标（年初设定）',
        '预期目标（年初设定）',
        '实际完成情况',
        '实际完成情况',
        '实际完成情况',
      ],
      ['年度总体目标', goal, goal, goal, '已完成', '已完成', '已完成'],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      // 2134万 with no unit after 万 is no number: the label row above reads as naming 2100人次 and 12.5
      ['产出指标', '数量指标', '报销人次', '2100人次', '2134万', '12.5', '12.5'],
    ],
    page: 66,
  });
  expect(t.rowRoles[4]).toBe('body');
  expect(t.segments.map((s) => [s.row, s.headerRows])).toEqual([
    [3, 1],
    [5, 1],
  ]);
  expect(columns(t, 6)).toEqual([
    ['一级指标', null, 'name'],
    ['二级指标', null, 'name'],
    ['三级指标', null, 'name'],
    ['年度指标值', null, 'number'],
    ['实际完成值', null, 'text'],
    ['分值', '分', 'number'],
    ['得分', '分', 'number'],
  ]);
});

describe("Fujian's 部门整体绩效自评表: columns numbered by circled formulas (全年预算数③=①+②, 执行率⑦=⑤/③)", () => {
  const t = one({
    title: '部门整体绩效自评表',
    unit: '万元',
    rows: [
      ['项目', '年初预算数①', '调整预算数②', '全年预算数③=①+②', '拨付数④', '实际支出数⑤', '结余⑥=③-⑤', '执行率⑦=⑤/③'],
      ['合计', '1200.00', '100.00', '1300.00', '1280.00', '1250.00', '50.00', '96.15'],
      ['基本支出', '800.00', '0.00', '800.00', '800.00', '790.00', '10.00', '98.75'],
      ['项目支出', '400.00', '100.00', '500.00', '480.00', '460.00', '40.00', '92.00'],
    ],
  });
  const read = tableFacts(t, null, { fallbackScope: 'total', fiscalYear: 2023 });

  test('a formula names no quantity and hides no name: 执行率 is a percent, the amounts 万元, labels without the formula', () => {
    expect(read.filter((f) => f.cell?.row === 2).map((f) => [f.label, f.value, f.unit])).toEqual([
      ['基本支出·年初预算数', 800, '万元'],
      ['基本支出·调整预算数', 0, '万元'],
      ['基本支出·全年预算数', 800, '万元'],
      ['基本支出·拨付数', 800, '万元'],
      ['基本支出·实际支出数', 790, '万元'],
      ['基本支出·结余', 10, '万元'],
      ['基本支出·执行率', 98.75, '%'],
    ]);
  });

  test('调整预算数② beside 全年预算数③ is the adjustment: the year budget is ③, ② is no budget.*.adjusted', () => {
    expect(read.filter((f) => f.cell?.row === 2 && f.concept).map((f) => [f.label, f.concept])).toEqual([
      ['基本支出·年初预算数', 'budget.basic.initial'],
      ['基本支出·全年预算数', 'budget.basic.adjusted'],
      ['基本支出·实际支出数', 'budget.basic.actual'],
    ]);
  });
});
