// The canonical concepts of the output contract, and the one table that maps a
// fact to them. A rule tests the fact's kind and its scoped label (the label
// with the budget scope its sentence or section gives, e.g. 基本支出全年预算数).
// Adding a concept is one line here and a test.
import type { FactKind } from '../schema/report.ts';

/** Words by which a report names its own unit or year before a budget term (部门年初预算数, 本单位决算数). */
const OWNER = '(?:本部门|本单位|本局|我局|我单位|我委|我院|我校|我中心|我办|全局|本级|部门|单位|本年度|年度)';
const INITIAL =
  '(?:年初预算(?:安排|批复)?(?:数|金额|资金)?|年初批复(?:预算)?数?|预算批复数|批复预算数?|年初安排(?:预算)?数?)';
const ADJUSTED = '(?:全年预算(?:数|金额|资金)?|调整(?:后的?)?(?:全年)?预算(?:数|金额)?|预算调整数|全年可用预算)';
const ACTUAL =
  '(?:(?:全年)?决算(?:支出)?(?:数|金额)?|支出决算数?|(?:全年|实际|全年实际)?执行(?:数|金额)|(?:全年)?实际支出(?:数|金额)?|全年支出数?|本年支出)';
/** 决算支出合计, 年初预算总额: a total said twice over. */
const SUFFIX = '(?:合计|总额|总计)?';
const TOTAL =
  '(?:部门整体支出|单位整体支出|整体支出|部门支出|单位支出|支出总额|总支出|部门预算支出|支出合计|年度资金总额|资金总额)';
const BASIC = '(?:基本支出)';
const PROJECT = '(?:项目支出)';

export interface ConceptRule {
  concept: string;
  kinds: FactKind[];
  label: RegExp;
}

const IS_BASIC = new RegExp(`^${BASIC}$`);
const IS_PROJECT = new RegExp(`^${PROJECT}$`);
const SCOPE_OF = (scope: string): Scope =>
  IS_BASIC.test(scope) ? 'basic' : IS_PROJECT.test(scope) ? 'project' : 'total';
/** A budget label: owner words, an optional scope, then one measure. */
const BUDGET_LABEL = new RegExp(
  `^(${OWNER}*)(${TOTAL}|${BASIC}|${PROJECT})?(?:的|中的?)?(?:(${INITIAL})|(${ADJUSTED})|(${ACTUAL}))${SUFFIX}$`,
);
const STAGES = ['initial', 'adjusted', 'actual'] as const;

export type Scope = 'total' | 'basic' | 'project';

/** The concepts besides budget.{total,basic,project}.{initial,adjusted,actual}, which BUDGET_LABEL reads. */
export const CONCEPTS: ConceptRule[] = [
  {
    concept: 'budget.basic.personnel',
    kinds: ['money'],
    label: /^(?:基本支出)?(?:中的?)?人员经费(?:支出)?(?:决算数|支出数)?$/,
  },
  {
    concept: 'budget.basic.public',
    kinds: ['money'],
    label: /^(?:基本支出)?(?:中的?)?(?:日常)?公用经费(?:支出)?(?:决算数|支出数)?$/,
  },
  {
    concept: 'budget.executionRate',
    kinds: ['percent'],
    label: new RegExp(`^${OWNER}*(?:${TOTAL}|部门整体|整体|全年|总体)?(?:预算)?执行率$`),
  },
  {
    concept: 'staffing.authorized',
    kinds: ['count'],
    label: /^(?:年末|年初)?(?:核定|批复)?(?:人员)?编制(?:人|总)?数$|^(?:核定|批复)(?:人员)?编制$|^人员编制$/,
  },
  {
    concept: 'staffing.actual',
    kinds: ['count'],
    label: /^(?:年末|年初)?实有(?:在职)?(?:人员|人数|人员数)$|^(?:年末)?(?:实有)?在职(?:人数|人员数)$|^实有在职$/,
  },
  { concept: 'evaluation.selfScore', kinds: ['score'], label: /(?:自评|评价)(?:得分|分|总分|综合得分)$|^自评结果$/ },
];

/** Words that put a figure in an earlier year (上年决算数); 上年结转 is this year's money carried over. */
export const EARLIER_YEAR = /上年(?!结转|结余)|去年|上一年度?|前年/g;
/** Words for the report's own year. */
export const THIS_YEAR = /今年|本年度?|当年|本期/g;
/** A year named in the text: 2022年, 2022 年度. */
export const YEAR_MENTION = /((?:19|20)\d{2})\s*年/g;

/**
 * A 项目支出 report's own funds (contract 1.1 project.*): the project as a
 * whole (年度资金总额, 项目年初预算数) and its 其中 rows by source.
 */
const PROJECT_WHOLE = '(?:本|该)?(?:项目)?(?:年度资金总额|资金总额|总资金|资金|预算|支出|总)?';
const PROJECT_FUNDS: [string, string][] = [
  ['fiscal', '(?:当年|本年|本级)?财政(?:拨款|资金)(?:资金|收入)?'],
  ['carryover', '上年结转(?:结余)?(?:资金)?'],
  ['other', '其他资金'],
];
const PROJECT_LABEL = new RegExp(
  `^(?:${PROJECT_WHOLE}|${PROJECT_FUNDS.map(([, w]) => `(${w})`).join('|')})(?:的|中的?)?(?:(${INITIAL})|(${ADJUSTED})|(${ACTUAL}))${SUFFIX}$`,
);
const PROJECT_RATE = new RegExp(`^${PROJECT_WHOLE}(?:预算|资金)?执行率$`);

export interface ConceptContext {
  /** the report's fiscal year: a figure of another year (比2021年决算数…) is not the report's quantity */
  fiscalYear?: number | null;
  /** the scope a bare budget term has when neither its label, sentence nor section gives one */
  fallbackScope?: Scope | null;
  /** a single project's report: its budget figures are the project's (project.*), not the unit's (no budget.*) */
  projectReport?: boolean;
  /** a 决算 report: a budget scope named without a measure (本年支出合计, 基本支出) is what was spent */
  finalAccounts?: boolean;
  /** a 预算 (1.3): its figures are planned — the budget as passed, `.initial` — unless named as another stage */
  budget?: boolean;
}

export function conceptOf(kind: FactKind, scopedLabel: string, context: ConceptContext = {}): string | null {
  // Notes in brackets say what a figure includes, not what it is: 全年预算数（含上年结转）.
  const label = scopedLabel.replace(/[（(][^（）()]*[）)]/g, '');
  if (context.projectReport) return projectConceptOf(kind, label);
  if (context.finalAccounts && kind === 'money') {
    const spent = FINAL_SCOPE.exec(label);
    if (spent) return `budget.${spent[1] ? 'total' : spent[2] ? 'basic' : 'project'}.actual`;
  }
  const concept = anyConceptOf(kind, label, context);
  return context.budget ? planned(concept, label) : concept;
}

/** Measure words that name a stage outright: a 预算 that states 上年决算数 or 调整预算 means it. */
const NAMED_ACTUAL = /决算|执行|实际/;
const NAMED_ADJUSTED = /调整/;

/**
 * A 预算's figures are planned (1.3): what its own words would read as spent
 * (本年支出合计) or as the year's budget (全年预算数) is the budget as passed,
 * `.initial`; 人员经费 and 公用经费 are `budget.basic.personnel.initial` and
 * `budget.basic.public.initial`. A stage the label names outright stays.
 */
export function planned(concept: string | null, label: string): string | null {
  if (!concept?.startsWith('budget.')) return concept;
  if (/\.(?:personnel|public)$/.test(concept)) return NAMED_ACTUAL.test(label) ? concept : `${concept}.initial`;
  if (concept.endsWith('.actual') && !NAMED_ACTUAL.test(label)) return concept.replace(/actual$/, 'initial');
  if (concept.endsWith('.adjusted') && !NAMED_ADJUSTED.test(label)) return concept.replace(/adjusted$/, 'initial');
  return concept;
}

/** The concepts of a unit as a whole: they come only from the row or sentence that states the unit's own total. */
export const UNIT_WIDE = /^(?:budget|staffing)\./;

/**
 * Row names that state the unit's own figure: a total row, or a row named by a
 * budget scope, a funds total or a staffing measure (基本支出, 年度资金总额,
 * 人员经费, 编制数 …) — never an item (a 科目, a project, a sub-unit).
 */
const UNIT_ROW_NAME = new RegExp(
  [
    `${OWNER}*(?:${TOTAL}|${BASIC}|${PROJECT}|本年支出|支出)?(?:合计|总计)`,
    `${OWNER}*(?:${TOTAL}|${BASIC}|${PROJECT})(?:小计|合计)?`,
    '总合计|收入合计|收入总计|支出总计',
    '人员经费|(?:日常)?公用经费|年度资金总额|资金总额|预算支出总额|年度预算',
    '(?:核定|批复)?(?:人员)?编制(?:人|总)?数?|实有(?:在职)?(?:人员|人数|人员数)?|在职(?:人数|人员数)',
  ]
    .map((alternative) => `^(?:${alternative})$`)
    .join('|'),
);
/** An amount as a cell writes it (1,234.56, 0.00): not a 科目 code (30213) nor a name. */
const AMOUNT_CELL = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d+$|^-?\d{1,3}(?:,\d{3})+$/;

/**
 * Whether a table row states the unit's own figure: its name is a unit row's
 * name, or it has no name and nothing before the figure but amounts (the one
 * data row of a 收入总表) — a row with a 科目 code or an item's name does not.
 */
export function statesUnitFigure(rowName: string, cellsBefore: string[]): boolean {
  if (rowName !== '') return UNIT_ROW_NAME.test(rowName);
  return cellsBefore.every((cell) => {
    const t = cell.replace(/\s+/g, '');
    return t === '' || AMOUNT_CELL.test(t) || TOTAL_ROW.test(t);
  });
}

/** In a 决算: 本年支出合计, 基本支出, 项目支出 named alone are this year's spending. */
const FINAL_SCOPE = new RegExp(`^${OWNER}*(?:(本年支出合计|支出合计|本年支出)|(${BASIC})(?:小计)?|(${PROJECT}))$`);

function projectConceptOf(kind: FactKind, label: string): string | null {
  if (kind === 'money') {
    const m = PROJECT_LABEL.exec(label);
    if (m) {
      const fund = PROJECT_FUNDS.findIndex((_, i) => m[i + 1] !== undefined);
      const n = PROJECT_FUNDS.length;
      const stage = STAGES[m[n + 1] ? 0 : m[n + 2] ? 1 : 2];
      return `project.${fund < 0 ? 'total' : PROJECT_FUNDS[fund]![0]}.${stage}`;
    }
  }
  if (kind === 'percent' && PROJECT_RATE.test(label)) return 'project.executionRate';
  const other = anyConceptOf(kind, label, {});
  return other?.startsWith('budget.') ? null : other;
}

/**
 * The concept of a total row's cell in a 支出决算表 (合计 | 本年支出合计 |
 * 基本支出·小计 | 人员经费 | 公用经费 | 项目支出): the unit's spending of the year,
 * named by the column alone — in a 预算's 支出总表 the same cells are what the
 * unit plans to spend (planned()). Null for any other cell.
 */
export function finalTableConcept(
  kind: FactKind,
  title: string | null,
  rowName: string,
  colPath: string[],
  context: ConceptContext = {},
): string | null {
  if (kind !== 'money' || !TOTAL_ROW.test(rowName)) return null;
  if (!/支出/.test(title ?? '') && !colPath.some((h) => /支出决算|本年支出/.test(h))) return null;
  // A table of one source of funds (一般公共预算财政拨款…, 政府性基金预算…支出表) totals that source, not the unit's spending.
  if (/财政拨款|一般公共预算|政府性基金|国有资本经营/.test(title ?? '')) return null;
  // In a 预算 the planned column (预算数) is the figure; an earlier year's column (上年执行数) is not.
  if (colPath.some((h) => (context.budget ? /收入|结转|结余|上年|决算|执行/ : /收入|结转|结余|预算数/).test(h)))
    return null;
  const concept = spendingColumn(colPath, title ?? '');
  return context.budget ? planned(concept, colPath.join('')) : concept;
}

function spendingColumn(colPath: string[], title: string): string | null {
  const last = colPath[colPath.length - 1] ?? '';
  if (/^人员经费/.test(last)) return 'budget.basic.personnel';
  if (/^(?:日常)?公用经费/.test(last)) return 'budget.basic.public';
  // A 基本支出表's (or 项目支出表's) total column totals that scope, not the unit's spending.
  const whole = /基本支出/.test(title) ? 'basic' : /项目支出/.test(title) ? 'project' : 'total';
  if (/^(?:本年)?支出合计$|^合计$|^本年支出$/.test(last)) return `budget.${whole}.actual`;
  // 本年支出合计 subdivided (本年支出合计 › 小计 | 基本支出 | 项目支出): its 小计 is the total.
  if (/^(?:小计|合计)$/.test(last) && /^(?:本年)?支出合计$/.test(colPath[colPath.length - 2] ?? ''))
    return `budget.${whole}.actual`;
  if (colPath.some((h) => /^基本支出/.test(h)) && /^(?:基本支出|小计|合计)$/.test(last)) return 'budget.basic.actual';
  if (/^项目支出$/.test(last)) return 'budget.project.actual';
  return null;
}

/** The words a table's total row goes by (the whole name: a 支出决算表 total cell's concept). */
export const TOTAL_ROW = /^(?:合计|总计|总合计|支出合计|本年支出合计|收入合计)$/;
/**
 * How the table checks know a total row: its name starts so (合 计 spaced out, 小计 too: a row that sums
 * others), or names the side it totals first (本年收入合计 | … | 本年支出合计 closing a 收支总表's two sides).
 */
export const TOTAL_ROW_START =
  /^((?:本年|本期)?(?:收入|支出)?(?:合\s*计|总\s*计)|小\s*计|总\s*分|合计数|总得分|总分值|分数合计)/;
/** A self-evaluation table's total score row, named in full (the 得分 column's total). */
export const SCORE_TOTAL_ROW = /^(总分|总计|合计|总得分|分数合计)$/;
/** A row of a self-evaluation table's indicators that is their total, not an indicator. */
export const INDICATOR_TOTAL_ROW = /^(总分|合计|总计)/;

function anyConceptOf(kind: FactKind, scopedLabel: string, context: ConceptContext): string | null {
  if (kind === 'money') {
    const m = BUDGET_LABEL.exec(scopedLabel);
    if (m) {
      const scope = m[2] ? SCOPE_OF(m[2]) : m[1] ? 'total' : (context.fallbackScope ?? null);
      const stage = STAGES[m[3] ? 0 : m[4] ? 1 : 2];
      return scope ? `budget.${scope}.${stage}` : null;
    }
  }
  for (const rule of CONCEPTS) if (rule.kinds.includes(kind) && rule.label.test(scopedLabel)) return rule.concept;
  return null;
}

/** In a self-evaluation table (…绩效自评表), the 得分 of its 总分/合计 row is the report's self-score. */
export function isTableSelfScore(title: string | null, rowName: string, colName: string): boolean {
  return (
    /自评|评价/.test(title ?? '') &&
    /^(?:总分|合计|总计|总得分|综合得分)$/.test(rowName) &&
    /^(?:自评)?得分$|^自评分$/.test(colName)
  );
}

/** Budget measure terms: a label that is only one of these takes its scope from the sentence or section. */
export const BARE_MEASURE = new RegExp(`^(?:(?:${INITIAL}|${ADJUSTED}|${ACTUAL})${SUFFIX}|(?:预算)?执行率)$`);
/** The budget scopes a sentence or a section title can give. */
export const SCOPE_WORDS = new RegExp(`(${TOTAL}|${BASIC}|${PROJECT})`);
export const MEASURE_IN_LABEL = new RegExp(`(${INITIAL}|${ADJUSTED}|${ACTUAL})${SUFFIX}$`);
/**
 * The words after an item's name in the first budget clause of a sentence
 * (破产改制企业资金缺口弥补 + 预算 6,000万元, 培训补贴 + 预算安排, 某引导资金 + 预算到位 …): what comes
 * before them is the subject of the bare terms that follow (实际支出, 预算执行率).
 */
export const SUBJECT_MEASURE = new RegExp(
  `(?:${INITIAL}|${ADJUSTED}|${ACTUAL}|预算(?:安排|批复|到位|下达)?(?:数|金额|资金)?|安排(?:资金|预算)?|到位(?:资金|数)?|下达(?:资金|预算)?)${SUFFIX}$`,
);
/** A label that is only a budget scope (基本支出): in a 其中 list it takes the measure of the figure it divides. */
export const BARE_SCOPE = new RegExp(`^(?:${BASIC}|${PROJECT}|${PROJECT_FUNDS.map(([, w]) => w).join('|')})$`);

/**
 * The budget terms as the checks match them at a label's end (rate-mismatch,
 * text-number-contradiction): the plain spellings only, fewer than the concept
 * rules above read, as regular-expression sources.
 */
export const PLAIN_TERMS = {
  initial: '年初预算数?',
  approved: '预算批复数',
  adjusted: '(?:全年预算数?|调整后?预算数?)',
  actual: '(?:决算数?|执行数|实际支出数?)',
  /** how a report names its own unit or project before a term: 本项目全年预算数, 部门整体支出年初预算数 */
  owner: '(?:本?项目|部门整体支出|本单位|本部门)',
  /** a self-evaluation table's funds row (年度资金总额·全年预算数) */
  fundsTotal: '年度资金总额',
} as const;
