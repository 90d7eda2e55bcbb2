// The words of a report's cover and title, as data: what names a report and
// its kind, the fields that name its unit, the notes that are not part of a
// unit's name, and the lines a cover carries besides its title (dates, annex
// numbers, unit-of-measure lines). Read by src/meta/.
import type { ReportType } from '../schema/report.ts';

/**
 * A title names a report of the genre: 绩效自评报告, 自评情况的报告, 绩效评价结果,
 * 部门决算（公开）, 部门预算, 单位预算, 预算公开说明, a 预算01表 form, a
 * 绩效目标（申报）表, a 绩效自评表.
 */
export const TITLE_WORDS =
  /(?:绩效|自评|评价)[^。，；]{0,20}(?:报告|结果)|自评表|评价表|决算|(?:部门|单位)(?:综合)?预算|预算(?:公开|说明)|预算\d+表|绩效目标(?:申报)?表/;

/** A 预算: a 部门/单位预算, its 公开 or 说明, a 预算NN表, a 绩效目标（申报）表 — and no evaluation or accounts. */
const BUDGET = /(?:部门|单位)(?:综合)?预算|预算(?:公开|说明)|预算\d+表|绩效目标(?:申报)?表/;
const NOT_BUDGET = /自评|评价|决算|执行情况/;

/** Report types from the title, most specific first (contract: how each genre is typed). */
export const REPORT_TYPES: { type: ReportType; test: (title: string) => boolean }[] = [
  { type: '预算', test: (t) => BUDGET.test(t) && !NOT_BUDGET.test(t) },
  // A unit's whole spending: 部门整体支出, 单位整体支出, a 部门整体绩效自评表.
  { type: '整体支出', test: (t) => /整体支出|(?:部门|单位)(?:（单位）)?整体/.test(t) },
  // A project's report names the project or its funds: …项目绩效自评报告, …专项资金/经费, …补助资金绩效自评报告.
  {
    type: '项目支出',
    test: (t) =>
      /项目支出|项目(?:绩效|自评|评价)|专项(?:资金|经费)|项目资金|(?:资金|经费)(?:项目)?(?:绩效|自评)/.test(t),
  },
  { type: '决算', test: (t) => /决算/.test(t) },
];

/**
 * Cover fields that name the reporting unit, by rank: the unit itself (预算单位（名称）,
 * 单位名称, 部门（单位）名称, 编制单位, 填报单位, 自评单位 …), then the unit carrying out a
 * project, then the department above it (预算主管部门, 预算部门). The best rank on the
 * cover wins; within a rank, the first.
 */
export const UNIT_FIELDS: { key: RegExp; rank: number }[] = [
  {
    key: /^(?:预算单位(?:名称)?|单位名称|部门名称|部门（单位）名称|部门\(单位\)名称|部门（单位）|单位|部门|编制单位|编报单位|填报单位|报送单位|申报单位|自评单位|报告单位|上报单位)$/,
    rank: 1,
  },
  { key: /^(?:评价项目单位|项目单位|项目实施单位|实施单位|被评价单位|资金使用单位)(?:名称)?$/, rank: 2 },
  // 预算部门 is the department a 预算单位 belongs to: the unit when no 预算单位 is named.
  { key: /^(?:预算主管部门|项目主管部门|主管部门|主管单位|预算部门)(?:名称)?$/, rank: 3 },
];

/** A seal note in a field's key or value: 单位名称（盖章）：, 某某局（盖章）. */
export const SEAL_NOTE = /[（(]盖章[）)]/g;

/** Where a field's value ends when another follows on its line: 部门名称：某局 单位：万元, 填报单位：某局 填报日期：… */
export const FIELD_STOP =
  /(?:金额)?单位[：:]|(?:填报|编制|报告|报送)?日期[：:]|联系人|联系电话|电话[：:]|[（(]盖章[）)]|[_＿]{2,}/;

/** A value that is no unit's name: a unit of measure (单位：万元), a blank. */
export const NOT_A_UNIT = /^(?:万元|元|亿元|千元|人|个|[（(]?盖章[）)]?)$/;

/**
 * Notes after a unit's name that say which accounts the report covers, not who
 * the unit is: 某市民政局（本级）, 某市司法局（汇总）.
 */
export const UNIT_QUALIFIER =
  /[（(](?:本级|汇总|部门汇总|单位汇总|机关本级|本部|合并|部门|单位|含(?:所属|下属)(?:各)?(?:事业)?单位)[）)]/g;

/**
 * Words after a unit's name, unbracketed, that say which of its accounts the
 * report covers, not who the unit is: 某县教育局及所属单位 (the department with
 * the units under it), 某市财政局机关 (the bureau's own office, as （机关本级）).
 */
export const UNITS_NOTE = /^(?:及其?(?:所属|下属|直属)(?:各)?(?:事业|行政)?单位|机关(?:本级)?)/;
/** The same note ending a name as a field gives it (单位名称：某县教育局及所属单位). */
export const UNITS_NOTE_END = /(?:及其?(?:所属|下属|直属)(?:各)?(?:事业|行政)?单位|机关(?:本级)?|本级)$/;

/** A finance system's code before a unit's name: [101001]某县教育局, 101001-某县教育局, （101）某局. */
export const UNIT_CODE = /^[[［(（【]?\d{3,}[\]］)）】]?[-—_.、:：]?/;

/** Verbs that open what a 关于 title is about before the unit: 关于对某县教育局…, 关于报送…. */
export const ABOUT_VERB = /^(?:对|报送|上报|呈报|印发|提交)/;

/** What the name of a public body ends with. */
export const ORG_END =
  /(?:局|委|委员会|院|校|所|中心|办|办公室|厅|部|会|站|馆|政府|医院|学校|大学|中学|小学|幼儿园|队|社|处|室|街道|镇|乡|支队|大队|分局|公司|台|(?:林|农|牧|渔|茶|果|种畜|良种|原种|园艺|苗木)场|苗圃|(?:艺术|歌舞|文工|剧|杂技|京剧)团|监狱)$/;

/** A red header: the issuing body's name and 文件 (某县民政局文件), atop a covering letter. */
export const RED_HEADER = /^(.{4,30}?)文件$/;

/**
 * What may follow a unit's name inside a title: a year, 关于, an accounts note,
 * or the start of the genre's words (部门/单位, 整体, 项目支出, 决算, 预算, 绩效, 自评, 区级/本级).
 */
export const AFTER_TITLE_UNIT =
  /^(?:(?:19|20)\d{2}年|[〇零一二三四五六七八九]{4}年|关于|[（(](?:本级|汇总|部门汇总|单位汇总|机关本级)[）)]|部门|单位|整体|项目支出|专项|决算|预算|绩效|自评|区级|县级|市级|本级)/;

/** A cover line that is an annex number (附件 5, 附件：), not part of a title. */
export const ANNEX_LINE = /^附件\s*[0-9一二三四五六七八九十]*\s*[：:]?$/;

/**
 * A 文号 line under a red header (某财绩〔2025〕12号, 某教发[2025]3号): when
 * and by whom a paper was issued, never part of a title; its year is the year
 * of issue, not the fiscal year.
 */
export const DOC_NUMBER_LINE = /^[\u4e00-\u9fff]{1,10}[〔［\[（(]\s*(?:19|20)\d{2}\s*[〕］\]）)]\s*第?\s*\d{1,4}\s*号$/;

/** A unit-of-measure line above a table (金额单位：万元, 单位：元). */
export const MEASURE_LINE = /^(?:金额)?单位[：:]\s*(?:万元|元|亿元|千元)$/;

/** Sentence punctuation: a line with it is prose, not a title or field. */
export const SENTENCE_MARK = /[，。；！？,;]/;

/**
 * A span of years (2022—2025年, 2023年至2025年): a project's years, none of
 * them the one fiscal year a report is about.
 */
export const YEAR_RANGE = /(?:19|20)\d{2}\s*年?度?\s*[-—–~～至到]+\s*(?:19|20)\d{2}\s*年度?/g;

/** The year or span of years a title opens with (2024年度, 二〇二四年度, 2022—2025年). */
export const LEADING_YEAR =
  /^(?:(?:19|20)\d{2}\s*年?度?\s*[-—–~～至到]+\s*)?(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年度?/;

/** A year written in figures, not the start of a date (2026年3月 is a date): group 1. */
export const YEAR_IN_FIGURES = /((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g;
/** A year in Chinese numerals (二〇二三年度), not the start of a date (二〇二六年三月): group 1. */
export const YEAR_IN_WORDS = /([〇零一二三四五六七八九]{4})\s*年(?![一二三四五六七八九十]{1,2}月)/g;

/** A line that is only a date, in figures or in words, to the month or the day: a publishing date. */
export const DATE_LINE =
  /^(?:(?:报告|填报|编制|评价|自评|完成|印发|公开)?日期[：:])?(?:(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[〇零一二三四五六七八九]{4}\s*年\s*[一二三四五六七八九十]{1,3}\s*月(?:\s*[一二三四五六七八九十]{1,3}\s*日)?)$/;

/** A line that is only the report's year: （2024年度）, 2024年度, 年度：2024 (group 1 or 2). */
export const YEAR_LINE =
  /^[（(]?(?:((?:19|20)\d{2})\s*年度?|(?:预算|评价|自评|考核|所属|报告)?年度[：:]\s*((?:19|20)\d{2})\s*年?)[）)]?$/;

/**
 * In a report's opening, a year that names the report itself, by its kind:
 * 我局对2024年度部门整体支出开展了绩效自评, 一、2024年度部门整体支出基本情况,
 * 本部门2025年部门预算…. A year of another stage (a 预算's 2024年决算, a
 * self-evaluation's 2025年度预算安排) does not: the text from the year on.
 */
const OPENING_YEAR = '^(?:(?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})年度?的?';
const SPENDING = '(?:部门|单位)?(?:整体支出|项目支出|(?:预算)?绩效(?:自评|评价)|财政支出)';
export const OPENING_YEAR_WORDS: Record<ReportType, RegExp> = {
  预算: new RegExp(`${OPENING_YEAR}(?:部门|单位)?(?:综合)?预算(?!执行)`),
  决算: new RegExp(`${OPENING_YEAR}(?:部门|单位)?决算`),
  整体支出: new RegExp(`${OPENING_YEAR}${SPENDING}`),
  项目支出: new RegExp(`${OPENING_YEAR}(?:${SPENDING}|[^，。；：、《》]{0,20}?(?:项目|专项资金|专项经费))`),
  其他: new RegExp(`${OPENING_YEAR}${SPENDING}`),
};

/** A cover field naming the year: 预算年度：2026, 年度：2024 (group 1). */
export const YEAR_FIELD = /^(?:预算|评价|自评|考核|所属|报告|绩效)?年度[：:]\s*((?:19|20)\d{2})/;

/**
 * Who makes evaluations for others and signs them, never the unit a report is
 * about: 某某会计师事务所（有限公司）, 某某咨询有限公司, 某某资产评估事务所.
 */
export const AGENCY = /事务所|咨询|评估|顾问|有限(?:责任)?公司|股份(?:有限)?公司|合伙/;

/**
 * The opening sentence of a self-evaluation, naming who carried it out or who
 * carries out the project, or of an evaluation, naming the unit evaluated:
 * 某县疾病预防控制中心对2022年度…开展了绩效自评;
 * 该项目由某县人力资源和社会保障局负责组织实施; 某县统计局是县人民政府工作部门 (group 1).
 */
export const SELF_EVALUATOR = [
  // An evaluation made for others names the unit evaluated: 某所对某县交通运输局2024年度…开展了绩效评价.
  /对\s*([^，。；：:对]{3,30}?)\s*(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})\s*年度?[^，。；]{0,40}?(?:开展|进行|实施)了?[^，。；]{0,8}?(?:绩效)?评价/,
  /(?:^|[，。；：:])\s*([^，。；：:]{3,30}?)\s*对[^，。；]{2,60}?(?:开展|进行|组织)了?[^，。；]{0,8}?(?:绩效)?自评/,
  /由\s*([^，。；：:]{3,30}?)\s*负责(?:组织)?实施/,
  // A paragraph introducing the unit: 某县统计局是县人民政府工作部门, 某中心系某局所属事业单位.
  /^(?![本我该此其])([^，。；：:、]{3,30}?)(?:是|系|为)[^，。；]{0,14}?(?:(?:工作|组成|直属|派出|职能)(?:部门|机构)|(?:直属|所属|下属)[^，。；]{0,8}?(?:事业|行政)?单位)/,
];
