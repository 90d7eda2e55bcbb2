// Tables drawn with ruling lines, as Word draws them: merged header cells, a
// unit line, a total row; their cells come back as written and become facts.
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { extractSpec } from '../support/extract-made.ts';
import type { PageSpec, Rule, TextRun } from '../support/make-pdf.ts';

/** A ruled table: cells given row by row; a cell of null is covered by the merged cell left of it (or above, with 'up'). */
function ruledTable(
  xs: number[],
  top: number,
  rowH: number,
  rows: (string | null | 'up')[][],
): { runs: TextRun[]; rules: Rule[] } {
  const runs: TextRun[] = [];
  const rules: Rule[] = [];
  const ys = rows.map((_, r) => top - r * rowH).concat(top - rows.length * rowH);
  rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (typeof cell === 'string' && cell !== 'up')
        runs.push({ text: cell, x: xs[c]! + 4, y: ys[r]! - rowH + 6, size: 9 });
      // Left border unless merged with the cell on the left.
      if (cell !== null) rules.push({ x0: xs[c]!, y0: ys[r + 1]!, x1: xs[c]!, y1: ys[r]! });
      // Top border unless merged with the cell above.
      if (cell !== 'up') rules.push({ x0: xs[c]!, y0: ys[r]!, x1: xs[c + 1]!, y1: ys[r]! });
    });
    rules.push({ x0: xs[row.length]!, y0: ys[r + 1]!, x1: xs[row.length]!, y1: ys[r]! });
  });
  rules.push({ x0: xs[0]!, y0: ys[rows.length]!, x1: xs[xs.length - 1]!, y1: ys[rows.length]! });
  return { runs, rules };
}

const budget = (total: string): PageSpec => {
  const t = ruledTable([60, 150, 250, 350, 450, 530], 690, 22, [
    ['项目', '预算执行情况（万元）', null, null, '执行率'],
    ['up', '年初预算数', '全年预算数', '全年执行数', 'up'],
    ['基本支出', '4668.70', '4980.37', '4980.37', '100%'],
    ['项目支出', '596.00', '855.87', '855.87', '100%'],
    ['合计', '5264.70', '5836.24', total, '100%'],
  ]);
  return {
    runs: [
      { text: '一、部门整体支出情况', x: 72, y: 770, size: 12, bold: true },
      { text: '部门整体支出预算执行情况表', x: 200, y: 730, size: 12 },
      { text: '单位：万元', x: 470, y: 712, size: 9 },
      ...t.runs,
      { text: '以上数据来源于部门决算报表。', x: 96, y: 540, size: 12 },
    ],
    rules: t.rules,
  };
};

describe('a budget table with a merged header, a unit line and a total row', () => {
  test('cells come back as written, merged cells repeated over the grid cells they cover', async () => {
    const report = await extractSpec({ pages: [budget('5836.24')] });
    expect(report.tables).toHaveLength(1);
    const t = report.tables[0]!;
    expect(t.title).toBe('部门整体支出预算执行情况表');
    expect(t.rows).toEqual([
      ['项目', '预算执行情况（万元）', '预算执行情况（万元）', '预算执行情况（万元）', '执行率'],
      ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率'],
      ['基本支出', '4668.70', '4980.37', '4980.37', '100%'],
      ['项目支出', '596.00', '855.87', '855.87', '100%'],
      ['合计', '5264.70', '5836.24', '5836.24', '100%'],
    ]);
    // The cells are not read again as prose; the paragraph after the table is.
    expect(report.paragraphs.map((p) => p.text)).toEqual([
      '一、部门整体支出情况',
      '部门整体支出预算执行情况表',
      '单位：万元',
      '以上数据来源于部门决算报表。',
    ]);
    expect(report.findings).toEqual([]);
  });

  test('numeric cells are facts: label = row · column header, unit from the header, concepts set', async () => {
    const report = await extractSpec({ pages: [budget('5836.24')] });
    const cells = report.facts.filter((f) => f.paragraphId === null);
    expect(cells).toHaveLength(12);
    const first = cells[0]!;
    expect([first.label, first.value, first.unit, first.normalized, first.kind, first.concept]).toEqual([
      '基本支出·预算执行情况·年初预算数',
      4668.7,
      '万元',
      { value: 46687000, unit: '元' },
      'money',
      'budget.basic.initial',
    ]);
    expect(cells.filter((f) => f.concept).map((f) => f.concept)).toEqual([
      'budget.basic.initial',
      'budget.basic.adjusted',
      'budget.basic.actual',
      'budget.project.initial',
      'budget.project.adjusted',
      'budget.project.actual',
    ]);
    expect(cells.find((f) => f.label === '项目支出·执行率')).toMatchObject({ kind: 'percent', value: 100, unit: '%' });
    expect(first.bbox).toEqual([150, 624, 250, 646]);
  });

  test('a total row that does not add up is a table-total-mismatch', async () => {
    const report = await extractSpec({ pages: [budget('5863.24')] });
    expect(report.findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
      ['table-total-mismatch', 'error', 5836.24, 5863.24],
    ]);
  });
});

describe('a scoring table (部门整体支出绩效自评表)', () => {
  const scoring = (narrative: string): PageSpec => {
    const t = ruledTable([60, 140, 230, 400, 460, 520], 700, 20, [
      ['一级指标', '二级指标', '三级指标', '分值', '得分'],
      ['投入', '预算执行', '预算执行率', '10', '10'],
      ['up', '预算管理', '资金使用合规性', '10', '9'],
      ['产出', '产出数量', '任务完成率', '40', '38'],
      ['效益', '社会效益', '满意度', '40', '39'],
      ['总分', null, null, '100', '96'],
    ]);
    return {
      runs: [
        { text: narrative, x: 96, y: 760, size: 12 },
        { text: '部门整体支出绩效自评表', x: 200, y: 725, size: 12 },
        ...t.runs,
      ],
      rules: t.rules,
    };
  };

  test('merged 一级指标 cells are repeated down their rows; scores are facts in 分', async () => {
    const report = await extractSpec({ pages: [scoring('我单位部门整体绩效自评得分为 96 分。')] });
    expect(report.tables[0]!.rows.map((r) => r[0])).toEqual(['一级指标', '投入', '投入', '产出', '效益', '总分']);
    expect(report.tables[0]!.rows[5]).toEqual(['总分', '总分', '总分', '100', '96']);
    const score = report.facts.find((f) => f.label === '投入·预算管理·资金使用合规性·得分');
    expect(score).toMatchObject({ kind: 'score', value: 9, unit: '分' });
    expect(report.findings).toEqual([]);
  });

  test('a narrative self-score that differs from the table total is a score-mismatch', async () => {
    const report = await extractSpec({ pages: [scoring('我单位部门整体绩效自评得分为 98 分。')] });
    expect(report.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['score-mismatch', 96, 98]]);
  });
});

test('near-misses: pages of prose, numbered lists and key: value lines give no table', async () => {
  const sample = fileURLToPath(new URL('../../samples/yueyanglou-scjg-2023.pdf', import.meta.url));
  const report: Report = await extractFile(sample, { ocr: 'never' });
  expect(report.tables).toEqual([]);
  const kv = await extractSpec({
    pages: [
      {
        runs: [
          { text: '单位名称：', x: 72, y: 700 },
          { text: '某某县财政局', x: 300, y: 700 },
          { text: '联系电话：', x: 72, y: 680 },
          { text: '0730-1234567', x: 300, y: 680 },
          { text: '填报日期：', x: 72, y: 660 },
          { text: '2024年3月1日', x: 300, y: 660 },
        ],
        // An underline under a form field is a rule, but not a grid.
        rules: [{ x0: 300, y0: 697, x1: 450, y1: 697 }],
      },
    ],
  });
  expect(kv.tables).toEqual([]);
});
