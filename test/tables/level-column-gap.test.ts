// An indicator block without rules whose 一级 labels stand on one row of their group (centred on it)
// and whose longest 一级 (满意度指标) ends less than half an em short of the 二级 column: read left to
// right, the 二级 names of rows with no 一级 on their line came before the one beside 满意度指标,
// bridged the gutter, and the 一级 and 二级 made one column — the row of 满意度指标 | 服务对象满意度指标
// then fitted no column, ended the block, and its 二级 was read into another's (社会效益指标服务对象满意).
// Two chunks of one line are two cells: the column parts where the first ends (text-columns.ts).
import { describe, expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import { textWidth } from '../support/compose.ts';
import type { TextRun } from '../support/make-pdf.ts';
import { readMade } from './support.ts';

type Row = [string, string, string, string, string, string];
const ROWS: Row[] = [
  ['', '数量指标', '服务老年人人次', '≥12000人次', '12860人次', '15'],
  ['产出指标', '质量指标', '服务质量达标率', '≥95%', '97.5%', '10'],
  ['', '时效指标', '资金发放及时率', '100%', '100%', '5'],
  ['效益指标', '社会效益指标', '老年人生活质量', '有效提升', '有效提升', '20'],
  ['满意度指标', '服务对象满意度指标', '老年人满意度', '≥90%', '93.6%', '20'],
  ['总分', '', '', '', '', '100'],
];

describe('a 一级 ending less than half an em short of the 二级 column', () => {
  test.each([
    ['at 10.5 pt', 10.5, 0.49],
    ['at 10 pt', 10, 0.45],
    ['at 9 pt', 9, 0.47],
  ])('%s: 一级 and 二级 stay two columns', async (_, size, gap) => {
    // The 二级 column starts `gap` ems past the end of 满意度指标.
    const x1 = 52 + textWidth('满意度指标', size) + gap * size;
    const lefts = [52, x1, x1 + 10 * size, x1 + 18 * size];
    const rights = [x1 + 25 * size, x1 + 31 * size, x1 + 35 * size];
    const runs: TextRun[] = [
      { text: '项目支出绩效自评表', x: 200, y: 760, size: 14 },
      ...['一级指标', '二级指标', '三级指标', '年度指标值'].map((t, c) => ({ text: t, x: lefts[c]!, y: 720, size })),
      ...['实际完成值', '分值'].map((t, c) => ({ text: t, x: rights[c + 1]! - textWidth(t, size), y: 720, size })),
      ...ROWS.flatMap((row, i) =>
        row.flatMap((t, c): TextRun[] => {
          const y = 700 - i * 2 * size;
          if (t === '') return [];
          return [
            c < 3 ? { text: t, x: lefts[c]!, y, size } : { text: t, x: rights[c - 3]! - textWidth(t, size), y, size },
          ];
        }),
      ),
    ];
    const r = assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs }]));
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.rows.map((row) => row[1])).toEqual(['二级指标', ...ROWS.map((row) => row[1])]);
    expect(r.tables[0]!.rows.at(-1)!.slice(0, 3)).toEqual(['总分', '', '']);
    const last = r.indicators.find((i) => i.name === '老年人满意度');
    expect(last?.path).toEqual(['满意度指标', '服务对象满意度指标']);
  });
});
