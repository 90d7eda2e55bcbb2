// 预算 项目支出绩效目标表: targets only, no actuals or scores — the 项目资金 rows under
// 实施期资金总额 / 年度资金总额, then 一级 / 二级 / 三级指标 with 实施周期指标值 beside 年度指标值.
import { t, v, type LogicalTable } from '../model.ts';

export const budgetTargets: LogicalTable = {
  id: 'budget-targets',
  title: '预算 项目支出绩效目标表',
  caption: '项目支出绩效目标表',
  note: '（2026年度）',
  unit: '万元',
  cover: [
    { cells: ['项目名称', '智慧食安监管平台运维'], spans: [2, 3] },
    { cells: ['主管部门', '某区市场监督管理局', '实施单位', '某区食品安全检测中心'], spans: [2, 1, 1, 1] },
  ],
  segments: [
    {
      group: '项目资金',
      spanning: [{ text: '资金安排', from: 1, to: 2 }],
      columns: [
        { head: [''], measure: 'name' },
        { head: ['实施期资金总额'], measure: 'money' },
        { head: ['年度资金总额'], measure: 'money' },
        { head: ['占比'], measure: 'percent' },
      ],
      rows: [
        { cells: ['资金总额', '360.00', '120.00', '100%'] },
        { cells: ['其中：财政拨款', '330.00', '110.00', '91.67%'] },
        { cells: ['其他资金', '30.00', '10.00', '8.33%'] },
      ],
    },
    {
      columns: [
        { head: ['一级指标'], measure: 'name' },
        { head: ['二级指标'], measure: 'name' },
        { head: ['三级指标'], measure: 'name' },
        { head: ['实施周期指标值'], measure: 'value' },
        { head: ['年度指标值'], measure: 'value' },
      ],
      rows: [
        {
          cells: [
            '产出指标',
            '数量指标',
            '监管对象覆盖数',
            t('≥3000家', 3000, '家', 'count', '>='),
            t('≥1000家', 1000, '家', 'count', '>='),
          ],
        },
        {
          cells: [
            '产出指标',
            '质量指标',
            '系统正常运行率',
            t('≥99%', 99, '%', 'percent', '>='),
            t('≥99%', 99, '%', 'percent', '>='),
          ],
        },
        {
          cells: [
            '产出指标',
            '时效指标',
            '故障响应时间',
            t('≤2小时', 2, '小时', 'other', '<='),
            t('≤2小时', 2, '小时', 'other', '<='),
          ],
        },
        {
          cells: [
            '成本指标',
            '经济成本指标',
            '运维成本',
            t('≤360万元', 360, '万元', 'money', '<='),
            t('≤120万元', 120, '万元', 'money', '<='),
          ],
        },
        { cells: ['效益指标', '社会效益指标', '食品安全风险发现能力', v('逐步提高'), v('有所提高')] },
        {
          cells: [
            '满意度指标',
            '服务对象满意度指标',
            '群众满意度',
            t('≥90%', 90, '%', 'percent', '>='),
            t('≥90%', 90, '%', 'percent', '>='),
          ],
        },
      ],
    },
  ],
};
