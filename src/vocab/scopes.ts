// What a budget figure is beyond its words: the scope of money it belongs to,
// the measure it states and the stage of the budget it is at. A 预算 or 决算
// states the same words — 合计, 基本支出, 支出预算 — for the unit's whole money
// and again for each source of funds (一般公共预算, 政府性基金 …) and for kinds
// of spending reported apart ("三公"经费 …); the figures differ by design. Two
// figures are one quantity only when scope, measure and stage are the same
// (checks/identity.ts reads them from a table's title, a cell's row and column,
// or the words around a figure of the text).

export interface FundScope {
  id: string;
  words: RegExp;
}

/**
 * The scopes, most specific first: "三公"经费财政拨款支出 is of the "三公"经费,
 * 一般公共预算财政拨款 of the 一般公共预算. Quotes and spaces are taken out of a
 * text before it is matched (“三公”经费 → 三公经费).
 */
export const FUND_SCOPES: readonly FundScope[] = [
  { id: 'three-public', words: /三公经费|三公/g },
  { id: 'office-running', words: /机关运行经费/g },
  { id: 'procurement', words: /政府采购/g },
  { id: 'purchased-services', words: /政府购买服务/g },
  { id: 'government-fund', words: /政府性基金(?:预算)?/g },
  { id: 'state-capital', words: /国有资本经营(?:预算)?/g },
  { id: 'special-account', words: /财政专户(?:管理)?(?:资金)?/g },
  { id: 'general-public', words: /一般公共预算|公共财政预算/g },
  { id: 'fiscal', words: /(?:本级)?财政拨款|财政资金/g },
];

/** The scope of a figure that names none: the unit's (or project's) money as a whole. */
export const WHOLE_SCOPE = 'whole';

/** Scopes that are kinds of spending: a figure of one that names no measure (“三公”经费 25 万元) is its spending. */
export const SPENDING_SCOPES: ReadonlySet<string> = new Set([
  'three-public',
  'office-running',
  'procurement',
  'purchased-services',
]);

export type Stage = 'initial' | 'adjusted' | 'actual';

/**
 * Stage words (looked for once the scope words are out of the text, so that
 * 一般公共预算 says no stage). Two stages in one label (预算执行数) is no stage.
 */
export const STAGE_WORDS: readonly { stage: Stage; words: RegExp }[] = [
  { stage: 'adjusted', words: /调整(?:后的?)?(?:全年)?预算(?:数|金额)?|预算调整数|全年预算(?:数|金额)?/g },
  { stage: 'actual', words: /决算(?:数|金额)?|(?:全年|实际)?执行(?:数|金额)?|实际支出(?:数|金额)?|实际/g },
  {
    stage: 'initial',
    words: /年初(?:预算|批复|安排)(?:数|金额)?|(?:本年)?预算(?:安排|批复)?(?:数|金额)?|批复数|安排数/g,
  },
];

/**
 * Words that leave what a figure measures as it is: its owner (本部门, 本单位),
 * the year (2024年, 本年度, 当年), list words (其中, 一、), 的, 安排的 (财政拨款
 * 安排的“三公”经费) and a column's 金额.
 */
export const NEUTRAL_WORDS =
  /(?:19|20)\d{2}\s*年度?|本部门|本单位|我局|我单位|本级|部门|单位|本年度|年度|当年|全年|其中|安排的?|^[一二三四五六七八九十]+[、.．]|^[0-9]+[、.．]|的|金额|[:：、]/g;

/**
 * The measures, each of the whole remainder of a label once its scope, stage
 * and neutral words are out. A figure of the year (本年支出合计, a table's 合计
 * row) is not the grand total (支出总计, with what is carried over or forward).
 */
export const MEASURES: readonly { id: string; words: RegExp }[] = [
  { id: 'income.year', words: /^(?:本年)?(?:拨款)?收入(?:合计|小计)$|^本年收入$|^拨款收入$|^拨款$/ },
  { id: 'income.grand', words: /^(?:拨款)?收入总计$|^收入总额$|^总收入$/ },
  { id: 'spending.year', words: /^(?:本年)?(?:拨款)?支出(?:合计|小计)$|^本年支出$|^拨款支出$/ },
  { id: 'spending.grand', words: /^(?:拨款)?支出总计$|^支出总额$|^总支出$/ },
  { id: 'basic', words: /^(?:本年)?基本支出(?:合计|小计)?$/ },
  { id: 'project', words: /^(?:本年)?项目支出(?:合计|小计|总数)?$/ },
  { id: 'personnel', words: /^人员经费(?:支出)?(?:合计|小计)?$/ },
  { id: 'public', words: /^(?:日常)?公用经费(?:支出)?(?:合计|小计)?$/ },
  { id: 'abroad', words: /^因公出国(?:境)?(?:费用?|经费)$/ },
  { id: 'car', words: /^公务用车购置及运行(?:维护|维修)?(?:费用?|经费)$/ },
  { id: 'car.purchase', words: /^公务用车购置(?:费用?|经费)$/ },
  { id: 'car.running', words: /^公务用车运行(?:维护|维修)?(?:费用?|经费)$/ },
  { id: 'reception', words: /^公务接待(?:费用?|经费)$/ },
];

/**
 * A bare 收入 / 支出: of a source of funds or a kind of spending, that year's;
 * of the whole unit it may be the year's or the grand total, and is no measure.
 */
export const BARE_MEASURES: readonly { id: string; words: RegExp }[] = [
  { id: 'income.year', words: /^收入$/ },
  { id: 'spending.year', words: /^支出$|^经费$|^经费支出$/ },
];

/**
 * A change against the year before, as a change's label names it (一般公共预算
 * 支出比上年增加, 基本支出较上年减少): such a change of a budget measure is a
 * quantity of its own, the same wherever it is stated. A change against
 * anything else (较年初预算增加) is not read.
 */
export const YEAR_ON_YEAR =
  /(?:比|较|与|同)?(?:上年|上一年度?|去年)(?:相比|同期)?(?:增加|增长|减少|下降|提高|降低|上升|多|少)了?|同比(?:增加|增长|减少|下降|提高|降低)/g;

/** What a total row or a column of totals is called: it takes its measure from the column, the group or the table. */
export const TOTAL_WORDS = /^(?:合计|总计|小计|合计数|总额)?$/;

/** A total word written right before a figure of the text (收入总计为 1320 万元). */
export const TOTAL_BEFORE_FIGURE = /(总计|合计|小计|总额)(?:为|是|达到?|共)?\s*$/;

/**
 * 总计 is the grand total in a 收支总表 (本年收入合计 + 上年结转) and the
 * year's in a table of 科目: a 总计 that names no measure of its own is neither.
 */
export const GRAND_OR_YEAR = /^总计$/;

/**
 * Money carried over or forward (上年结转, 年初结转和结余, 年末结转和结余): the
 * rows listed under such a row (一般公共预算财政拨款 …) are its parts, not the
 * year's money of their scope.
 */
export const CARRIED = /结转|结余/;

/** A row that closes a group of rows above it: a total, or the year's (本年收入合计). */
export const CLOSING_ROW = /合计|总计|小计/;

/**
 * A table's own measure from its title, for its total cells: a 基本支出表's 合计
 * is 基本支出. Only a table named for the money it lists (…支出表, …支出决算表,
 * …支出情况表, "三公"经费支出表), not one that only mentions it (部门整体支出
 * 绩效自评表); a table of both (收支总表, 收入支出决算总表) names its rows instead.
 */
export const TABLE_MEASURES: readonly { id: string | null; words: RegExp }[] = [
  { id: null, words: /收支|收入.*支出|支出.*收入/ },
  { id: 'basic', words: /基本支出(?:预算|决算)?(?:总|情况|总体情况|明细)?表$/ },
  { id: 'project', words: /项目支出(?:预算|决算)?(?:总|情况|总体情况|明细)?表$/ },
  { id: 'income.year', words: /收入(?:预算|决算)?(?:总|情况|总体情况|明细)?表$/ },
  { id: 'spending.year', words: /(?:支出|经费)(?:预算|决算)?(?:总|情况|总体情况|明细)?表$/ },
];
