// 部门整体支出绩效自评表: the unit's name, the 年度预算 rows (年度资金总额 / 其中：基本支出 /
// 项目支出) under 年初预算数 … 得分, then the indicator block and a 总分 row. The example
// class: 年度预算（万元） in the first cell of the header line, in a table without rules.
import { t, v, type LogicalTable } from '../model.ts';
import { indicatorColumns } from './shared.ts';

export const deptSelfEval: LogicalTable = {
  id: 'dept-self-eval',
  title: '部门整体支出绩效自评表',
  caption: '部门整体支出绩效自评表',
  note: '（2023年度）',
  unit: '万元',
  cover: [{ cells: ['部门（单位）名称', '某市市场监督管理局'], spans: [2, 6] }],
  segments: [
    {
      group: '年度预算',
      spanning: [{ text: '预算执行情况', from: 1, to: 3 }],
      columns: [
        { head: [''], measure: 'name' },
        { head: ['年初预算数'], measure: 'money' },
        { head: ['全年预算数'], measure: 'money' },
        { head: ['全年执行数'], measure: 'money' },
        { head: ['分值'], measure: 'score' },
        { head: ['执行率'], measure: 'percent' },
        { head: ['得分'], measure: 'score' },
      ],
      rows: [
        { cells: ['年度资金总额', '4680.50', '5120.30', '4998.20', '10', '97.62%', '9.8'] },
        { cells: ['其中：基本支出', '3860.20', '4010.30', '4002.10', '', '99.80%', ''] },
        { cells: ['项目支出', '820.30', '1110.00', '996.10', '', '89.74%', ''] },
      ],
    },
    {
      columns: indicatorColumns,
      rows: [
        {
          cells: [
            '产出指标',
            '数量指标',
            '市场主体登记户数',
            t('≥12000户', 12000, '户', 'count', '>='),
            t('13967户', 13967, '户', 'count'),
            '20',
            '20',
            '',
          ],
        },
        {
          cells: [
            '产出指标',
            '质量指标',
            '食品抽检合格率',
            t('≥97%', 97, '%', 'percent', '>='),
            t('98.2%', 98.2, '%', 'percent'),
            '20',
            '20',
            '',
          ],
        },
        {
          cells: [
            '效益指标',
            '社会效益指标',
            '营商环境',
            v('持续优化'),
            v('持续优化'),
            '20',
            '19',
            '个别审批环节仍需压缩',
          ],
        },
        {
          cells: [
            '满意度指标',
            '服务对象满意度指标',
            '市场主体满意度',
            t('≥90%', 90, '%', 'percent', '>='),
            t('92.4%', 92.4, '%', 'percent'),
            '30',
            '30',
            '',
          ],
        },
        { cells: ['总分', '100', '98.8', ''], spans: [5, 1, 1, 1] },
      ],
    },
  ],
};
