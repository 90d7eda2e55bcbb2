// The cover harness's documents: each class of cover that real reports use
// (names changed), the document block every rendering of it must give, and the
// styles it is rendered in — a title over one, two or three lines, letter-spaced
// or tracked, full-width digits and brackets, with a cover page, with the title
// atop the text, opening on its 目录, opening straight on a table. HTML here;
// scripts/render-covers.ts prints it with LibreOffice and Chromium into
// test/fixtures/covers/, and test/variation/covers.test.ts reads every PDF.
import type { DocumentMeta } from '../../src/schema/report.ts';

export type StyleId =
  | 'one-line'
  | 'two-lines'
  | 'three-lines'
  | 'spaced-year'
  | 'tracked'
  | 'full-width'
  | 'no-cover'
  | 'toc-first'
  | 'caption-one-line'
  | 'caption-in-table'
  | 'white-circle'
  | 'same-size';

/** A table cell: text, or text spanning columns. */
export type CoverCell = string | { text: string; span: number };

export interface CoverClass {
  id: string;
  /** the title as a cover breaks it over lines; styles regroup the pieces */
  title: string[];
  /** the cover's lines under the title: fields, a bracketed name, a year line, a date */
  under: string[];
  /** the report opens on this table (its caption is the title pieces) */
  table?: { above: string[]; rows: CoverCell[][] };
  body: 'budget' | 'final' | 'self' | 'project' | 'none';
  /** lines above the title: a red header (某县教育局文件) and its 文号 (某教发〔2025〕12号) */
  head?: string[];
  /** a covering letter under the title: its paragraphs, then who signs it and when */
  letter?: { text: string[]; sign: string[] };
  /** the report's own title, on the page after the covering letter */
  second?: string;
  /** a paragraph between the title and the first heading */
  opening?: string;
  /** the body's first heading, when it differs from the body's */
  firstHeading?: string;
  /** a signature at the end of the report: who, then when */
  sign?: string[];
  /** the signature's lines set as one paragraph (a line break, not a paragraph, between them) */
  signJoined?: boolean;
  /** a table appended after the signature on a page of its own: its caption, its rows */
  appendix?: { caption: string; rows: CoverCell[][] };
  expected: Omit<DocumentMeta, 'organizationKey'>;
  styles: StyleId[];
}

const TITLE_STYLES: StyleId[] = ['one-line', 'two-lines', 'three-lines', 'spaced-year', 'tracked', 'full-width'];
const PAGE_STYLES: StyleId[] = ['no-cover', 'toc-first'];

export const COVER_CLASSES: CoverClass[] = [
  {
    id: 'budget-three-lines',
    title: ['2026年度', '某市民政局(本级)', '单位预算'],
    under: ['二〇二六年三月'],
    body: 'budget',
    expected: {
      title: '2026年度某市民政局（本级）单位预算',
      organization: '某市民政局',
      fiscalYear: 2026,
      reportType: '预算',
      reportDate: null,
    },
    styles: [...TITLE_STYLES, ...PAGE_STYLES],
  },
  {
    id: 'budget-field',
    title: ['某市某区2026年', '区级部门预算'],
    under: ['预算主管部门：某区司法局'],
    body: 'budget',
    expected: {
      title: '某市某区2026年区级部门预算',
      organization: '某区司法局',
      fiscalYear: 2026,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'full-width', ...PAGE_STYLES],
  },
  {
    id: 'budget-date-in-words',
    title: ['某县农业农村局', '2026年度部门预算'],
    // A publishing date of another year: never the fiscal year.
    under: ['二〇二五年十二月'],
    body: 'budget',
    expected: {
      title: '某县农业农村局2026年度部门预算',
      organization: '某县农业农村局',
      fiscalYear: 2026,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'tracked', ...PAGE_STYLES],
  },
  {
    id: 'budget-summary',
    title: ['某市司法局（汇总）', '2026年部门预算公开说明'],
    under: [],
    body: 'budget',
    expected: {
      title: '某市司法局（汇总）2026年部门预算公开说明',
      organization: '某市司法局',
      fiscalYear: 2026,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'full-width', ...PAGE_STYLES],
  },
  {
    id: 'final-accounts',
    title: ['2022年度', '某县水利局部门决算'],
    under: ['（某县水利局）', '2023年8月'],
    body: 'final',
    expected: {
      title: '2022年度某县水利局部门决算',
      organization: '某县水利局',
      fiscalYear: 2022,
      reportType: '决算',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', ...PAGE_STYLES],
  },
  {
    id: 'self-evaluation',
    title: ['2023年度某县卫生健康局', '部门整体支出', '绩效自评报告'],
    under: ['填报单位：某县卫生健康局', '2024年3月15日'],
    body: 'self',
    expected: {
      title: '2023年度某县卫生健康局部门整体支出绩效自评报告',
      organization: '某县卫生健康局',
      fiscalYear: 2023,
      reportType: '整体支出',
      reportDate: '2024-03-15',
    },
    styles: [...TITLE_STYLES, ...PAGE_STYLES],
  },
  {
    id: 'lone-self-evaluation-table',
    title: ['部门整体绩效自评表', '（2024年度）'],
    under: [],
    table: {
      above: [],
      rows: [
        ['部门（单位）名称', { text: '某县应急管理局', span: 6 }],
        ['年度预算（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', '500.00', '520.00', '510.00', '10', '98.08%', '9.8'],
        ['总分', '', '', '', '100', '', '95.5'],
      ],
    },
    body: 'none',
    expected: {
      title: '部门整体绩效自评表（2024年度）',
      organization: '某县应急管理局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: null,
    },
    styles: ['two-lines', 'caption-one-line', 'caption-in-table'],
  },
  {
    id: 'goal-table',
    title: ['部门整体预算绩效目标申报表', '（2026年度）'],
    under: [],
    table: {
      above: [],
      rows: [
        ['部门名称', { text: '某市数据管理局', span: 3 }],
        ['部门预算支出', '预算金额（万元）', '收入来源', '预算金额（万元）'],
        ['基本支出', '1,263.14', '财政拨款', '9,888.07'],
        ['项目支出', '8,624.93', '其他资金', '0.00'],
      ],
    },
    body: 'none',
    expected: {
      title: '部门整体预算绩效目标申报表（2026年度）',
      organization: '某市数据管理局',
      fiscalYear: 2026,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['two-lines', 'caption-one-line', 'caption-in-table'],
  },
  {
    id: 'budget-tables-only',
    title: ['预算01表', '收支总表'],
    under: [],
    table: {
      above: ['单位名称：某县公安局　　　　金额单位：万元'],
      rows: [
        ['收入', '', '支出', ''],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算拨款收入', '1,000.00', '一、公共安全支出', '1,000.00'],
        ['本年收入合计', '1,000.00', '本年支出合计', '1,000.00'],
      ],
    },
    body: 'none',
    expected: {
      title: '预算01表收支总表',
      organization: '某县公安局',
      fiscalYear: null,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'caption-in-table'],
  },
  {
    // A 红头 covering letter from the unit before its report: the 文号's year
    // (〔2025〕) is when it was issued, the report's year is in its title.
    id: 'red-header-letter',
    head: ['某县教育局文件', '某教发〔2025〕12号'],
    title: ['某县教育局关于报送', '2024年度部门整体支出绩效自评报告的报告'],
    under: [],
    letter: {
      text: [
        '县财政局：',
        '根据《某县财政局关于开展2025年度预算绩效自评工作的通知》（某财绩〔2025〕3号）要求，现将我局2024年度部门整体支出绩效自评报告报送如下，请审阅。',
        '附件：2024年度某县教育局部门整体支出绩效自评报告',
      ],
      sign: ['某县教育局', '2025年3月20日'],
    },
    second: '2024年度某县教育局部门整体支出绩效自评报告',
    body: 'self',
    expected: {
      title: '某县教育局关于报送2024年度部门整体支出绩效自评报告的报告',
      organization: '某县教育局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-20',
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'tracked', 'full-width', 'same-size'],
  },
  {
    // The finance bureau reports on another unit's spending: the unit is the one evaluated.
    id: 'finance-bureau-report',
    head: ['某县财政局文件', '某财绩〔2025〕12号'],
    title: ['某县财政局关于某县教育局', '2024年度部门整体支出', '绩效评价情况的报告'],
    under: [],
    opening: '根据预算绩效管理工作安排，我局组织对某县教育局2024年度部门整体支出开展了绩效评价，现将评价情况报告如下：',
    sign: ['某县财政局', '2025年6月10日'],
    body: 'self',
    expected: {
      title: '某县财政局关于某县教育局2024年度部门整体支出绩效评价情况的报告',
      organization: '某县教育局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-06-10',
    },
    styles: ['one-line', 'two-lines', 'three-lines', 'spaced-year', 'full-width', 'same-size', 'no-cover'],
  },
  {
    // A project's report: 项目单位 carries the project out and is the unit; its
    // 主管部门 above it is named first on the cover.
    id: 'project-self',
    title: ['2024年度某县高标准农田建设项目', '支出绩效自评报告'],
    under: [
      '项目名称：某县高标准农田建设项目',
      '主管部门：某县农业农村局',
      '项目单位：某县农田建设服务中心',
      '2025年3月20日',
    ],
    body: 'project',
    expected: {
      title: '2024年度某县高标准农田建设项目支出绩效自评报告',
      organization: '某县农田建设服务中心',
      fiscalYear: 2024,
      reportType: '项目支出',
      reportDate: '2025-03-20',
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // A project's report with no year in its title: the year is the project
    // name's; only the 主管部门 is named.
    id: 'project-year-in-field',
    title: ['某县农村公路养护专项资金', '绩效自评报告'],
    under: ['项目名称：2024年度某县农村公路养护专项资金', '主管部门：某县交通运输局', '二〇二五年三月'],
    body: 'project',
    expected: {
      title: '某县农村公路养护专项资金绩效自评报告',
      organization: '某县交通运输局',
      fiscalYear: 2024,
      reportType: '项目支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // A department with the units under it: the unit is the department.
    id: 'several-units',
    title: ['某县教育局及所属单位', '2024年度部门整体支出绩效自评报告'],
    under: ['二〇二五年三月'],
    body: 'self',
    expected: {
      title: '某县教育局及所属单位2024年度部门整体支出绩效自评报告',
      organization: '某县教育局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // A bureau's own office (机关) is the bureau's own accounts, as （本级） is.
    id: 'bureau-office',
    title: ['某市财政局机关', '2025年单位预算'],
    under: ['二〇二五年二月'],
    body: 'budget',
    expected: {
      title: '某市财政局机关2025年单位预算',
      organization: '某市财政局',
      fiscalYear: 2025,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'full-width', ...PAGE_STYLES],
  },
  {
    // A 单位决算 with the year in Chinese numerals, also written with ○ for 〇.
    id: 'final-year-in-words',
    title: ['某县自然资源局', '二〇二四年度单位决算公开'],
    under: ['二〇二五年九月'],
    body: 'final',
    expected: {
      title: '某县自然资源局二〇二四年度单位决算公开',
      organization: '某县自然资源局',
      fiscalYear: 2024,
      reportType: '决算',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'tracked', 'white-circle', ...PAGE_STYLES],
  },
  {
    // A self-evaluation whose year is in words in its title, signed at its end in words.
    id: 'self-year-in-words',
    title: ['二〇二四年度', '某县民政局部门整体', '支出绩效自评报告'],
    under: [],
    sign: ['某县民政局', '二〇二五年三月二十日'],
    body: 'self',
    expected: {
      title: '二〇二四年度某县民政局部门整体支出绩效自评报告',
      organization: '某县民政局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-20',
    },
    styles: ['one-line', 'two-lines', 'three-lines', 'tracked', 'white-circle', ...PAGE_STYLES],
  },
  {
    // A title with no year: the year is the one its opening names for the
    // report (a 通知 of the next year cited in 《》 is not it).
    id: 'year-in-opening',
    title: ['某县司法局', '部门整体支出绩效自评报告'],
    under: ['某县司法局', '2025年4月2日'],
    opening:
      '根据《某县财政局关于开展2025年度预算绩效自评工作的通知》要求，我局对2024年度部门整体支出开展了绩效自评，现将有关情况报告如下：',
    body: 'self',
    expected: {
      title: '某县司法局部门整体支出绩效自评报告',
      organization: '某县司法局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-04-02',
    },
    styles: ['one-line', 'two-lines', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // No year in the title or the opening: the first heading names it.
    id: 'year-in-first-heading',
    title: ['某县文化旅游广电局', '部门整体支出绩效自评报告'],
    under: [],
    firstHeading: '一、2024年度部门整体支出基本情况',
    body: 'self',
    expected: {
      title: '某县文化旅游广电局部门整体支出绩效自评报告',
      organization: '某县文化旅游广电局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'tracked', ...PAGE_STYLES],
  },
  {
    // A 预算 whose text speaks of the year before's 决算: still a 预算 of its year.
    id: 'budget-mentions-final',
    title: ['某县水利局', '2025年部门预算'],
    under: ['二〇二五年一月'],
    opening: '本部门2024年决算支出2,100.00万元，2025年部门预算支出1,234.56万元，比上年决算减少865.44万元。',
    body: 'budget',
    expected: {
      title: '某县水利局2025年部门预算',
      organization: '某县水利局',
      fiscalYear: 2025,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'full-width', ...PAGE_STYLES],
  },
  {
    // A project's 自评表 alone, its fields in the table: the 实施单位 is the unit.
    id: 'lone-project-table',
    title: ['项目支出绩效自评表', '（2024年度）'],
    under: [],
    table: {
      above: [],
      rows: [
        ['项目名称', { text: '某县农村公路养护工程', span: 6 }],
        ['主管部门', { text: '某县交通运输局', span: 2 }, '实施单位', { text: '某县公路养护中心', span: 3 }],
        ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', '300.00', '300.00', '290.00', '10', '96.67%', '9.7'],
      ],
    },
    body: 'none',
    expected: {
      title: '项目支出绩效自评表（2024年度）',
      organization: '某县公路养护中心',
      fiscalYear: 2024,
      reportType: '项目支出',
      reportDate: null,
    },
    styles: ['two-lines', 'caption-one-line', 'caption-in-table'],
  },
  {
    // A project over several years: the range names no one fiscal year; the cover's 评价年度 does.
    id: 'year-range-title',
    title: ['2022—2025年某县农村饮水安全', '巩固提升工程项目绩效自评报告'],
    under: ['项目单位：某县水利局', '评价年度：2024年度'],
    body: 'project',
    expected: {
      title: '2022—2025年某县农村饮水安全巩固提升工程项目绩效自评报告',
      organization: '某县水利局',
      fiscalYear: 2024,
      reportType: '项目支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'full-width', ...PAGE_STYLES],
  },
  {
    // The same range and no year elsewhere: no fiscal year, rather than the range's end.
    id: 'year-range-only',
    title: ['2023年—2025年某县高标准农田', '建设项目绩效自评报告'],
    under: ['项目单位：某县农业农村局'],
    body: 'project',
    expected: {
      title: '2023年—2025年某县高标准农田建设项目绩效自评报告',
      organization: '某县农业农村局',
      fiscalYear: null,
      reportType: '项目支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', ...PAGE_STYLES],
  },
  {
    // Units whose names end in 林场, 苗圃, 艺术团: bodies of the genre too.
    id: 'farm-unit',
    title: ['某县国有林场', '2024年度部门整体支出绩效自评报告'],
    under: [],
    sign: ['某县国有林场', '2025年3月18日'],
    body: 'self',
    expected: {
      title: '某县国有林场2024年度部门整体支出绩效自评报告',
      organization: '某县国有林场',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-18',
    },
    styles: ['one-line', 'two-lines', 'tracked', ...PAGE_STYLES],
  },
  {
    // A 红头 covering letter with no name in its title and no signed name (a seal): the header names the unit.
    id: 'red-header-unsigned',
    head: ['某县民政局文件', '某民发〔2025〕8号'],
    title: ['关于报送2024年度部门整体支出', '绩效自评报告的报告'],
    under: [],
    letter: {
      text: ['县财政局：', '现将我局2024年度部门整体支出绩效自评报告报送如下，请审阅。'],
      sign: ['2025年3月26日'],
    },
    second: '2024年度部门整体支出绩效自评报告',
    body: 'self',
    expected: {
      title: '关于报送2024年度部门整体支出绩效自评报告的报告',
      organization: '某县民政局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-26',
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'same-size'],
  },
  {
    // The finance bureau's own cover of an evaluation it made (published-01's shape):
    // the unit is the one evaluated, named in 评价项目单位.
    id: 'finance-made-cover',
    title: ['某市财政项目支出绩效评价报告'],
    under: [
      '评价项目名称：2023年度某市文化广电旅游局文旅融合专项资金绩效评价',
      '评价项目单位：某市文化广电旅游局',
      '项目主管部门：某市文化广电旅游局',
      '报告日期：2024年8月22日',
      '某市财政局制',
    ],
    body: 'project',
    expected: {
      title: '某市财政项目支出绩效评价报告',
      organization: '某市文化广电旅游局',
      fiscalYear: 2023,
      reportType: '项目支出',
      reportDate: '2024-08-22',
    },
    styles: ['one-line', 'tracked', 'full-width', 'no-cover'],
  },
  {
    // An evaluation made by an accounting firm for the finance bureau: the firm
    // under the title and in the signature is not the unit; the unit is the one
    // its opening says was evaluated.
    id: 'third-party-evaluation',
    title: ['2024年度某县农村公路养护', '专项资金绩效评价报告'],
    under: ['某某会计师事务所有限公司', '二〇二五年五月'],
    opening:
      '受某县财政局委托，某某会计师事务所有限公司对某县交通运输局2024年度农村公路养护专项资金开展了绩效评价，现将评价情况报告如下：',
    sign: ['某某会计师事务所有限公司', '2025年5月20日'],
    body: 'project',
    expected: {
      title: '2024年度某县农村公路养护专项资金绩效评价报告',
      organization: '某县交通运输局',
      fiscalYear: 2024,
      reportType: '项目支出',
      reportDate: '2025-05-20',
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'tracked', ...PAGE_STYLES],
  },
  {
    // Unit fields under other keys: 自评单位（盖章）, a date field 填报日期.
    id: 'self-fields',
    title: ['2024年度部门整体支出', '绩效自评报告'],
    under: ['自评单位（盖章）：某县卫生健康局', '填报日期：2025年3月1日'],
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告',
      organization: '某县卫生健康局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-01',
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'full-width', ...PAGE_STYLES],
  },
  {
    id: 'budget-unit-name-field',
    title: ['2025年单位预算'],
    under: ['预算单位名称：某县档案馆', '填报部门：某县委办公室'],
    body: 'budget',
    expected: {
      title: '2025年单位预算',
      organization: '某县档案馆',
      fiscalYear: 2025,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'spaced-year', 'tracked', ...PAGE_STYLES],
  },
  {
    // The unit named in brackets at the end of a one-line title.
    id: 'unit-after-title',
    title: ['2024年度部门整体支出绩效自评报告（某县市场监督管理局）'],
    under: [],
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告（某县市场监督管理局）',
      organization: '某县市场监督管理局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: null,
    },
    styles: ['one-line', 'spaced-year', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // A self-evaluation report carrying its project 自评表 as an appendix: the report's kind, not the table's.
    id: 'self-with-table',
    title: ['2024年度某县人力资源和社会保障局', '部门整体支出绩效自评报告'],
    under: [],
    sign: ['某县人力资源和社会保障局', '2025年4月8日'],
    appendix: {
      caption: '附件：项目支出绩效自评表（2024年度）',
      rows: [
        ['项目名称', { text: '就业创业补助资金', span: 3 }],
        ['主管部门', '某县财政局', '实施单位', '某县就业服务中心'],
        ['年度资金总额', '500.00', '480.00', '96.00%'],
      ],
    },
    body: 'self',
    expected: {
      title: '2024年度某县人力资源和社会保障局部门整体支出绩效自评报告',
      organization: '某县人力资源和社会保障局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-04-08',
    },
    styles: ['one-line', 'two-lines', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // The signature's name and date one paragraph, broken over two lines: the title names no unit.
    id: 'signed-one-paragraph',
    title: ['2024年度部门整体支出', '绩效自评报告'],
    under: [],
    sign: ['某县统计局', '2025年3月12日'],
    signJoined: true,
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告',
      organization: '某县统计局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-12',
    },
    styles: ['one-line', 'two-lines', 'spaced-year', ...PAGE_STYLES],
  },
  {
    // A project's span of years in one field and the year evaluated in another.
    id: 'span-field',
    title: ['某县乡村振兴衔接资金项目', '绩效自评报告'],
    under: ['项目实施年度：2023年—2025年', '自评年度：2024年', '项目单位：某县乡村振兴局'],
    body: 'project',
    expected: {
      title: '某县乡村振兴衔接资金项目绩效自评报告',
      organization: '某县乡村振兴局',
      fiscalYear: 2024,
      reportType: '项目支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // A unit's budget naming its department too: the 预算单位 is the unit, the 预算部门 above it.
    id: 'budget-dept-and-unit',
    title: ['2025年单位预算'],
    under: ['预算部门：某县教育局', '预算单位：某县第一中学'],
    body: 'budget',
    expected: {
      title: '2025年单位预算',
      organization: '某县第一中学',
      fiscalYear: 2025,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'spaced-year', 'tracked', ...PAGE_STYLES],
  },
  {
    // A finance system's tables: the unit with its code and 本级.
    id: 'coded-unit-field',
    title: ['预算01表', '收支总表'],
    under: [],
    table: {
      above: ['单位名称：[101001]某县教育局本级　　　　金额单位：万元'],
      rows: [
        ['收入', '', '支出', ''],
        ['项目', '预算数', '项目', '预算数'],
        ['一、一般公共预算拨款收入', '2,000.00', '一、教育支出', '2,000.00'],
        ['本年收入合计', '2,000.00', '本年支出合计', '2,000.00'],
      ],
    },
    body: 'none',
    expected: {
      title: '预算01表收支总表',
      organization: '某县教育局',
      fiscalYear: null,
      reportType: '预算',
      reportDate: null,
    },
    styles: ['one-line', 'caption-in-table'],
  },
  {
    // A city finance bureau's template: the city in the title is no unit; 预算编码,
    // 评价方式, 评价机构 are no unit fields; 某市财政局（制） made the form.
    id: 'city-template',
    title: ['某市2024年度部门整体支出', '绩效评价自评报告'],
    under: [
      '部门（单位）名称：某市城市管理监督指挥中心',
      '预算编码：906017',
      '评价方式：部门（单位）绩效自评',
      '评价机构：部门（单位）评价组',
      '报告日期：2025年06月18日',
      '某市财政局（制）',
    ],
    body: 'self',
    expected: {
      title: '某市2024年度部门整体支出绩效评价自评报告',
      organization: '某市城市管理监督指挥中心',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-06-18',
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'tracked', 'full-width', 'no-cover'],
  },
  {
    // A commissioned evaluation's cover: 评价机构 and 委托单位 are not the unit, 被评价单位 is.
    id: 'commissioned-cover',
    title: ['某县水利工程维修养护资金', '绩效评价报告'],
    under: ['委托单位：某县财政局', '被评价单位：某县水利局', '评价机构：某某资产评估事务所', '二〇二五年七月'],
    body: 'project',
    expected: {
      title: '某县水利工程维修养护资金绩效评价报告',
      organization: '某县水利局',
      fiscalYear: null,
      reportType: '项目支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'tracked', ...PAGE_STYLES],
  },
  {
    // A bracketed note naming another year (funds carried over from 2023) inside the title.
    id: 'year-note-in-title',
    title: ['2024年度衔接推进乡村振兴补助资金', '（含2023年结转）绩效自评报告'],
    under: ['主管部门：某县农业农村局'],
    body: 'project',
    expected: {
      title: '2024年度衔接推进乡村振兴补助资金（含2023年结转）绩效自评报告',
      organization: '某县农业农村局',
      fiscalYear: 2024,
      reportType: '项目支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', 'full-width', ...PAGE_STYLES],
  },
  {
    // A field's key on one line and its value on the next (a form filled in under its label).
    id: 'field-value-below',
    title: ['2024年度部门整体支出', '绩效自评报告'],
    under: ['填报单位（盖章）：', '某县退役军人事务局', '填报日期：', '2025年3月20日'],
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告',
      organization: '某县退役军人事务局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-20',
    },
    styles: ['one-line', 'two-lines', 'tracked', 'full-width', ...PAGE_STYLES],
  },
  {
    // The cover's fields in a table under the title.
    id: 'cover-field-table',
    title: ['2024年度部门整体支出绩效自评报告'],
    under: [],
    table: {
      above: [],
      rows: [
        ['单位名称（盖章）', '某县医疗保障局'],
        ['联系人', '张某'],
        ['报告日期', '2025年3月20日'],
      ],
    },
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告',
      organization: '某县医疗保障局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: null,
    },
    styles: ['one-line', 'spaced-year'],
  },
  {
    // The unit named only where the report introduces it: 某县统计局是县人民政府工作部门.
    id: 'unit-in-opening',
    title: ['2024年度部门整体支出', '绩效自评报告'],
    under: [],
    opening: '某县统计局是县人民政府工作部门，主要负责全县统计调查和统计监督工作。',
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告',
      organization: '某县统计局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'spaced-year', ...PAGE_STYLES],
  },
  {
    // Signed at the end with a month only: the signer is the unit, and there is no report date.
    id: 'signed-month',
    title: ['2024年度部门整体支出', '绩效自评报告'],
    under: [],
    sign: ['某县审计局', '二〇二五年三月'],
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告',
      organization: '某县审计局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: null,
    },
    styles: ['one-line', 'two-lines', 'white-circle', ...PAGE_STYLES],
  },
  {
    // A signature with its seal note: 某县林业局（盖章）.
    id: 'sealed-signature',
    title: ['2024年度部门整体支出', '绩效自评报告'],
    under: [],
    sign: ['某县林业局（盖章）', '2025年3月20日'],
    body: 'self',
    expected: {
      title: '2024年度部门整体支出绩效自评报告',
      organization: '某县林业局',
      fiscalYear: 2024,
      reportType: '整体支出',
      reportDate: '2025-03-20',
    },
    styles: ['one-line', 'two-lines', 'full-width', ...PAGE_STYLES],
  },
];

const BODY: Record<CoverClass['body'], [string, string][]> = {
  budget: [
    ['一、部门主要职责', '本部门负责本行政区域内的有关工作，承办上级交办的其他事项。'],
    ['二、收支预算总体情况', '部门预算收入总计1,234.56万元，支出总计1,234.56万元，比上年增加12.30万元。'],
  ],
  final: [
    ['一、部门基本情况', '本部门负责全县水利工作，内设机构5个。'],
    ['二、收入支出决算总体情况说明', '本年度收入总计2,345.67万元，支出总计2,300.12万元。'],
  ],
  self: [
    ['一、部门基本情况', '本部门负责全县卫生健康工作，内设机构8个。'],
    ['二、绩效自评情况', '本部门年初预算数3,000.00万元，全年预算数3,200.00万元，全年执行数3,150.00万元。'],
  ],
  project: [
    ['一、项目基本情况', '该项目年初预算数300.00万元，全年预算数300.00万元，全年执行数290.00万元。'],
    ['二、绩效目标实现情况', '项目按计划完成，达到了预期目标。'],
  ],
  none: [],
};

const FULL_WIDTH_DIGIT = (d: string) => String.fromCharCode(d.charCodeAt(0) + 0xfee0);

/** The title's lines in a style: pieces regrouped, the year letter-spaced, digits and brackets full-width. */
function titleLines(c: CoverClass, style: StyleId): string[] {
  const pieces = c.title;
  let lines: string[];
  if (style === 'one-line' || style === 'caption-one-line' || style === 'caption-in-table') lines = [pieces.join('')];
  else if (style === 'three-lines' || pieces.length <= 2) lines = [...pieces];
  else lines = [pieces[0]!, pieces.slice(1).join('')];
  return lines.map((l) => {
    if (style === 'spaced-year') return l.replace(/\d{4}/g, (y) => [...y].join(' ') + ' ');
    if (style === 'full-width')
      return l
        .replace(/\d/g, FULL_WIDTH_DIGIT)
        .replace(/[()（）]/g, (b) => ({ '(': '（', ')': '）', '（': '(', '）': ')' })[b]!);
    return l;
  });
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function tableHtml(t: { rows: CoverCell[][] }, style: StyleId, caption: string[]): string {
  const width = Math.max(...t.rows.map((r) => r.reduce((n: number, x) => n + (typeof x === 'string' ? 1 : x.span), 0)));
  const cell = (x: CoverCell) =>
    typeof x === 'string' ? `<td>${esc(x)}</td>` : `<td colspan="${x.span}">${esc(x.text)}</td>`;
  const rows = t.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`);
  if (style === 'caption-in-table')
    rows.unshift(`<tr><td colspan="${width}" class="cap">${caption.map(esc).join('')}</td></tr>`);
  // Attributes, not CSS: LibreOffice's HTML import draws borders and widths only from these.
  return `<table border="1" cellspacing="0" cellpadding="4" width="100%">${rows.join('\n')}</table>`;
}

/** 〇 written as the white circle ○, as many offices type it. */
const circled = (style: StyleId) => (l: string) => (style === 'white-circle' ? l.replace(/〇/g, '○') : l);

/** One rendering of a class as an HTML page (A4, CJK fonts installed on the system). */
export function coverHtml(c: CoverClass, style: StyleId): string {
  const title = titleLines(c, style).map(circled(style));
  const parts: string[] = [];
  const p = (text: string, cls = '', extra = '') =>
    parts.push(`<p class="${cls}"${extra}>${esc(circled(style)(text))}</p>`);
  const pageBreak = () => parts.push('<p class="break">&#8203;</p>');
  if (style === 'toc-first') {
    p('目　录', 'toc-title');
    for (const [heading] of BODY[c.body]) p(`${heading}……………………2`, 'toc');
    pageBreak();
  }
  const cover = !c.table && !c.head && !c.letter && style !== 'no-cover' && style !== 'toc-first';
  if (cover) for (let i = 0; i < 5; i++) p('\u00a0', 'gap');
  (c.head ?? []).forEach((line, i) => p(line, i === 0 ? 'red' : 'docno'));
  if (c.table) {
    if (style !== 'caption-in-table') for (const line of title) p(line, 'caption');
    for (const line of c.table.above) p(line, 'above');
    parts.push(tableHtml(c.table, style, title));
  } else {
    const cls = style === 'tracked' ? 'title tracked' : style === 'same-size' ? 'title same' : 'title';
    for (const line of title) p(line, cls);
    for (const line of c.under) p(line, 'under');
  }
  if (c.letter) {
    for (const line of c.letter.text) p(line, 'letter');
    for (const line of c.letter.sign) p(line, 'sign');
  }
  if (cover || c.letter) pageBreak();
  if (c.second) p(c.second, 'title');
  if (c.opening) p(c.opening, 'body');
  BODY[c.body].forEach(([heading, text], i) => {
    p(i === 0 && c.firstHeading ? c.firstHeading : heading, 'heading');
    p(text, 'body');
  });
  if (c.signJoined) parts.push(`<p class="sign">${(c.sign ?? []).map(esc).join('<br>')}</p>`);
  else for (const line of c.sign ?? []) p(line, 'sign');
  if (c.appendix) {
    pageBreak();
    p(c.appendix.caption, 'caption');
    parts.push(tableHtml(c.appendix, 'one-line', []));
  }
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(c.id)}</title><style>
@page { size: A4; margin: 25mm 25mm 25mm 25mm; }
body { font-family: "Noto Sans CJK SC", sans-serif; font-size: 12pt; }
p { margin: 0 0 6pt 0; }
.title { font-size: 22pt; text-align: center; margin: 0 0 10pt 0; }
.same { font-size: 16pt; }
.red { font-size: 36pt; color: #d00; text-align: center; letter-spacing: 0.1em; margin: 0 0 12pt 0; }
.docno { font-size: 16pt; text-align: center; margin: 0 0 24pt 0; }
.letter { font-size: 16pt; text-indent: 2em; }
.sign { font-size: 14pt; text-align: right; margin-right: 4em; }
.tracked { letter-spacing: 0.3em; }
.under { font-size: 14pt; text-align: center; margin-top: 24pt; }
.gap { font-size: 22pt; }
.break { page-break-before: always; font-size: 1pt; }
.caption { font-size: 16pt; text-align: center; }
.above { font-size: 10pt; }
.toc-title { font-size: 16pt; text-align: center; }
.toc { font-size: 12pt; }
.heading { font-size: 12pt; }
.body { text-indent: 2em; }
table { border-collapse: collapse; width: 100%; font-size: 10pt; }
td { border: 1px solid #000; padding: 3pt; }
td.cap { font-size: 14pt; text-align: center; border: none; }
</style></head><body>
${parts.join('\n')}
</body></html>
`;
}

/** Every (class, style) pair, named as its fixture files are: <class>--<style>. */
export function coverCases(): { name: string; cls: CoverClass; style: StyleId }[] {
  return COVER_CLASSES.flatMap((cls) => cls.styles.map((style) => ({ name: `${cls.id}--${style}`, cls, style })));
}
