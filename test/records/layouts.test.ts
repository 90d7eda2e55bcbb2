// The records of made tables, one layout of the genre each: every indicator
// row one record (its path, name, target with its bound, actual, weight,
// score, deviation, met), every funds row one record, each table's goal,
// total and grade — and the records' figures are the facts they name.
import { describe, expect, test } from 'vitest';
import type { Fact, Indicator, Report } from '../../src/schema/report.ts';
import { SCHEMA_VERSION } from '../../src/schema/report.ts';
import { handTables, type HandTable } from '../support/hand-table.ts';
import { withRecords } from '../support/records.ts';

type Records = Pick<Report, 'indicators' | 'funds' | 'scorecards' | 'facts'>;

function recordsOf(specs: HandTable[], reportType: Report['document']['reportType'] = '项目支出'): Records {
  return withRecords({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'jixiao', version: 'test' },
    source: { path: 'made.pdf', sha256: '0'.repeat(64), bytes: 1, pages: 1 },
    document: {
      title: null,
      organization: null,
      organizationKey: null,
      fiscalYear: 2023,
      reportType,
      reportDate: null,
    },
    pages: [],
    sections: [],
    paragraphs: [],
    facts: [],
    tables: handTables(specs),
  });
}

/** An indicator as a line to compare: path, name, target (text, value, unit, bound), actual, weight, score, met. */
const brief = (i: Indicator) => [
  [...i.path, i.name].join(' › '),
  i.target && [i.target.text, i.target.value, i.target.unit, i.target.comparator],
  i.actual && [i.actual.text, i.actual.value, i.actual.unit],
  i.weight,
  i.score,
  i.met,
];

/** Every number of a record is the value of one of the facts it names. */
function figuresAreFacts(r: Records): void {
  const byId = new Map<string, Fact>(r.facts.map((f) => [f.id, f]));
  const check = (values: (number | null | undefined)[], ids: string[]) => {
    const named = ids.map((id) => byId.get(id)!);
    expect(named.every(Boolean)).toBe(true);
    for (const v of values) if (v !== null && v !== undefined) expect(named.map((f) => f.value)).toContain(v);
  };
  for (const i of r.indicators) check([i.target?.value, i.actual?.value, i.weight, i.score], i.factIds);
  for (const f of r.funds) check([f.planned, f.adjusted, f.executed, f.rate, f.weight, f.score], f.factIds);
  for (const s of r.scorecards) check([s.weight, s.score], s.factIds);
}

describe('the MoF 项目支出绩效自评表: cover, funds under a merged 项目资金（万元）, the goal, indicators, 总分', () => {
  const r = recordsOf([
    {
      title: '项目支出绩效自评表',
      page: 4,
      rows: [
        [
          '项目名称',
          '项目名称',
          '社区养老服务补助资金',
          '社区养老服务补助资金',
          '社区养老服务补助资金',
          '社区养老服务补助资金',
          '社区养老服务补助资金',
          '社区养老服务补助资金',
        ],
        ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['项目资金（万元）', '年度资金总额', '520.00', '560.00', '532.00', '10', '95.00%', '9.5'],
        ['项目资金（万元）', '其中：当年财政拨款', '500.00', '540.00', '515.00', '—', '95.37%', '—'],
        ['项目资金（万元）', '上年结转资金', '20.00', '20.00', '17.00', '—', '85.00%', '—'],
        ['项目资金（万元）', '其他资金', '', '', '', '—', '', '—'],
        [
          '年度总体目标',
          '预期目标',
          '预期目标',
          '预期目标',
          '实际完成情况',
          '实际完成情况',
          '实际完成情况',
          '实际完成情况',
        ],
        [
          '年度总体目标',
          '为辖区老年人提供日间照料',
          '为辖区老年人提供日间照料',
          '为辖区老年人提供日间照料',
          '服务覆盖全部社区',
          '服务覆盖全部社区',
          '服务覆盖全部社区',
          '服务覆盖全部社区',
        ],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['产出指标', '数量指标', '服务老年人人次', '≥12000人次', '12860人次', '15', '15', ''],
        ['产出指标', '质量指标', '服务质量达标率', '不低于95%', '93.5', '15', '15', ''],
        ['产出指标', '时效指标', '补助资金发放及时率', '100%', '100%', '10', '10', ''],
        ['成本指标', '经济成本指标', '人均服务成本', '≤400元', '385元', '10', '10', ''],
        ['效益指标', '社会效益指标', '老年人生活质量', '有效提升', '有效提升', '20', '18', '部分站点服务项目较少'],
        ['满意度指标', '服务对象满意度指标', '老年人满意度', '≥90%', '88%', '20', '19', '宣传不够'],
        ['总分', '总分', '总分', '总分', '总分', '100', '97.5', ''],
      ],
    },
  ]);

  test('one record per indicator row: path, name, target with its bound, actual, weight, score, met', () => {
    expect(r.indicators.map(brief)).toEqual([
      [
        '产出指标 › 数量指标 › 服务老年人人次',
        ['≥12000人次', 12000, '人次', '>='],
        ['12860人次', 12860, '人次'],
        15,
        15,
        true,
      ],
      // an actual written without its unit takes the target's: 93.5 is %, and misses 不低于95%
      ['产出指标 › 质量指标 › 服务质量达标率', ['不低于95%', 95, '%', '>='], ['93.5', 93.5, '%'], 15, 15, false],
      // a bare 100% is read as a minimum: met
      ['产出指标 › 时效指标 › 补助资金发放及时率', ['100%', 100, '%', null], ['100%', 100, '%'], 10, 10, true],
      ['成本指标 › 经济成本指标 › 人均服务成本', ['≤400元', 400, '元', '<='], ['385元', 385, '元'], 10, 10, true],
      [
        '效益指标 › 社会效益指标 › 老年人生活质量',
        ['有效提升', null, null, null],
        ['有效提升', null, null],
        20,
        18,
        null,
      ],
      ['满意度指标 › 服务对象满意度指标 › 老年人满意度', ['≥90%', 90, '%', '>='], ['88%', 88, '%'], 20, 19, false],
    ]);
    expect(r.indicators.map((i) => [i.id, i.page, i.project, i.deviation])[4]).toEqual([
      't1.r14',
      4,
      '社区养老服务补助资金',
      '部分站点服务项目较少',
    ]);
  });

  test('one record per funds row, 其中： taken off; a row left blank is a record without figures', () => {
    expect(r.funds.map((f) => [f.name, f.planned, f.adjusted, f.executed, f.rate, f.weight, f.score, f.unit])).toEqual([
      ['年度资金总额', 520, 560, 532, 95, 10, 9.5, '万元'],
      ['当年财政拨款', 500, 540, 515, 95.37, null, null, '万元'],
      ['上年结转资金', 20, 20, 17, 85, null, null, '万元'],
      ['其他资金', null, null, null, null, null, null, null],
    ]);
  });

  test("the table's goal as text, its 总分's weight and score", () => {
    expect(r.scorecards).toEqual([
      {
        table: 't1',
        page: 4,
        project: '社区养老服务补助资金',
        goal: { planned: '为辖区老年人提供日间照料', actual: '服务覆盖全部社区' },
        weight: 100,
        score: 97.5,
        grade: null,
        factIds: expect.any(Array),
      },
    ]);
  });

  test('the figures are the facts named', () => figuresAreFacts(r));
});

describe("Fujian's 部门整体绩效自评表: ①…⑦ columns over 合计 / 基本支出 / 项目支出, 一级 and 二级 merged down", () => {
  const r = recordsOf(
    [
      {
        title: '部门整体绩效自评表',
        unit: '万元',
        page: 9,
        rows: [
          [
            '部门名称',
            '某县农业农村局',
            '某县农业农村局',
            '某县农业农村局',
            '某县农业农村局',
            '某县农业农村局',
            '某县农业农村局',
            '某县农业农村局',
          ],
          [
            '项目',
            '年初预算数①',
            '调整预算数②',
            '全年预算数③=①+②',
            '拨付数④',
            '实际支出数⑤',
            '结余⑥=③-⑤',
            '执行率⑦=⑤/③',
          ],
          ['合计', '1200.00', '100.00', '1300.00', '1280.00', '1250.00', '50.00', '96.15%'],
          ['基本支出', '800.00', '0.00', '800.00', '800.00', '790.00', '10.00', '98.75%'],
          ['项目支出', '400.00', '100.00', '500.00', '480.00', '460.00', '40.00', '92.00%'],
          ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因'],
          ['产出指标', '数量指标', '农田建设面积', '≥5000亩', '5200亩', '20', '20', ''],
          ['产出指标', '数量指标', '培训农民人次', '≥800人次', '760人次', '10', '8', '受天气影响'],
          ['产出指标', '质量指标', '验收合格率', '100%', '98%', '10', '9', '个别地块整改'],
          ['效益指标', '社会效益指标', '农民增收', '有效提升', '有效提升', '30', '28', ''],
          ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '93%', '30', '30', ''],
          ['总分', '总分', '总分', '总分', '总分', '100', '95', '优'],
        ],
      },
    ],
    '整体支出',
  );

  test('the year budget is ③ (全年预算数), not the adjustment ②; 实际支出数 is what was spent; 执行率 ⑦', () => {
    expect(r.funds.map((f) => [f.name, f.planned, f.adjusted, f.executed, f.rate])).toEqual([
      ['合计', 1200, 1300, 1250, 96.15],
      ['基本支出', 800, 800, 790, 98.75],
      ['项目支出', 400, 500, 460, 92],
    ]);
  });

  test('indicators under 指标值, the merged 一级 and 二级 repeated into every row', () => {
    expect(r.indicators.map((i) => [i.path.join(' › '), i.name, i.target?.value, i.actual?.value, i.met])).toEqual([
      ['产出指标 › 数量指标', '农田建设面积', 5000, 5200, true],
      ['产出指标 › 数量指标', '培训农民人次', 800, 760, false],
      ['产出指标 › 质量指标', '验收合格率', 100, 98, false],
      ['效益指标 › 社会效益指标', '农民增收', null, null, null],
      ['满意度指标 › 服务对象满意度指标', '农户满意度', 90, 93, true],
    ]);
    expect(r.scorecards.map((s) => [s.weight, s.score, s.grade, s.project])).toEqual([[100, 95, '优', null]]);
  });

  test('the figures are the facts named', () => figuresAreFacts(r));
});

describe('a 预算 项目支出绩效目标表: targets only, 实施周期指标值 beside 年度指标值', () => {
  const r = recordsOf(
    [
      {
        title: '项目支出绩效目标表',
        unit: '万元',
        page: 12,
        rows: [
          ['项目名称', '智慧食安监管平台运维', '智慧食安监管平台运维', '智慧食安监管平台运维', '智慧食安监管平台运维'],
          ['项目资金', '', '实施期资金总额', '年度资金总额', '占比'],
          ['项目资金', '资金总额', '360.00', '120.00', '100%'],
          ['项目资金', '其中：财政拨款', '330.00', '110.00', '91.67%'],
          ['项目资金', '其他资金', '30.00', '10.00', '8.33%'],
          [
            '年度总体目标',
            '保障平台全年稳定运行，提升食品安全风险发现能力',
            '保障平台全年稳定运行，提升食品安全风险发现能力',
            '保障平台全年稳定运行，提升食品安全风险发现能力',
            '保障平台全年稳定运行，提升食品安全风险发现能力',
          ],
          ['一级指标', '二级指标', '三级指标', '实施周期指标值', '年度指标值'],
          ['产出指标', '数量指标', '监管对象覆盖数', '≥3000家', '≥1000家'],
          ['产出指标', '时效指标', '故障响应时间', '≤2小时', '≤2小时'],
          ['效益指标', '社会效益指标', '食品安全风险发现能力', '逐步提高', '有所提高'],
        ],
      },
    ],
    '预算',
  );

  test("each indicator's target is its year's (年度指标值), with no actual, weight or score", () => {
    expect(r.indicators.map(brief)).toEqual([
      ['产出指标 › 数量指标 › 监管对象覆盖数', ['≥1000家', 1000, '家', '>='], null, null, null, null],
      ['产出指标 › 时效指标 › 故障响应时间', ['≤2小时', 2, '小时', '<='], null, null, null, null],
      ['效益指标 › 社会效益指标 › 食品安全风险发现能力', ['有所提高', null, null, null], null, null, null, null],
    ]);
  });

  test('the funds rows take 年度资金总额 as the year budget; the goal is the target text alone', () => {
    expect(r.funds.map((f) => [f.name, f.planned, f.adjusted, f.executed])).toEqual([
      ['资金总额', 120, null, null],
      ['财政拨款', 110, null, null],
      ['其他资金', 10, null, null],
    ]);
    expect(r.scorecards.map((s) => [s.goal, s.weight, s.score])).toEqual([
      [{ planned: '保障平台全年稳定运行，提升食品安全风险发现能力', actual: null }, null, null],
    ]);
  });

  test('the figures are the facts named', () => figuresAreFacts(r));
});

describe('a 绩效目标表 of many projects: 项目名称 down the left, the bound and the unit in columns of their own', () => {
  const head = [
    '项目名称',
    '项目总额',
    '一级指标',
    '二级指标',
    '三级指标',
    '绩效指标性质',
    '本年绩效指标值',
    '绩效度量单位',
  ];
  const r = recordsOf(
    [
      {
        title: '项目支出绩效目标表',
        unit: '万元',
        page: 26,
        rows: [
          head,
          ['执法办案经费', '100.00', '产出指标', '数量指标', '办理案件', '≥', '180', '件'],
          ['执法办案经费', '100.00', '产出指标', '质量指标', '检验鉴定差错率', '≤', '1', '%'],
          ['执法办案经费', '100.00', '效益指标', '社会效益指标', '群众安全感', '定性', '优', ''],
        ],
      },
      // the next page: the header repeated, the project's merged cell not
      {
        page: 27,
        rows: [
          head,
          ['', '', '产出指标', '时效指标', '预算支出按期完成率', '＝', '100', '%'],
          ['宣传经费', '30.00', '成本指标', '经济成本指标', '宣传品制作', '≤', '29.9', '万元'],
        ],
      },
    ],
    '预算',
  );

  test("each row's project, carried over a page where its cell is blank; the bound and unit from their columns", () => {
    expect(
      r.indicators.map((i) => [i.page, i.project, i.name, i.target?.value, i.target?.unit, i.target?.comparator]),
    ).toEqual([
      [26, '执法办案经费', '办理案件', 180, '件', '>='],
      [26, '执法办案经费', '检验鉴定差错率', 1, '%', '<='],
      [26, '执法办案经费', '群众安全感', null, null, null],
      [27, '执法办案经费', '预算支出按期完成率', 100, '%', '='],
      [27, '宣传经费', '宣传品制作', 29.9, '万元', '<='],
    ]);
    expect(new Set(r.indicators.map((i) => i.table))).toEqual(new Set(['t1']));
    expect(r.funds).toEqual([]);
  });

  test('the figures are the facts named', () => figuresAreFacts(r));

  test('a table without rules printing each project once, at the foot of its rows (as a spreadsheet sets a merged cell): each row is the project below it, not the one above', () => {
    const foot = recordsOf(
      [
        {
          title: '项目支出绩效目标表',
          page: 12,
          rows: [
            head,
            ['', '', '产出指标', '数量指标', '办理案件', '≥', '180', '件'],
            ['执法办案经费', '100.00', '产出指标', '质量指标', '检验鉴定差错率', '≤', '1', '%'],
            ['', '', '产出指标', '数量指标', '印发宣传资料', '≥', '5000', '份'],
            ['宣传经费', '30.00', '成本指标', '经济成本指标', '宣传品制作', '≤', '29.9', '万元'],
          ],
        },
      ],
      '预算',
    );
    expect(foot.indicators.map((i) => [i.project, i.name])).toEqual([
      ['执法办案经费', '办理案件'],
      ['执法办案经费', '检验鉴定差错率'],
      ['宣传经费', '印发宣传资料'],
      ['宣传经费', '宣传品制作'],
    ]);
  });
});

test("a 部门整体支出绩效目标表 whose 绩效指标 cell runs 一级, 二级 and 三级 together: the path split off by the genre's words", () => {
  const r = recordsOf(
    [
      {
        title: '部门整体支出绩效目标表',
        page: 60,
        rows: [
          ['活动', '绩效指标', '指标性质', '指标值', '度量单位'],
          ['交通秩序管理', '产出指标数量指标标志标线设置完成率', '≥', '95', '%'],
          ['事故预防', '效益指标社会效益指标事故处理效率进一步提高', '定性', '高', ''],
        ],
      },
    ],
    '预算',
  );
  expect(r.indicators.map((i) => [i.path, i.name, i.target?.text, i.target?.value, i.target?.comparator])).toEqual([
    [['产出指标', '数量指标'], '标志标线设置完成率', '95', 95, '>='],
    [['效益指标', '社会效益指标'], '事故处理效率进一步提高', '高', null, null],
  ]);
});

test('a 部门整体 自评表 that opens on its goal: the goal from its label row, weights named in the 一级 cell kept as printed', () => {
  const goal = '目标1：全面加强党的建设。目标2：全力做好常态化疫情防控，推进健康城市建设和医药卫生体制改革。';
  const done = '目标1：理论学习中心组集中学习356次。目标2：推广疫情处置工作经验，落实各项防控措施，完成年度任务。';
  const r = recordsOf(
    [
      {
        page: 31,
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
          ['产出指标（50分）', '数量指标', '指标1：覆盖单位数量', '28个', '28个', '2', '2'],
          ['产出指标（50分）', '数量指标', '指标2：引进高层次人才', '≥800人', '744人', '2', '1.5'],
          ['总分', '总分', '总分', '总分', '总分', '100', '99.5'],
        ],
      },
    ],
    '整体支出',
  );
  expect(r.indicators.map((i) => [i.path.join(' › '), i.name, i.weight, i.score, i.met])).toEqual([
    ['产出指标（50分） › 数量指标', '指标1：覆盖单位数量', 2, 2, true],
    ['产出指标（50分） › 数量指标', '指标2：引进高层次人才', 2, 1.5, false],
  ]);
  expect(r.scorecards.map((s) => [s.goal, s.weight, s.score])).toEqual([[{ planned: goal, actual: done }, 100, 99.5]]);
});

test('年度预算（万元） in the header cell over the funds rows names a group, not the year budget: 年初预算数 is', () => {
  const r = recordsOf(
    [
      {
        title: '部门整体支出绩效自评表',
        page: 5,
        rows: [
          [
            '部门（单位）名称',
            '某县应急管理局',
            '某县应急管理局',
            '某县应急管理局',
            '某县应急管理局',
            '某县应急管理局',
            '某县应急管理局',
          ],
          ['年度预算（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
          ['年度预算（万元）', '年度资金总额', '1599.51', '2742.55', '2536.69', '10', '92.49%', '9.25'],
          ['年度预算（万元）', '其中：财政拨款', '1439.55', '2523.14', '2333.75', '—', '—', '—'],
          ['年度预算（万元）', '其他资金', '159.96', '219.41', '202.94', '—', '—', '—'],
        ],
      },
    ],
    '整体支出',
  );
  expect(r.funds.map((f) => [f.name, f.planned, f.adjusted, f.executed, f.rate, f.unit])).toEqual([
    ['年度资金总额', 1599.51, 2742.55, 2536.69, 92.49, '万元'],
    ['财政拨款', 1439.55, 2523.14, 2333.75, null, '万元'],
    ['其他资金', 159.96, 219.41, 202.94, null, '万元'],
  ]);
});

describe('a target or actual written as sentences: no value, its text kept (a figure in a phrase is one)', () => {
  const r = recordsOf([
    {
      title: '部门整体支出绩效自评表',
      page: 2,
      rows: [
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        [
          '产出指标',
          '质量指标',
          '培养中专学生质量',
          '达到规定标准',
          '顺利完成授课任务，卫校招生789人，多项成果获表彰。',
          '2',
          '2',
        ],
        ['产出指标', '成本指标', '资金投入', '≤1095万元', '实际支付1392.20万元', '10', '10'],
      ],
    },
  ]);

  test('the sentence gives no value and no met; the phrase gives its figure', () => {
    expect(r.indicators.map(brief)).toEqual([
      [
        '产出指标 › 质量指标 › 培养中专学生质量',
        ['达到规定标准', null, null, null],
        ['顺利完成授课任务，卫校招生789人，多项成果获表彰。', null, null],
        2,
        2,
        null,
      ],
      [
        '产出指标 › 成本指标 › 资金投入',
        ['≤1095万元', 1095, '万元', '<='],
        ['实际支付1392.20万元', 1392.2, '万元'],
        10,
        10,
        false,
      ],
    ]);
  });
});
