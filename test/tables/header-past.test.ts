// A table without rules whose last column (未完成原因分析, 偏差原因分析) the rows on the first page
// leave blank, its reasons overleaf: the header's cell past the rows' last column of figures is a
// column still (tables/text-blocks.ts withHeaderPast). Before, set a spreadsheet's padding from the
// 得分 figures (less than half an em), it was read with 得分 (未完成原因得分分析), the 得分 figures
// stood under a column of words, and the part overleaf, filling the column, lined up with no grid.
import { describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { findTables } from '../../src/tables/find.ts';
import { textWidth } from '../support/compose.ts';
import { makePdf, type TextRun } from '../support/make-pdf.ts';
import { readOne } from './support.ts';

const SIZE = 9;

/** Cells at their left edge, a figure set right against its column's right edge. */
function line(y: number, cells: [number | `r${number}`, string][]): TextRun[] {
  return cells.map(([x, text]) => ({
    text,
    y,
    size: SIZE,
    x: typeof x === 'number' ? x : Number(x.slice(1)) - textWidth(text, SIZE),
  }));
}

// 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 (set right at 410) | 得分 (set right at 450) | reason at 455
const REASON_X = 455;
const header = (y: number, reason: string) =>
  line(y, [
    [40, '一级指标'],
    [95, '二级指标'],
    [185, '三级指标'],
    [265, '年度指标值'],
    [325, '实际完成值'],
    [392, '分值'],
    [428, '得分'],
    [REASON_X, reason],
  ]);
type Row = [string, string, string, string, string, string, string, string?];
const row = (y: number, [l1, l2, name, target, actual, weight, score, reason]: Row) =>
  line(y, [
    ...(l1 ? [[40, l1] as [number, string]] : []),
    ...(l2 ? [[95, l2] as [number, string]] : []),
    [185, name],
    [265, target],
    [325, actual],
    ['r410', weight],
    ['r450', score],
    ...(reason ? [[REASON_X, reason] as [number, string]] : []),
  ]);
const rows = (top: number, list: Row[]) => list.flatMap((r, i) => row(top - 16 * i, r));

const FIRST: Row[] = [
  ['产出指标', '数量指标', '培训基层干部', '≥4000人次', '4710人次', '10', '10'],
  ['', '', '新建示范点', '≥60个', '71个', '10', '10'],
  ['', '', '检测农产品', '≥11000批次', '10904批次', '10', '9'],
];
const OVERLEAF: Row[] = [
  ['', '质量指标', '验收合格率', '≥95%', '89.4%', '10', '8', '部分工程返工'],
  ['', '', '档案规范率', '≥97%', '99.7%', '10', '10'],
  ['效益指标', '社会效益指标', '群众知晓率', '≥90%', '93%', '20', '20'],
  ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '86%', '30', '27', '宣传不到位'],
];

describe('a last column the rows on the page leave blank', () => {
  test('its header cell stands apart from 得分 beside it', async () => {
    const page = await readOne({ runs: [...header(700, '未完成原因分析'), ...rows(684, FIRST)] });
    const [table] = findTables(page).tables;
    expect(table!.rows[0]).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '未完成原因分析',
    ]);
    expect(table!.rows[3]!.slice(5)).toEqual(['10', '9', '']);
  });

  test('but not past a column of words: a short cell set left may end before its header', async () => {
    // 备注 holding only 无 (words) under a header cell set further right: no column is made of the header.
    const runs = [
      ...line(700, [
        [40, '三级指标'],
        [120, '年度指标值'],
        [200, '分值'],
        [240, '得分'],
        [300, '备注说明'],
      ]),
      ...[0, 1, 2].flatMap((i) =>
        line(684 - 16 * i, [
          [40, `指标${'甲乙丙'[i]}`],
          [120, '≥90%'],
          ['r220', '10'],
          ['r260', '10'],
          [270, '无'],
        ]),
      ),
    ];
    const [table] = findTables(await readOne({ runs })).tables;
    expect(table!.rows[0]!.length).toBe(5);
  });

  test('the records of both pages are whole, the reasons overleaf in their column', async () => {
    const bytes = makePdf({
      pages: [
        {
          runs: [
            { text: '项目支出绩效自评表', x: 220, y: 760, size: 14 },
            ...header(700, '未完成原因分析'),
            ...rows(684, FIRST),
          ],
        },
        { runs: [...rows(760, OVERLEAF), ...row(760 - 16 * OVERLEAF.length, ['总分', '', '', '', '', '100', '94'])] },
      ],
    });
    const report = await extractBytes(bytes, 'made.pdf', { ocr: 'never' });
    const got = report.indicators.map((i) => [i.name, i.weight, i.score, i.deviation]);
    expect(got).toEqual([
      ['培训基层干部', 10, 10, null],
      ['新建示范点', 10, 10, null],
      ['检测农产品', 10, 9, null],
      ['验收合格率', 10, 8, '部分工程返工'],
      ['档案规范率', 10, 10, null],
      ['群众知晓率', 20, 20, null],
      ['受益群众满意度', 30, 27, '宣传不到位'],
    ]);
  });
});
