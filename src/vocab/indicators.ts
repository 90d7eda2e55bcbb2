// The performance-target tables as their headers name them, as data: which
// column of an indicator block holds what (一级/二级/三级指标, 年度指标值,
// 实际完成值, 分值, 得分, 偏差原因 …), which column of a funds block holds what
// (年初预算数, 全年预算数, 全年执行数, 执行率 …), the 一级 and 二级 names a
// merged 绩效指标 cell starts with, what is better low, the 年度总体目标 and
// 评价等级 words. records/ reads them to make each row one record.

/** The fields of an indicator row. */
export type IndicatorField =
  | 'level1'
  | 'level2'
  | 'name'
  | 'target'
  | 'periodTarget'
  | 'actual'
  | 'weight'
  | 'score'
  | 'deviation'
  | 'comparator'
  | 'unit'
  | 'project';

/**
 * A column's header (its innermost cell, spaces, notes in brackets and ①…⑦
 * formulas taken off: headerName) against each field, first match wins. A
 * name column may be called 三级指标, 指标名称, 指标内容 …; 绩效指标 names the
 * indicator only where no other column does (it is also the group merged down
 * the left of the block).
 */
export const INDICATOR_COLUMNS: readonly (readonly [IndicatorField, RegExp])[] = [
  ['level1', /^一级(?:绩效)?指标$/],
  ['level2', /^二级(?:绩效)?指标$/],
  ['name', /^(?:三级(?:绩效)?指标|(?:绩效)?指标名称|指标内容|具体指标|考核指标|评价指标|四级指标)$/],
  ['periodTarget', /^(?:实施周期|中长期|整体|总体)(?:绩效)?(?:指标值|目标值)$/],
  [
    'target',
    /^(?:年度|本年|本年度|全年|当年)?(?:绩效)?(?:指标值|目标值)$|^年度(?:绩效)?目标$|^预期(?:目标)?值$|^计划值$/,
  ],
  ['actual', /^(?:全年|年度|本年)?实际完成(?:值|数|情况)?$|^(?:实际)?完成值$|^实际值$|^完成情况值$|^实际达成值$/],
  ['weight', /^(?:指标)?分值$|^权重(?:分)?$|^满分$|^标准分$/],
  ['score', /^(?:自评)?得分$|^评分$|^自评分$|^评价得分$|^实际得分$/],
  ['deviation', /偏差原因|改进措施|未完成原因|偏差分析/],
  ['comparator', /^(?:绩效)?指标(?:值)?性质$|^指标值类型$|^(?:比较)?符号$|^运算符$/],
  ['unit', /^(?:绩效)?(?:度量|计量|计价)单位$|^指标(?:值)?单位$/],
  ['project', /^(?:项目名称|单位（项目）名称|项目)$/],
];

/** In a cell listing indicators: the key of an item's year's target (年度指标值:), and of its period's. */
export const LISTED_TARGET_KEY = /^((?:年度|本年|全年|当年)?(?:绩效)?(?:指标值|目标值))\s*[:：]/;
export const LISTED_PERIOD_KEY = /^(?:实施周期|中长期|整体|总体)(?:绩效)?(?:指标值|目标值)\s*[:：]/;

/** 绩效指标 as the name column, where no other column names the indicator. */
export const INDICATOR_NAME_FALLBACK = /^绩效指标$/;

/** The fields of a funds row. */
export type FundsField = 'planned' | 'adjusted' | 'executed' | 'rate' | 'weight' | 'score';

/**
 * A funds block's columns, first match wins. 调整预算数 is the adjusted budget
 * only where no 全年预算数 stands beside it (Fujian's ② is the adjustment, ③ = ① + ② the year's budget).
 */
export const FUNDS_COLUMNS: readonly (readonly [FundsField, RegExp])[] = [
  ['adjusted', /^(?:全年预算(?:数|金额)?|调整后(?:的)?预算(?:数)?|全年预算批复数)$/],
  [
    'planned',
    /^(?:年初预算(?:数|金额)?|年初批复(?:预算)?数?|预算数|年度预算(?:数)?|年度资金总额|预算金额|申请(?:预算)?数|预算安排(?:数)?)$/,
  ],
  [
    'executed',
    /^(?:全年执行数?|(?:预算)?执行数|实际执行数|实际支出(?:数)?|决算数|全年支出(?:数)?|全年实际支出(?:数)?|实际完成数)$/,
  ],
  ['rate', /执行率$/],
  ['weight', /^(?:指标)?分值$|^权重(?:分)?$/],
  ['score', /^(?:自评)?得分$|^评分$/],
];

/** 调整预算数: the adjusted budget where the table has no 全年预算数. */
export const ADJUSTED_FALLBACK = /^调整预算(?:数)?$/;

/** Under a group of amounts (全年预算数 › 总额 | 财政拨款 | 其他资金) the column that is the group's whole. */
export const GROUP_WHOLE = /^(?:总额|合计|小计|总计|金额)$/;

/**
 * 一级 and 二级 names a 绩效指标 cell may start with when the table merges
 * them into it (产出指标数量指标标志标线…完成率): split off into the path.
 */
export const LEVEL1_NAMES =
  /^(?:产出指标|效益指标|满意度指标|成本指标|效果指标|影响指标|管理指标|过程指标|决策指标|投入指标|履职效能|社会效应)/;
export const LEVEL2_NAMES =
  /^(?:数量指标|质量指标|时效指标|(?:经济|社会|生态环境|生态)?成本指标|(?:经济|社会|生态|可持续影响)?效益指标|可持续影响指标|(?:服务对象|社会公众|群众)?满意度指标)/;

/** A cell that is a 一级 or 二级 name and nothing more (产出指标, 数量指标, 服务对象满意度指标). */
export function isLevelName(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return [LEVEL1_NAMES, LEVEL2_NAMES].some((re) => re.exec(t)?.[0] === t);
}

/**
 * A name the framework gives the other level only: a 二级 name in the 一级 column (数量指标, 社会效益指标)
 * or a 一级 name in the 二级 column (产出指标) — a merged cell read over both level columns, or a column
 * taken for the other. (成本指标, 效益指标, 满意度指标 are names of both levels.)
 */
export function isOtherLevelName(text: string, level: 1 | 2): boolean {
  const t = text.replace(/\s+/g, '');
  const is = (re: RegExp) => re.exec(t)?.[0] === t;
  return level === 1 ? is(LEVEL2_NAMES) && !is(LEVEL1_NAMES) : is(LEVEL1_NAMES) && !is(LEVEL2_NAMES);
}

/**
 * A 一级 or 二级 cell read in pieces: 指标 twice (产出数量指标指标, two wrapped cells run together), or
 * a piece of a name short of its end (成本指, 产出, 指标, 标).
 */
const LEVEL_NAME_LIST = [
  '产出指标',
  '效益指标',
  '满意度指标',
  '成本指标',
  '效果指标',
  '影响指标',
  '数量指标',
  '质量指标',
  '时效指标',
  '经济成本指标',
  '社会成本指标',
  '生态环境成本指标',
  '生态成本指标',
  '经济效益指标',
  '社会效益指标',
  '生态效益指标',
  '可持续影响指标',
  '服务对象满意度指标',
  '社会公众满意度指标',
  '群众满意度指标',
];
/**
 * The 一级 each of the framework's 二级 names stands under (财政部's 绩效指标体系): 数量 | 质量 | 时效
 * under 产出指标, 经济 | 社会 | 生态 | 可持续影响 效益 under 效益指标, 经济 | 社会 | 生态环境 成本 under
 * 成本指标, 服务对象满意度 under 满意度指标. (成本指标 alone is a 二级 of 产出指标 in the older framework.)
 */
const LEVEL1_OF: Record<string, string> = {
  数量指标: '产出指标',
  质量指标: '产出指标',
  时效指标: '产出指标',
  经济效益指标: '效益指标',
  社会效益指标: '效益指标',
  生态效益指标: '效益指标',
  可持续影响指标: '效益指标',
  经济成本指标: '成本指标',
  社会成本指标: '成本指标',
  生态环境成本指标: '成本指标',
  生态成本指标: '成本指标',
  服务对象满意度指标: '满意度指标',
  社会公众满意度指标: '满意度指标',
  群众满意度指标: '满意度指标',
};

/** A 一级 and a 二级 that cannot stand together: both the framework's names, the 二级 under another 一级. */
export function levelsClash(level1: string, level2: string): boolean {
  const parent = LEVEL1_OF[level2.replace(/\s+/g, '')];
  const l1 = level1.replace(/\s+/g, '');
  return parent !== undefined && Object.values(LEVEL1_OF).includes(l1) && l1 !== parent;
}

export function isLevelPiece(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (t === '') return false;
  if ((t.match(/指标/g) ?? []).length >= 2 || /^标/.test(t) || t === '指标') return true;
  return LEVEL_NAME_LIST.some((n) => n.length > t.length && n.startsWith(t));
}

/**
 * Indicators that are better low: a target written without a bound is a
 * ceiling there, not a floor — and not judged.
 */
export const LOWER_BETTER =
  /发生率|事故|投诉|差错|误差|失误|违规|违纪|超支|成本|费用|经费|单价|时限|时间|周期|天数|时长|用时|期限|损失|死亡|伤亡|不合格|空置|闲置|流失|复发|辍学|退出|能耗|排放|浓度|控制/;

/** The 年度总体目标 row's label cell(s), and the two texts under it. */
export const GOAL_LABEL = /^(?:年度)?(?:总体|整体)(?:绩效)?目标$|^年度(?:绩效)?目标$|^总体目标$/;
export const GOAL_PLANNED = /^预期目标/;
export const GOAL_ACTUAL = /^(?:目标)?实际完成情况|^全年实际完成情况$/;

/** A row stating the table's grade, and the grades as words. */
export const GRADE_LABEL = /^(?:自评|评价|绩效|考核)?(?:等级|等次)$|^(?:自评|评价)结果$|^评价结论$/;
export const GRADE_WORD = /^(?:优秀?|良好?|中等?|合格|及格|差|不合格|一般|较差|[ABCD])$/;

/**
 * A header cell as the fields match it: spaces, a circled number before it,
 * a circled formula after it (③=①+②, ⑦=⑤/③) and notes in brackets at its end
 * ((万元), (A), (B/A)) taken off. A bracket inside stays: 单位（项目）名称.
 */
export function headerName(cell: string): string {
  let t = cell
    .replace(/\s+/g, '')
    .replace(/^[①-⑳]/, '')
    .replace(/[①-⑳].*$/, '');
  for (let before = ''; before !== t;) [before, t] = [t, t.replace(/[（(][^（）()]*[）)]$/, '')];
  return t.replace(/[:：]$/, '');
}
