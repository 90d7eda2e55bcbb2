// 决算 收入决算表: 科目编码 rows 类 (201) / 款 (20138) / 项 (2013801) beside their names, the 合计
// row on top spanning the code and name columns; 本年收入合计 then its sources.
import type { LogicalTable, Row } from '../model.ts';

const row = (code: string, name: string, ...amounts: string[]): Row => ({
  cells: [code, name, ...amounts],
  level: code.length === 3 ? 1 : code.length === 5 ? 2 : 3,
});

export const finalIncome: LogicalTable = {
  id: 'final-income',
  title: '决算 收入决算表（科目编码，合计在上）',
  caption: '收入决算表',
  note: '（2023年度）',
  unit: '万元',
  segments: [
    {
      spanning: [
        { text: '项目', from: 0, to: 1 },
        { text: '收入', from: 3, to: 5 },
      ],
      columns: [
        { head: ['科目编码'], measure: 'code' },
        { head: ['科目名称'], measure: 'name' },
        { head: ['本年收入合计'], measure: 'money' },
        { head: ['财政拨款收入'], measure: 'money' },
        { head: ['事业收入'], measure: 'money' },
        { head: ['其他收入'], measure: 'money' },
      ],
      rows: [
        { cells: ['合计', '2115.60', '1879.20', '26.70', '209.70'], spans: [2, 1, 1, 1, 1] },
        row('201', '一般公共服务支出', '1280.40', '1150.20', '0.00', '130.20'),
        row('20138', '市场监督管理事务', '1280.40', '1150.20', '0.00', '130.20'),
        row('2013801', '行政运行', '980.60', '900.10', '0.00', '80.50'),
        row('2013804', '市场主体管理', '299.80', '250.10', '0.00', '49.70'),
        row('208', '社会保障和就业支出', '520.30', '420.30', '26.70', '73.30'),
        row('20805', '行政事业单位养老支出', '520.30', '420.30', '26.70', '73.30'),
        row('2080505', '机关事业单位基本养老保险缴费支出', '350.10', '300.10', '20.00', '30.00'),
        row('2080506', '机关事业单位职业年金缴费支出', '170.20', '120.20', '6.70', '43.30'),
        row('221', '住房保障支出', '314.90', '308.70', '0.00', '6.20'),
        row('22102', '住房改革支出', '314.90', '308.70', '0.00', '6.20'),
        row('2210201', '住房公积金', '314.90', '308.70', '0.00', '6.20'),
      ],
    },
  ],
};
