// A 自评表 without rules over two pages, its 一级 / 二级 labels set at the top of their groups: the
// page overleaf holds one 二级 label (时效指标) under rows that go on with the group from the page
// before (质量指标). A page's only label was copied into every row of the page as a merged cell's
// text (tables/text-rows.ts spanGroups), so those rows were read 时效指标 — a wrong path, where a
// ruled table gives the right one. A 一级 / 二级 name is now left where it is printed, and the
// records decide the rows it covers (records/levels.ts): those before it overleaf are the group's
// carried over the break.
import { expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { textWidth } from '../support/compose.ts';
import { makePdf, type TextRun } from '../support/make-pdf.ts';

const SIZE = 9;
const X = { l1: 40, l2: 95, name: 185, target: 265, actual: 325 };

type Row = [l1: string, l2: string, name: string, target: string, actual: string, weight: string, score: string];

function rowRuns(y: number, [l1, l2, name, target, actual, weight, score]: Row): TextRun[] {
  const right = (text: string, x: number) => ({ text, x: x - textWidth(text, SIZE), y, size: SIZE });
  return [
    ...(l1 ? [{ text: l1, x: X.l1, y, size: SIZE }] : []),
    ...(l2 ? [{ text: l2, x: X.l2, y, size: SIZE }] : []),
    { text: name, x: X.name, y, size: SIZE },
    { text: target, x: X.target, y, size: SIZE },
    { text: actual, x: X.actual, y, size: SIZE },
    right(weight, 410),
    right(score, 450),
  ];
}

const HEADER: TextRun[] = [
  ['一级指标', X.l1],
  ['二级指标', X.l2],
  ['三级指标', X.name],
  ['年度指标值', X.target],
  ['实际完成值', X.actual],
  ['分值', 392],
  ['得分', 432],
].map(([text, x]) => ({ text: text as string, x: x as number, y: 700, size: SIZE }));

const FIRST: Row[] = [
  ['产出指标', '数量指标', '培训基层干部', '≥4000人次', '4710人次', '10', '10'],
  ['', '', '新建示范点', '≥60个', '71个', '10', '10'],
  ['', '质量指标', '验收合格率', '≥95%', '96%', '10', '10'],
  ['', '', '档案规范率', '≥97%', '99.7%', '10', '10'],
];
const OVERLEAF: Row[] = [
  ['', '', '设备完好率', '≥90%', '93%', '10', '10'],
  ['', '', '抽检合格率', '≥98%', '99%', '10', '10'],
  ['', '时效指标', '资金拨付及时率', '≥95%', '100%', '10', '10'],
  ['', '', '项目完工率', '≥90%', '92%', '10', '10'],
];

test('the rows overleaf before its only 二级 label keep the group from the page before', async () => {
  const bytes = makePdf({
    pages: [
      {
        runs: [
          { text: '项目支出绩效自评表', x: 220, y: 760, size: 14 },
          ...HEADER,
          ...FIRST.flatMap((r, i) => rowRuns(684 - 16 * i, r)),
        ],
      },
      {
        runs: [
          ...OVERLEAF.flatMap((r, i) => rowRuns(760 - 16 * i, r)),
          ...rowRuns(760 - 16 * OVERLEAF.length, ['', '', '总分', '', '', '80', '80']),
        ],
      },
    ],
  });
  const report = await extractBytes(bytes, 'made.pdf', { ocr: 'never' });
  expect(report.indicators.map((i) => [i.name, ...i.path])).toEqual([
    ['培训基层干部', '产出指标', '数量指标'],
    ['新建示范点', '产出指标', '数量指标'],
    ['验收合格率', '产出指标', '质量指标'],
    ['档案规范率', '产出指标', '质量指标'],
    ['设备完好率', '产出指标', '质量指标'],
    ['抽检合格率', '产出指标', '质量指标'],
    ['资金拨付及时率', '产出指标', '时效指标'],
    ['项目完工率', '产出指标', '时效指标'],
  ]);
});
