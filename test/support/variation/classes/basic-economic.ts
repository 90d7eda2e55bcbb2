// 预算 一般公共预算基本支出表: 经济分类 codes 类 (301) / 款 (30101) beside their names,
// the 合计 row on top across the code and name columns, each row's 合计 split into
// 人员经费 and 公用经费 — a class's amounts stand under one of the two, the other blank.
import type { LogicalTable } from '../model.ts';
import { codedRow as row } from './shared.ts';

export const basicEconomic: LogicalTable = {
  id: 'basic-economic',
  title: '预算 基本支出表（经济分类科目编码，合计在上）',
  caption: '一般公共预算基本支出表',
  note: '（2026年度）',
  unit: '万元',
  segments: [
    {
      spanning: [{ text: '部门预算支出经济分类科目', from: 0, to: 1 }],
      columns: [
        { head: ['科目编码'], measure: 'code' },
        { head: ['科目名称'], measure: 'name' },
        { head: ['合计'], measure: 'money' },
        { head: ['人员经费'], measure: 'money' },
        { head: ['公用经费'], measure: 'money' },
      ],
      rows: [
        { cells: ['合计', '1555.50', '1295.20', '260.30'], spans: [2, 1, 1, 1] },
        row('301', '工资福利支出', '1120.40', '1120.40', ''),
        row('30101', '基本工资', '420.00', '420.00', ''),
        row('30102', '津贴补贴', '380.20', '380.20', ''),
        row('30108', '机关事业单位基本养老保险缴费', '180.10', '180.10', ''),
        row('30113', '住房公积金', '140.10', '140.10', ''),
        row('302', '商品和服务支出', '260.30', '', '260.30'),
        row('30201', '办公费', '60.50', '', '60.50'),
        row('30211', '差旅费', '45.80', '', '45.80'),
        row('30228', '工会经费', '34.00', '', '34.00'),
        row('30299', '其他商品和服务支出', '120.00', '', '120.00'),
        row('303', '对个人和家庭的补助', '174.80', '174.80', ''),
        row('30302', '退休费', '150.00', '150.00', ''),
        row('30309', '奖励金', '24.80', '24.80', ''),
      ],
    },
  ],
};
