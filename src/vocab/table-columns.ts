// What a table column's name says about its cells, as data: which columns
// hold codes or ordinals, rates, scores, counts of people or things, targets
// and actual values, prose, units and bounds. tables/ reads them to decide
// each column's role and unit; facts/ to name and read cells.

/** Headers of columns whose numbers are ordinals or codes, not quantities. */
export const NOT_A_QUANTITY =
  /^(?:序号|编号|代码|年度|年份|栏次|行次|排名|排序|类|款|项|(?:科目|项目|功能分类科目|经济分类科目)(?:编码|代码))$/;
/** Of those, the ones that hold codes: 科目编码 201 / 20101 / 2010101, or its parts in columns 类 | 款 | 项 (201 | 02 | 01). */
export const CODE_HEADER = /(?:编码|代码)$|^[类款项]$/;
/** A column of rates: its numbers are percent. */
export const RATE_HEADER = /(?:率|比例|占比|比重)$/;
/** A column of scores: its numbers are 分 (权重 is a weight in points: Sichuan's 权重 | 得分). */
export const SCORE_HEADER = /分值|得分|分数|评分|满分|权重|权数/;
/** Headers that count people or things: a money unit line cannot apply to them. */
export const COUNTED = /(?:人数|户数|个数|数量|次数|家数|件数|人次|编制数|车辆数|床位数)$/;
/** Columns that hold values, not names: targets, actuals, notes. */
export const VALUE_HEADER = /(?:指标值|目标值|完成值|实际值|实际完成情况|完成情况|偏差|原因|改进措施|说明|备注)/;
/** A column of prose about the row (a 项目支出绩效目标表's 绩效目标): what it says is no name of the row's numbers. */
export const PROSE_COLUMN = /(?:目标|概况|简介|主要内容|实施内容|项目内容)$/;
/** A column naming the unit of its row's values (绩效度量单位, 计量单位). */
export const UNIT_COLUMN = /^(?:绩效)?(?:度量|计量|计价)单位$|^指标(?:值)?单位$|^单位$/;
/** A column naming its row's bound (指标性质 | ≥, 指标值类型 | ＝). */
export const COMPARATOR_COLUMN = /(?:指标性质|指标值类型|符号|比较|运算)/;
/** Headers of an indicator's actual value, and of the target whose unit it shares (≤100% → 93.47 is %). */
export const ACTUAL_HEADER = /(?:实际完成值|实际完成|完成值|实际值|实际完成情况)$/;
export const TARGET_HEADER = /(?:年度指标值|指标值|目标值|年度目标|预期目标值)$/;
/**
 * 调整预算数 beside a 全年预算数 (Fujian's 年初预算数① | 调整预算数② | 全年预算数③=①+②) is the adjustment, a
 * change: not the adjusted budget, which the other column is.
 */
export const ADJUSTMENT_HEADER = /^调整预算(?:数|金额)?$/;
export const ADJUSTED_HEADER = /^全年预算(?:数|金额)?$|^调整后(?:的)?预算(?:数|金额)?$/;
/**
 * The columns of a table of changes (上年预算数 | 本年预算数 | 增减额 | 增减率, or 比上年增减 › 金额 | %):
 * the year before's amount, the change, and the change's rate — matched on a column's whole header path
 * (its cells joined), so that a two-row header names them too.
 */
export const BEFORE_HEADER = /^上年(?:度)?(?:预算|决算|执行|实际|支出|收入)?(?:数|金额|合计)?$/;
export const CHANGE_HEADER = /(?:增减|变动)(?:额|金额|数)?$/;
export const CHANGE_RATE_HEADER = /(?:(?:增减|增长|变动)(?:率|幅度|比例|%|％)|增幅)$/;
