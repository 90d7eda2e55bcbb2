// Cover lines of a 绩效目标表 without rules whose values wrap in their cells (某区市场监督管理 | 局 beside
// 主管部门, 某区食品安全检测 | 中心 beside 实施单位): set at the foot of the cells, the values' first lines
// stand on a line of their own above the keys; set in the middle, the keys stand between the values'
// two lines. Either line was read as a header row: its fragments headed the funds columns
// (资金总额·某区市场监督管理·实施期资金总额, …·局·…) and the 项目名称 line above was lost. The lines are
// the values' (text-header-rows.ts coverValueWrapped, valuesUnder).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import type { Rule, TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

interface Style {
  size: number;
  /** where the keys stand against their values' two lines */
  keys: 'foot' | 'middle' | 'middle-last';
  rules: boolean;
  /** the caption's （2026年度） set close over the 项目名称 line, over its value's column (as Chromium prints a form) */
  subtitle?: boolean;
}

const BORDERS = [50, 130, 230, 330, 430, 540];

function page({ size, keys, rules, subtitle }: Style): { runs: TextRun[]; rules: Rule[] } {
  const pad = 2;
  const left = (text: string, c: number, y: number): TextRun => ({ text, x: BORDERS[c]! + pad, y, size });
  const right = (text: string, c: number, y: number): TextRun => ({
    text,
    x: BORDERS[c + 1]! - pad - textWidth(text, size),
    y,
    size,
  });
  const lead = size * 1.45;
  const pitch = size * 2.2;
  const cover = 700 - pitch; // the 主管部门 row's line, or (foot) its values' last line
  const keyY = keys === 'foot' ? cover : cover + lead / 2;
  const head = cover - pitch;
  const runs: TextRun[] = [
    { text: '项目支出绩效目标表', x: 230, y: 760, size: 14 },
    ...(subtitle
      ? [
          {
            text: '（2026年度）',
            x: 290 - textWidth('（2026年度）', size + 1) / 2,
            y: 700 + lead / 2 + size * 1.6,
            size: size + 1,
          },
        ]
      : []),
    { text: '单位：万元', x: 480, y: 735, size },
    left('项目名称', 0, 700 + lead / 2),
    left('智慧食安监管平台运维', 2, 700 + lead / 2),
    left('主管部门', 0, keyY),
    // (middle-last: the first value on the keys' line, whole; only the last wraps around it)
    ...(keys === 'middle-last'
      ? [left('某区市场监督管理局', 2, keyY)]
      : [left('某区市场监督管理', 2, cover + lead), left('局', 2, cover)]),
    left('实施单位', 3, keyY),
    left('某区食品安全检测', 4, cover + lead),
    left('中心', 4, cover),
    left('实施期资金总额', 2, head),
    left('年度资金总额', 3, head),
    left('占比', 4, head),
    ...[
      ['项目资金', '资金总额', '360.00', '120.00', '100%'],
      ['', '其中：财政拨款', '330.00', '110.00', '91.67%'],
      ['', '其他资金', '30.00', '10.00', '8.33%'],
    ].flatMap((row, i) =>
      row.flatMap((t, c) =>
        t === '' ? [] : [c < 2 ? left(t, c, head - (i + 1) * pitch) : right(t, c, head - (i + 1) * pitch)],
      ),
    ),
  ];
  const rule = (y: number): Rule => ({ x0: BORDERS[0]!, y0: y, x1: BORDERS.at(-1)!, y1: y });
  return { runs, rules: rules ? [rule(700 + lead * 1.3), rule(head - pitch / 2.5), rule(head - 3.5 * pitch)] : [] };
}

async function read(style: Style): Promise<Report> {
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([page(style)]));
}

const STYLES: [string, Style][] = [
  ['cells set at their foot', { size: 9, keys: 'foot', rules: false }],
  ['cells set in the middle', { size: 9, keys: 'middle', rules: false }],
  ['cells set in the middle, a 三线表 at 10 pt', { size: 10, keys: 'middle', rules: true }],
  ['the last value alone wrapped around the keys’ line', { size: 9, keys: 'middle-last', rules: false }],
  ['the caption’s year close over the 项目名称 line', { size: 9, keys: 'foot', rules: false, subtitle: true }],
  ['the caption’s year close over a 三线表', { size: 10, keys: 'middle', rules: true, subtitle: true }],
];

describe('cover values wrapped in their cells', () => {
  test.each(STYLES)('%s: the values are the cover line’s, no column header', async (_, style) => {
    const r = await read(style);
    const t = r.tables[0]!;
    expect(t.project).toBe('智慧食安监管平台运维');
    expect(t.title).toBe(style.subtitle ? '项目支出绩效目标表（2026年度）' : '项目支出绩效目标表');
    const cover = t.rows.find((row) => row[0] === '主管部门')!;
    expect(cover.filter((c, k) => c !== '' && c !== cover[k - 1])).toEqual([
      '主管部门',
      '某区市场监督管理局',
      '实施单位',
      '某区食品安全检测中心',
    ]);
    expect(t.columns.slice(2).map((c) => c.path)).toEqual([['实施期资金总额'], ['年度资金总额'], ['占比']]);
    const funds = r.facts.filter((f) => f.cell !== null && f.value === 360).map((f) => f.label);
    expect(funds).toEqual(['项目资金·资金总额·实施期资金总额']);
  });
});
