// Indicators whose targets are words (持续优化, 健全, 达标), one under the other across a page break,
// in tables without rules: the row atop the next page is a row of its own, not the rest of the row
// cut at the foot of the page before (居民健康水平 | 健全 | 健全 under 政策知晓度 | 持续优化 | 持续优化
// read 政策知晓度居民健康水平), whether the header is repeated over it or not. The cells above it were
// whole: their last lines end a word or more short of their columns' widest lines, where a cut cell
// fills its line. Pages laid out as Chromium and LibreOffice print the indicator harness's target
// tables (the positions of its fixtures), read end to end; each but the last failed on the reader
// before (tables/carry-wraps.ts), and the last, a name cut by the page break, is joined still.
import { describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import { makePdf, type TextRun } from '../support/make-pdf.ts';

interface Style {
  size: number;
  /** the baselines' pitch, and the columns' left edges (一级, 二级, 三级) and right edges (the two targets) */
  pitch: number;
  x: [l1: number, l2: number, name: number, target: number, year: number];
}

/** Chromium: 9 pt, rows 14.5 pt apart; LibreOffice: 10.5 pt, 19.7 pt apart, figures set right. */
const CHROMIUM: Style = { size: 9, pitch: 14.5, x: [66, 147, 237, 425, 530] };
const LIBREOFFICE: Style = { size: 10.5, pitch: 19.7, x: [59, 124, 232, 440, 550] };

const HEADER = ['一级指标', '二级指标', '三级指标', '实施周期指标值', '年度指标值'];

/** One line of a row: the names set left in their columns, the targets set right. */
function line(s: Style, y: number, [l1, l2, name, target, year]: string[]): TextRun[] {
  const left = (text: string | undefined, x: number) => (text ? [{ text, x, y, size: s.size }] : []);
  const right = (text: string | undefined, x: number) =>
    text ? [{ text, x: x - textWidth(text, s.size), y, size: s.size }] : [];
  return [
    ...left(l1, s.x[0]),
    ...left(l2, s.x[1]),
    ...left(name, s.x[2]),
    ...right(target, s.x[3]),
    ...right(year, s.x[4]),
  ];
}

function header(s: Style, y: number): TextRun[] {
  return HEADER.map((text, c) => ({
    text,
    x: [s.x[0], s.x[1], s.x[2], s.x[3] - 90, s.x[4] - 90][c]!,
    y,
    size: s.size,
  }));
}

/** Rows down from y, a pitch apart (a row of one line each). */
const rows = (s: Style, y: number, list: string[][]): TextRun[] => list.flatMap((r, k) => line(s, y - k * s.pitch, r));

// The groups printed at the foot of their rows (a spreadsheet's merged cells), 效益指标 | 社会效益指标
// at the foot of the first page, its part there.
const ABOVE = [
  ['', '', '改造农村危房', '13320户', '4440户'],
  ['', '', '扶持农民专业合作社', '≥10个', '≥5个'],
  ['', '数量指标', '新建村级服务站', '=376个', '=188个'],
  ['', '', '工程验收合格率', '95%', '95%'],
  ['产出指标', '质量指标', '设备完好率', '99%', '99%'],
  ['', '', '人均培训成本', '控制在13004.25元以内', '控制在4334.75元以内'],
  ['成本指标', '经济成本指标', '项目总成本', '不超过10764万元', '不超过3588万元'],
];
const OVERLEAF = [
  ['', '', '服务对象覆盖率', '99%以上', '99%以上'],
  ['', '', '有效投诉率', '不高于0.5%', '不高于0.5%'],
  ['', '', '长效管理机制', '达标', '达标'],
  ['', '可持续影响指标', '设施持续发挥效益', '达标', '达标'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '98%以上', '98%以上'],
];

/** The table over two pages: `last` the first page's last row, `first` the next page's first lines. */
function table(s: Style, last: string[][], first: string[][], repeat: boolean): TextRun[][] {
  const top = 80 + (ABOVE.length + last.length) * s.pitch;
  const page1 = [
    { text: '项目支出绩效目标表', x: 251, y: top + 40, size: s.size },
    ...header(s, top),
    ...rows(s, top - s.pitch, [...ABOVE, ...last]),
  ];
  const head = repeat ? header(s, 770) : [];
  const start = repeat ? 770 - s.pitch : 770;
  const page2 = [...head, ...rows(s, start, [...first, ...OVERLEAF])];
  return [page1, page2];
}

const read = async (pages: TextRun[][]): Promise<Report> =>
  extractBytes(makePdf({ pages: pages.map((runs) => ({ runs })) }), 'made.pdf', { ocr: 'never' });

const targets = (r: Report) => r.indicators.map((i) => [i.name, i.target?.text ?? null]);

const STYLES = { chromium: CHROMIUM, libreoffice: LIBREOFFICE };

describe.each(Object.entries(STYLES))('targets in words across the page break (%s)', (_, s) => {
  const last = [['效益指标', '社会效益指标', '政策知晓度', '持续优化', '持续优化']];
  const first = [['', '', '居民健康水平', '健全', '健全']];

  test.each([
    ['bare', false],
    ['under the header repeated', true],
  ])('the row atop the next page is a row of its own (%s)', async (_, repeat) => {
    const r = targets(await read(table(s, last, first, repeat)));
    expect(r).toContainEqual(['政策知晓度', '持续优化']);
    expect(r).toContainEqual(['居民健康水平', '健全']);
    expect(r.map(([name]) => name)).toContain('服务对象满意度');
    expect(r.some(([name]) => name!.includes('政策知晓度') && name!.includes('居民'))).toBe(false);
  });

  test('a row cut by the page break, the first lines of its cells filling their columns, is joined still', async () => {
    // 开展农村人居环境整 as wide as 扶持农民专业合作社, the column's widest, and 控制在7084.26万元以 a
    // glyph short of 控制在13004.25元以内: the cells ran on.
    const cut = [['效益指标', '社会效益指标', '开展农村人居环境整', '控制在7084.26万元以', '控制在2361.42万元以']];
    const r = targets(await read(table(s, cut, [['', '', '治宣传', '内', '内']], false)));
    expect(r).toContainEqual(['开展农村人居环境整治宣传', '控制在2361.42万元以内']);
    expect(r.map(([name]) => name)).not.toContain('治宣传');
  });
});
