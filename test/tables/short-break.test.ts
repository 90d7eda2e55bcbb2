// A table of two rows without rules carried over a page: its caption, header and first row at the
// foot of one page, its second row overleaf (under the header repeated). A part of one row stands
// as a table at a page's foot only under a header of its own; that header was known by two of the
// genre's header words (一级指标 | 二级指标 …), and a "三公" table's (项目 | 合计 | 因公出国（境）费 |
// 小计 | …) has none, so neither part was read and no figure gave a fact. A line of words only, of
// four cells or more, as many as the row's or one fewer, right over the row, names its cells too
// (text-blocks.ts namesRow).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

const SIZE = 9;
const BORDERS = [50, 130, 190, 280, 330, 410, 490, 550];
const HEADER = ['项目', '合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费'];
const ROWS = [
  ['上年预算数', '86.40', '12.00', '58.20', '30.00', '28.20', '16.20'],
  ['本年预算数', '79.90', '10.00', '56.70', '30.00', '26.70', '13.20'],
];

interface Style {
  /** header words set left in their cells or centred */
  align: 'left' | 'centre';
  pitch: number;
  /** the header repeated over the row overleaf */
  repeat: boolean;
}

function cells(texts: string[], y: number, align: Style['align'], figures = false): TextRun[] {
  return texts.map((t, c) => {
    const w = textWidth(t, SIZE);
    const x =
      c === 0 || (!figures && align === 'left')
        ? BORDERS[c]! + 2.5
        : figures
          ? BORDERS[c + 1]! - 2.5 - w
          : (BORDERS[c]! + BORDERS[c + 1]!) / 2 - w / 2;
    return { text: t, x, y, size: SIZE };
  });
}

function pages(s: Style): { runs: TextRun[] }[] {
  const prose = Array.from({ length: 30 }, (_, i) => ({
    text: '本年度“三公”经费预算较上年减少，主要是严格控制公务接待和因公出国（境）支出。',
    x: 56,
    y: 780 - i * 20,
    size: 10.5,
  }));
  const foot = 80;
  return [
    {
      runs: [
        ...prose.slice(0, 27),
        { text: '一般公共预算“三公”经费支出表', x: 200, y: foot + 3.2 * s.pitch, size: 14 },
        { text: '单位：万元', x: 490, y: foot + 2 * s.pitch, size: SIZE },
        ...cells(HEADER, foot + s.pitch, s.align),
        ...cells(ROWS[0]!, foot, s.align, true),
      ],
    },
    {
      runs: [
        ...(s.repeat ? cells(HEADER, 780, s.align) : []),
        ...cells(ROWS[1]!, 780 - s.pitch, s.align, true),
        ...prose.slice(0, 20).map((p) => ({ ...p, y: p.y - 3 * s.pitch - 20 })),
      ],
    },
  ];
}

async function read(style: Style): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade(pages(style)));
}

const STYLES: [string, Style][] = [
  ['a sheet, headers set left, the header repeated', { align: 'left', pitch: 15, repeat: true }],
  ['headers centred, rows set wider apart, the header repeated', { align: 'centre', pitch: 19.7, repeat: true }],
];

describe('a "三公" table of two rows carried over a page, without rules', () => {
  test.each(STYLES)('%s: both rows read, each figure under its column', async (_, style) => {
    const r = await read(style);
    const facts = r.facts.filter((f) => f.cell !== null).map((f) => `${f.label} ${f.value}${f.unit}`);
    const expected = ROWS.flatMap(([row, ...figures]) =>
      figures.map((v, i) => `${row}·${HEADER[i + 1]} ${Number(v)}万元`),
    );
    expect(facts.sort()).toEqual(expected.sort());
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  test('the row overleaf without the header repeated: the first row is read, the second gives no fact', async () => {
    const r = await read({ align: 'left', pitch: 15, repeat: false });
    const facts = r.facts.filter((f) => f.cell !== null).map((f) => `${f.label} ${f.value}`);
    expect(facts.sort()).toEqual(
      ROWS[0]!
        .slice(1)
        .map((v, i) => `上年预算数·${HEADER[i + 1]} ${Number(v)}`)
        .sort(),
    );
  });
});
