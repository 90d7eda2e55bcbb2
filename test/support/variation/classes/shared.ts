// Columns and rows several classes share.
import type { Column, Row } from '../model.ts';

/** A row under a 科目编码: its level by the code's length (类 201 / 301, 款 20138 / 30101, 项 2013801). */
export const codedRow = (code: string, name: string, ...amounts: string[]): Row => ({
  cells: [code, name, ...amounts],
  level: code.length <= 3 ? 1 : code.length <= 5 ? 2 : 3,
});

/** The indicator block of a 自评表: 一级 / 二级 / 三级指标, target, actual, 分值, 得分, 偏差原因. */
export const indicatorColumns: Column[] = [
  { head: ['一级指标'], measure: 'name' },
  { head: ['二级指标'], measure: 'name' },
  { head: ['三级指标'], measure: 'name' },
  { head: ['年度指标值'], measure: 'value' },
  { head: ['实际完成值'], measure: 'value' },
  { head: ['分值'], measure: 'score' },
  { head: ['得分'], measure: 'score' },
  { head: ['偏差原因分析及改进措施'], measure: 'text' },
];
