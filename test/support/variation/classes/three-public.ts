// 预算 一般公共预算"三公"经费支出表: one row a year, a header of two rows where one
// group (公务用车购置及运行费) splits into its 小计 and two parts beside columns of
// one row (合计, 因公出国（境）费, 公务接待费): 合计 sums the 小计, not its parts too.
import type { LogicalTable } from '../model.ts';

export const threePublic: LogicalTable = {
  id: 'three-public',
  title: '预算 "三公"经费支出表（小计在组下）',
  caption: '一般公共预算“三公”经费支出表',
  note: '（2026年度）',
  unit: '万元',
  segments: [
    {
      columns: [
        { head: ['项目'], measure: 'name' },
        { head: ['合计'], measure: 'money' },
        { head: ['因公出国（境）费'], measure: 'money' },
        { head: ['公务用车购置及运行费', '小计'], measure: 'money' },
        { head: ['公务用车购置及运行费', '公务用车购置费'], measure: 'money' },
        { head: ['公务用车购置及运行费', '公务用车运行费'], measure: 'money' },
        { head: ['公务接待费'], measure: 'money' },
      ],
      rows: [
        { cells: ['上年预算数', '86.40', '12.00', '58.20', '30.00', '28.20', '16.20'] },
        { cells: ['本年预算数', '79.90', '10.00', '56.70', '30.00', '26.70', '13.20'] },
      ],
    },
  ],
};
