// The indicator harness's table classes: the genre's self-evaluation and
// target tables, each written from generated truth (truth.ts) as a logical
// table the table harness draws (../grid.ts) — the MoF 项目 and 部门整体支出
// 绩效自评表, Fujian's 部门整体绩效自评表 (①…⑦ columns, 一级 / 二级 merged
// over many rows), Sichuan's 部门预算项目支出绩效自评表 (指标性质 | 指标值 |
// 度量单位 | 完成值, the actual without its unit), a 预算 项目支出绩效目标表
// (实施周期指标值 beside 年度指标值), a 部门整体支出绩效目标申报表 (年度指标值
// before 实施周期指标值, tasks with their money) and a 项目支出绩效目标表 of
// many projects (项目名称 down the left, the bound and the unit in columns of
// their own). About 280 indicator rows in all.
import type { Cell, Column, LogicalTable, Row, Segment } from '../model.ts';
import { indicatorColumns } from '../classes/shared.ts';
import { fundsRows, indicators, printed, type FundsTruth, type IndicatorTruth, type TargetTruth } from './truth.ts';

export interface IndicatorClass {
  id: string;
  title: string;
  table: LogicalTable;
  indicators: IndicatorTruth[];
  funds: FundsTruth[];
  /** its row groups name what they hold, not money: the styles that write the unit into a group or set the group in the header do not apply */
  fixedGroups?: boolean;
}

const money = (v: number | null) => (v === null ? '' : v.toFixed(2));
const rate = (v: number | null) => (v === null ? '' : `${v.toFixed(2)}%`);
const num = (v: number | null) => (v === null ? '' : printed(v, 2));
const sum = (xs: (number | null)[]) => Math.round(xs.reduce<number>((a, b) => a + (b ?? 0), 0) * 100) / 100;

/** The 总分 row: its weight and the scores of the indicators and the funds total. */
function total(list: IndicatorTruth[], funds: FundsTruth[]): { weight: string; score: string } {
  const weight = sum([...list.map((i) => i.weight), ...funds.map((f) => f.weight)]);
  const score = sum([...list.map((i) => i.score), ...funds.map((f) => f.score)]);
  return { weight: num(weight), score: num(score) };
}

/** An indicator row of a 自评表: 一级 | 二级 | 三级 | target | actual | 分值 | 得分 | 偏差原因. */
const selfRow = (i: IndicatorTruth): Row => ({
  cells: [
    i.path[0],
    i.path[1],
    i.name,
    i.target.text,
    i.actual?.text ?? '',
    num(i.weight),
    num(i.score),
    i.deviation ?? '',
  ],
});

const goalSegment = (width: number, goal: string, done: string, label = '年度总体目标'): Segment => {
  const left = Math.floor((width - 2) / 2);
  return {
    noHeader: true,
    columns: [
      { head: [''], measure: 'name' },
      { head: [''], measure: 'name' },
      ...Array.from({ length: width - 2 }, () => ({ head: [''], measure: 'text' as const })),
    ],
    rows: [{ cells: [label, goal, done], spans: [2, left, width - 2 - left] }],
  };
};

const fundsColumns = (heads: string[], measures: Column['measure'][]): Column[] =>
  heads.map((h, k) => ({ head: [h], measure: measures[k]! }));

/** The MoF 项目支出绩效自评表 with (A) (B) in its headers, 其中：本年财政拨款. */
function mofProject(): IndicatorClass {
  const project = '农村人居环境整治专项资金';
  const list = indicators({ seed: 11, count: 36, selfEvaluation: true, project });
  const names = ['年度资金总额', '其中：本年财政拨款', '上年结转资金', '其他资金'];
  const funds = fundsRows(12, names, true);
  const t = total(list, funds);
  return {
    id: 'mof-project',
    title: '项目支出绩效自评表 (MoF, 全年预算数（A）)',
    indicators: list,
    funds: funds.map(unlisted),
    table: {
      id: 'mof-project',
      title: '项目支出绩效自评表',
      caption: '项目支出绩效自评表',
      note: '（2023年度）',
      unit: '万元',
      cover: [
        { cells: ['项目名称', project], spans: [2, 6] },
        { cells: ['主管部门', '某县农业农村局', '实施单位', '某县农村能源服务站'], spans: [2, 2, 2, 2] },
      ],
      segments: [
        {
          group: '项目资金',
          spanning: [{ text: '预算执行情况', from: 1, to: 3 }],
          columns: fundsColumns(
            ['', '年初预算数', '全年预算数（A）', '全年执行数（B）', '分值', '执行率（B/A）', '得分'],
            ['name', 'money', 'money', 'money', 'score', 'percent', 'score'],
          ),
          rows: funds.map((f) => ({
            cells: [
              f.name,
              money(f.planned),
              money(f.adjusted),
              money(f.executed),
              num(f.weight),
              rate(f.rate),
              num(f.score),
            ],
          })),
        },
        goalSegment(8, '改善农村人居环境，完成年度整治任务', '完成年度目标，村容村貌明显改善'),
        { columns: indicatorColumns, rows: [...list.map(selfRow), totalRow(t, 8)] },
      ],
    },
  };
}

/** The 总分 row of an eight-column indicator block (or the width given). */
function totalRow(t: { weight: string; score: string }, width: number, word = '总分'): Row {
  return { cells: [word, t.weight, t.score, ''], spans: [width - 3, 1, 1, 1] };
}

/** A funds row as the record names it: 其中： taken off. */
const unlisted = (f: FundsTruth): FundsTruth => ({ ...f, name: f.name.replace(/^其中：/, '') });

/** The MoF 部门整体支出绩效自评表: 年度预算 over 年度资金总额 / 基本支出 / 项目支出, then 50 indicators. */
function mofDept(): IndicatorClass {
  const list = indicators({ seed: 21, count: 44, selfEvaluation: true, bareActuals: 0.4 });
  const funds = fundsRows(22, ['年度资金总额', '其中：基本支出', '项目支出'], true);
  const t = total(list, funds);
  return {
    id: 'mof-dept',
    title: '部门整体支出绩效自评表 (MoF)',
    indicators: list,
    funds: funds.map(unlisted),
    table: {
      id: 'mof-dept',
      title: '部门整体支出绩效自评表',
      caption: '部门整体支出绩效自评表',
      note: '（2023年度）',
      unit: '万元',
      cover: [{ cells: ['部门（单位）名称', '某市生态环境局'], spans: [2, 6] }],
      segments: [
        {
          group: '年度预算',
          spanning: [{ text: '预算执行情况', from: 1, to: 3 }],
          columns: fundsColumns(
            ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
            ['name', 'money', 'money', 'money', 'score', 'percent', 'score'],
          ),
          rows: funds.map((f) => ({
            cells: [
              f.name,
              money(f.planned),
              money(f.adjusted),
              money(f.executed),
              num(f.weight),
              rate(f.rate),
              num(f.score),
            ],
          })),
        },
        goalSegment(8, '持续改善生态环境质量，完成污染防治攻坚任务', '空气和水环境质量稳中向好，完成年度任务'),
        { columns: indicatorColumns, rows: [...list.map(selfRow), totalRow(t, 8)] },
      ],
    },
  };
}

/** Fujian's 部门整体绩效自评表: ①…⑦ columns over 合计 / 基本支出 / 项目支出, 60 indicators under 指标值. */
function fujianDept(): IndicatorClass {
  const list = indicators({ seed: 31, count: 60, selfEvaluation: true, weights: 100 });
  const funds = fundsRows(32, ['合计', '基本支出', '项目支出'], false);
  const t = total(list, []);
  const heads = [
    '项目',
    '年初预算数①',
    '调整预算数②',
    '全年预算数③=①+②',
    '拨付数④',
    '实际支出数⑤',
    '结余⑥=③-⑤',
    '执行率⑦=⑤/③',
  ];
  return {
    id: 'fujian-dept',
    title: '部门整体绩效自评表 (Fujian, ①…⑦)',
    indicators: list,
    funds,
    table: {
      id: 'fujian-dept',
      title: '部门整体绩效自评表',
      caption: '部门整体绩效自评表',
      note: '（2023年度）',
      unit: '万元',
      cover: [{ cells: ['部门名称', '某县农业农村局'], spans: [2, 6] }],
      segments: [
        {
          columns: fundsColumns(heads, ['name', 'money', 'money', 'money', 'money', 'money', 'money', 'percent']),
          rows: funds.map((f) => {
            const adjustment = f.adjusted! - f.planned!;
            const paid = Math.round((f.executed! + (f.adjusted! - f.executed!) * 0.5) * 100) / 100;
            const left = f.adjusted! - f.executed!;
            return {
              cells: [
                f.name,
                money(f.planned),
                money(adjustment),
                money(f.adjusted),
                money(paid),
                money(f.executed),
                money(left),
                rate(f.rate),
              ],
            };
          }),
        },
        {
          columns: [
            ...indicatorColumns.slice(0, 3),
            { head: ['指标值'], measure: 'value' },
            ...indicatorColumns.slice(4, 7),
            { head: ['偏差原因'], measure: 'text' },
          ],
          rows: [...list.map(selfRow), totalRow(t, 8)],
        },
      ],
    },
  };
}

/** Sichuan's 部门预算项目支出绩效自评表: 指标性质 | 指标值 | 度量单位 | 完成值 (no unit) | 权重 | 得分, 预算执行数. */
function sichuanProject(): IndicatorClass {
  const project = '51000021R000000019951-乡村振兴衔接补助资金';
  const list = indicators({ seed: 41, count: 34, selfEvaluation: true, project }).map(split);
  const names = ['总额', '其中：财政资金', '财政专户管理资金', '单位资金', '其他资金'];
  const funds = fundsRows(42, names, true);
  const t = total(list, funds);
  const slash = (v: number | null) => (v === null ? '/' : num(v));
  return {
    id: 'sichuan-project',
    title: '部门预算项目支出绩效自评表 (Sichuan, 指标性质 | 指标值 | 度量单位 | 完成值)',
    indicators: list,
    funds: funds.map(unlisted),
    fixedGroups: true,
    table: {
      id: 'sichuan-project',
      title: '部门预算项目支出绩效自评表',
      caption: '部门预算项目支出绩效自评表',
      note: '（2023年度）',
      unit: '万元',
      cover: [
        { cells: ['项目名称', project], spans: [3, 8] },
        { cells: ['主管部门', '某县乡村振兴局', '实施单位（盖章）', '某县乡村振兴局'], spans: [3, 3, 2, 3] },
      ],
      segments: [
        {
          group: '预算执行情况（10分）',
          columns: fundsColumns(
            [
              '年度预算数（万元）',
              '年初预算',
              '调整后预算数',
              '预算执行数',
              '预算执行率',
              '权重',
              '得分',
              '原因',
              '原因',
              '原因',
            ],
            ['name', 'money', 'money', 'money', 'percent', 'score', 'score', 'text', 'text', 'text'],
          ),
          rows: funds.map((f) => ({
            cells: [
              f.name,
              money(f.planned),
              money(f.adjusted),
              money(f.executed),
              rate(f.rate),
              slash(f.weight),
              slash(f.score),
              '',
            ],
            spans: [1, 1, 1, 1, 1, 1, 1, 3],
          })),
        },
        {
          group: '绩效指标（90分）',
          columns: [
            ...indicatorColumns.slice(0, 3),
            { head: ['指标性质'], measure: 'text' },
            { head: ['指标值'], measure: 'value' },
            { head: ['度量单位'], measure: 'text' },
            { head: ['完成值'], measure: 'value' },
            { head: ['权重'], measure: 'score' },
            { head: ['得分'], measure: 'score' },
            { head: ['未完成原因分析'], measure: 'text' },
          ],
          rows: [
            ...list.map((i) => ({
              cells: [
                i.path[0],
                i.path[1],
                i.name,
                SIGN.get(i.target.comparator) ?? '定性',
                i.target.text,
                i.target.unit ?? '',
                bareActual(i),
                num(i.weight),
                num(i.score),
                i.deviation ?? '',
              ],
            })),
            { cells: ['合计', t.weight, t.score, ''], spans: [7, 1, 1, 1] },
          ],
        },
      ],
    },
  };
}

const SIGN = new Map<TargetTruth['comparator'], string>([
  ['>=', '≥'],
  ['<=', '≤'],
  ['=', '＝'],
  ['>', '＞'],
  ['<', '＜'],
]);

/**
 * An indicator as a table with 指标性质 | 指标值 | 度量单位 columns writes it: the sign, the bare
 * value and the unit apart; a bare target is ＝, a range its lower bound (≥), words 定性.
 */
function split(i: IndicatorTruth): IndicatorTruth {
  const t = i.target;
  if (t.value === null) return i;
  const comparator = t.upper !== null ? '>=' : (t.comparator ?? '=');
  const text = printed(t.value, 2);
  return { ...i, target: { text, value: t.value, unit: t.unit, comparator, upper: null } };
}

/** The 完成值 cell: the actual's number without its unit (the unit is the 度量单位's), or its words. */
function bareActual(i: IndicatorTruth): string {
  if (!i.actual) return '';
  return i.actual.value === null ? i.actual.text : printed(i.actual.value, 2);
}

/** A 预算 项目支出绩效目标表: 实施期资金总额 | 年度资金总额, 实施周期指标值 beside 年度指标值. */
function budgetTargets(): IndicatorClass {
  const project = '智慧城市运行管理平台建设';
  const list = indicators({ seed: 51, count: 36, selfEvaluation: false, period: true, project });
  const funds = fundsRows(52, ['资金总额', '其中：财政拨款', '其他资金'], false);
  const period = (f: FundsTruth) => (f.planned === null ? null : Math.round(f.planned * 300) / 100);
  return {
    id: 'budget-targets',
    title: '项目支出绩效目标表 (预算, 实施周期指标值 | 年度指标值)',
    indicators: list,
    // The year's money is the record's budget; a target table has no actual, rate or score.
    funds: funds.map((f) => ({ ...unlisted(f), adjusted: null, executed: null, rate: null })),
    table: {
      id: 'budget-targets',
      title: '项目支出绩效目标表',
      caption: '项目支出绩效目标表',
      note: '（2026年度）',
      unit: '万元',
      cover: [
        { cells: ['项目名称', project], spans: [2, 3] },
        { cells: ['主管部门', '某市数据局', '实施单位', '某市大数据中心'], spans: [2, 1, 1, 1] },
      ],
      segments: [
        {
          group: '项目资金',
          spanning: [{ text: '资金安排', from: 1, to: 2 }],
          columns: fundsColumns(['', '实施期资金总额', '年度资金总额', '占比'], ['name', 'money', 'money', 'percent']),
          rows: funds.map((f, k) => ({
            cells: [
              f.name,
              money(period(f)),
              money(f.planned),
              rate(k === 0 ? 100 : (f.planned! / funds[0]!.planned!) * 100),
            ],
          })),
        },
        {
          columns: [
            ...indicatorColumns.slice(0, 3),
            { head: ['实施周期指标值'], measure: 'value' },
            { head: ['年度指标值'], measure: 'value' },
          ],
          rows: list.map((i) => ({ cells: [i.path[0], i.path[1], i.name, i.period!.text, i.target.text] })),
        },
      ],
    },
  };
}

/** A 部门整体支出绩效目标申报表: tasks with their money (预算数 › 总额 | 财政拨款 | 其他资金), 年度指标值 before 实施周期指标值. */
function deptDeclaration(): IndicatorClass {
  const list = indicators({ seed: 61, count: 30, selfEvaluation: false, period: true });
  const tasks = ['城乡居民医保补助', '基本公共卫生服务', '重大疾病防控', '卫生监督执法'];
  const parts = fundsRows(62, ['合计', ...tasks], false).slice(1);
  const rows = parts.map((f) => {
    const own = Math.round(f.planned! * 90) / 100;
    return { f, own, other: Math.round((f.planned! - own) * 100) / 100 };
  });
  const head = (h: string): Column => ({ head: ['预算数', h], measure: 'money' });
  return {
    id: 'dept-declaration',
    title: '部门整体支出绩效目标申报表 (年度指标值 | 实施周期指标值)',
    indicators: list,
    // Tasks with their money are not funds rows (年度资金总额 and its parts): the table has none.
    funds: [],
    fixedGroups: true,
    table: {
      id: 'dept-declaration',
      title: '部门整体支出绩效目标申报表',
      caption: '部门整体支出绩效目标申报表',
      note: '（2026年度）',
      unit: '万元',
      cover: [{ cells: ['部门（单位）名称', '某市卫生健康委员会'], spans: [2, 4] }],
      segments: [
        {
          group: '年度主要任务',
          columns: [
            { head: ['任务名称'], measure: 'name' },
            { head: ['主要内容'], measure: 'text' },
            head('总额'),
            head('财政拨款'),
            head('其他资金'),
          ],
          rows: rows.map(({ f, own, other }) => ({
            cells: [f.name, `做好${f.name}相关工作`, money(f.planned), money(own), money(other)],
          })),
        },
        {
          group: '年度绩效指标',
          columns: [
            ...indicatorColumns.slice(0, 3),
            { head: ['年度指标值'], measure: 'value' },
            { head: ['实施周期指标值'], measure: 'value' },
          ],
          rows: list.map((i) => ({ cells: [i.path[0], i.path[1], i.name, i.target.text, i.period!.text] })),
        },
      ],
    },
  };
}

/** A 项目支出绩效目标表 of many projects: 项目名称 merged down its rows, 绩效指标性质 | 本年绩效指标值 | 绩效度量单位. */
function manyProjects(): IndicatorClass {
  const projects = ['执法办案专项经费', '交通安全宣传经费', '公务用车购置项目', '绩效审计购买服务'];
  const list = projects.flatMap((project, k) =>
    indicators({ seed: 71 + k, count: 10, selfEvaluation: false, project }).map(split),
  );
  const cell = (i: IndicatorTruth): Cell[] => [
    i.project!,
    i.path[0],
    i.path[1],
    i.name,
    SIGN.get(i.target.comparator) ?? '定性',
    i.target.text,
    i.target.unit ?? '',
  ];
  return {
    id: 'many-projects',
    title: '项目支出绩效目标表 of many projects (项目名称 down the left, 指标性质 | 指标值 | 度量单位)',
    indicators: list,
    funds: [],
    table: {
      id: 'many-projects',
      title: '项目支出绩效目标表',
      caption: '项目支出绩效目标表',
      note: '（2026年度）',
      unit: '万元',
      segments: [
        {
          columns: [
            { head: ['项目名称'], measure: 'name' },
            ...indicatorColumns.slice(0, 3),
            { head: ['绩效指标性质'], measure: 'text' },
            { head: ['本年绩效指标值'], measure: 'value' },
            { head: ['绩效度量单位'], measure: 'text' },
          ],
          rows: list.map((i) => ({ cells: cell(i) })),
        },
      ],
    },
  };
}

export const INDICATOR_CLASSES: readonly IndicatorClass[] = [
  mofProject(),
  mofDept(),
  fujianDept(),
  sichuanProject(),
  budgetTargets(),
  deptDeclaration(),
  manyProjects(),
];
