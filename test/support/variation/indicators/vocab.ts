// What the indicator harness writes its tables from: indicators of the genre
// by 一级 / 二级 指标 and what they measure, and the ways a target and an
// actual are written for each measure (≥392户, 不低于95%, 240人以上, ≤3843.67万元,
// =24小时, 90%-95%, 有效提升, 达标, an actual without its unit). The reader's
// code is never consulted: each form says what it means itself.
import type { Comparator } from '../../../../src/schema/report.ts';

/** What an indicator measures, and so how its target is written. */
export type Measure =
  | 'count' // a number of things: 户, 人次, 个 … (more is better)
  | 'rate' // a percent, more is better (合格率, 满意度)
  | 'lowRate' // a percent, less is better (发生率, 差错率)
  | 'cost' // money, less is better (成本, 单价)
  | 'hours' // a time limit (响应时间)
  | 'points' // a score out of 100 (满意度测评 ≥90分)
  | 'words' // a target in words (有效提升, 达标)
  | 'date'; // a deadline (2023年12月底前)

export interface Template {
  level1: string;
  level2: string;
  name: string;
  measure: Measure;
  /** the unit of a count or a cost */
  unit?: string;
  /** the target's range of values */
  range?: [number, number];
}

const T = (
  level1: string,
  level2: string,
  measure: Measure,
  names: string[],
  unit?: string,
  range?: [number, number],
) => names.map((name): Template => ({ level1, level2, name, measure, unit, range }));

const OUT = '产出指标';
const COST = '成本指标';
const EFFECT = '效益指标';
const SAT = '满意度指标';

/** The templates in the order the genre lists them (产出, 成本, 效益, 满意度): a table keeps this order. */
export const TEMPLATES: readonly Template[] = [
  ...T(
    OUT,
    '数量指标',
    'count',
    ['培训基层干部', '开展业务培训', '接待群众来访', '开展义诊服务', '培训新型职业农民'],
    '人次',
    [200, 20000],
  ),
  ...T(
    OUT,
    '数量指标',
    'count',
    ['改造农村危房', '帮扶困难家庭', '发放低保对象', '改造老旧小区住户'],
    '户',
    [50, 5000],
  ),
  ...T(
    OUT,
    '数量指标',
    'count',
    ['新建村级服务站', '覆盖行政村', '建成示范点', '建设智慧安防小区', '扶持农民专业合作社'],
    '个',
    [3, 300],
  ),
  ...T(
    OUT,
    '数量指标',
    'count',
    ['开展执法检查', '组织应急演练', '举办宣传活动', '开展送戏下乡演出', '召开专题会议'],
    '次',
    [4, 600],
  ),
  ...T(OUT, '数量指标', 'count', ['新增造林面积', '建设高标准农田', '完成退化林修复'], '亩', [500, 90000]),
  ...T(OUT, '数量指标', 'count', ['完成抽检样本', '检测农产品'], '批次', [100, 12000]),
  ...T(OUT, '数量指标', 'count', ['整治河道里程', '修复农村公路'], '公里', [5, 400]),
  ...T(OUT, '数量指标', 'count', ['采购执法设备', '更新监控终端'], '台', [10, 900]),
  ...T(OUT, '数量指标', 'count', ['印发宣传资料', '办理审批事项', '受理投诉举报'], '件', [100, 30000]),
  ...T(OUT, '质量指标', 'rate', [
    '工程验收合格率',
    '设备完好率',
    '检测结果准确率',
    '培训考核合格率',
    '档案资料规范率',
    '数据录入准确率',
    '问题整改完成率',
    '食品抽检合格率',
    '疫苗接种率',
  ]),
  ...T(OUT, '质量指标', 'lowRate', ['检验鉴定差错率', '系统故障发生率']),
  ...T(OUT, '时效指标', 'rate', ['资金拨付及时率', '项目按期完工率', '信访事项按期办结率', '补助资金发放及时率']),
  ...T(OUT, '时效指标', 'hours', ['故障响应时间', '应急到场时间'], '小时', [1, 48]),
  ...T(OUT, '时效指标', 'date', ['项目完成时间', '年度报告报送时间']),
  ...T(COST, '经济成本指标', 'cost', ['人均培训成本', '单个站点建设成本'], '元', [80, 9000]),
  ...T(COST, '经济成本指标', 'cost', ['项目总成本', '设备采购成本', '运维服务费用'], '万元', [20, 4000]),
  ...T(COST, '社会成本指标', 'words', ['对周边群众生活的影响']),
  ...T(EFFECT, '经济效益指标', 'count', ['带动农户增收'], '万元', [50, 3000]),
  ...T(EFFECT, '社会效益指标', 'words', [
    '群众安全感',
    '公共服务水平',
    '基层治理能力',
    '政策知晓度',
    '营商环境',
    '居民健康水平',
  ]),
  ...T(EFFECT, '社会效益指标', 'rate', ['服务对象覆盖率', '政策宣传覆盖率']),
  ...T(EFFECT, '社会效益指标', 'lowRate', ['安全事故发生率', '有效投诉率']),
  ...T(EFFECT, '生态效益指标', 'rate', ['森林覆盖率', '生活污水处理率', '空气质量优良天数比例']),
  ...T(EFFECT, '可持续影响指标', 'words', ['长效管理机制', '设施持续发挥效益']),
  ...T(SAT, '服务对象满意度指标', 'rate', ['群众满意度', '受训人员满意度', '企业满意度', '服务对象满意度']),
  ...T(SAT, '服务对象满意度指标', 'points', ['满意度测评得分']),
];

/** A way of writing a target: its text for a value (and an upper value), and what it means. */
export interface Form {
  write: (v: string, unit: string, upper: string) => string;
  comparator: Comparator | null;
  /** a range: the upper value is part of it */
  range?: boolean;
}

const f = (write: Form['write'], comparator: Comparator | null, range = false): Form => ({ write, comparator, range });

/** Target forms by measure (a unit of '%' for rates, '分' for points). */
export const TARGET_FORMS: Record<Exclude<Measure, 'words' | 'date'>, Form[]> = {
  count: [
    f((v, u) => `≥${v}${u}`, '>='),
    f((v, u) => `不少于${v}${u}`, '>='),
    f((v, u) => `${v}${u}以上`, '>='),
    f((v, u) => `${v}${u}`, null),
    f((v, u) => `=${v}${u}`, '='),
    f((v, u) => `＞${v}${u}`, '>'),
  ],
  rate: [
    f((v) => `≥${v}%`, '>='),
    f((v) => `不低于${v}%`, '>='),
    f((v) => `${v}%`, null),
    f((v) => `${v}%以上`, '>='),
    f((v) => `＞${v}%`, '>'),
    f((v, _u, up) => `${v}%-${up}%`, null, true),
  ],
  lowRate: [
    f((v) => `≤${v}%`, '<='),
    f((v) => `不高于${v}%`, '<='),
    f((v) => `不超过${v}%`, '<='),
    f((v) => `＜${v}%`, '<'),
    f((v) => `${v}%以下`, '<='),
  ],
  cost: [
    f((v, u) => `≤${v}${u}`, '<='),
    f((v, u) => `不超过${v}${u}`, '<='),
    f((v, u) => `控制在${v}${u}以内`, '<='),
    f((v, u) => `${v}${u}`, null),
  ],
  hours: [f((v, u) => `≤${v}${u}`, '<='), f((v, u) => `=${v}${u}`, '='), f((v, u) => `${v}${u}以内`, '<=')],
  points: [f((v) => `≥${v}分`, '>='), f((v) => `不低于${v}分`, '>=')],
};

/** Targets in words, and what was done as words. */
export const WORD_TARGETS = ['有效提升', '达标', '逐步提高', '明显改善', '持续优化', '健全', '有所提高', '长期'];
export const WORD_ACTUALS = ['有效提升', '达标', '已完成', '基本达到', '明显改善', '良好'];

/** A deadline and what was done. */
export const DATE_TARGETS = (year: number) => [`${year}年12月底前`, '12月31日前', `${year}年11月30日前`];
export const DATE_ACTUALS = ['按期完成', '已完成', '12月20日'];

/** Why a target was missed (偏差原因分析及改进措施). */
export const DEVIATIONS = [
  '受天气影响工期延后，下一步加快推进',
  '部分站点服务项目较少，将持续完善',
  '个别地块整改未完成，已列入下年计划',
  '宣传覆盖不够，将加大宣传力度',
  '资金到位较晚，影响支出进度',
];
