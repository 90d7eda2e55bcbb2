// A header whose cells are centred down its lines (a 三线表's, or a spreadsheet's cells set in their
// middle): a cell wrapped over three lines (项目资金 | （万 | 元）) beside cells of two (全年预算 | 数)
// leaves its last line alone under a line of the others' tails. That line was taken for the tail of
// the line right above it only, where it has no cell: the header stopped under it, and the funds
// rows had no column names (no unit, no planned, adjusted or executed amounts).
import { expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { textWidth } from '../support/compose.ts';
import { makePdf, type TextRun } from '../support/make-pdf.ts';

const SIZE = 9;
const LEAD = 11;
const LEFTS = [60, 160, 230, 300, 370, 430, 480];
const RIGHTS = [150, 220, 290, 360, 420, 470, 530];

/** Text centred in its column at the baseline y. */
const at = (text: string, c: number, y: number): TextRun => ({
  text,
  x: (LEFTS[c]! + RIGHTS[c]!) / 2 - textWidth(text, SIZE) / 2,
  y,
  size: SIZE,
});

function page(tailLines: boolean): TextRun[] {
  const top = 700;
  const header = [
    // 项目资金（万元） over three lines; 年初预算数 | 分值 | 执行率 | 得分 on the middle one; 全年预算 | 数 and 全年执行 | 数 over two
    at('项目资', 0, top),
    at('全年预算', 2, top - LEAD / 2),
    at('全年执行', 3, top - LEAD / 2),
    at('金（万', 0, top - LEAD),
    at('年初预算数', 1, top - LEAD),
    at('分值', 4, top - LEAD),
    at('执行率', 5, top - LEAD),
    at('得分', 6, top - LEAD),
    ...(tailLines ? [at('数', 2, top - 1.5 * LEAD), at('数', 3, top - 1.5 * LEAD)] : []),
    at('元）', 0, top - 2 * LEAD),
  ];
  const rows = [
    ['年度资金总额', '520.00', '560.00', '532.00', '10', '95.00%', '9.5'],
    ['其中：财政拨款', '500.00', '540.00', '515.00', '', '95.37%', ''],
    ['其他资金', '20.00', '20.00', '17.00', '', '85.00%', ''],
  ].flatMap((row, r) => row.flatMap((cell, c) => (cell ? [at(cell, c, top - 2 * LEAD - 18 - 18 * r)] : [])));
  return [{ text: '项目支出绩效自评表', x: 230, y: 760, size: 14 }, ...header, ...rows];
}

test.each([
  ['its last line under a line of the others’ tails', true],
  ['its last line right under the header’s middle line', false],
])('a header cell centred over three lines, %s: the funds rows have their columns', async (_, tails) => {
  const report = await extractBytes(makePdf({ pages: [{ runs: page(tails) }] }), 'made.pdf', { ocr: 'never' });
  const t = report.tables[0]!;
  expect(t.headerRows).toBeGreaterThan(0);
  expect(report.funds.map((f) => [f.name, f.planned, f.adjusted, f.executed, f.rate, f.unit])).toEqual([
    ['年度资金总额', 520, 560, 532, 95, '万元'],
    ['财政拨款', 500, 540, 515, 95.37, '万元'],
    ['其他资金', 20, 20, 17, 85, '万元'],
  ]);
});
