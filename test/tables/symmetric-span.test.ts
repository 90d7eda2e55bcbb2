// A 支出决算表 set as a sheet (headers set left, figures right, borders off) with columns of one
// width: 基本支出 centred over 人员经费 | 公用经费 is centred as closely over those two and
// 本年支出合计 | 项目支出 beside them, the page being laid out symmetrically. The first run found, the
// wider, was taken: 本年支出合计 and 项目支出 read as parts of 基本支出 (a path too long). Equally
// centred over a run and a wider one, a head spans the narrower (text-header-spans.ts spanCentred).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

const SIZE = 9;
const PAD = 2.5;

const ROWS = [
  ['一般公共服务支出', '1280.40', '720.30', '260.30', '299.80'],
  ['行政运行', '980.60', '720.30', '260.30', ''],
  ['社会保障和就业支出', '520.30', '520.30', '', ''],
];

function page(borders: number[], pitch: number): { runs: TextRun[] } {
  const left = (t: string, c: number, y: number): TextRun => ({ text: t, x: borders[c]! + PAD, y, size: SIZE });
  const right = (t: string, c: number, y: number): TextRun => ({
    text: t,
    x: borders[c + 1]! - PAD - textWidth(t, SIZE),
    y,
    size: SIZE,
  });
  const top = 700;
  const group = '基本支出';
  return {
    runs: [
      { text: '支出决算表', x: 260, y: top + 3 * pitch, size: 14 },
      { text: '单位：万元', x: borders.at(-1)! - 50, y: top + 2 * pitch, size: SIZE },
      { text: group, x: (borders[2]! + borders[4]!) / 2 - textWidth(group, SIZE) / 2, y: top + pitch, size: SIZE },
      ...['项目', '本年支出合计', '人员经费', '公用经费', '项目支出'].map((t, c) => left(t, c, top)),
      ...ROWS.flatMap((row, r) =>
        row.flatMap((t, c) =>
          t === '' ? [] : [c === 0 ? left(t, c, top - (r + 1) * pitch) : right(t, c, top - (r + 1) * pitch)],
        ),
      ),
    ],
  };
}

async function read(borders: number[], pitch: number): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(borders, pitch)]));
}

describe('a group centred over two of four figure columns of one width', () => {
  test.each([
    ['columns 85 pt wide', [60, 195, 280, 365, 450, 535], 15],
    ['columns 70 pt wide, rows set wider apart', [70, 230, 300, 370, 440, 510], 19.7],
  ] as const)('%s: 基本支出 spans 人员经费 | 公用经费 only', async (_, borders, pitch) => {
    const r = await read([...borders], pitch);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.columns.map((c) => c.path.join('·'))).toEqual([
      '项目',
      '本年支出合计',
      '基本支出·人员经费',
      '基本支出·公用经费',
      '项目支出',
    ]);
    const labels = r.facts.filter((f) => f.cell !== null).map((f) => `${f.label} ${f.value}`);
    expect(labels).toContain('一般公共服务支出·本年支出合计 1280.4');
    expect(labels).toContain('一般公共服务支出·项目支出 299.8');
  });
});
