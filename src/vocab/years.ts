// The words that put a figure in a year (contract 1.2 `year`), and the words
// of a growth statement (比上年增长 12.5%, 下降 3 个百分点), as data.

/** A year named in the text: 2022年, 2022 年度. */
export const YEAR_NAMED = /((?:19|20)\d{2})\s*年/g;

/** Words for a year relative to the report's, with the offset they give; 上年结转 is this year's money carried over. */
export const RELATIVE_YEARS: { words: RegExp; offset: number }[] = [
  { words: /上年(?!结转|结余)|去年|上一年度?|上年度/g, offset: -1 },
  { words: /前年/g, offset: -2 },
  { words: /下一?年度|下年(?!初|底|末)|明年|来年/g, offset: 1 },
  { words: /今年|本年度?|当年(?!财政)|本期/g, offset: 0 },
];

/** Year words a concept label does not need: 上年决算数 is the concept of 决算数 in another year. */
export const YEAR_WORDS_IN_LABEL =
  /^(?:比|较|与)?(?:(?:19|20)\d{2}\s*年度?|上一年度?|上年度?(?!结转|结余)|去年|前年|下一?年度?|明年|本年度?(?!支出|收入)|今年|当年)(?:同期)?(?:的)?/;

/**
 * Where a comparison starts: what follows it up to the number is the base of a
 * change (比上年, 较2021年, 与上年相比, 同比), not the figure's own year.
 */
export const COMPARISON = /同比|环比|比(?!例|重|率)|较(?![好大高低多少为快强差])|与(?=[^，。；]*?相比)/g;

/** A change stated as a rise (增长 12.5%, 增幅 8%, 提高 3 个百分点)… */
export const RISE = /(?:增长|增加|上升|提高|提升|上涨|增长率|增幅|涨幅|增速)(?:了|率)?(?:为|达|达到|是)?(?:约|近)?\s*$/;
/** …or as a fall (下降 3.1%, 减少, 降幅 5%): the fact's value becomes negative. */
export const FALL = /(?:下降|减少|降低|下滑|回落|缩减|减幅|降幅|下降率)(?:了|率)?(?:为|达|达到|是)?(?:约|近)?\s*$/;
/** A difference after a comparison in its clause (比上年多 800 万元, 较预算节约 12 万元): more… */
export const MORE = /(?<![最较许很])(?:多|超支|超出)(?:了)?\s*$/;
/** …or less. */
export const LESS = /(?<![至减缺])(?:少|节约|节省)(?:了)?\s*$/;

/** The base of a growth statement against the year before: 比上年, 较上一年度, 同比, 与上年相比. */
export const AGAINST_PREVIOUS = /^(?:比|较|与)?(?:上年|去年|上一年度?|上年度)(?:同期)?|^同比/;

/**
 * Counts that describe what a unit is rather than what it did in a year: a
 * count that is not of people, in a sentence about its duties or bodies, that
 * names no year (主要职能 15 项, 内设机构 8 个) — `year` null.
 */
export const STANDING = /职能|职责|内设|机构设置|下设|下属|所属|科室|股室|二级单位|直属单位|业务机构/;
/** Sections that describe the unit: its duties and bodies. */
export const STANDING_SECTION = /职能|职责|机构设置|内设机构|机构情况|组织架构/;
export const PEOPLE = /^(?:人|名|人次|位)$/;
