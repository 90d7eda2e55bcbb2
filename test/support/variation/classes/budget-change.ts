// 预算 支出预算增减表: this year's budget beside last year's, the change in 万元 and in per cent —
// negative where spending falls (-22.20, -5.28%), 合计 at the foot.
import type { LogicalTable, Row } from '../model.ts';

const row = (name: string, ...cells: string[]): Row => ({ cells: [name, ...cells] });

export const budgetChange: LogicalTable = {
  id: 'budget-change',
  title: '预算 支出预算增减表（增减为负）',
  caption: '一般公共预算支出增减情况表',
  note: '（2026年度）',
  unit: '万元',
  segments: [
    {
      columns: [
        { head: ['项目'], measure: 'name' },
        { head: ['上年预算数'], measure: 'money' },
        { head: ['本年预算数'], measure: 'money' },
        { head: ['增减额'], measure: 'money' },
        { head: ['增减率'], measure: 'percent' },
      ],
      rows: [
        row('一般公共服务支出', '420.50', '398.30', '-22.20', '-5.28%'),
        row('社会保障和就业支出', '96.40', '102.60', '6.20', '6.43%'),
        row('卫生健康支出', '38.20', '35.10', '-3.10', '-8.12%'),
        row('住房保障支出', '45.30', '47.80', '2.50', '5.52%'),
        row('合计', '600.40', '583.80', '-16.60', '-2.76%'),
      ],
    },
  ],
};
