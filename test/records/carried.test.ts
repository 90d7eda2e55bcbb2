// A self-evaluation table carried over pages: its indicator rows stay records of the indicator block
// when the producer repeats the table's top rows (cover and funds header) above them, and a 一级 or
// 二级 cell merged over the page break — printed on the first page only — is the cell above's, while
// a 二级 left blank on the page where the cell above stands stays blank.
import { expect, test } from 'vitest';
import type { Report } from '../../src/schema/report.ts';
import { SCHEMA_VERSION } from '../../src/schema/report.ts';
import { handTables, type HandTable } from '../support/hand-table.ts';
import { withRecords } from '../support/records.ts';

function recordsOf(specs: HandTable[]): Pick<Report, 'indicators' | 'funds'> {
  return withRecords({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'jixiao', version: 'test' },
    source: { path: 'made.pdf', sha256: '0'.repeat(64), bytes: 1, pages: 2 },
    document: {
      title: null,
      organization: null,
      organizationKey: null,
      fiscalYear: 2023,
      reportType: '整体支出',
      reportDate: null,
    },
    pages: [],
    sections: [],
    paragraphs: [],
    facts: [],
    tables: handTables(specs),
  });
}

const cover = [
  '部门名称',
  '某县农业农村局',
  '某县农业农村局',
  '某县农业农村局',
  '某县农业农村局',
  '某县农业农村局',
  '某县农业农村局',
  '某县农业农村局',
];
const funds = [
  '项目',
  '年初预算数①',
  '调整预算数②',
  '全年预算数③=①+②',
  '拨付数④',
  '实际支出数⑤',
  '结余⑥=③-⑤',
  '执行率⑦=⑤/③',
];

const first: HandTable = {
  title: '部门整体绩效自评表',
  unit: '万元',
  page: 7,
  rows: [
    cover,
    funds,
    ['合计', '1200.00', '100.00', '1300.00', '1280.00', '1250.00', '50.00', '96.15%'],
    ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '偏差原因'],
    ['产出指标', '数量指标', '农田建设面积', '≥5000亩', '5200亩', '20', '20', ''],
    ['产出指标', '数量指标', '培训农民人次', '≥800人次', '760人次', '10', '8', '受天气影响'],
    ['效益指标', '经济效益指标', '', '', '', '', '', ''],
    ['效益指标', '', '农民增收', '有效提升', '有效提升', '10', '10', ''],
  ],
};

test('the top rows repeated over indicator rows carried on: the rows stay indicators, 一级 and 二级 carried over the break', () => {
  const r = recordsOf([
    first,
    {
      page: 8,
      rows: [
        cover,
        funds,
        ['', '', '带动就业人数', '≥300人', '320人', '20', '20', ''],
        ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '93%', '30', '30', ''],
      ],
    },
  ]);
  expect(
    r.indicators.map((i) => [i.page, i.path.join(' › '), i.name, i.target?.value, i.actual?.value, i.weight, i.score]),
  ).toEqual([
    [7, '产出指标 › 数量指标', '农田建设面积', 5000, 5200, 20, 20],
    [7, '产出指标 › 数量指标', '培训农民人次', 800, 760, 10, 8],
    // a 二级 left blank under 经济效益指标 on the same page is blank
    [7, '效益指标', '农民增收', null, null, 10, 10],
    // the first row of the next page: its merged cells printed on the page before
    [8, '效益指标', '带动就业人数', 300, 320, 20, 20],
    [8, '满意度指标 › 服务对象满意度指标', '农户满意度', 90, 93, 30, 30],
  ]);
  expect(r.funds.map((f) => f.name)).toEqual(['合计']);
});
