// A 支出预算增减表 set as a sheet: headers set left, figures set right, each header starting where
// the figures of the column on its left end (the cells' padding all but nil), and the 合计 row's
// figures, bold, reaching a little further right than the others. Nothing then said 本年预算数 was
// past 上年预算数's figures: put by nearness in that column, it read 上年预算数本年预算数, and
// 本年预算数's figures had no name. The header's cells, one over each column in order, take the
// columns in order (text-header-leaves.ts), a header of one line as one of wrapped cells.
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

const SIZE = 10.5;
const HEADER = ['项目', '上年预算数', '本年预算数', '增减额', '增减率'];
const ROWS = [
  ['一般公共服务支出', '420.50', '398.30', '-22.20', '-5.28%'],
  ['社会保障和就业支出', '96.40', '102.60', '6.20', '6.43%'],
  ['卫生健康支出', '38.20', '35.10', '-3.10', '-8.12%'],
  ['合计', '555.10', '536.00', '-19.10', '-3.44%'],
];

function page(borders: number[], past: number): { runs: TextRun[] } {
  const top = 700;
  const pitch = 19.7;
  const runs: TextRun[] = [
    { text: '一般公共预算支出增减情况表', x: 230, y: top + 3 * pitch, size: 14 },
    { text: '单位：万元', x: 480, y: top + 1.5 * pitch, size: SIZE },
    ...HEADER.map((t, c) => ({ text: t, x: borders[c]! + 0.5, y: top, size: SIZE })),
  ];
  ROWS.forEach((row, r) =>
    row.forEach((t, c) => {
      const total = r === ROWS.length - 1 ? past : 0;
      const x = c === 0 ? borders[0]! + 0.5 : borders[c + 1]! - 0.5 + total - textWidth(t, SIZE);
      runs.push({ text: t, x, y: top - (r + 1) * pitch, size: SIZE });
    }),
  );
  return { runs };
}

async function read(borders: number[], past: number): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(borders, past)]));
}

describe('headers set left where the figures on their left end', () => {
  test.each([
    ['columns 95 pt wide, the total 2.2 pt further right', [56, 220, 315, 410, 472, 538], 2.2],
    ['columns 80 pt wide, the total 1.5 pt further right', [60, 210, 290, 370, 440, 510], 1.5],
  ] as const)('%s: each header names its own column', async (_, borders, past) => {
    const r = await read([...borders], past);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.columns.map((c) => c.path.join('·'))).toEqual(HEADER);
    const labels = r.facts.filter((f) => f.cell !== null).map((f) => `${f.label} ${f.value}`);
    expect(labels).toContain('一般公共服务支出·上年预算数 420.5');
    expect(labels).toContain('一般公共服务支出·本年预算数 398.3');
  });
});
