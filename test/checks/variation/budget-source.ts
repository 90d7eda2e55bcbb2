// A made 部门预算 (2024, 某某县民政局): the 说明 in prose, then the tables of
// the genre — 部门收支总表, 部门支出总表, 一般公共预算支出表, 一般公共预算基本支出表,
// 政府性基金预算支出表, 一般公共预算"三公"经费支出表, 财政拨款收支总表 — each a
// different scope of the same money. The figures agree with one another as a
// real 预算's do:
//
//   sources   一般公共预算 1180 = 基本 860 + 项目 320;  政府性基金 50 = 项目 50;
//             事业收入 30 = 基本 30;  all funds 1260 = 基本 890 + 项目 370
//   基本支出   (一般公共预算) 860 = 人员经费 760 + 公用经费 100
//   "三公"经费 25 = 因公出国（境）0 + 公务用车 22 (购置 0 + 运行维护 22) + 公务接待 3
//
// so that the same words (基本支出, 合计, 支出预算) stand for different figures
// in different scopes. A test plants a figure wrong in the text (its own
// Figures) or in a table, keeping every sum of the text and every table's
// total right, so that only the two statements of one quantity disagree.
import type { Block, DocTable } from '../../support/budget-doc.ts';
import type { ComposePara } from '../../support/compose.ts';

export interface Figures {
  total: string;
  basic: string;
  project: string;
  general: string;
  generalBasic: string;
  generalProject: string;
  personnel: string;
  public: string;
  fund: string;
  fiscal: string;
  three: string;
  car: string;
  reception: string;
}

export const FIGURES: Figures = {
  total: '1260.00',
  basic: '890.00',
  project: '370.00',
  general: '1180.00',
  generalBasic: '860.00',
  generalProject: '320.00',
  personnel: '760.00',
  public: '100.00',
  fund: '50.00',
  fiscal: '1230.00',
  three: '25.00',
  car: '22.00',
  reception: '3.00',
};

/** The figures with some planted wrong. */
export const planted = (changes: Partial<Figures>): Figures => ({ ...FIGURES, ...changes });

export const heading = (text: string): ComposePara => ({ text, bold: true, indent: 0 });
const TITLE: ComposePara = { text: '某某县民政局2024年部门预算', size: 18, align: 'center', indent: 0 };
const ABOUT: ComposePara[] = [
  heading('一、部门基本情况'),
  {
    text: '某某县民政局是县政府工作部门，主要负责全县社会救助、养老服务、社会事务和基层政权建设等工作。本部门预算由局机关本级预算组成。',
  },
];

/** A 预算: its title, the 部门基本情况, the sections given, then its tables, the first on a page of its own. */
export function budget(sections: ComposePara[], tables: DocTable[]): Block[] {
  return [TITLE, ...ABOUT, ...sections, ...tables.map((table, i) => ({ table: { ...table, newPage: i === 0 } }))];
}

/** 部门收支总表: 收入 | 预算数 | 支出 | 预算数, two halves side by side. */
export function summaryTable(f: Figures = FIGURES): DocTable {
  return {
    title: '部门收支总表',
    header: [['收入项目', '预算数', '支出项目', '预算数']],
    rows: [
      ['一、一般公共预算拨款收入', f.general, '一、社会保障和就业支出', '1150.00'],
      ['二、政府性基金预算拨款收入', f.fund, '二、住房保障支出', '60.00'],
      ['三、事业收入', '30.00', '三、其他支出', f.fund],
      ['收入总计', f.total, '支出总计', f.total],
    ],
  };
}

const CODE_HEADER = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];

/** 部门支出总表: all funds by 科目, 基本支出 and 项目支出. */
export function expenditureTable(f: Figures = FIGURES): DocTable {
  return {
    title: '部门支出总表',
    header: [CODE_HEADER],
    rows: [
      ['', '合计', f.total, f.basic, f.project],
      ['208', '社会保障和就业支出', '1150.00', '830.00', '320.00'],
      ['20802', '民政管理事务', '1150.00', '830.00', '320.00'],
      ['2080201', '行政运行', '830.00', '830.00', ''],
      ['2080299', '其他民政管理事务支出', '320.00', '', '320.00'],
      ['221', '住房保障支出', '60.00', '60.00', ''],
      ['22102', '住房改革支出', '60.00', '60.00', ''],
      ['2210201', '住房公积金', '60.00', '60.00', ''],
      ['229', '其他支出', f.fund, '', f.fund],
      ['22960', '彩票公益金安排的支出', f.fund, '', f.fund],
      ['2296002', '用于社会福利的彩票公益金支出', f.fund, '', f.fund],
    ],
  };
}

/** 一般公共预算支出表: the 一般公共预算 part of the money by 科目. */
export function generalTable(f: Figures = FIGURES): DocTable {
  return {
    title: '一般公共预算支出表',
    header: [CODE_HEADER],
    rows: [
      ['', '合计', f.general, f.generalBasic, f.generalProject],
      ['208', '社会保障和就业支出', '1120.00', '800.00', '320.00'],
      ['20802', '民政管理事务', '1120.00', '800.00', '320.00'],
      ['2080201', '行政运行', '800.00', '800.00', ''],
      ['2080299', '其他民政管理事务支出', '320.00', '', '320.00'],
      ['221', '住房保障支出', '60.00', '60.00', ''],
      ['22102', '住房改革支出', '60.00', '60.00', ''],
      ['2210201', '住房公积金', '60.00', '60.00', ''],
    ],
  };
}

/**
 * 一般公共预算基本支出表: by 经济科目, 人员经费 and 公用经费. `allowance` (津贴补贴)
 * moves 人员经费 and the 合计 with it; `reception` (公务接待费) moves 公用经费.
 */
export function generalBasicTable(f: Figures = FIGURES, allowance = 340, reception = 3): DocTable {
  const wage = 300 + allowance + 60;
  const goods = 40 + 35 + reception + 22;
  const personnel = wage + 60;
  const d = (n: number) => n.toFixed(2);
  return {
    title: '一般公共预算基本支出表',
    header: [['经济科目编码', '经济科目名称', '合计', '人员经费', '公用经费']],
    rows: [
      ['', '合计', d(personnel + goods), d(personnel), d(goods)],
      ['301', '工资福利支出', d(wage), d(wage), ''],
      ['30101', '基本工资', '300.00', '300.00', ''],
      ['30102', '津贴补贴', d(allowance), d(allowance), ''],
      ['30113', '住房公积金', '60.00', '60.00', ''],
      ['302', '商品和服务支出', d(goods), '', d(goods)],
      ['30201', '办公费', '40.00', '', '40.00'],
      ['30211', '差旅费', '35.00', '', '35.00'],
      ['30217', '公务接待费', d(reception), '', d(reception)],
      ['30231', '公务用车运行维护费', f.car, '', f.car],
      ['303', '对个人和家庭的补助', '60.00', '60.00', ''],
      ['30305', '生活补助', '60.00', '60.00', ''],
    ],
  };
}

/** 政府性基金预算支出表: 项目支出 only; its 基本支出 0.00, or left blank. */
export function fundTable(f: Figures = FIGURES, zero = '0.00'): DocTable {
  return {
    title: '政府性基金预算支出表',
    header: [CODE_HEADER],
    rows: [
      ['', '合计', f.fund, zero, f.fund],
      ['229', '其他支出', f.fund, zero, f.fund],
      ['22960', '彩票公益金安排的支出', f.fund, zero, f.fund],
      ['2296002', '用于社会福利的彩票公益金支出', f.fund, zero, f.fund],
    ],
  };
}

/**
 * 国有资本经营预算支出表 of a unit that has none: a 合计 row of 0.00 (without
 * rules, a table of one row is no table to the eye: its 科目 rows are printed).
 */
export function stateCapitalTable(): DocTable {
  const zero = (code: string, name: string) => [code, name, '0.00', '0.00', '0.00'];
  return {
    title: '国有资本经营预算支出表',
    header: [CODE_HEADER],
    rows: [zero('', '合计')],
    borderless: {
      title: '国有资本经营预算支出表',
      header: [CODE_HEADER],
      rows: [zero('', '合计'), zero('223', '国有资本经营预算支出'), zero('22301', '解决历史遗留问题及改革成本支出')],
    },
  };
}

/**
 * 一般公共预算"三公"经费支出表: one row, 公务用车 split in two under a merged
 * header. Without rules a table of one row is no table to the eye: it is set
 * as rows (threeRowsTable) there.
 */
export function threeTable(f: Figures = FIGURES): DocTable {
  return {
    title: '一般公共预算“三公”经费支出表',
    header: [
      ['合计', '因公出国（境）费', '公务用车购置及运行维护费', 'left', 'left', '公务接待费'],
      ['up', 'up', '小计', '公务用车购置费', '公务用车运行维护费', 'up'],
    ],
    rows: [[f.three, '0.00', f.car, '0.00', f.car, f.reception]],
    borderless: threeRowsTable(f, '一般公共预算“三公”经费支出表'),
  };
}

/** The same "三公"经费 as rows: 项目 | 上年预算数 | 本年预算数, one item a row under the 合计. */
export function threeRowsTable(f: Figures = FIGURES, title = '“三公”经费支出预算表'): DocTable {
  return {
    title,
    header: [['项目', '上年预算数', '本年预算数']],
    rows: [
      ['合计', '27.00', f.three],
      ['因公出国（境）费', '0.00', '0.00'],
      ['公务用车购置及运行维护费', '24.00', f.car],
      ['公务接待费', '3.00', f.reception],
    ],
  };
}

/** 财政拨款收支总表: 收入 by source; 支出 by 科目 in 合计 | 一般公共预算 | 政府性基金 columns. */
export function fiscalSummaryTable(f: Figures = FIGURES): DocTable {
  return {
    title: '财政拨款收支总表',
    header: [['收入项目', '预算数', '支出项目', '合计', '一般公共预算', '政府性基金预算']],
    rows: [
      ['一、一般公共预算拨款', f.general, '一、社会保障和就业支出', '1120.00', '1120.00', '0.00'],
      ['二、政府性基金预算拨款', f.fund, '二、住房保障支出', '60.00', '60.00', '0.00'],
      ['', '', '三、其他支出', f.fund, '0.00', f.fund],
      ['收入总计', f.fiscal, '支出总计', f.fiscal, f.general, f.fund],
    ],
  };
}
