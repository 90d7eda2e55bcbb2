// 预算 收支总表: two halves side by side, 收入 项目 | 预算数 beside 支出 项目 | 预算数, the
// halves of unequal length (an empty left half at the foot), 本年收入合计 / 本年支出合计 last.
import type { LogicalTable } from '../model.ts';

export const budgetSummary: LogicalTable = {
  id: 'budget-summary',
  title: '预算 收支总表',
  caption: '部门收支预算总表',
  note: '（2026年度）',
  unit: '万元',
  segments: [
    {
      spanning: [
        { text: '收入', from: 0, to: 1 },
        { text: '支出', from: 2, to: 3 },
      ],
      columns: [
        { head: ['项目'], measure: 'name' },
        { head: ['预算数'], measure: 'money' },
        { head: ['项目'], measure: 'name' },
        { head: ['预算数'], measure: 'money' },
      ],
      rows: [
        { cells: ['一、一般公共预算拨款收入', '3560.80', '一、一般公共服务支出', '2890.50'] },
        { cells: ['二、政府性基金预算拨款收入', '120.00', '二、公共安全支出', '310.30'] },
        { cells: ['三、事业收入', '85.60', '三、社会保障和就业支出', '380.40'] },
        { cells: ['四、其他收入', '40.00', '四、卫生健康支出', '125.20'] },
        { cells: ['', '', '五、住房保障支出', '100.00'] },
        { cells: ['本年收入合计', '3806.40', '本年支出合计', '3806.40'] },
      ],
    },
  ],
};
