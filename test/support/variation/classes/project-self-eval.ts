// 项目支出绩效自评表: a cover line, the 项目资金 rows (年度资金总额 / 其中：当年财政拨款 /
// 上年结转资金 / 其他资金 × 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分), the
// year's goal, then the indicator block (一级 / 二级 / 三级指标 / 年度指标值 / 实际完成值 / 分值 /
// 得分 / 偏差原因, 一级 and 二级 merged down their rows) and a 总分 row.
import { t, v, type LogicalTable } from '../model.ts';
import { indicatorColumns } from './shared.ts';

export const projectSelfEval: LogicalTable = {
  id: 'project-self-eval',
  title: '项目支出绩效自评表',
  caption: '项目支出绩效自评表',
  note: '（2023年度）',
  unit: '万元',
  cover: [
    { cells: ['项目名称', '社区养老服务补助资金'], spans: [2, 6] },
    { cells: ['主管部门', '某市民政局', '实施单位', '某市养老服务中心'], spans: [2, 2, 2, 2] },
  ],
  segments: [
    {
      group: '项目资金',
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
        { cells: ['年度资金总额', '520.00', '560.00', '532.00', '10', '95.00%', '9.5'] },
        { cells: ['其中：当年财政拨款', '500.00', '540.00', '515.00', '', '95.37%', ''] },
        { cells: ['上年结转资金', '20.00', '20.00', '17.00', '', '85.00%', ''] },
        { cells: ['其他资金', '0.00', '0.00', '0.00', '', '', ''] },
      ],
    },
    {
      noHeader: true,
      // one name over two grid columns, then the two texts over three each
      columns: [
        { head: [''], measure: 'name' },
        { head: [''], measure: 'name' },
        ...Array.from({ length: 6 }, () => ({ head: [''], measure: 'text' as const })),
      ],
      rows: [
        {
          cells: ['年度总体目标', '为辖区老年人提供日间照料和助餐服务', '完成年度目标，服务覆盖全部社区'],
          spans: [2, 3, 3],
        },
      ],
    },
    {
      columns: indicatorColumns,
      rows: [
        {
          cells: [
            '产出指标',
            '数量指标',
            '服务老年人人次',
            t('≥12000人次', 12000, '人次', 'count', '>='),
            t('12860人次', 12860, '人次', 'count'),
            '15',
            '15',
            '',
          ],
        },
        {
          cells: [
            '产出指标',
            '数量指标',
            '新建社区养老服务站',
            t('≥8个', 8, '个', 'count', '>='),
            t('8个', 8, '个', 'count'),
            '10',
            '10',
            '',
          ],
        },
        {
          cells: [
            '产出指标',
            '质量指标',
            '服务质量达标率',
            t('≥95%', 95, '%', 'percent', '>='),
            t('97.5%', 97.5, '%', 'percent'),
            '10',
            '10',
            '',
          ],
        },
        {
          cells: [
            '产出指标',
            '时效指标',
            '补助资金发放及时率',
            t('100%', 100, '%', 'percent'),
            t('100%', 100, '%', 'percent'),
            '5',
            '5',
            '',
          ],
        },
        {
          cells: [
            '成本指标',
            '经济成本指标',
            '人均服务成本',
            t('≤400元', 400, '元', 'money', '<='),
            t('385元', 385, '元', 'money'),
            '10',
            '10',
            '',
          ],
        },
        {
          cells: [
            '效益指标',
            '社会效益指标',
            '老年人生活质量',
            v('有效提升'),
            v('有效提升'),
            '20',
            '18',
            '部分站点服务项目较少',
          ],
        },
        {
          cells: [
            '满意度指标',
            '服务对象满意度指标',
            '老年人满意度',
            t('≥90%', 90, '%', 'percent', '>='),
            t('93.6%', 93.6, '%', 'percent'),
            '20',
            '20',
            '',
          ],
        },
        { cells: ['总分', '100', '97.5', ''], spans: [5, 1, 1, 1] },
      ],
    },
  ],
};
