// 决算 支出决算表: names indented by level (类 / 款 / 项) with no codes, a header of two rows
// (基本支出 over 人员经费 / 公用经费), empty cells where nothing was spent, the 合计 row at the foot.
import type { LogicalTable, Row } from '../model.ts';

const row = (level: number, name: string, ...amounts: string[]): Row => ({ cells: [name, ...amounts], level });

export const finalExpenditure: LogicalTable = {
  id: 'final-expenditure',
  title: '决算 支出决算表（名称缩进，合计在下）',
  caption: '支出决算表',
  note: '（2023年度）',
  unit: '万元',
  segments: [
    {
      spanning: [{ text: '支出决算', from: 1, to: 4 }],
      columns: [
        { head: ['项目'], measure: 'name' },
        { head: ['本年支出合计'], measure: 'money' },
        { head: ['基本支出', '人员经费'], measure: 'money' },
        { head: ['基本支出', '公用经费'], measure: 'money' },
        { head: ['项目支出'], measure: 'money' },
      ],
      rows: [
        row(1, '一般公共服务支出', '1280.40', '720.30', '260.30', '299.80'),
        row(2, '市场监督管理事务', '1280.40', '720.30', '260.30', '299.80'),
        row(3, '行政运行', '980.60', '720.30', '260.30', ''),
        row(3, '市场主体管理', '299.80', '', '', '299.80'),
        row(1, '社会保障和就业支出', '520.30', '520.30', '', ''),
        row(2, '行政事业单位养老支出', '520.30', '520.30', '', ''),
        row(3, '机关事业单位基本养老保险缴费支出', '350.10', '350.10', '', ''),
        row(3, '机关事业单位职业年金缴费支出', '170.20', '170.20', '', ''),
        row(1, '住房保障支出', '314.90', '314.90', '', ''),
        row(2, '住房改革支出', '314.90', '314.90', '', ''),
        row(3, '住房公积金', '314.90', '314.90', '', ''),
        { cells: ['合计', '2115.60', '1555.50', '260.30', '299.80'] },
      ],
    },
  ],
};
