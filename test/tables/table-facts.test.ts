// Table cells as facts: labels join row and column headers, units come from
// the cell, the header or the unit line, values are normalised; numbers whose
// unit is unknown, ordinals and merged copies are not facts.
import { describe, expect, test } from 'vitest';
import { LABEL_JOINER } from '../../src/facts/table-facts.ts';
import type { TableModel } from '../../src/tables/find.ts';
import { Fact } from '../../src/schema/report.ts';
import { factsOf } from './support.ts';

function table(rows: string[][], o: Partial<TableModel> = {}): TableModel {
  const headerRows = o.headerRows ?? 1;
  return {
    page: 3,
    bbox: [60, 500, 530, 700],
    title: '测试表',
    unit: null,
    headerRows,
    rows,
    cellBoxes: rows.map((row, r) =>
      row.map((_, c) => [60 + c * 10, 680 - r * 20, 70 + c * 10, 700 - r * 20] as [number, number, number, number]),
    ),
    ...o,
  };
}

const brief = (f: Fact) => [f.label, f.value, f.unit, f.normalized.value, f.normalized.unit, f.kind];

describe('budget tables', () => {
  test('the unit line applies to bare numbers; 执行率 is a percent; labels join row and column headers', () => {
    const facts = factsOf(
      table(
        [
          ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率'],
          ['基本支出', '4668.70', '4980.37', '4980.37', '100%'],
          ['项目支出', '596.00', '855.87', '855.87', '100.00'],
        ],
        { unit: '万元' },
      ),
      't2',
      's5',
    );
    expect(LABEL_JOINER).toBe('·');
    expect(facts.map(brief)).toEqual([
      ['基本支出·年初预算数', 4668.7, '万元', 46687000, '元', 'money'],
      ['基本支出·全年预算数', 4980.37, '万元', 49803700, '元', 'money'],
      ['基本支出·全年执行数', 4980.37, '万元', 49803700, '元', 'money'],
      ['基本支出·执行率', 100, '%', 100, '%', 'percent'],
      ['项目支出·年初预算数', 596, '万元', 5960000, '元', 'money'],
      ['项目支出·全年预算数', 855.87, '万元', 8558700, '元', 'money'],
      ['项目支出·全年执行数', 855.87, '万元', 8558700, '元', 'money'],
      ['项目支出·执行率', 100, '%', 100, '%', 'percent'],
    ]);
    expect(facts.map((f) => f.concept)).toEqual([
      'budget.basic.initial',
      'budget.basic.adjusted',
      'budget.basic.actual',
      null, // a row's own 执行率 is not the unit's budget.executionRate
      'budget.project.initial',
      'budget.project.adjusted',
      'budget.project.actual',
      null,
    ]);
    const f = facts[0]!;
    expect(Fact.parse(f)).toEqual(f);
    expect([f.id, f.page, f.sectionId, f.paragraphId, f.decimals, f.approximate, f.bbox]).toEqual([
      't2.r2c2',
      3,
      's5',
      null,
      2,
      false,
      [70, 660, 80, 680],
    ]);
    expect(f.quote).toBe('测试表：基本支出·年初预算数 4668.70');
    // The cell it was read from: the table, the row and the column, indexes into its rows.
    expect(facts.map((x) => x.cell)).toEqual(
      [1, 2].flatMap((row) => [1, 2, 3, 4].map((col) => ({ table: 't2', row, col }))),
    );
  });

  test('a merged header over the columns and a unit in a header cell; the merged copy is read once', () => {
    const t = table(
      [
        ['项目', '预算执行情况（万元）', '预算执行情况（万元）', '执行率'],
        ['项目', '年初预算数', '全年预算数', '执行率'],
        ['合计', '5264.70', '5264.70', '100%'],
      ],
      { headerRows: 2 },
    );
    // 合计 spans the two money columns in this made-up table: the copy has no box.
    t.cellBoxes[2]![2] = null;
    expect(factsOf(t, 't1', null).map(brief)).toEqual([
      ['合计·预算执行情况·年初预算数', 5264.7, '万元', 52647000, '元', 'money'],
      ['合计·执行率', 100, '%', 100, '%', 'percent'],
    ]);
  });

  test('a unit in the column header beats the unit line; 元 and 亿元 normalise too', () => {
    const facts = factsOf(
      table(
        [
          ['项目', '金额（元）', '规模（亿元）', '人数'],
          ['培训经费', '12,500.50', '1.25', '36'],
        ],
        { unit: '万元' },
      ),
      't1',
      null,
    );
    // 人数 under a money unit line: a count, not 万元; with no unit of its own it is left out.
    expect(facts.map(brief)).toEqual([
      ['培训经费·金额', 12500.5, '元', 12500.5, '元', 'money'],
      ['培训经费·规模', 1.25, '亿元', 125000000, '元', 'money'],
    ]);
  });

  test('no unit anywhere: no fact (a bare number is not guessed); 序号 columns are not quantities', () => {
    expect(
      factsOf(
        table([
          ['序号', '项目', '数值'],
          ['1', '基本支出', '4668.70'],
        ]),
        't1',
        null,
      ),
    ).toEqual([]);
    const withUnit = factsOf(
      table(
        [
          ['序号', '项目', '数值'],
          ['1', '基本支出', '4668.70'],
        ],
        { unit: '万元' },
      ),
      't1',
      null,
    );
    expect(withUnit.map(brief)).toEqual([['基本支出·数值', 4668.7, '万元', 46687000, '元', 'money']]);
  });
});

test('ordinals are not names; 人员经费 is money, not a head count; 得分率 is a percent; a 年度 in a longer header is kept', () => {
  const facts = factsOf(
    table(
      [
        ['序号', '项目', '2023年度预算数', '实有人数', '得分率'],
        ['1', '人员经费', '4360.55', '52', '98.5'],
        ['（二）', '公用经费', '619.82', '', ''],
      ],
      { unit: '万元' },
    ),
    't1',
    null,
  );
  expect(facts.map(brief)).toEqual([
    ['人员经费·2023年度预算数', 4360.55, '万元', 43605500, '元', 'money'],
    ['人员经费·得分率', 98.5, '%', 98.5, '%', 'percent'],
    ['公用经费·2023年度预算数', 619.82, '万元', 6198200, '元', 'money'],
  ]);
  // List markers and 其中 before a row name are not part of it: the concepts still apply.
  const marked = factsOf(
    table(
      [
        ['项目', '年初预算数', '决算数'],
        ['一、基本支出', '4668.70', '4980.37'],
        ['其中：人员经费', '4360.55', '4360.55'],
        ['（二）项目支出', '596.00', '855.87'],
      ],
      { unit: '万元' },
    ),
    't1',
    null,
  );
  expect(marked.map((f) => [f.label, f.concept])).toEqual([
    ['基本支出·年初预算数', 'budget.basic.initial'],
    ['基本支出·决算数', 'budget.basic.actual'],
    ['人员经费·年初预算数', null],
    ['人员经费·决算数', 'budget.basic.personnel'],
    ['项目支出·年初预算数', 'budget.project.initial'],
    ['项目支出·决算数', 'budget.project.actual'],
  ]);
  // Without a 序号 header, a small integer in the first column is still an ordinal.
  const bare = factsOf(table([['1', '人员经费', '4360.55']], { headerRows: 0, unit: '万元' }), 't1', null);
  expect(bare.map(brief)).toEqual([['人员经费', 4360.55, '万元', 43605500, '元', 'money']]);
});

describe('scoring tables', () => {
  test('分值 and 得分 are scores; the label joins 一级·二级·三级 (merged 一级 repeated); 总分 row', () => {
    const facts = factsOf(
      table([
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['投入', '预算执行', '预算执行率', '10', '10'],
        ['投入', '预算管理', '资金使用合规性', '10', '9.5'],
        ['总分', '总分', '总分', '100', '96'],
      ]),
      't1',
      null,
    );
    expect(facts.map(brief)).toEqual([
      ['投入·预算执行·预算执行率·分值', 10, '分', 10, '分', 'score'],
      ['投入·预算执行·预算执行率·得分', 10, '分', 10, '分', 'score'],
      ['投入·预算管理·资金使用合规性·分值', 10, '分', 10, '分', 'score'],
      ['投入·预算管理·资金使用合规性·得分', 9.5, '分', 9.5, '分', 'score'],
      ['总分·分值', 100, '分', 100, '分', 'score'],
      ['总分·得分', 96, '分', 96, '分', 'score'],
    ]);
  });

  test('units written in the cells (a target ≥95% is a bound; 13967户 is a count)', () => {
    const facts = factsOf(
      table([
        ['三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['市场主体登记户数', '≥10000户', '1.3967万户', '10', '10'],
        ['群众满意度', '≥95%', '98%', '10', '10'],
      ]),
      't1',
      null,
    );
    expect(facts.map((f) => f.comparator)).toEqual(['>=', null, null, null, '>=', null, null, null]);
    expect(facts.map(brief)).toEqual([
      ['市场主体登记户数·年度指标值', 10000, '户', 10000, '户', 'count'],
      ['市场主体登记户数·实际完成值', 1.3967, '万户', 13967, '户', 'count'],
      ['市场主体登记户数·分值', 10, '分', 10, '分', 'score'],
      ['市场主体登记户数·得分', 10, '分', 10, '分', 'score'],
      ['群众满意度·年度指标值', 95, '%', 95, '%', 'percent'],
      ['群众满意度·实际完成值', 98, '%', 98, '%', 'percent'],
      ['群众满意度·分值', 10, '分', 10, '分', 'score'],
      ['群众满意度·得分', 10, '分', 10, '分', 'score'],
    ]);
  });

  test('key | value | key | value rows: each number takes the nearest key on its left, then the header cell above', () => {
    const facts = factsOf(
      table(
        [
          ['项目名称', '市场监管执法专项', '项目名称', '市场监管执法专项'],
          ['年初预算数（万元）', '596.00', '全年执行数（万元）', '855.87'],
        ],
        { headerRows: 1, title: null },
      ),
      't1',
      null,
    );
    // 项目名称 | … is a cover line: the project is the table's subject (in the quote), not a column name.
    expect(facts.map((f) => [f.label, f.value, f.unit, f.quote])).toEqual([
      ['年初预算数', 596, '万元', 't1（市场监管执法专项）：年初预算数 596.00'],
      ['全年执行数', 855.87, '万元', 't1（市场监管执法专项）：全年执行数 855.87'],
    ]);
  });
});

test('a 万 written in a cell without its unit is not multiplied twice: no fact', () => {
  const facts = factsOf(
    table(
      [
        ['项目', '金额'],
        ['培训费', '4980.37万'],
        ['印刷费', '12.5万元'],
      ],
      { unit: '万元' },
    ),
    't1',
    null,
  );
  expect(facts.map(brief)).toEqual([['印刷费·金额', 12.5, '万元', 125000, '元', 'money']]);
});
