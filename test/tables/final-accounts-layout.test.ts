// Two traits of the 决算 公开表 as spreadsheet programs export them (a published
// 决算 report has both): every border drawn as a filled band with mitred ends
// (m l l l f, not closed), and a column-numbering row under the header
// (栏次 | 1 | 2 | 3 …). Before, the bands were no rules — the amounts of one
// column ran into the codes of the next (92,835.98 302) — and the 栏次 row was
// read as amounts (栏次·本年收入合计 1 万元) and checked as a total row.
import { describe, expect, test } from 'vitest';
import { isColumnNumbering } from '../../src/tables/headers.ts';
import { extractSpec } from '../support/extract-made.ts';
import { ruledTable } from './support.ts';

const xs = [60, 110, 230, 320, 410, 500];
const rows = [
  ['科目代码', '科目名称', '本年收入合计', '财政拨款收入', '事业收入'],
  ['', '栏次', '1', '2', '3'],
  ['', '合计', '300.00', '200.00', '100.00'],
  ['201', '一般公共服务支出', '300.00', '200.00', '100.00'],
  ['20101', '人大事务', '120.00', '80.00', '40.00'],
  ['20102', '政协事务', '180.00', '120.00', '60.00'],
];

async function read(mitred: boolean) {
  const table = ruledTable(rows, { xs, top: 700, rowHeight: 20, filled: true, mitred, align: 'right' });
  return extractSpec({
    pages: [
      {
        runs: [
          { text: '收入决算表', x: 250, y: 740, size: 14, bold: true },
          { text: '单位：万元', x: 440, y: 712, size: 9 },
          ...table.runs,
        ],
        rules: table.rules,
      },
    ],
  });
}

describe('决算 tables as spreadsheets export them', () => {
  test('borders as mitred bands: a ruled grid, each amount in its own column', async () => {
    const report = await read(true);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.rows[3]).toEqual(['201', '一般公共服务支出', '300.00', '200.00', '100.00']);
    const cell = report.facts.find((f) => f.label === '人大事务·财政拨款收入');
    expect([cell?.value, cell?.unit]).toEqual([80, '万元']);
  });

  test('the 栏次 row is header: no facts from it, no column named by its numbers, no finding', async () => {
    const report = await read(true);
    expect(report.facts.filter((f) => f.label.startsWith('栏次'))).toEqual([]);
    expect(report.facts.some((f) => f.label === '合计·本年收入合计' && f.value === 300)).toBe(true);
    expect(report.findings).toEqual([]);
  });

  test("a 财政拨款 table's totals are one source of funds: no unit-wide concept; its title is the title, not the form number", async () => {
    const spending = async (title: string) => {
      const t = ruledTable(
        [
          ['科目代码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
          ['', '栏次', '1', '2', '3'],
          ['', '合计', '300.00', '100.00', '200.00'],
          ['201', '一般公共服务支出', '300.00', '100.00', '200.00'],
        ],
        { xs, top: 700, rowHeight: 20, filled: true, mitred: true, align: 'right' },
      );
      return extractSpec({
        pages: [
          {
            runs: [
              { text: title, x: 180, y: 745, size: 14, bold: true },
              { text: '公开05表', x: 455, y: 728, size: 9 },
              { text: '单位：万元', x: 455, y: 712, size: 9 },
              ...t.runs,
            ],
            rules: t.rules,
          },
        ],
      });
    };
    const basic = (r: Awaited<ReturnType<typeof spending>>) => r.facts.find((f) => f.label === '合计·基本支出');
    const appropriated = await spending('一般公共预算财政拨款支出决算表');
    expect(appropriated.tables[0]!.title).toBe('一般公共预算财政拨款支出决算表');
    expect([basic(appropriated)?.value, basic(appropriated)?.concept]).toEqual([100, null]);
    const all = await spending('支出决算表');
    expect(basic(all)?.concept).toBe('budget.basic.actual');
  });

  test('which rows number the columns', () => {
    expect(isColumnNumbering(['', '栏次', '1', '2', '3'])).toBe(true);
    expect(isColumnNumbering(['行次', '1', '2'])).toBe(true);
    expect(isColumnNumbering(['', '', '1', '2', '3', '4'])).toBe(true);
    // amounts, a name that is no 栏次, a gap in the run: data
    expect(isColumnNumbering(['合计', '1', '2', '3'])).toBe(false);
    expect(isColumnNumbering(['栏次', '1', '3'])).toBe(false);
    expect(isColumnNumbering(['', '2', '3', '4'])).toBe(false);
    expect(isColumnNumbering(['', '1.00', '2.00', '3.00'])).toBe(false);
  });
});
