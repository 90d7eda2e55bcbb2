// A whole report as a word processor writes it (LibreOffice, embedded subset
// font, fake bold by text render mode 2, table borders stroked, the table
// text run across cell borders): fixtures/reports/edu-dept.html is the
// source, make-errors.sh plants the mistakes of the second one.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.ts';
import { outline } from '../support/extract-made.ts';

const fixture = (name: string) => path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reports', name);

test('the clean report: metadata, tree, every concept once (text and table agreeing), no finding', async () => {
  const r = await extractFile(fixture('edu-dept.pdf'));
  expect(r.document).toEqual({
    title: '某某县教育局2022年度部门整体支出绩效自评报告',
    organization: '某某县教育局',
    organizationKey: '某某县教育局',
    fiscalYear: 2022,
    reportType: '整体支出',
    reportDate: '2023-03-15',
  });
  expect(outline(r)).toEqual([
    '一、部门基本情况',
    '  （一）部门职能',
    '  （二）机构设置及人员情况',
    '  （三）部门预算及执行情况',
    '二、部门整体支出绩效情况',
    '  （一）产出指标',
    '    1．数量指标',
    '    2．质量指标',
    '    3．成本指标',
    '  （二）效益指标',
    '三、存在的问题',
    '四、改进措施',
    '五、自评结论',
  ]);
  const byConcept: Record<string, number[]> = {};
  for (const f of r.facts)
    if (f.concept && f.year === 2022 && !f.concept.endsWith('.growth'))
      (byConcept[f.concept] ??= []).push(f.value as number);
  // Figures of other years keep their concepts with their year (contract 1.2): 比2021年决算数 3,500.00 万元.
  expect(r.facts.filter((f) => f.concept && f.year !== 2022).map((f) => [f.concept, f.value, f.year])).toEqual([
    ['budget.total.actual', 3500, 2021],
  ]);
  // The narrative and the self-evaluation table state the same totals.
  expect(byConcept).toEqual({
    'staffing.authorized': [56],
    'staffing.actual': [52],
    'budget.total.initial': [3456.78, 3456.78],
    'budget.basic.initial': [2100.5, 2100.5],
    'budget.project.initial': [1356.28, 1356.28],
    'budget.total.adjusted': [3956.78, 3956.78],
    'budget.total.actual': [3800.12, 3800.12],
    'budget.executionRate': [96.04, 96.04],
    'budget.basic.actual': [2150.3, 2150.3],
    'budget.project.actual': [1649.82, 1649.82],
    'budget.basic.personnel': [1800.2],
    'budget.basic.public': [350.1],
    'evaluation.selfScore': [96.6, 96.6],
    'budget.basic.adjusted': [2200],
    'budget.project.adjusted': [1756.78],
  });
  expect(r.tables).toHaveLength(1);
  expect(r.findings).toEqual([]);
});

test('the planted mistakes, each found once under its rule, traced to its page', async () => {
  const r = await extractFile(fixture('edu-dept-errors.pdf'));
  expect(r.findings.map((f) => [f.rule, f.severity, f.page, f.expected, f.actual])).toEqual([
    ['sum-mismatch', 'error', 1, 24, 23],
    ['rate-mismatch', 'error', 1, 96.04, 97.04],
    ['score-mismatch', 'error', 2, 95.6, 96.6],
    ['heading-sequence', 'info', 2, 3, 2],
    ['heading-sequence', 'info', 2, 3, 4],
    // The table's 总分 against its scores: the contract's more specific rule, not table-total-mismatch.
    ['score-mismatch', 'error', 3, 96.6, 95.6],
    ['conflicting-values', 'warning', 3, 97.04, 96.04],
  ]);
});
