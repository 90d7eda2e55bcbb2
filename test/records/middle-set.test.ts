// Self-evaluation tables without rules whose cells are set in the middle (or at the top) of their
// height, or whose figure columns are drawn wide: the lines of one cell stand with other cells' lines
// between them, and a header's words need not stand over their figures. Each case is a page laid out
// as LibreOffice prints such a table (the positions of the indicator harness's fixtures), read end to
// end; each failed on the reader before its fix.
import { expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { textWidth } from '../support/compose.ts';
import { makePdf, type TextRun } from '../support/make-pdf.ts';

const SIZE = 10.5;

/** A cell's text at the baseline y: set left from x, or (a number) right, ending at x. */
const left = (text: string, x: number, y: number): TextRun => ({ text, x, y, size: SIZE });
const right = (text: string, x: number, y: number): TextRun => ({ text, x: x - textWidth(text, SIZE), y, size: SIZE });

const read = async (pages: TextRun[][]): Promise<Report> =>
  extractBytes(makePdf({ pages: pages.map((runs) => ({ runs })) }), 'made.pdf', { ocr: 'never' });

const rows = (r: Report) =>
  r.indicators.map((i) => [i.name, i.target?.value ?? null, i.actual?.value ?? null, i.weight, i.score]);

/** An indicator row on the columns of MoF's 项目支出绩效自评表 as LibreOffice sets them (figures right). */
function indicatorRow(y: number, [l1, l2, name, target, actual, weight, score, why]: string[]): TextRun[] {
  return [
    // a 一级 wrapped in its narrow column (产出指 | 标), centred on the row
    ...(l1 ? [left(l1.slice(0, 3), 59, y + 7.6), left(l1.slice(3), 59, y - 7.6)] : []),
    ...(l2 ? [left(l2, 95, y)] : []),
    left(name!, 159, y),
    right(target!, 307, y),
    right(actual!, 374, y),
    right(weight!, 401, y),
    right(score!, 453, y),
    ...(why ? [left(why, 458, y)] : []),
  ];
}

const INDICATORS = [
  ['产出指标', '数量指标', '开展培训', '≥100人次', '120人次', '3', '3', ''],
  ['', '', '改造危房', '≥50户', '52户', '3', '3', ''],
  ['', '质量指标', '设备完好率', '≥99%', '90.4%', '2', '1.7', '资金到位较晚'],
  ['', '', '录入准确率', '≥98%', '100%', '2', '2', ''],
];

test('a header cell centred down the header (偏差原因分析及 | 改进措施 around 得分 set left) keeps its lines in one column: the 得分 column names the scores overleaf', async () => {
  const page1 = [
    left('项目支出绩效自评表', 240, 400),
    left('项目名称', 57, 298.2),
    left('农村人居环境整治专项资金', 157, 298.2),
    left('全年执行数', 309, 261),
    left('执行率', 403, 261),
    left('年初预算数', 157, 253.4),
    left('全年预算数（A）', 221, 253.4),
    left('分值', 377, 253.4),
    left('得分', 456, 253.4),
    left('（B）', 309, 245.8),
    left('（B/A）', 403, 245.8),
    ...[
      ['年度资金总额', '2037.96', '2140.85', '1908.95', '10', '89.17%', '8.92'],
      ['其中：财政拨款', '626.30', '627.16', '598.56', '', '95.44%', ''],
      ['其他资金', '1210.32', '1299.46', '1110.47', '', '85.46%', ''],
      ['上年结转资金', '201.34', '214.23', '199.92', '', '93.32%', ''],
    ].flatMap(([name, a, b, c, w, rate, s], k) => {
      const y = [217.8, 183.3, 148, 120.7][k]!;
      return [
        left(name!, 95, y),
        right(a!, 219, y),
        right(b!, 307, y),
        right(c!, 374, y),
        ...(w ? [right(w, 401, y)] : []),
        right(rate!, 453, y),
        ...(s ? [right(s, 536, y)] : []),
      ];
    }),
    // 项目资金 merged down the funds rows, wrapped in the narrow first column
    left('项目资', 59, 198.5),
    left('金', 59, 183.3),
    left('年度总体目标', 59, 101),
    left('改善农村人居环境，完成年度整治任务', 159, 101),
    left('完成年度目标，村容村貌明显改善', 379, 101),
    // the indicator block's header, its cells centred down two lines: 一级指 | 标 and 偏差原因分析及 | 改进措施 around the rest
    left('一级指', 59, 81.3),
    left('偏差原因分析及', 458, 81.3),
    ...['二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].map((w, k) =>
      left(w, [95, 159, 223, 311, 379, 405][k]!, 73.7),
    ),
    left('标', 59, 66.1),
    left('改进措施', 458, 66.1),
  ];
  const page2 = INDICATORS.flatMap((row, k) => indicatorRow(763 - 35 * k, row));
  const report = await read([page1, page2]);
  expect(rows(report)).toEqual([
    ['开展培训', 100, 120, 3, 3],
    ['改造危房', 50, 52, 3, 3],
    ['设备完好率', 99, 90.4, 2, 1.7],
    ['录入准确率', 98, 100, 2, 2],
  ]);
});

/** A row of Fujian's 部门整体绩效自评表 as LibreOffice sets it (figures right, 偏差原因 left). */
function fujianRow(y: number, [l1, l2, name, target, actual, weight, score, why]: string[]): TextRun[] {
  return [
    ...(l1 ? [left(l1.slice(0, 2), 59, y), left(l1.slice(2), 59, y - 15.2)] : []),
    ...(l2 ? [left(l2, 90, y)] : []),
    left(name!, 145, y),
    right(target!, 313, y),
    right(actual!, 379, y),
    right(weight!, 427, y),
    right(score!, 469, y),
    ...(why ? [left(why, 474, y)] : []),
  ];
}

const fundsRow = (y: number, cells: string[]) => [
  left(cells[0]!, 59, y),
  ...cells.slice(1).map((c, k) => right(c, [140, 206, 313, 379, 427, 469, 536][k]!, y)),
];

test('the funds block’s last row alone atop a page, the indicator block’s header under it: the part after the next is carried through that page', async () => {
  const page1 = [
    left('部门整体绩效自评表', 251, 236.7),
    left('单位：万元', 486, 193.8),
    left('部门名称', 59, 170.1),
    left('某县农业农村局', 145, 170.1),
    ...['项目', '年初预算', '调整预算数', '全年预算数③=①+②', '拨付数④', '实际支出', '结余', '执行率'].map((w, k) =>
      left(w, [59, 90, 145, 210, 318, 383, 431, 474][k]!, 150.4),
    ),
    ...['数①', '②', '数⑤', '⑥=③-', '⑦=⑤/③'].map((w, k) => left(w, [90, 145, 383, 431, 474][k]!, 135.2)),
    left('⑤', 431, 120),
    ...fundsRow(100.3, ['合计', '2463.71', '47.64', '2511.35', '2422.22', '2333.08', '178.27', '92.90%']),
    ...fundsRow(80.6, ['基本支出', '825.28', '46.15', '871.43', '836.30', '801.16', '70.27', '91.94%']),
  ];
  const page2 = [
    ...fundsRow(770.7, ['项目', '1638.43', '1.49', '1639.92', '1585.92', '1531.92', '108.00', '93.41%']),
    left('支出', 59, 755.5),
    ...['一级', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因'].map((w, k) =>
      left(w, [59, 90, 145, 210, 318, 383, 431, 474][k]!, 735.8),
    ),
    left('指标', 59, 720.6),
    ...fujianRow(700.9, ['产出指标', '数量指标', '培训干部', '7820人次', '8679人次', '2', '2']),
    ...fujianRow(665.9, ['', '', '接待来访', '=2200人次', '2200人次', '2', '2']),
  ];
  const more = (names: string[]) =>
    names.flatMap((name, k) =>
      fujianRow(770.7 - 35 * k, ['', '', name, '≥100个', '120个', '2.5', '2.5', k === 0 ? '按期完成' : '']),
    );
  const report = await read([page1, page2, more(['建成示范点', '新建站点']), more(['改造危房', '修复公路'])]);
  expect(rows(report)).toEqual([
    ['培训干部', 7820, 8679, 2, 2],
    ['接待来访', 2200, 2200, 2, 2],
    ...['建成示范点', '新建站点', '改造危房', '修复公路'].map((n) => [n, 100, 120, 2.5, 2.5]),
  ]);
  expect(report.funds.map((f) => [f.name, f.executed])).toEqual([
    ['合计', 2333.08],
    ['基本支出', 801.16],
    ['项目支出', 1531.92],
  ]);
});

/** A row of Sichuan's 部门预算项目支出绩效自评表 drawn with wide figure columns (指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分). */
function sichuanRow(y: number, [l1, l2, name, bound, target, unit, actual, weight, score]: string[]): TextRun[] {
  return [
    ...(l1 ? [left(l1, 107, y)] : []),
    ...(l2 ? [left(l2, 154, y)] : []),
    left(name!, 202, y),
    left(bound!, 260, y),
    right(target!, 383, y),
    left(unit!, 388, y),
    right(actual!, 457, y),
    right(weight!, 481, y),
    right(score!, 513, y),
  ];
}

test('a header between the funds block and the indicator block, 权 | 重 set left in the wide weight cell past the actuals’ figures: the actuals keep their column', async () => {
  const up = (y: number) => y + 400;
  const page = [
    left('部门预算项目支出绩效自评表', 230, up(329.8)),
    left('单位：万元', 486, up(286.9)),
    left('项目名称', 59, up(263.2)),
    left('乡村振兴衔接补助资金', 202, up(263.2)),
    left('年度预算数', 107, up(278.2)),
    ...['年初', '调整后', '执行数', '执行率', '权重', '得分'].map((w, k) =>
      left(w, [154, 202, 260, 304, 388, 414][k]!, up(243.2)),
    ),
    ...[
      ['总额', '5343.19', '5606.80', '5265.95', '93.92%', '10', '9.39'],
      ['财政资金', '1252.21', '1286.42', '1214.01', '94.37%', '/', '/'],
      ['其他资金', '1389.47', '1493.09', '1337.88', '89.60%', '/', '/'],
    ].flatMap(([name, a, b, c, rate, w, s], k) => {
      const y = up(223.6 - 19.7 * k);
      return [
        left(name!, 107, y),
        ...[a, b, c, rate, w, s].map((v, j) => right(v!, [197, 255, 300, 383, 410, 457][j]!, y)),
      ];
    }),
    // the indicator block's header, its cells set in the middle: 权 | 重 and 未完成原 | 因分析 around the one-line cells
    ...['绩效指标', '指标性', '度量', '权', '未完成原'].map((w, k) => left(w, [59, 260, 388, 462, 518][k]!, up(164.4))),
    ...['一级指标', '二级指标', '三级指标', '指标值', '完成值', '得分'].map((w, k) =>
      left(w, [107, 154, 202, 304, 414, 485][k]!, up(156.8)),
    ),
    ...['质', '单位', '重', '因分析'].map((w, k) => left(w, [260, 388, 462, 518][k]!, up(149.2))),
    ...[
      ['产出指标', '数量指标', '培训干部', '＝', '4170', '人次', '4710', '3', '3'],
      ['', '', '接待来访', '≥', '19280', '人次', '20342', '2', '2'],
      ['', '', '建成示范点', '＞', '64', '个', '71', '2.5', '2.5'],
      ['', '质量指标', '验收合格率', '≥', '80', '%', '89.42', '2', '1.8'],
    ].flatMap((row, k) => sichuanRow(up(129.5 - 25 * k), row)),
  ];
  const report = await read([page]);
  expect(
    report.indicators.map((i) => [i.name, i.target?.value, i.actual?.value, i.actual?.unit, i.weight, i.score]),
  ).toEqual([
    ['培训干部', 4170, 4710, '人次', 3, 3],
    ['接待来访', 19280, 20342, '人次', 2, 2],
    ['建成示范点', 64, 71, '个', 2.5, 2.5],
    ['验收合格率', 80, 89.42, '%', 2, 1.8],
  ]);
});

test('the first lines of two header cells wrapped in narrow columns, their padding all that parts them (绩效指标性 | 本年绩效指标 over 质 | 值): each names its own column', async () => {
  const up = 200;
  const page = [
    left('项目支出绩效目标表', 251, up + 579.9 - 300),
    left('单位：万元', 486, up + 537 - 300),
    left('绩效指标性', 358.8, up + 512.7 - 300),
    left('本年绩效指标', 414.1, up + 512.7 - 300),
    left('绩效度量单', 487, up + 512.7 - 300),
    ...['项目名称', '一级指标', '二级指标', '三级指标'].map((w, k) =>
      left(w, [57, 133, 181, 265][k]!, up + 505.1 - 300),
    ),
    left('质', 359, up + 497.5 - 300),
    left('值', 414, up + 497.5 - 300),
    left('位', 487, up + 497.5 - 300),
    ...[
      ['执法办案经费', '产出指标', '数量指标', '建设安防小区', '＝', '164', '个'],
      ['', '', '', '组织应急演练', '＞', '318', '次'],
      ['', '', '质量指标', '检测准确率', '≥', '80', '%'],
      ['', '成本指标', '经济成本指标', '设备采购成本', '≤', '891.41', '万元'],
    ].flatMap(([project, l1, l2, name, bound, value, unit], k) => {
      const y = up + 477.9 - 300 - 19.7 * k;
      return [
        ...(project ? [left(project, 59, y)] : []),
        ...(l1 ? [left(l1, 135, y)] : []),
        ...(l2 ? [left(l2, 183, y)] : []),
        left(name!, 267, y),
        left(bound!, 361, y),
        right(value!, 481, y),
        left(unit!, 487, y),
      ];
    }),
  ];
  const report = await read([page]);
  expect(report.indicators.map((i) => [i.name, i.target?.value, i.target?.unit, i.target?.comparator])).toEqual([
    ['建设安防小区', 164, '个', '='],
    ['组织应急演练', 318, '次', '>'],
    ['检测准确率', 80, '%', '>='],
    ['设备采购成本', 891.41, '万元', '<='],
  ]);
});

test('a 二级 printed only on the first line of the first row overleaf, set above the row’s figures (cells set in their middle): it has a column of its own', async () => {
  const size = 9;
  const at = (text: string, x: number, y: number): TextRun => ({ text, x, y, size });
  const end = (text: string, x: number, y: number): TextRun => ({ text, x: x - textWidth(text, size), y, size });
  const figures = (y: number, cells: string[]) => cells.map((c, k) => end(c, [295, 353, 373, 403][k]!, y));
  const plain = (rows: string[][], top: number) =>
    rows.flatMap(([name, ...cells], k) => [at(name!, 162, top - 14.3 * k), ...figures(top - 14.3 * k, cells)]);
  const page1 = [
    at('项目支出绩效自评表', 230, 420),
    ...['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'].map((w, k) =>
      at(w, [59, 105, 162, 246, 316, 366, 391][k]!, 380),
    ),
    at('产出指标', 59, 360),
    at('数量指标', 105, 360),
    ...plain(
      [
        ['接待群众来访', '=1910人次', '1910人次', '2', '2'],
        ['开展义诊服务', '不少于8330人次', '8966人次', '2', '2'],
      ],
      360,
    ),
  ];
  const page2 = [
    // the first row: its 二级 and its name's first line above its figures, the name's tail below
    at('质量指标', 105, 775.2),
    at('验收合格', 162, 775.2),
    ...figures(770, ['≥95%', '98%', '2', '2']),
    at('率', 162, 764.8),
    ...plain(
      [
        ['资料规范率', '≥90%', '93%', '2', '2'],
        ['录入准确率', '≥98%', '100%', '2', '2'],
      ],
      750,
    ),
  ];
  const report = await read([page1, page2]);
  expect(report.indicators.map((i) => [i.path.join('›'), i.name, i.target?.value, i.actual?.value])).toEqual([
    ['产出指标›数量指标', '接待群众来访', 1910, 1910],
    ['产出指标›数量指标', '开展义诊服务', 8330, 8966],
    ['产出指标›质量指标', '验收合格率', 95, 98],
    ['产出指标›质量指标', '资料规范率', 90, 93],
    ['产出指标›质量指标', '录入准确率', 98, 100],
  ]);
});

test('the indicator block’s header centred over five lines under the goal row (a 三线表 whose header cells wrap): the rows below are the block’s, under its header', async () => {
  const size = 9;
  const at = (text: string, x: number, y: number): TextRun => ({ text, x, y, size });
  const end = (text: string, x: number, y: number): TextRun => ({ text, x: x - textWidth(text, size), y, size });
  const funds = (y: number, name: string, cells: string[]) => [
    at(name, 127, y),
    ...cells.map((c, k) => (c ? [end(c, [251, 320, 371, 399, 438, 494][k]!, y)] : [])).flat(),
  ];
  const page = [
    at('项目支出绩效自评表（单位：万元）', 214, 775.2),
    at('项目名称', 66, 741.4),
    at('社区养老服务补助资金', 198, 741.4),
    ...['年初', '全年', '全年'].map((w, k) => at(w, [228, 297, 349][k]!, 712.2)),
    at('分', 389, 706.9),
    ...['预算', '预算', '执行', '执行率', '得分'].map((w, k) => at(w, [228, 297, 349, 410, 478][k]!, 701.7)),
    at('值', 389, 696.4),
    ...['数', '数', '数'].map((w, k) => at(w, [233, 302, 353][k]!, 691.2)),
    ...funds(676.2, '年度资金总额', ['520.00', '560.00', '532.00', '10', '95.00%', '9.5']),
    at('项目资金', 69, 667.2),
    ...funds(655.9, '当年财政拨款', ['500.00', '540.00', '515.00', '', '95.37%', '']),
    ...funds(636.4, '上年结转资金', ['20.00', '20.00', '17.00', '', '85.00%', '']),
    at('年度总体目标', 102, 607.2),
    at('为辖区老年人提供日间照料和助餐服务', 212, 607.2),
    at('完成年度目标，服务覆盖全部社区', 390, 607.2),
    // the indicator block's header: 一级 | 指标, 年度 | 指标 | 值 … each cell centred down five lines
    ...['年度', '实际', '偏差原因'].map((w, k) => at(w, [297, 349, 469][k]!, 592.9)),
    ...['一级', '二级', '三级', '分'].map((w, k) => at(w, [78, 145, 228, 389][k]!, 587.7)),
    ...['指标', '完成', '得分', '分析及改'].map((w, k) => at(w, [297, 349, 415, 469][k]!, 582.4)),
    ...['指标', '指标', '指标', '值'].map((w, k) => at(w, [78, 145, 228, 389][k]!, 577.2)),
    ...['值', '值', '进措施'].map((w, k) => at(w, [302, 353, 474][k]!, 571.9)),
    ...[
      ['产出指标', '数量指标', '服务老年人次', '≥12000人次', '12860人次', '15', '15'],
      ['', '', '新建服务站', '≥8个', '8个', '10', '10'],
      ['', '质量指标', '服务满意率', '≥90%', '93%', '15', '14'],
    ].flatMap(([l1, l2, name, ...cells], k) => {
      const y = 557.7 - 14.3 * k;
      return [
        ...(l1 ? [at(l1, 69, y)] : []),
        ...(l2 ? [at(l2, 136, y)] : []),
        at(name!, 206, y),
        ...cells.map((c, j) => end(c!, [330, 379, 399, 429][j]!, y)),
      ];
    }),
  ];
  const report = await read([page]);
  expect(report.indicators.map((i) => [i.name, i.target?.value, i.actual?.value, i.weight, i.score])).toEqual([
    ['服务老年人次', 12000, 12860, 15, 15],
    ['新建服务站', 8, 8, 10, 10],
    ['服务满意率', 90, 93, 15, 14],
  ]);
});

test('a cell merged down the indicator block and set beside its header (绩效指标（90分） left of 一级指标) on a page where no row fills its column: the 一级 column keeps its own header, the paths their 一级', async () => {
  const page = [
    ...[
      ['单位资金', '1754.93', '1798.79', '1766.97', '98.23%', '/', '/'],
      ['其他资金', '1389.47', '1493.09', '1337.88', '89.60%', '/', '/'],
    ].flatMap(([name, ...cells], k) => [
      left(name!, 107, 751 - 19.7 * k),
      ...cells.map((c, j) => right(c!, [197, 255, 300, 383, 410, 457][j]!, 751 - 19.7 * k)),
    ]),
    ...['绩效指标', '指标性', '度量', '权', '未完成原'].map((w, k) => left(w, [59, 260, 388, 462, 518][k]!, 711.6)),
    ...['（90', '一级指标', '二级指标', '三级指标', '质', '指标值', '单位', '完成值', '重', '得分', '因分析'].map(
      (w, k) => left(w, [59, 107, 154, 202, 260, 304, 388, 414, 462, 485, 518][k]!, 696.4),
    ),
    left('分）', 59, 681.2),
    ...[
      ['产出指标', '数量指标', '培训干部', '＝', '4170', '人次', '4710', '3', '3'],
      ['', '', '接待来访', '≥', '19280', '人次', '20342', '2', '2'],
      ['', '', '建成示范点', '＞', '64', '个', '71', '2.5', '2.5'],
    ].flatMap((row, k) => sichuanRow(661.5 - 35 * k, row)),
  ];
  const report = await read([page]);
  expect(report.indicators.map((i) => [i.path.join('›'), i.name, i.actual?.value, i.weight])).toEqual([
    ['产出指标›数量指标', '培训干部', 4710, 3],
    ['产出指标›数量指标', '接待来访', 20342, 2],
    ['产出指标›数量指标', '建成示范点', 71, 2.5],
  ]);
});

test('the last line of a header cell wrapped over four lines (度 | 量 | 单 | 位) above a block of rows that wrap none of their own cells, under a block whose rows do: the header’s, not the first row’s', async () => {
  const size = 9;
  const at = (text: string, x: number, y: number): TextRun => ({ text, x, y, size });
  const end = (text: string, x: number, y: number): TextRun => ({ text, x: x - textWidth(text, size), y, size });
  const page = [
    at('部门预算项目支出绩效自评表', 230, 487.2),
    // the funds rows, their names wrapped in a narrow column and centred on their figures
    ...[
      ['财政专', '户管理', '资金', '946.58', '1028.50', '947.09', '92.08%', '10', '9.39'],
      ['其中：', '财政资', '金', '1252.21', '1286.42', '1214.01', '94.37%', '/', '/'],
      ['其他资', '金来', '源', '1389.47', '1493.09', '1337.88', '89.60%', '/', '/'],
    ].flatMap(([a, b, c, ...cells], k) => {
      const y = 353.7 - 35 * k;
      return [
        at(a!, 109, y + 10.5),
        at(b!, 109, y),
        at(c!, 109, y - 10.5),
        ...cells.map((v, j) => end(v!, [193, 245, 287, 358, 381, 423][j]!, y)),
      ];
    }),
    // the indicator block's header, its cells centred: 度量单位 over four lines, the others over one to three
    at('绩效指标', 66, 267.9),
    at('度', 364, 267.9),
    ...['（90', '一级指', '指标性', '量', '权', '未完成原因'].map((w, k) =>
      at(w, [66, 109, 251, 364, 429, 479][k]!, 257.4),
    ),
    ...['二级指标', '三级指标', '指标值', '完成值', '得分'].map((w, k) => at(w, [148, 199, 293, 387, 450][k]!, 252.2)),
    ...['分）', '标', '质', '单', '重', '分析'].map((w, k) => at(w, [66, 109, 251, 364, 429, 479][k]!, 246.9)),
    at('位', 364, 236.4),
    ...[
      ['产出指标', '数量指标', '培训干部', '＝', '4170', '人次', '4710', '3', '3'],
      ['', '', '建成示范点', '＞', '64', '个', '71', '3', '3'],
      ['', '', '验收合格率', '≥', '80', '%', '89.42', '2', '2'],
    ].flatMap(([l1, l2, name, bound, target, unit, actual, weight, score], k) => {
      const y = 216.9 - 25.5 * k;
      return [
        ...(l1 ? [at(l1, 109, y)] : []),
        ...(l2 ? [at(l2, 148, y)] : []),
        at(name!, 199, y),
        at(bound!, 251, y),
        end(target!, 358, y),
        at(unit!, 364, y),
        end(actual!, 423, y),
        end(weight!, 444, y),
        end(score!, 473, y),
      ];
    }),
  ];
  const report = await read([page]);
  expect(report.indicators.map((i) => [i.name, i.target?.value, i.target?.unit, i.actual?.value, i.weight])).toEqual([
    ['培训干部', 4170, '人次', 4710, 3],
    ['建成示范点', 64, '个', 71, 3],
    ['验收合格率', 80, '%', 89.42, 2],
  ]);
});

/** Lines as [baseline, [left, text]…]: cells set left at their x. */
const linesAt = (lines: [number, ...[number, string][]][]): TextRun[] =>
  lines.flatMap(([y, ...cells]) => cells.map(([x, text]) => left(text, x, y)));

test('a unit wrapped round its row’s figures (人 over them, 次 under them) where the row ends a block: its tails are the row’s, not a row between two blocks', async () => {
  // Chromium's Sichuan 自评表, cells set in their middle, as it prints it (each cell's text at its left edge)
  const lines: [number, ...[number, string][]][] = [
    [487.2, [230, '部门预算项目支出绩效自评表']],
    [471.4, [266, '（2023年度）']],
    [454.9, [481, '单位：万元']],
    [438.4, [66, '项目名称'], [199, '51000021R000000019951-乡村振兴衔接补助资金']],
    [424.2, [364, '实施单位（盖']],
    [418.9, [66, '主管部门'], [199, '某县乡村振兴局'], [429, '某县乡村振兴局']],
    [413.7, [364, '章）']],
    [399.4, [109, '年度预']],
    [388.9, [109, '算数'], [199, '调整后预算'], [251, '预算执'], [364, '权']],
    [383.7, [148, '年初预算'], [293, '预算执行率'], [387, '得分'], [429, '原因']],
    [378.4, [109, '（万'], [199, '数'], [251, '行数'], [364, '重']],
    [367.9, [109, '元）']],
    [
      353.7,
      [109, '总额'],
      [161, '5343.19'],
      [213, '5606.80'],
      [254, '5265.95'],
      [329, '93.92%'],
      [371, '10'],
      [405, '9.39'],
    ],
    [338.7, [109, '其中：']],
    [331.9, [66, '预算执行']],
    [
      328.2,
      [109, '财政资'],
      [161, '1252.21'],
      [213, '1286.42'],
      [254, '1214.01'],
      [329, '94.37%'],
      [377, '/'],
      [419, '/'],
    ],
    [321.4, [66, '情况']],
    [317.7, [109, '金']],
    [310.9, [66, '（10']],
    [303.4, [109, '财政专']],
    [300.4, [66, '分）']],
    [
      292.9,
      [109, '户管理'],
      [166, '946.58'],
      [213, '1028.50'],
      [259, '947.09'],
      [329, '92.08%'],
      [377, '/'],
      [419, '/'],
    ],
    [282.4, [109, '资金']],
    [268.2, [109, '单位资']],
    [262.9, [161, '1754.93'], [213, '1798.79'], [254, '1766.97'], [329, '98.23%'], [377, '/'], [419, '/']],
    [257.7, [109, '金']],
    [242.7, [109, '其他资']],
    [237.4, [161, '1389.47'], [213, '1493.09'], [254, '1337.88'], [329, '89.60%'], [377, '/'], [419, '/']],
    [232.2, [109, '金']],
    [217.9, [66, '绩效指标'], [364, '度']],
    [207.4, [66, '（90'], [109, '一级指'], [251, '指标性'], [364, '量'], [429, '权'], [479, '未完成原因']],
    [202.2, [148, '二级指标'], [199, '三级指标'], [293, '指标值'], [387, '完成值'], [450, '得分']],
    [196.9, [66, '分）'], [109, '标'], [251, '质'], [364, '单'], [429, '重'], [479, '分析']],
    [186.4, [364, '位']],
    [172.2, [109, '产出指'], [148, '数量指标'], [199, '培训基层干'], [364, '人']],
    [166.9, [251, '＝'], [339, '4170'], [403, '4710'], [439, '3'], [468, '3']],
    [161.7, [109, '标'], [199, '部'], [364, '次']],
    [146.7, [199, '接待群众来'], [364, '人']],
    [141.4, [251, '≥'], [334, '19280'], [398, '20342'], [439, '2'], [468, '2']],
    [136.2, [199, '访'], [364, '次']],
    [121.9, [199, '培训新型职'], [364, '人']],
    [116.7, [251, '≥'], [339, '5860'], [403, '6420'], [432, '2.5'], [460, '2.5']],
    [111.4, [199, '业农民'], [364, '次']],
    [97.2, [199, '建成示范点'], [251, '＞'], [348, '64'], [364, '个'], [413, '71'], [439, '3'], [468, '3']],
    [82.2, [199, '扶持农民专']],
    [76.9, [251, '＝'], [344, '117'], [364, '个'], [408, '131'], [439, '3'], [468, '3']],
    [71.7, [199, '业合作社']],
  ];
  const page = lines.flatMap(([y, ...cells]) => cells.map(([x, text]): TextRun => ({ text, x, y, size: 9 })));
  const report = await read([page]);
  expect(report.indicators.map((i) => [i.name, i.target?.value, i.target?.unit, i.actual?.value])).toEqual([
    ['培训基层干部', 4170, '人次', 4710],
    ['接待群众来访', 19280, '人次', 20342],
    ['培训新型职业农民', 5860, '人次', 6420],
    ['建成示范点', 64, '个', 71],
    ['扶持农民专业合作社', 117, '个', 131],
  ]);
});

test('the indicator block’s header alone at the page’s foot, its last cells past the funds block’s last figures (权 | 得分 | 未完成原因): columns of their own, the rows overleaf under them', async () => {
  // LibreOffice's Sichuan 自评表 with its cells set in their middle: figures right, words left
  const funds = (y: number, cells: string[]) => cells.map((c, k) => right(c, [197, 255, 300, 383, 410, 457][k]!, y));
  const page1 = [
    ...linesAt([
      [386.9, [230, '部门预算项目支出绩效自评表']],
      [344, [486, '单位：万元']],
      [320.3, [59, '项目名称'], [202, '乡村振兴衔接补助资金']],
      [265.7, [107, '年度预算']],
      [258.1, [202, '调整后预算'], [260, '预算执']],
      [250.5, [107, '数（万'], [154, '年初预算'], [304, '预算执行率'], [388, '权重'], [414, '得分'], [462, '原因']],
      [242.9, [202, '数'], [260, '行数']],
      [235.3, [107, '元）']],
      [215.6, [107, '总额']],
      [208.8, [59, '预算执行']],
      [193.6, [59, '情况'], [107, '其中：财']],
      [178.4, [59, '（10'], [107, '政资金']],
      [163.2, [59, '分）'], [107, '财政专户']],
      [145.8, [107, '管理资金']],
      [126.1, [107, '单位资金']],
      [106.4, [107, '其他资金']],
      [
        86.7,
        ...([59, 107, 154, 202, 260, 304, 388, 414, 462, 485, 518] as const).map((x, k): [number, string] => [
          x,
          [
            '绩效指标',
            '一级指标',
            '二级指标',
            '三级指标',
            '指标性',
            '指标值',
            '度量',
            '完成值',
            '权',
            '得分',
            '未完成原',
          ][k]!,
        ]),
      ],
      [71.5, [59, '（90'], [260, '质'], [388, '单位'], [462, '重'], [518, '因分析']],
    ]),
    ...funds(215.6, ['5343.19', '5606.80', '5265.95', '93.92%', '10', '9.39']),
    ...funds(188.3, ['1252.21', '1286.42', '1214.01', '94.37%', '/', '/']),
    ...funds(153.4, ['946.58', '1028.50', '947.09', '92.08%', '/', '/']),
    ...funds(126.1, ['1754.93', '1798.79', '1766.97', '98.23%', '/', '/']),
    ...funds(106.4, ['1389.47', '1493.09', '1337.88', '89.60%', '/', '/']),
  ];
  const page2 = [
    left('分）', 59, 770.7),
    ...[
      ['产出指标', '', '培训干部', '＝', '4170', '人次', '4710', '3', '3'],
      ['', '', '建成示范点', '＞', '64', '个', '71', '3', '2.5'],
      ['', '质量指标', '验收合格率', '≥', '80', '%', '89.42', '2.5', '2'],
    ].flatMap((row, k) => sichuanRow(763.1 - 35 * k, row)),
  ];
  const report = await read([page1, page2]);
  expect(
    report.indicators.map((i) => [i.name, i.target?.value, i.target?.unit, i.actual?.value, i.weight, i.score]),
  ).toEqual([
    ['培训干部', 4170, '人次', 4710, 3, 3],
    ['建成示范点', 64, '个', 71, 3, 2.5],
    ['验收合格率', 80, '%', 89.42, 2.5, 2],
  ]);
});

test('a header set at the top of its cells, their wrapped lines under it (绩效指标 | 指标性 | 度量 | 权 over （90 | 质 | 单位 | 重): one header row, its columns named whole', async () => {
  // LibreOffice's Sichuan 自评表, cells set at their top, its first two pages: words at their left
  // edge, figures (a negative x) ending at their right edge
  const page1: [number, ...[number, string][]][] = [
    [236.7, [230, '部门预算项目支出绩效自评表']],
    [215.3, [264, '（2023 年度）']],
    [193.8, [486, '单位：万元']],
    [170.1, [59, '项目名称'], [202, '51000021R000000019951-乡村振兴衔接补助资金']],
    [150.4, [59, '主管部门'], [202, '某县乡村振兴局'], [388, '实施单位（盖'], [462, '某县乡村振兴局']],
    [135.2, [388, '章）']],
    [
      115.5,
      [59, '预算执行'],
      [107, '年度预算'],
      [154, '年初预算'],
      [202, '调整后预算'],
      [260, '预算执'],
      [304, '预算执行率'],
      [388, '权重'],
      [414, '得分'],
      [501, '原因'],
    ],
    [100.3, [59, '情况'], [107, '数（万'], [202, '数'], [260, '行数']],
    [85.1, [59, '（10'], [107, '元）']],
    [69.9, [59, '分）']],
    [
      65.4,
      [107, '总额'],
      [-197, '5343.19'],
      [-255, '5606.80'],
      [-300, '5265.95'],
      [-383, '93.92%'],
      [-410, '10'],
      [-457, '9.39'],
    ],
  ];
  const page2: [number, ...[number, string][]][] = [
    [
      770.7,
      [107, '其中：财'],
      [-197, '1252.21'],
      [-255, '1286.42'],
      [-300, '1214.01'],
      [-383, '94.37%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [755.5, [107, '政资金']],
    [
      735.8,
      [107, '财政专户'],
      [-197, '946.58'],
      [-255, '1028.50'],
      [-300, '947.09'],
      [-383, '92.08%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [720.6, [107, '管理资金']],
    [
      700.9,
      [107, '单位资金'],
      [-197, '1754.93'],
      [-255, '1798.79'],
      [-300, '1766.97'],
      [-383, '98.23%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [
      681.2,
      [107, '其他资金'],
      [-197, '1389.47'],
      [-255, '1493.09'],
      [-300, '1337.88'],
      [-383, '89.60%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [
      661.5,
      [59, '绩效指标'],
      [107, '一级指标'],
      [154, '二级指标'],
      [202, '三级指标'],
      [260, '指标性'],
      [304, '指标值'],
      [388, '度量'],
      [414, '完成值'],
      [462, '权'],
      [485, '得分'],
      [518, '未完成原'],
    ],
    [646.3, [59, '（90'], [260, '质'], [388, '单位'], [462, '重'], [518, '因分析']],
    [631.1, [59, '分）']],
    [
      626.6,
      [107, '产出指标'],
      [154, '数量指标'],
      [202, '培训基层干'],
      [260, '＝'],
      [-383, '4170'],
      [388, '人次'],
      [-457, '4710'],
      [-481, '3'],
      [-513, '3'],
    ],
    [611.4, [202, '部']],
    [591.7, [202, '接待群众来'], [260, '≥'], [-383, '19280'], [388, '人次'], [-457, '20342'], [-481, '2'], [-513, '2']],
    [576.5, [202, '访']],
    [
      556.8,
      [202, '培训新型职'],
      [260, '≥'],
      [-383, '5860'],
      [388, '人次'],
      [-457, '6420'],
      [-481, '2.5'],
      [-513, '2.5'],
    ],
    [541.6, [202, '业农民']],
    [521.9, [202, '建成示范点'], [260, '＞'], [-383, '64'], [388, '个'], [-457, '71'], [-481, '3'], [-513, '3']],
    [502.2, [202, '扶持农民专'], [260, '＝'], [-383, '117'], [388, '个'], [-457, '131'], [-481, '3'], [-513, '3']],
    [487.0, [202, '业合作社']],
    [
      467.3,
      [202, '开展执法检'],
      [260, '＞'],
      [-383, '367'],
      [388, '次'],
      [-457, '319'],
      [-481, '2.5'],
      [-513, '1.8'],
      [518, '受天气影'],
    ],
    [452.1, [202, '查'], [518, '响工期延']],
    [436.9, [518, '后，下一']],
    [421.7, [518, '步加快推']],
  ];
  const runs = (lines: [number, ...[number, string][]][]) =>
    lines.flatMap(([y, ...cells]) => cells.map(([x, text]) => (x < 0 ? right(text, -x, y) : left(text, x, y))));
  const report = await read([runs(page1), runs(page2)]);
  expect(report.indicators.map((i) => [i.name, i.target?.unit, i.actual?.value, i.weight, i.score])).toEqual([
    ['培训基层干部', '人次', 4710, 3, 3],
    ['接待群众来访', '人次', 20342, 2, 2],
    ['培训新型职业农民', '人次', 6420, 2.5, 2.5],
    ['建成示范点', '个', 71, 3, 3],
    ['扶持农民专业合作社', '个', 131, 3, 3],
    ['开展执法检查', '次', 319, 2.5, 1.8],
  ]);
});

test('the indicator block’s header over its one row at the page’s foot, 未完成原因 set left a padding past the 得分 set right: a column of its own, 得分 the scores’', async () => {
  // LibreOffice's Sichuan 自评表 with wide figure columns, its first page and the top of the next: words
  // at their left edge, figures (a negative x) ending at their right edge
  const page1: [number, ...[number, string][]][] = [
    [429.8, [230, '部门预算项目支出绩效自评表']],
    [408.3, [264, '（2023 年度）']],
    [386.9, [486, '单位：万元']],
    [363.2, [59, '项目名称'], [202, '51000021R000000019951-乡村振兴衔接补助资金']],
    [343.5, [388, '实施单位（盖']],
    [328.3, [59, '主管部门'], [202, '某县乡村振兴局'], [388, '章）'], [462, '某县乡村振兴局']],
    [308.6, [107, '年度预算']],
    [293.4, [107, '数（万'], [202, '调整后预算'], [260, '预算执']],
    [
      278.2,
      [107, '元）'],
      [154, '年初预算'],
      [202, '数'],
      [260, '行数'],
      [304, '预算执行率'],
      [388, '权重'],
      [414, '得分'],
      [501, '原因'],
    ],
    [
      258.5,
      [107, '总额'],
      [-197, '5343.19'],
      [-255, '5606.80'],
      [-300, '5265.95'],
      [-383, '93.92%'],
      [-410, '10'],
      [-457, '9.39'],
    ],
    [238.8, [107, '其中：财']],
    [
      223.6,
      [107, '政资金'],
      [-197, '1252.21'],
      [-255, '1286.42'],
      [-300, '1214.01'],
      [-383, '94.37%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [203.9, [107, '财政专户']],
    [194.9, [59, '预算执行']],
    [
      188.7,
      [107, '管理资金'],
      [-197, '946.58'],
      [-255, '1028.50'],
      [-300, '947.09'],
      [-383, '92.08%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [179.7, [59, '情况']],
    [
      169.0,
      [107, '单位资金'],
      [-197, '1754.93'],
      [-255, '1798.79'],
      [-300, '1766.97'],
      [-383, '98.23%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [164.5, [59, '（10']],
    [
      149.3,
      [59, '分）'],
      [107, '其他资金'],
      [-197, '1389.47'],
      [-255, '1493.09'],
      [-300, '1337.88'],
      [-383, '89.60%'],
      [-410, '/'],
      [-457, '/'],
    ],
    [129.6, [59, '绩效指标'], [260, '指标性'], [388, '度量'], [462, '权'], [518, '未完成原']],
    [
      114.4,
      [59, '（90'],
      [107, '一级指标'],
      [154, '二级指标'],
      [202, '三级指标'],
      [260, '质'],
      [304, '指标值'],
      [388, '单位'],
      [414, '完成值'],
      [462, '重'],
      [485, '得分'],
      [518, '因分析'],
    ],
    [99.2, [59, '分）']],
    [
      94.7,
      [107, '产出指标'],
      [154, '数量指标'],
      [202, '培训基层干'],
      [260, '＝'],
      [-383, '4170'],
      [388, '人次'],
      [-457, '4710'],
      [-481, '3'],
      [-513, '3'],
    ],
    [79.5, [202, '部']],
  ];
  const page2: [number, ...[number, string][]][] = [
    [770.7, [202, '接待群众来']],
    [755.5, [202, '访'], [260, '≥'], [-383, '19280'], [388, '人次'], [-457, '20342'], [-481, '2'], [-513, '2']],
    [735.8, [202, '培训新型职']],
    [720.6, [202, '业农民'], [260, '≥'], [-383, '5860'], [388, '人次'], [-457, '6420'], [-481, '2.5'], [-513, '2.5']],
    [700.9, [202, '建成示范点'], [260, '＞'], [-383, '64'], [388, '个'], [-457, '71'], [-481, '3'], [-513, '3']],
    [681.2, [202, '扶持农民专']],
    [666.0, [202, '业合作社'], [260, '＝'], [-383, '117'], [388, '个'], [-457, '131'], [-481, '3'], [-513, '3']],
    [646.3, [518, '受天气影']],
  ];
  const runs = (lines: [number, ...[number, string][]][]) =>
    lines.flatMap(([y, ...cells]) => cells.map(([x, text]) => (x < 0 ? right(text, -x, y) : left(text, x, y))));
  const report = await read([runs(page1), runs(page2)]);
  expect(report.indicators.map((i) => [i.name, i.target?.unit, i.actual?.value, i.weight, i.score])).toEqual([
    ['培训基层干部', '人次', 4710, 3, 3],
    ['接待群众来访', '人次', 20342, 2, 2],
    ['培训新型职业农民', '人次', 6420, 2.5, 2.5],
    ['建成示范点', '个', 71, 3, 3],
    ['扶持农民专业合作社', '个', 131, 3, 3],
  ]);
});
