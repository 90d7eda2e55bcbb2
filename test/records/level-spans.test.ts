// 一级 / 二级 cells merged down their groups in tables without rules, printed once — at the top, in
// the middle or at the foot of the group, as the program that set the table aligns every cell — and
// a cell cut by the page break printed at the top of its part on its first page. Each page is laid
// out as LibreOffice and Chromium print such a table: rows of one and of two lines, every cell of a
// row set as the table sets them. The rows a label covers are read from where its lines stand
// against the rows' lines, one setting for the whole table (tables/text-level-spans.ts). Each case
// failed on the reader before it (paths short or wrong); the last is a 三线表.
import { expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import { makePdf, type Rule, type TextRun } from '../support/make-pdf.ts';

const SIZE = 9;
const LEAD = 12;
const PAD = 8;
const X = { l1: 40, l2: 95, name: 185, target: 265, actual: 325 };

type Setting = 'top' | 'middle' | 'foot';

/** An indicator: its 一级, its 二级, name, target, actual, weight, score, and a reason (a line break as |). */
type Indicator = [
  l1: string,
  l2: string,
  name: string,
  target: string,
  actual: string,
  weight: string,
  score: string,
  why?: string,
];

/** Where the first baseline of a cell of `lines` lines stands in a slot from top down to bottom. */
function firstBaseline(setting: Setting, top: number, bottom: number, lines: number): number {
  const blockTop =
    setting === 'top'
      ? top - PAD / 2
      : setting === 'foot'
        ? bottom + PAD / 2 + lines * LEAD
        : (top + bottom + lines * LEAD) / 2;
  return blockTop - 0.8 * LEAD;
}

/** A cell's lines as runs, set left from x or (right) ending at x. */
function cell(text: string, x: number, y: number, right = false): TextRun[] {
  return text.split('|').map((line, i) => ({
    text: line,
    x: right ? x - textWidth(line, SIZE) : x,
    y: y - i * LEAD,
    size: SIZE,
  }));
}

const HEADER = (y: number): TextRun[] =>
  [
    ['一级指标', X.l1],
    ['二级指标', X.l2],
    ['三级指标', X.name],
    ['年度指标值', X.target],
    ['实际完成值', X.actual],
    ['分值', 392],
    ['得分', 432],
  ].map(([text, x]) => ({ text: text as string, x: x as number, y, size: SIZE }));

/**
 * The table's pages: each page's rows (indexes into `rows`) from the slot top `top`; every 一级 and 二级
 * group's label set in its group as `setting` sets it, a group cut by a page break at the top of its part.
 */
function layout(rows: Indicator[], pages: number[][], setting: Setting, top = 690): TextRun[][] {
  const lines = (r: Indicator) => (r[7] ?? '').split('|').length;
  const slots = new Map<number, [number, number]>();
  for (const page of pages) {
    let y = top;
    for (const r of page) {
      const h = lines(rows[r]!) * LEAD + PAD;
      slots.set(r, [y, y - h]);
      y -= h;
    }
  }
  const pageOf = (r: number) => pages.findIndex((p) => p.includes(r));
  const runs: TextRun[][] = pages.map((_, k) =>
    k === 0 ? [{ text: '项目支出绩效自评表', x: 220, y: 740, size: 14 }, ...HEADER(top + 6)] : [],
  );
  rows.forEach((row, r) => {
    const [t, b] = slots.get(r)!;
    const one = firstBaseline(setting, t, b, 1);
    runs[pageOf(r)]!.push(
      ...cell(row[2], X.name, one),
      ...(row[7] ? cell(row[7], 458, firstBaseline(setting, t, b, lines(row))) : []),
      ...cell(row[3], X.target, one),
      ...cell(row[4], X.actual, one),
      ...cell(row[5], 410, one, true),
      ...cell(row[6], 450, one, true),
    );
  });
  // the labels: one per run of rows of one 一级 (and, within it, one 二级)
  for (const level of [0, 1] as const) {
    let from = 0;
    for (let r = 1; r <= rows.length; r++) {
      const key = (k: number) => rows[k]!.slice(0, level + 1).join('|');
      if (r < rows.length && key(r) === key(from)) continue;
      const page = pageOf(from);
      const last = Math.max(...pages[page]!.filter((k) => k >= from && k < r));
      const cut = last < r - 1;
      const y = firstBaseline(cut ? 'top' : setting, slots.get(from)![0], slots.get(last)![1], 1);
      runs[page]!.push({ text: rows[from]![level], x: level === 0 ? X.l1 : X.l2, y, size: SIZE });
      from = r;
    }
  }
  return runs;
}

const read = async (pages: TextRun[][], rules: Rule[][] = []): Promise<Report> =>
  extractBytes(makePdf({ pages: pages.map((runs, k) => ({ runs, rules: rules[k] ?? [] })) }), 'made.pdf', {
    ocr: 'never',
  });

const paths = (r: Report) => r.indicators.map((i) => [i.name, i.path.join('›')]);

const expected = (rows: Indicator[]) => rows.map((r) => [r[2], `${r[0]}›${r[1]}`]);

const ROWS: Indicator[] = [
  ['产出指标', '数量指标', '开展业务培训', '≥100人次', '120人次', '10', '10'],
  ['产出指标', '数量指标', '改造农村危房', '≥50户', '52户', '10', '10'],
  ['产出指标', '质量指标', '设备完好率', '≥99%', '99.4%', '10', '10'],
  ['产出指标', '质量指标', '数据录入准确率', '≥98%', '90%', '10', '8', '系统升级|延误'],
  ['产出指标', '质量指标', '抽检合格率', '≥95%', '96%', '10', '10'],
  ['产出指标', '时效指标', '资金拨付及时率', '≥95%', '100%', '10', '10'],
  ['成本指标', '经济成本指标', '人均培训成本', '≤300元', '280元', '10', '10'],
  ['效益指标', '社会效益指标', '群众安全感', '有所提高', '有所提高', '10', '10'],
  ['效益指标', '社会效益指标', '基层治理能力', '有效提升', '有所提升', '5', '4', '宣传不够，|将加强'],
  ['效益指标', '社会效益指标', '政策知晓度', '≥90%', '93%', '5', '5'],
  ['效益指标', '社会效益指标', '营商环境', '持续优化', '持续优化', '5', '5'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', '95%', '5', '5'],
];

test('labels centred on their groups, rows of one and two lines: each group reaches as far on either side of its label', async () => {
  const report = await read(layout(ROWS, [ROWS.map((_, k) => k)], 'middle'));
  expect(paths(report)).toEqual(expected(ROWS));
});

test('labels at the tops of their groups over a page break: the rows overleaf go on with the group cut there', async () => {
  const report = await read(
    layout(
      ROWS,
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7, 8, 9, 10, 11],
      ],
      'top',
      300,
    ),
  );
  expect(paths(report)).toEqual(expected(ROWS));
});

test('labels centred, a group cut by the page break set at the top of its part: the groups overleaf are laid back from the block’s foot', async () => {
  const report = await read(
    layout(
      ROWS,
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7, 8, 9, 10, 11],
      ],
      'middle',
      300,
    ),
  );
  expect(paths(report)).toEqual(expected(ROWS));
});

test('labels at the feet of their groups, cells cut by the break set at the top of their parts: a group goes on overleaf to the next label; a 一级 group ends where its 二级 tell (时效 is 产出’s, 经济成本 成本’s)', async () => {
  const report = await read(
    layout(
      ROWS,
      [
        [0, 1, 2, 3],
        [4, 5, 6, 7, 8, 9, 10, 11],
      ],
      'foot',
      300,
    ),
  );
  expect(paths(report)).toEqual(expected(ROWS));
});

test('labels at the feet of their groups, a label alone on its page’s last row: whether its cell goes on overleaf is not printed, and the rows there before the next label are left without a path', async () => {
  const report = await read(
    layout(
      ROWS,
      [
        [0, 1, 2, 3, 4, 5, 6, 7],
        [8, 9, 10, 11],
      ],
      'foot',
      300,
    ),
  );
  const all = expected(ROWS);
  expect(paths(report)).toEqual([...all.slice(0, 8), ...ROWS.slice(8, 11).map((r) => [r[2], '']), all[11]]);
});

test('a 三线表 (rules over and under its header and at its foot), labels centred, over a page break', async () => {
  const pages = [
    [0, 1, 2, 3],
    [4, 5, 6, 7, 8, 9, 10, 11],
  ];
  const rule = (y: number, width = 0.75): Rule => ({ x0: 36, y0: y, x1: 470, y1: y, width });
  // the header at 306 over the first slot at 300; the part overleaf from 300 down to its last row's foot
  const lowest = 300 - pages[1]!.reduce((h, r) => h + ((ROWS[r]![7] ?? '').split('|').length * LEAD + PAD), 0);
  const report = await read(layout(ROWS, pages, 'middle', 300), [[rule(320, 1.5), rule(301)], [rule(lowest, 1.5)]]);
  expect(paths(report)).toEqual(expected(ROWS));
});
