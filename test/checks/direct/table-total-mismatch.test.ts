// table-total-mismatch on hand-built tables: a flat total row at the rounding
// boundary, a total column, a total that may go on over the page, OCR. (The
// code hierarchies and self-evaluation tables: test/checks/tables.test.ts.)
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { tableTotalMismatch } from '../../../src/checks/table-total-mismatch.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [tableTotalMismatch]);
const flat = (parts: string[], total: string, page = 4) =>
  checkInput()
    .table([['项目', '金额（万元）'], ...parts.map((p, i) => [`项目${i + 1}`, p]), ['合计', total]], {
      title: '项目支出表',
      page,
    })
    .build();

describe('table-total-mismatch: a total row', () => {
  test('a total that is not the sum of the rows above: an error naming the cell', () => {
    expect(run(flat(['100.00', '200.00'], '310.00'))).toEqual([
      {
        id: 'c1',
        rule: 'table-total-mismatch',
        severity: 'error',
        message: '表“项目支出表”（第4页）“合计”行“金额（万元）”列为 310.00，各项之和为 300',
        factIds: [],
        sectionIds: [],
        page: 4,
        expected: 300,
        actual: 310,
      },
    ]);
  });
  test('a total equal to its rows: silent', () => {
    expect(run(flat(['100.00', '200.00'], '300.00'))).toEqual([]);
  });
  // Four figures to 2 decimals: each may be off by 0.005, the sum by 0.02.
  test('off by exactly the rounding of every figure: silent; beyond: found', () => {
    expect(run(flat(['100.00', '120.00', '80.02'], '300.00'))).toEqual([]);
    expect(run(flat(['100.00', '120.00', '80.03'], '300.00')).map((f) => f.expected)).toEqual([300.03]);
  });
  // Expected to fail today: two equal rows in a row (100.00, 100.00) look like a parent and its
  // one child, so the table is taken for a hierarchy and its total row is not judged (reported to the lead).
  test.fails('two equal rows in a row do not hide a wrong total', () => {
    expect(run(flat(['100.00', '100.00', '100.03'], '300.00')).map((f) => f.expected)).toEqual([300.03]);
  });
  test('a table without a header row is not judged', () => {
    const doc = checkInput()
      .table([
        ['项目1', '100.00'],
        ['项目2', '200.00'],
        ['合计', '310.00'],
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('rates and codes are not summed', () => {
    const doc = checkInput()
      .table([
        ['项目', '执行率'],
        ['项目1', '90.00'],
        ['项目2', '80.00'],
        ['合计', '85.00'],
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
});

describe('table-total-mismatch: a total column', () => {
  const columns = (total: string) =>
    checkInput()
      .table(
        [
          ['科目名称', '本年支出合计', '基本支出', '项目支出'],
          ['一般公共服务支出', total, '60.00', '40.00'],
          ['教育支出', '50.00', '20.00', '30.00'],
        ],
        { title: '支出决算表' },
      )
      .build();
  test('本年支出合计 that is not 基本支出 + 项目支出: found, row by row', () => {
    expect(run(columns('110.00')).map((f) => f.message)).toEqual([
      '表“支出决算表”（第1页）“一般公共服务支出”行“本年支出合计”列为 110.00，基本支出 + 项目支出为 100',
    ]);
  });
  test('adding up: silent', () => {
    expect(run(columns('100.00'))).toEqual([]);
  });
});

describe("table-total-mismatch: a self-evaluation table's funds", () => {
  const funds = (fiscal: string, carried: string, other: string) =>
    checkInput()
      .table(
        [
          ['资金', '年初预算数', '全年预算数', '全年执行数'],
          ['年度资金总额', '100.00', '100.00', '95.00'],
          ['财政拨款', fiscal, fiscal, '75.00'],
          ['上年结转资金', carried, carried, '20.00'],
          ['其他资金', other, other, ''],
        ],
        // a table of amounts states their unit (a 单位 line, or 项目资金（万元）): without one no cell is a figure
        { title: '项目支出绩效自评表', page: 8, unit: '万元' },
      )
      .cellFacts()
      .build();
  test('every 其中 row written, short of 年度资金总额: found (the split is complete)', () => {
    expect(run(funds('70.00', '20.00', '0.00')).map((f) => f.message)).toEqual([
      '表“项目支出绩效自评表”（第8页）“年度资金总额”行“年初预算数”列为 100.00，财政拨款 + 上年结转资金 + 其他资金之和为 90',
      '表“项目支出绩效自评表”（第8页）“年度资金总额”行“全年预算数”列为 100.00，财政拨款 + 上年结转资金 + 其他资金之和为 90',
    ]);
  });
  test('a 其中 row left blank: parts short of the total are not known to be wrong', () => {
    expect(run(funds('70.00', '20.00', ''))).toEqual([]);
  });
  test('a 其中 row left blank, the rest already over the total: found', () => {
    expect(run(funds('90.00', '20.00', '')).map((f) => f.expected)).toEqual([110, 110]);
  });
  test('adding up: silent', () => {
    expect(run(funds('80.00', '20.00', '0.00'))).toEqual([]);
  });
});

describe('table-total-mismatch: OCR', () => {
  test("on an OCR'd page the error is a warning that says so", () => {
    const doc = flat(['100.00', '200.00'], '310.00', 2);
    doc.pages[1]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message.endsWith('（OCR 识别页，请对照原件核实）')])).toEqual([
      ['warning', true],
    ]);
  });
});
