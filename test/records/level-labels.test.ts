// A 自评表 without rules prints each merged 一级 and 二级 cell once, where its producer sets it — at
// the foot of its rows (a spreadsheet's cells set at the bottom), in their middle (centred) or at their
// top — and no rule shows a group's extent: every row of a group takes its label, the rows above it
// too. (Before, a row took only a label above it: the rows over a label at a foot had no path.)
import { expect, test } from 'vitest';
import { checkInput } from '../support/check-input.ts';

function pathsOf(rows: [string, string, string][]): string[][] {
  const doc = checkInput({ reportType: '项目支出' })
    .table(
      [
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ...rows.map(([l1, l2, name]) => [l1, l2, name, '≥10个', '12个', '10', '10']),
        ['总分', '', '', '', '', '60', '60'],
      ],
      { page: 3, title: '项目支出绩效自评表' },
    )
    .build();
  return doc.indicators.map((i) => [i.name, ...i.path]);
}

const QUANTITY = ['产出指标', '数量指标'];
const QUALITY = ['产出指标', '质量指标'];
const SOCIAL = ['效益指标', '社会效益指标'];

test('labels set at the foot of their rows: the rows above them are theirs', () => {
  expect(
    pathsOf([
      ['', '', '培训人次'],
      ['', '数量指标', '新建站点'],
      ['', '', '设备完好率'],
      ['产出指标', '质量指标', '验收合格率'],
      ['', '', '就业人数'],
      ['效益指标', '社会效益指标', '群众知晓率'],
    ]),
  ).toEqual([
    ['培训人次', ...QUANTITY],
    ['新建站点', ...QUANTITY],
    ['设备完好率', ...QUALITY],
    ['验收合格率', ...QUALITY],
    ['就业人数', ...SOCIAL],
    ['群众知晓率', ...SOCIAL],
  ]);
});

test('labels set in the middle of their rows: the rows around them are theirs', () => {
  expect(
    pathsOf([
      ['', '', '培训人次'],
      ['', '数量指标', '新建站点'],
      ['', '', '采购设备'],
      ['产出指标', '', '设备完好率'],
      ['', '质量指标', '验收合格率'],
      ['', '', '抽检合格率'],
      ['', '', '就业人数'],
      ['效益指标', '社会效益指标', '群众知晓率'],
      ['', '', '覆盖率'],
    ]),
  ).toEqual([
    ['培训人次', ...QUANTITY],
    ['新建站点', ...QUANTITY],
    ['采购设备', ...QUANTITY],
    ['设备完好率', ...QUALITY],
    ['验收合格率', ...QUALITY],
    ['抽检合格率', ...QUALITY],
    ['就业人数', ...SOCIAL],
    ['群众知晓率', ...SOCIAL],
    ['覆盖率', ...SOCIAL],
  ]);
});

test('labels set at the top of their rows: the rows below them are theirs', () => {
  expect(
    pathsOf([
      ['产出指标', '数量指标', '培训人次'],
      ['', '', '新建站点'],
      ['', '质量指标', '设备完好率'],
      ['', '', '验收合格率'],
      ['效益指标', '社会效益指标', '就业人数'],
      ['', '', '群众知晓率'],
    ]),
  ).toEqual([
    ['培训人次', ...QUANTITY],
    ['新建站点', ...QUANTITY],
    ['设备完好率', ...QUALITY],
    ['验收合格率', ...QUALITY],
    ['就业人数', ...SOCIAL],
    ['群众知晓率', ...SOCIAL],
  ]);
});

// A path left short rather than wrong (records/indicators.ts sound): a label read in pieces, or a
// 一级 taken from another row that the row's 二级 cannot stand under.
test('a 一级 label lost: the rows above the only one left are not put under it against their 二级', () => {
  expect(
    pathsOf([
      ['', '数量指标', '培训人次'],
      ['', '', '新建站点'],
      ['', '质量指标', '验收合格率'],
      ['', '', '人均培训成本'],
      ['成本指标', '经济成本指标', '单个站点建设成本'],
    ]),
  ).toEqual([
    ['培训人次'],
    ['新建站点'],
    ['验收合格率'],
    ['人均培训成本'],
    ['单个站点建设成本', '成本指标', '经济成本指标'],
  ]);
});

test('printed in the row, a 一级 and 二级 stand as printed, however they go together', () => {
  expect(pathsOf([['产出指标', '可持续影响指标', '技能人才队伍建设']])).toEqual([
    ['技能人才队伍建设', '产出指标', '可持续影响指标'],
  ]);
});

test('labels read in pieces (two narrow cells’ wrapped lines run together) are no path', () => {
  expect(
    pathsOf([
      ['产出数量指标指标', '', '培训人次'],
      ['成本指', '经济成本指', '单个站点建设成本'],
    ]),
  ).toEqual([['培训人次'], ['单个站点建设成本']]);
});

test('labels centred on their rows, the last group of one row (满意度指标 at the block’s foot): 一级 labels on rows where no 二级 stands tell the middle, not the foot', () => {
  expect(
    pathsOf([
      ['', '', '培训人次'],
      ['', '数量指标', '新建站点'],
      ['产出指标', '', '修复公路'],
      ['', '质量指标', '设备完好率'],
      ['', '', '验收合格率'],
      ['', '社会效益指标', '就业人数'],
      ['效益指标', '', '群众知晓率'],
      ['', '可持续影响指标', '长效机制'],
      ['满意度指标', '服务对象满意度指标', '群众满意度'],
    ]),
  ).toEqual([
    ['培训人次', ...QUANTITY],
    ['新建站点', ...QUANTITY],
    ['修复公路', ...QUANTITY],
    ['设备完好率', ...QUALITY],
    ['验收合格率', ...QUALITY],
    ['就业人数', ...SOCIAL],
    ['群众知晓率', ...SOCIAL],
    ['长效机制', '效益指标', '可持续影响指标'],
    ['群众满意度', '满意度指标', '服务对象满意度指标'],
  ]);
});
