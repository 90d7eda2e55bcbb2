// Real producer output: LibreOffice 7.4 PDFs of the same two tables with
// borders (stroked lines under a clip) and without (text geometry alone).
// Source: fixtures/libreoffice-tables.html.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { findTables } from '../../src/tables/find.ts';
import { openPdf } from '../../src/pdf/open.ts';
import { readPageRules } from '../../src/pdf/rulings.ts';
import { readPageText } from '../../src/pdf/text.ts';
import { factsOf } from './support.ts';

async function tablesOf(name: string) {
  const pdf = await openPdf(
    new Uint8Array(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)))),
  );
  try {
    const page = await readPageText(pdf.doc, 2);
    page.rules = await readPageRules(pdf.doc, 2);
    return { page, ...findTables(page) };
  } finally {
    await pdf.destroy();
  }
}

test('ruled: both tables exactly, merged cells spanned, captions and unit; prose stays prose', async () => {
  const { page, tables, rest } = await tablesOf('libreoffice-ruled.pdf');
  expect(page.rules!.length).toBeGreaterThan(20);
  expect(tables.map((t) => [t.title, t.unit, t.headerRows])).toEqual([
    ['部门整体支出预算执行情况表', '万元', 2],
    ['部门整体支出绩效自评表（2023 年度）', null, 1],
  ]);
  expect(tables[0]!.rows).toEqual([
    ['项目', '预算执行情况（万元）', '预算执行情况（万元）', '预算执行情况（万元）', '执行率'],
    ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率'],
    ['基本支出', '4668.70', '4980.37', '4980.37', '100%'],
    ['项目支出（含市场监管执法专项经费及其他经费）', '596.00', '855.87', '855.87', '100%'],
    ['合计', '5264.70', '5836.24', '5836.24', '100%'],
  ]);
  expect(tables[1]!.rows).toEqual([
    ['一级指标', '二级指标', '三级指标', '分值', '得分'],
    ['投入', '预算执行', '预算执行率', '10', '10'],
    ['投入', '预算管理', '资金使用合规性与安全性', '10', '9'],
    ['投入', '预算管理', '预决算信息公开', '5', '5'],
    ['产出', '产出数量', '市场主体登记注册任务完成率', '35', '33'],
    ['效益', '满意度', '服务对象满意度', '40', '39'],
    ['总分', '总分', '总分', '100', '96'],
  ]);
  const facts = factsOf(tables[0]!);
  expect(facts.filter((f) => f.concept).map((f) => [f.concept, f.normalized.value])).toEqual([
    ['budget.basic.initial', 46687000],
    ['budget.basic.adjusted', 49803700],
    ['budget.basic.actual', 49803700],
    ['budget.project.initial', 5960000],
    ['budget.project.adjusted', 8558700],
    ['budget.project.actual', 8558700],
  ]);
  expect(factsOf(tables[1]!, 't2').map((f) => f.label)).toContain('投入·预算管理·预决算信息公开·得分');
  const restText = rest.items.map((i) => i.str).filter((s) => s.trim() !== '');
  expect(restText).toContain('以上数据来源于部门决算报表。');
  expect(restText).toContain('1、完成市场主体登记 13967 户；');
  expect(restText.some((s) => s.includes('4668.70') && !s.includes('万元'))).toBe(false);
});

test('without borders: rows and columns from text alone; spans are not guessed', async () => {
  const { tables } = await tablesOf('libreoffice-plain.pdf');
  expect(tables.map((t) => t.title)).toEqual(['部门整体支出预算执行情况表', '部门整体支出绩效自评表（2023 年度）']);
  // LibreOffice set "4980.37" and "100%" as one text item with no gap: that column is read as written.
  expect(tables[0]!.rows.slice(-3).map((r) => r.slice(0, 3))).toEqual([
    ['基本支出', '4668.70', '4980.37'],
    ['项目支出（含市场监管执法专项经费及其他经费）', '596.00', '855.87'],
    ['合计', '5264.70', '5836.24'],
  ]);
  // The 一级 cell 投入 sits on the middle one of its three rows; the rows above and below it stay empty there.
  expect(tables[1]!.rows).toEqual([
    ['一级指标', '二级指标', '三级指标', '分值', '得分'],
    ['', '预算执行', '预算执行率', '10', '10'],
    ['投入', '预算管理', '资金使用合规性与安全性', '10', '9'],
    ['', '', '预决算信息公开', '5', '5'],
    ['产出', '产出数量', '市场主体登记注册任务完成率', '35', '33'],
    ['效益', '满意度', '服务对象满意度', '40', '39'],
    ['总分', '', '', '100', '96'],
  ]);
});
