// A "三公" table without rules (or a 三线表): 公务用车购置及运行费 over 小计 | 公务用车购置费 |
// 公务用车运行费, beside 合计, 因公出国（境）费 and 公务接待费 merged down both header rows, its header
// cells wrapped in narrow columns and set at their foot or in their middle. Every figure is one width
// (86.40 …), so nothing says they are set right, and a header set left lies nearer the figures on its
// left: read line by line, the wrapped lines of one cell were put a column left and joined with the
// next cell's (因公出国（境合计）费, 公务用车购置小计费), or a cell's lines fell into two columns and two
// rows, and the group spanned the wrong columns — 购置费's 30.00 named 运行费, 运行费's 28.20 named
// 公务接待费, and the group's 小计 unchecked. A header of wrapped cells whose lines the line reader
// joins or splits is read by its cells (text-header-leaves.ts): the cells nothing stands under, one to
// a column in order; the group over the run it is centred over or, set left, the cells beside it set
// as low.
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

const SIZE = 9;
const BORDERS = [50, 150, 210, 270, 330, 390, 450, 510];
const PAD = 2.5;
const GROUP = { from: 3, to: 5 };

interface Style {
  /** header words: set left in their cells or centred */
  align: 'left' | 'centre';
  /** header cells set at the foot of their rows or in their middle */
  valign: 'bottom' | 'middle';
  /** the group's lines and its alignment */
  group: string[];
  groupAlign: 'left' | 'centre';
  /** the leaves' lines, column by column */
  leaves: string[][];
  /** the gap between a cell's lines, and between body rows */
  lead: number;
  pitch: number;
  rules: boolean;
  /** figures set right (a sheet) or centred (a 三线表 set all centred) */
  figures: 'right' | 'centre';
}

const ROWS = [
  ['上年预算数', '86.40', '12.00', '58.20', '30.00', '28.20', '16.20'],
  ['本年预算数', '79.90', '10.00', '56.70', '30.00', '26.70', '13.20'],
];

function page(s: Style): { runs: TextRun[]; rules: Rule[] } {
  const x = (text: string, c0: number, c1 = c0, align = s.align) =>
    align === 'left' ? BORDERS[c0]! + PAD : (BORDERS[c0]! + BORDERS[c1 + 1]!) / 2 - textWidth(text, SIZE) / 2;
  // Baselines of a cell's lines in a box from y0 (bottom) to y1.
  const lines = (texts: string[], c0: number, c1: number, [y0, y1]: [number, number], align = s.align): TextRun[] => {
    const base =
      s.valign === 'bottom'
        ? y0 + PAD + 2 + (texts.length - 1) * s.lead
        : (y0 + y1) / 2 - 0.35 * SIZE + ((texts.length - 1) / 2) * s.lead;
    return texts.map((t, i) => ({ text: t, x: x(t, c0, c1, align), y: base - i * s.lead, size: SIZE }));
  };
  const first = 600;
  const foot = first + s.pitch - 0.3 * SIZE - PAD;
  const depth = (n: number) => n * s.lead + 2 * PAD;
  const lower: [number, number] = [
    foot,
    foot + depth(Math.max(...s.leaves.slice(GROUP.from, GROUP.to + 1).map((l) => l.length))),
  ];
  const upper: [number, number] = [lower[1], lower[1] + depth(s.group.length)];
  const runs: TextRun[] = [
    { text: '一般公共预算“三公”经费支出表', x: 200, y: upper[1] + 50, size: 14 },
    { text: '单位：万元', x: 460, y: upper[1] + 20, size: SIZE },
    ...lines(s.group, GROUP.from, GROUP.to, upper, s.groupAlign),
    ...s.leaves.flatMap((l, c) =>
      c >= GROUP.from && c <= GROUP.to ? lines(l, c, c, lower) : lines(l, c, c, [lower[0], upper[1]]),
    ),
    ...ROWS.flatMap((row, r) =>
      row.map((t, c) => ({
        text: t,
        x:
          c === 0
            ? BORDERS[0]! + PAD
            : s.figures === 'right'
              ? BORDERS[c + 1]! - PAD - textWidth(t, SIZE)
              : x(t, c, c, 'centre'),
        y: first - r * s.pitch,
        size: SIZE,
      })),
    ),
  ];
  const rule = (y: number): Rule => ({ x0: BORDERS[0]!, y0: y, x1: BORDERS.at(-1)!, y1: y });
  return { runs, rules: s.rules ? [rule(upper[1]), rule(lower[0]), rule(first - s.pitch + 0.3 * SIZE)] : [] };
}

async function read(style: Style): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(style)]));
}

const STYLES: [string, Style][] = [
  [
    'a sheet, header cells wrapped three lines deep and set at their foot, the group centred',
    {
      align: 'left',
      valign: 'bottom',
      group: ['公务用车', '购置及运', '行费'],
      groupAlign: 'centre',
      leaves: [
        ['项目'],
        ['合计'],
        ['因公出', '国（境', '）费'],
        ['小计'],
        ['公务用', '车购置', '费'],
        ['公务用', '车运行', '费'],
        ['公务', '接待', '费'],
      ],
      lead: 10.5,
      pitch: 15,
      rules: false,
      figures: 'right',
    },
  ],
  [
    'a sheet, cells set in their middle, the group set left on one line',
    {
      align: 'left',
      valign: 'middle',
      group: ['公务用车购置及运行费'],
      groupAlign: 'left',
      leaves: [
        ['项目'],
        ['合计'],
        ['因公出国', '（境）费'],
        ['小计'],
        ['公务用车购', '置费'],
        ['公务用车运', '行费'],
        ['公务接待费'],
      ],
      lead: 10.5,
      pitch: 15,
      rules: false,
      figures: 'right',
    },
  ],
  [
    'a 三线表, cells centred in their middle, wrapped three lines deep',
    {
      align: 'centre',
      valign: 'middle',
      group: ['公务用车', '购置及运', '行费'],
      groupAlign: 'centre',
      leaves: [
        ['项目'],
        ['合计'],
        ['因公出', '国（境', '）费'],
        ['小计'],
        ['公务用', '车购置', '费'],
        ['公务用', '车运行', '费'],
        ['公务', '接待', '费'],
      ],
      lead: 12.5,
      pitch: 16,
      rules: true,
      figures: 'centre',
    },
  ],
];

const NAMES = ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费'];

describe('a "三公" table whose header cells wrap, under a group of three of its columns', () => {
  test.each(STYLES)('%s: each figure under its own column, the group over its three', async (_, style) => {
    const r = await read(style);
    expect(r.tables).toHaveLength(1);
    const paths = r.tables[0]!.columns.map((c) => c.path.join('·'));
    expect(paths).toEqual([
      '项目',
      '合计',
      '因公出国（境）费',
      '公务用车购置及运行费·小计',
      '公务用车购置及运行费·公务用车购置费',
      '公务用车购置及运行费·公务用车运行费',
      '公务接待费',
    ]);
    const facts = r.facts.filter((f) => f.cell !== null).map((f) => `${f.label} ${f.value}`);
    for (const [row, ...figures] of ROWS)
      figures.forEach((v, i) =>
        expect(facts.some((f) => f.startsWith(row!) && f.endsWith(`${NAMES[i]} ${Number(v)}`))).toBe(true),
      );
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
