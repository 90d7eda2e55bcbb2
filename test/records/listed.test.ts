// Indicators listed inside one cell of a 绩效目标表 (records/listed.ts), as a published Guangzhou 目标表
// of many projects writes them in its 绩效指标 column, and in other phrasings: one record per item
// whose name and target the cell tells apart (numbered items with keyed fields, level labels with a
// colon and items parted by ；, items numbered ①②), its figure the cell's fact; none where it does
// not (items only on lines of their own run together in the cell's text). Before, such a cell gave
// no record at all.
import { describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Indicator, Report } from '../../src/schema/report.ts';
import { makePdf } from '../support/make-pdf.ts';
import { ruledTable } from '../tables/support.ts';

async function reportOf(lists: string[][]): Promise<Report> {
  const { runs, rules } = ruledTable(
    [
      ['项目名称', '绩效目标', '绩效指标'],
      ...lists.map((lines, i) => [
        `${['社区养老服务', '智慧城市运维', '河道整治工程', '农村公路养护'][i]}项目`,
        '按期完成年度任务',
        lines,
      ]),
    ],
    { xs: [40, 140, 260, 560], top: 720, rowHeight: 72, size: 9 },
  );
  const bytes = makePdf({
    pages: [{ runs: [{ text: '项目支出绩效目标表', x: 220, y: 760, size: 14 }, ...runs], rules }],
  });
  return extractBytes(bytes, 'made.pdf', { ocr: 'never' });
}

const shown = (i: Indicator) => [
  i.project,
  i.path.join('›'),
  i.name,
  i.target?.text,
  i.target?.value,
  i.target?.unit,
  i.target?.comparator,
];

describe('indicators listed in a 绩效指标 cell', () => {
  test('numbered items of keyed fields (1、1-产出指标；11-数量指标；…；年度指标值:≥500人次。)', async () => {
    const r = await reportOf([
      [
        '1、1-产出指标；11-数量指标；培训人次；实施周',
        '期指标值:≥1500人次；年度指标值:≥500人次。',
        '2、1-产出指标；12-质量指标；验收合格率；实',
        '施周期指标值:≥95%；年度指标值:≥95%。3、3-',
        '满意度指标；31-服务对象满意度；老人满意度；',
        '年度指标值:不低于90%。',
      ],
    ]);
    expect(r.indicators.map(shown)).toEqual([
      ['社区养老服务项目', '产出指标›数量指标', '培训人次', '≥500人次', 500, '人次', '>='],
      ['社区养老服务项目', '产出指标›质量指标', '验收合格率', '≥95%', 95, '%', '>='],
      ['社区养老服务项目', '满意度指标›服务对象满意度', '老人满意度', '不低于90%', 90, '%', '>='],
    ]);
    expect(r.indicators.map((i) => i.id)).toEqual(['t1.r2.1', 't1.r2.2', 't1.r2.3']);
    // Each figure is the cell's fact that names the item.
    const facts = new Map(r.facts.map((f) => [f.id, f]));
    for (const i of r.indicators) expect(facts.get(i.factIds[0]!)?.value).toBe(i.target!.value);
  });

  test('level labels with a colon, items parted by ；', async () => {
    const r = await reportOf([
      [
        '产出指标：数量指标：新建站点≥12个；',
        '质量指标：验收合格率不低于95%；',
        '效益指标：社会效益指标：群众知晓率≥85%',
      ],
    ]);
    expect(r.indicators.map((i) => [i.path.join('›'), i.name, i.target?.value, i.target?.unit])).toEqual([
      ['产出指标›数量指标', '新建站点', 12, '个'],
      ['产出指标›质量指标', '验收合格率', 95, '%'],
      ['效益指标›社会效益指标', '群众知晓率', 85, '%'],
    ]);
  });

  test('a 二级 label under no 一级 gives no path: its first place is the 一级’s', async () => {
    const r = await reportOf([['数量指标：新建站点≥12个；', '质量指标：验收合格率≥95%']]);
    expect(r.indicators.map((i) => [i.path, i.name, i.target?.value])).toEqual([
      [[], '新建站点', 12],
      [[], '验收合格率', 95],
    ]);
  });

  test('items numbered ①②, without levels', async () => {
    const r = await reportOf([['①培训人次不少于500人次', '②群众满意度≥90%', '③道路完好率≥98%']]);
    expect(r.indicators.map((i) => [i.name, i.target?.value, i.target?.unit, i.target?.comparator])).toEqual([
      ['培训人次', 500, '人次', '>='],
      ['群众满意度', 90, '%', '>='],
      ['道路完好率', 98, '%', '>='],
    ]);
  });

  test('items only on lines of their own are not told apart: no record', async () => {
    const r = await reportOf([['培训人次≥500人次', '群众满意度≥90%']]);
    expect(r.indicators).toEqual([]);
  });

  test('a target in words is kept as text, with no figure', async () => {
    const r = await reportOf([
      [
        '1、1-产出指标；13-时效指标；完成时间；',
        '年度指标值:按期完成。2、2-效益指标；',
        '22-社会效益；群众知晓率；年度指标值:≥85%。',
      ],
    ]);
    expect(r.indicators.map((i) => [i.name, i.target?.text, i.target?.value])).toEqual([
      ['完成时间', '按期完成', null],
      ['群众知晓率', '≥85%', 85],
    ]);
  });
});
