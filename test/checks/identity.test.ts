// What a budget figure is (checks/identity.ts): its scope of money and, for the
// budget's own measures, which one at which stage — read from a cell's row,
// column and table title, or from a figure's label, the head of its 其中 list
// and its sections; unknown (null) where they cannot be told.
import { describe, expect, test } from 'vitest';
import { identities } from '../../src/checks/identity.ts';
import type { CheckInput } from '../../src/checks/types.ts';
import { checkInput, money } from '../support/check-input.ts';

const budget = () => checkInput({ reportType: '预算', fiscalYear: 2024 });

/** The identity of the fact read from cell [row, col] of the report's table `t`. */
function ofCell(doc: CheckInput, row: number, col: number, t = 0) {
  const id = doc.tables[t]!.id;
  const f = doc.facts.find((x) => x.cell?.table === id && x.cell.row === row && x.cell.col === col)!;
  return identities(doc).get(f.id)!;
}
const ofFact = (doc: CheckInput, id: string) => identities(doc).get(id)!;

describe('table cells: the row, the column path, the title', () => {
  const CODE = ['科目编码', '科目名称', '合计', '基本支出', '项目支出'];
  test("a 支出总表's 合计 row is the whole's; the same row of a 一般公共预算 table is the 一般公共预算's", () => {
    const doc = budget()
      .table(
        [
          CODE,
          ['', '合计', '1260.00', '890.00', '370.00'],
          ['208', '社会保障和就业支出', '1260.00', '890.00', '370.00'],
        ],
        { title: '部门支出总表', unit: '万元' },
      )
      .table(
        [
          CODE,
          ['', '合计', '1180.00', '860.00', '320.00'],
          ['208', '社会保障和就业支出', '1180.00', '860.00', '320.00'],
        ],
        { title: '一般公共预算支出表', unit: '万元', page: 2 },
      )
      .cellFacts()
      .build();
    expect(ofCell(doc, 1, 3).key).toBe('whole|basic|initial');
    expect(ofCell(doc, 1, 2).key).toBe('whole|spending.year|initial');
    expect(ofCell(doc, 1, 3, 1).key).toBe('general-public|basic|initial');
    // A 科目 row is an item, not the scope's own figure.
    expect(ofCell(doc, 2, 3).key).toBeNull();
  });
  test("a 收支总表's rows name their own scope and measure; rows under 上年结转 are the carry-over's", () => {
    const doc = budget()
      .table(
        [
          ['收入项目', '预算数', '支出项目', '预算数'],
          ['一、一般公共预算拨款收入', '1180.00', '一、社会保障和就业支出', '1200.00'],
          ['本年收入合计', '1180.00', '本年支出合计', '1200.00'],
          ['上年结转', '20.00', '', ''],
          ['一、一般公共预算拨款', '20.00', '', ''],
          ['收入总计', '1200.00', '支出总计', '1200.00'],
        ],
        { title: '财政拨款收支总表', unit: '万元' },
      )
      .cellFacts()
      .build();
    expect(ofCell(doc, 1, 1).key).toBe('general-public|income.year|initial');
    expect(ofCell(doc, 2, 1).key).toBe('fiscal|income.year|initial');
    expect(ofCell(doc, 2, 3).key).toBe('fiscal|spending.year|initial');
    expect(ofCell(doc, 4, 1).key).toBeNull();
    expect(ofCell(doc, 5, 1).key).toBe('fiscal|income.grand|initial');
  });
  test('a column naming a scope under a table of another (财政拨款 › 一般公共预算)', () => {
    const doc = budget()
      .table(
        [
          ['支出项目', '合计', '一般公共预算', '政府性基金预算'],
          ['本年支出合计', '1230.00', '1180.00', '50.00'],
        ],
        { title: '财政拨款支出表', unit: '万元' },
      )
      .cellFacts()
      .build();
    expect([1, 2, 3].map((c) => ofCell(doc, 1, c).key)).toEqual([
      'fiscal|spending.year|initial',
      'general-public|spending.year|initial',
      'government-fund|spending.year|initial',
    ]);
  });
  test('a total row takes its measure from its column group or the table: "三公"经费 › 小计, a 基本支出表’s 合计', () => {
    const doc = budget()
      .table(
        [
          ['合计', '公务用车购置及运行维护费', '公务用车购置及运行维护费', '公务接待费'],
          ['合计', '小计', '公务用车运行维护费', '公务接待费'],
          ['25.00', '22.00', '22.00', '3.00'],
        ],
        { title: '“三公”经费支出表', unit: '万元' },
      )
      .table(
        [
          ['经济科目编码', '经济科目名称', '合计', '人员经费', '公用经费'],
          ['', '合计', '860.00', '760.00', '100.00'],
        ],
        { title: '一般公共预算基本支出表', unit: '万元', page: 2 },
      )
      .cellFacts()
      .build();
    expect([0, 1, 2, 3].map((c) => ofCell(doc, 2, c).key)).toEqual([
      'three-public|spending.year|initial',
      'three-public|car|initial',
      'three-public|car.running|initial',
      'three-public|reception|initial',
    ]);
    expect(ofCell(doc, 1, 2, 1).key).toBe('general-public|basic|initial');
    expect(ofCell(doc, 1, 3, 1).key).toBe('general-public|personnel|initial');
  });
  test('near-misses: no title, a number column its header does not name, 总计 alone, another year', () => {
    const doc = checkInput({ reportType: '决算', fiscalYear: 2023 })
      .table(
        [
          ['项目', '本年支出合计', '基本支出'],
          ['合计', '300.00', '200.00'],
        ],
        { title: null, unit: '万元' },
      )
      .table(
        [
          ['项目', '本年支出合计', '基本支出', ''],
          ['合计', '300.00', '200.00', '100.00'],
        ],
        { title: '支出决算表', unit: '万元', page: 2 },
      )
      .table(
        [
          ['收入项目', '金额', '支出项目', '金额'],
          ['总计', '500.00', '总计', '500.00'],
        ],
        { title: '收入支出决算总表', unit: '万元', page: 3 },
      )
      .table(
        [
          ['项目', '上年决算数', '本年决算数'],
          ['基本支出', '180.00', '200.00'],
        ],
        { title: '基本支出决算表', unit: '万元', page: 4 },
      )
      .cellFacts()
      .build();
    expect(ofCell(doc, 1, 2, 0)).toMatchObject({ scope: null, key: null });
    expect(ofCell(doc, 1, 2, 1)).toMatchObject({ scope: null, key: null });
    expect(ofCell(doc, 1, 1, 2).key).toBeNull();
    expect(ofCell(doc, 1, 1, 3).key).toBeNull();
    expect(ofCell(doc, 1, 2, 3).key).toBe('whole|basic|actual');
  });
});

describe('tables of one title twice (the 汇总 and the 本级, or one per unit): unknown', () => {
  test('two 部门支出总表 of different totals name no quantity', () => {
    const rows = (total: string) => [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['', '合计', total, '800.00', '400.00'],
    ];
    const doc = budget()
      .table(rows('1200.00'), { title: '部门支出总表（汇总）', unit: '万元' })
      .table(rows('1200.00'), { title: '部门支出总表（本级）', unit: '万元', page: 2 })
      .cellFacts()
      .build();
    expect(ofCell(doc, 1, 2)).toMatchObject({ scope: null, key: null });
    expect(ofCell(doc, 1, 2, 1)).toMatchObject({ scope: null, key: null });
  });
});

describe('figures of the text: the label, the head of a 其中 list, the sections', () => {
  test('a scope in the label; in the head of the 其中 list; none in the sentence: the whole', () => {
    const doc = budget()
      .paragraph([
        '2024年一般公共预算支出',
        money('一般公共预算支出', '1180.00', { quote: '1180.00万元' }),
        '，其中：基本支出',
        money('基本支出', '860.00', { quote: '860.00万元' }),
        '。',
      ])
      .paragraph(['支出预算中，基本支出', money('基本支出', '890.00', { quote: '890.00万元' }), '。'])
      .build();
    expect(ofFact(doc, 'f1').key).toBe('general-public|spending.year|initial');
    expect(ofFact(doc, 'f2').key).toBe('general-public|basic|initial');
    expect(ofFact(doc, 'f3').key).toBe('whole|basic|initial');
  });
  test('a scope named in the sentence outside a 其中 head leaves the figure unknown', () => {
    const doc = budget()
      .paragraph([
        '一般公共预算拨款',
        money('一般公共预算拨款', '1180.00', { quote: '1180.00万元' }),
        '，政府性基金预算拨款50.00万元；基本支出',
        money('基本支出', '890.00', { quote: '890.00万元' }),
        '。',
      ])
      .build();
    expect(ofFact(doc, 'f2')).toMatchObject({ scope: null, key: null });
  });
  test('a section title naming a scope gives it to the figures under it that name none', () => {
    const doc = budget()
      .section('三、', '一般公共预算支出预算情况', { ordinal: 3 })
      .paragraph(['本年基本支出', money('本年基本支出', '860.00', { quote: '860.00万元' }), '。'], { sectionId: 's1' })
      .build();
    expect(ofFact(doc, 'f1').key).toBe('general-public|basic|initial');
  });
  test('a bare 支出 takes no scope from its section (支出决算 56 万元 of an item), only from its own label', () => {
    const doc = checkInput({ reportType: '决算', fiscalYear: 2023 })
      .section('（一）', '一般公共预算财政拨款支出决算情况', { ordinal: 1 })
      .paragraph(
        ['一般公共服务支出（类）行政运行（项）：支出决算', money('支出决算', '56.00', { quote: '56.00万元' })],
        {
          sectionId: 's1',
        },
      )
      .build();
    expect(ofFact(doc, 'f1').key).toBeNull();
  });
  test('a change against the year before of a named measure; a change naming nothing is none', () => {
    const doc = budget()
      .paragraph([
        '一般公共预算支出比上年增加',
        money('一般公共预算支出比上年增加', '50.00', { quote: '50.00万元', change: true }),
        '，',
        '比上年增加',
        money('比上年增加', '20.00', { quote: '20.00万元', change: true }),
        '。',
      ])
      .build();
    expect(ofFact(doc, 'f1').key).toBe('general-public|spending.year|initial|change');
    expect(ofFact(doc, 'f2').key).toBeNull();
  });
});
