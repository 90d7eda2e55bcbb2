// The typed sample, end to end: its section tree level for level, its
// metadata, rejoined numbers, no page furniture in the body.
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { expectGolden } from '../support/golden.ts';

const sample = fileURLToPath(new URL('../../samples/yueyanglou-scjg-2023.pdf', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));
let report: Report;

beforeAll(async () => {
  report = await extractFile(sample, { ocr: 'never' });
});

test('section tree matches the golden file', () => {
  const tree = report.sections.map(({ id, parentId, level, marker, ordinal, title, page }) => ({
    id,
    parentId,
    level,
    marker,
    ordinal,
    title,
    page,
  }));
  expectGolden(golden('yueyanglou-text.sections.json'), tree);
});

test('section tree has the source text levels', () => {
  const lines = report.sections.map((s) => `${'  '.repeat(s.level - 1)}${s.marker.trim()}${s.title}`);
  expect(lines).toEqual([
    '一、单位基本情况',
    '  (一)单位职能职责',
    '  （二）机构设置',
    '二、支出情况',
    '  （一）基本支出情况',
    '  （三）项目支出情况',
    '二、单位整体支出绩效情况',
    '  （一）支出预算执行情况',
    '  （二）支出绩效目标完成情况',
    '  （三）整体支出绩效情况',
    '    1、精准发力，助推地方经济高速发展',
    '    2、持续深化商事登记制度改革',
    '    3、积极推动“质量强区”战略落实',
    '    4、发挥政策效能支持企业发展',
    '    5、守牢“四大安全”底线',
    '    6、营造公平市场环境',
    '    7、构建社会共治氛围',
    '三、存在的问题及原因分析',
    '四、下一步改进措施',
    '五、单位整体支出绩效自评结果拟应用和公开情况',
  ]);
});

test('metadata', () => {
  expect(report.document).toEqual({
    title: '2023年度岳阳市岳阳楼区市场监督管理局整体支出绩效自评报告',
    organization: '岳阳市岳阳楼区市场监督管理局',
    organizationKey: '岳阳市岳阳楼区市场监督管理局',
    fiscalYear: 2023,
    reportType: '整体支出',
    reportDate: '2024-05-29',
  });
});

test('numbers wrapped over lines come back whole; page numbers stay out of the body', () => {
  const body = report.paragraphs.filter((p) => p.role === 'body').map((p) => p.text);
  const all = body.join('\n');
  expect(all).toMatch(/新设市场主体 13967 ?家/);
  expect(all).toContain('3、财务股');
  expect(all).toMatch(/决算数为 ?4980\.37 ?万元/);
  expect(all).toContain('实现了全区服务标准化试点零突破');
  expect(all).not.toMatch(/— ?\d+ ?—/);
  const numbers = report.paragraphs.filter((p) => p.role === 'page-number');
  expect(numbers.map((p) => p.page)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  // 19 duties are body paragraphs of (一)单位职能职责.
  const duties = report.paragraphs.filter((p) => p.role === 'body' && p.sectionId === 's2');
  expect(duties).toHaveLength(19);
});

test('every page was read from its text layer', () => {
  expect(report.pages.map((p) => p.method)).toEqual(Array(11).fill('text'));
});

test('findings: the doubled 二、, the missing （二）, 115 vs 138 违法案件 — and no error', () => {
  const findings = report.findings.map(({ rule, severity, page, message, expected, actual }) => ({
    rule,
    severity,
    page,
    message,
    expected,
    actual,
  }));
  expectGolden(golden('yueyanglou-text.findings.json'), findings);
  expect(findings.map((f) => `${f.rule}:${f.severity}`)).toEqual([
    'heading-sequence:info',
    'heading-sequence:info',
    'conflicting-values:warning',
  ]);
});
