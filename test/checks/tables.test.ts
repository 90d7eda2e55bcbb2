// Table rules on hand-built inputs (the report's tables as the checks see them),
// read into the report's Table as the pipeline reads a found table, and one
// made PDF for the indentation of a table without codes.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../src/checks/index.ts';
import type { CheckInput } from '../../src/checks/types.ts';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import { SCHEMA_VERSION } from '../../src/schema/report.ts';
import { handTables, type HandTable } from '../support/hand-table.ts';
import { withRecords } from '../support/records.ts';
import { readMade, ruledTable, type Cell } from '../tables/support.ts';

function input(tables: HandTable[], reportType: CheckInput['document']['reportType'] = '决算'): CheckInput {
  return withRecords({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'jixiao', version: 'test' },
    source: { path: 'made.pdf', sha256: '', bytes: 1, pages: 2 },
    document: {
      title: null,
      organization: null,
      organizationKey: null,
      fiscalYear: 2023,
      reportType,
      reportDate: null,
    },
    pages: [],
    sections: [],
    paragraphs: [],
    facts: [],
    tables: handTables(tables),
  });
}
const found = (doc: CheckInput) => runChecks(doc).map((f) => [f.rule, f.severity, f.expected, f.actual]);

const EXPENSE_HEADER = [
  ['科目编码', '科目名称', '支出决算', '支出决算', '支出决算', '支出决算', '支出决算'],
  ['科目编码', '科目名称', '本年支出合计', '基本支出', '基本支出', '基本支出', '项目支出'],
  ['科目编码', '科目名称', '本年支出合计', '小计', '人员经费', '公用经费', '项目支出'],
];
/** 支出决算表 by 科目编码, in 万元 rounded from 元: 类 and 合计 rows may differ from their parts by rounding. */
function expenseTable(health = '440.48'): string[][] {
  return [
    ...EXPENSE_HEADER,
    ['合计', '合计', '1368.35', '74.64', '74.64', '0.00', '1293.71'],
    ['208', '社会保障和就业支出', '909.87', '', '', '', '909.87'],
    ['20801', '人力资源和社会保障管理事务', '610.10', '', '', '', '610.10'],
    ['2080102', '一般行政管理事务', '3.38', '', '', '', '3.38'],
    ['2080109', '社会保险经办机构', '606.73', '', '', '', '606.73'],
    ['20807', '就业补助', '299.77', '', '', '', '299.77'],
    ['2080705', '公益性岗位补贴', '142.45', '', '', '', '142.45'],
    ['2080711', '就业见习补贴', '157.32', '', '', '', '157.32'],
    ['210', '卫生健康支出', health, '74.64', '74.64', '', '383.84'],
    ['21004', '公共卫生', '187.04', '', '', '', '187.04'],
    ['2100408', '基本公共卫生服务', '187.04', '', '', '', '187.04'],
    ['21011', '行政事业单位医疗', '162.00', '74.64', '74.64', '', '87.35'],
    ['2101101', '行政单位医疗', '87.35', '', '', '', '87.35'],
    ['2101102', '事业单位医疗', '74.64', '74.64', '74.64', '', ''],
    ['21013', '医疗救助', '109.44', '', '', '', '109.44'],
  ];
}

describe('code hierarchies add up level by level', () => {
  test('a correct 支出决算表 (the naive sum of all rows is three times 合计; 162.00 = 87.35 + 74.64 by rounding) gives nothing', () => {
    expect(found(input([{ page: 5, title: '支出决算表', rows: expenseTable('458.48') }]))).toEqual([]);
  });
  test('a 类 row that is not the sum of its 款 rows is one error (the 合计 that adds the true 类 is not also wrong)', () => {
    // 458.48 - 18 = 440.48: the 类 row is wrong, also against 基本支出 + 项目支出 in its own row.
    expect(found(input([{ page: 5, title: '支出决算表', rows: expenseTable('440.48') }]))).toEqual([
      ['table-total-mismatch', 'error', 458.48, 440.48],
    ]);
  });
  test('names indented by level without codes: levels from the indentation', () => {
    const coded = expenseTable('458.48');
    const indent = coded.map((r, i) => (i < 3 || r[0] === '合计' ? 0 : (r[0]!.length - 3) * 4.5));
    const rows = coded.map((r) => r.slice(1));
    rows[0]![0] = rows[1]![0] = rows[2]![0] = '项目';
    expect(found(input([{ page: 5, title: '支出决算表', rows, indent }]))).toEqual([]);
    rows[14]![1] = '170.00'; // 21011 行政事业单位医疗 170.00 ≠ 87.35 + 74.64
    expect(found(input([{ page: 5, title: '支出决算表', rows, indent }]))).toContainEqual([
      'table-total-mismatch',
      'error',
      161.99,
      170,
    ]);
  });
  test('a 款 row whose 项 rows are on the next page (the header repeated) is judged with them', () => {
    const all = expenseTable('458.48');
    const first = all.slice(0, 12); // ends with 21004 公共卫生 … and 210's first 款
    const second = [...EXPENSE_HEADER, ...all.slice(12)];
    expect(
      found(
        input([
          { page: 5, title: '支出决算表', rows: first },
          { page: 6, title: null, rows: second },
        ]),
      ),
    ).toEqual([]);
  });
  test('near-miss: the first part alone, its next page not read as its continuation, is not judged on its last group', () => {
    const all = expenseTable('458.48');
    const first = all.slice(0, 13);
    const second = [
      ['款', '名称', '数额', '', '', '', ''],
      ['2101101', '行政单位医疗', '87.35', '', '', '', '87.35'],
    ];
    expect(
      found(
        input([
          { page: 5, title: '支出决算表', rows: first },
          { page: 6, title: '另一张表', rows: second },
        ]),
      ),
    ).toEqual([]);
  });
  test('a 本年支出合计 that is not 基本支出 + 项目支出 in its row', () => {
    const rows = expenseTable('458.48');
    rows[14]![6] = '97.35'; // 行政事业单位医疗: 项目支出 97.35, so 本年支出合计 162.00 ≠ 74.64 + 97.35 — and its 项 rows no longer add up
    const fs = found(input([{ page: 5, title: '支出决算表', rows }]));
    expect(fs.map((f) => f[0])).toContain('table-total-mismatch');
    expect(fs).toContainEqual(['table-total-mismatch', 'error', 171.99, 162]);
  });
});

describe('codes split over 类 | 款 | 项 (a 预算 table)', () => {
  const rows = (public_: string) => [
    ['类', '款', '项', '功能科目', '合计', '本级财政拨款', '其他收入'],
    ['**', '**', '**', '**', '1', '2', '3'],
    ['', '', '', '合计', '68,632.12', '68,632.12', ''],
    ['201', '', '', '一般公共服务支出', '3.00', '3.00', ''],
    ['', '11', '', '纪检监察事务', '3.00', '3.00', ''],
    ['201', '11', '99', '其他纪检监察事务支出', '3.00', '3.00', ''],
    ['204', '', '', '公共安全支出', public_, public_, ''],
    ['', '02', '', '公安', '68,629.12', '68,629.12', ''],
    ['204', '02', '01', '行政运行', '28,398.17', '28,398.17', ''],
    ['204', '02', '02', '一般行政管理事务', '40,230.95', '40,230.95', ''],
  ];
  test('a correct table gives nothing: the codes (款 02 over its 项 01, 02) are no amounts', () => {
    expect(
      found(input([{ page: 14, title: '部门收入总体情况表', unit: '万元', rows: rows('68,629.12') }], '其他')),
    ).toEqual([]);
  });
  test('a 类 row that is not the sum of its 款 row: found in its amounts only', () => {
    expect(
      found(input([{ page: 14, title: '部门收入总体情况表', unit: '万元', rows: rows('68,529.12') }], '其他')),
    ).toEqual([
      ['table-total-mismatch', 'error', 68629.12, 68529.12],
      ['table-total-mismatch', 'error', 68629.12, 68529.12],
    ]);
  });
});

describe('the self-evaluation table', () => {
  const selfTable = (fiscal: string, score = '9.87', total = '99.87'): string[][] => [
    [
      '项目名称',
      '项目名称',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
      '基本公共卫生服务项目',
    ],
    ['项目资金（万元）', '项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '得分'],
    ['项目资金（万元）', '年度资金总额', '年度资金总额', '240.57', '240.57', '237.41', '10', score],
    ['项目资金（万元）', '其中：当年财政拨款', '其中：当年财政拨款', '172.74', '172.74', fiscal, '—', '—'],
    ['项目资金（万元）', '上年结转资金', '上年结转资金', '67.83', '67.83', '66.93', '—', '—'],
    ['项目资金（万元）', '其他资金', '其他资金', '0.00', '0.00', '0.00', '—', '—'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'],
    ['产出指标', '数量指标', '免疫规划疫苗接种剂次', '65000 剂次', '70294 剂次', '40', '40', ''],
    ['效益指标', '社会效益指标', '居民健康素养水平', '≥25%', '26.3%', '30', '30', ''],
    ['满意度指标', '服务对象满意度', '群众满意度', '≥90%', '95%', '20', '20', ''],
    ['总分', '总分', '总分', '总分', '总分', '100', total, ''],
  ];
  test('年度资金总额 that is not 当年财政拨款 + 上年结转资金 + 其他资金 in a column', () => {
    expect(found(input([{ page: 4, title: '项目支出绩效自评表', rows: selfTable('170.48') }], '项目支出'))).toEqual([]);
    expect(found(input([{ page: 4, title: '项目支出绩效自评表', rows: selfTable('179.15') }], '项目支出'))).toEqual([
      ['table-total-mismatch', 'error', 246.08, 237.41],
    ]);
  });
  test('a part left blank is unknown, not zero: silent while the written parts stay within the total, an error once they exceed it', () => {
    const rows = selfTable('170.48');
    rows[4]![4] = ''; // 上年结转资金 · 全年预算数 left blank: 172.74 + ? + 0.00 = 240.57 cannot be checked
    expect(found(input([{ page: 4, title: '项目支出绩效自评表', rows }], '项目支出'))).toEqual([]);
    rows[3]![4] = '272.74'; // 当年财政拨款 alone above 年度资金总额
    expect(found(input([{ page: 4, title: '项目支出绩效自评表', rows }], '项目支出'))).toEqual([
      ['table-total-mismatch', 'error', 272.74, 240.57],
    ]);
  });
  test('a 总分 that is not the budget score plus the indicator scores', () => {
    expect(
      found(input([{ page: 4, title: '项目支出绩效自评表', rows: selfTable('170.48', '9.87', '98.87') }], '项目支出')),
    ).toEqual([['score-mismatch', 'error', 99.87, 98.87]]);
  });
  test('near-miss: a table whose weights read do not add up to its 总分 (misread) is not summed', () => {
    const rows = selfTable('170.48', '9.87', '98.87');
    rows[7]![5] = '45'; // 分值 40 read as 45: the weights give 105, not 100
    expect(found(input([{ page: 4, title: '项目支出绩效自评表', rows }], '项目支出'))).toEqual([]);
  });
});

describe('indicator-score-mismatch', () => {
  const table = (rows: string[][]): CheckInput =>
    input(
      [
        {
          page: 4,
          title: '部门整体支出绩效自评表',
          rows: [['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'], ...rows],
        },
      ],
      '整体支出',
    );
  test('an indicator scoring more than its weight', () => {
    expect(found(table([['产出指标', '时效指标', '资金支付及时率', '100%', '100%', '12', '14']]))).toEqual([
      ['indicator-score-mismatch', 'error', 12, 14],
    ]);
  });
  test('an indicator missing its target yet given the full weight, for each way of writing the bound', () => {
    for (const [target, actual] of [
      ['≥22 个', '19 个'],
      ['不低于95%', '90.3%'],
      ['240人以上', '230人'],
      ['≤78.53万元', '80.00万元'],
      ['＞98%', '98%'],
      ['不超过 7 个工作日', '9个工作日'],
    ]) {
      expect(found(table([['产出指标', '数量指标', '某指标', target!, actual!, '7', '7']])).map((f) => f[0])).toEqual([
        'indicator-score-mismatch',
      ]);
    }
  });
  test('near-misses: a missed target that loses points; a ceiling met from below; a target without a number; an actual written as a bound', () => {
    expect(found(table([['产出指标', '数量指标', '改造老旧小区', '≥22 个', '19 个', '7', '5.5']]))).toEqual([]);
    expect(found(table([['产出指标', '成本指标', '项目总成本', '≤300.82万元', '300.82 万元', '21', '21']]))).toEqual(
      [],
    );
    expect(found(table([['效益指标', '社会效益', '群众权益', '得到有效维护', '得到有效维护', '5', '5']]))).toEqual([]);
    expect(found(table([['产出指标', '数量指标', '核酸监测人次', '>23万人次', '>23万人次', '12.5', '12.5']]))).toEqual(
      [],
    );
  });
  test('a bare target is a floor only for what is better high, and then a warning', () => {
    expect(found(table([['产出指标', '数量指标', '培训人次', '65000 人次', '60000 人次', '5', '5']]))).toEqual([
      ['indicator-score-mismatch', 'warning', 65000, 60000],
    ]);
    expect(found(table([['产出指标', '质量指标', '安全事故发生率', '5%', '3%', '5', '5']]))).toEqual([]);
  });
});

test('the layout passes the indentation of a table without codes: a correct 决算 table gives no error, a wrong 类 row one', async () => {
  const rows = (first: string): Cell[][] => [
    ['项目', '本年支出合计', '基本支出', '项目支出'],
    ['合计', '650.00', '300.00', '350.00'],
    ['卫生健康支出', first, '300.00', '200.00'],
    ['公共卫生', '300.00', '150.00', '150.00'],
    ['基本公共卫生服务', '300.00', '150.00', '150.00'],
    ['医疗救助', '200.00', '150.00', '50.00'],
    ['城乡医疗救助', '200.00', '150.00', '50.00'],
    ['住房保障支出', '150.00', '', '150.00'],
    ['住房改革支出', '150.00', '', '150.00'],
    ['购房补贴', '150.00', '', '150.00'],
  ];
  const level: Record<string, number> = {
    公共卫生: 1,
    医疗救助: 1,
    住房改革支出: 1,
    基本公共卫生服务: 2,
    城乡医疗救助: 2,
    购房补贴: 2,
  };
  const run = async (first: string) => {
    const t = ruledTable(rows(first), { xs: [60, 220, 320, 420, 520], top: 700, rowHeight: 22 });
    // Names indented by 9 pt a level, as a 决算 table sets its 款 and 项 rows.
    const runs = t.runs.map((r) => (r.x === 64 && level[r.text] ? { ...r, x: r.x + 9 * level[r.text]! } : r));
    const pages = await readMade([
      { runs: [{ text: '支出决算表', x: 250, y: 740, size: 14 }, ...runs], rules: t.rules },
    ]);
    return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, pages).findings.map((f) => [
      f.rule,
      f.expected,
      f.actual,
    ]);
  };
  expect(await run('500.00')).toEqual([]);
  expect(await run('480.00')).toEqual([['table-total-mismatch', 500, 480]]);
});

test("arithmetic read from an OCR'd page is a warning, said to come from OCR: a misread digit must not be an auditor's error", () => {
  const doc = input([{ page: 5, title: '支出决算表', rows: expenseTable('440.48') }]);
  doc.pages = [{ number: 5, method: 'ocr', chars: 100, ocrConfidence: 91, error: null }];
  const [finding] = runChecks(doc);
  expect([finding!.rule, finding!.severity]).toEqual(['table-total-mismatch', 'warning']);
  expect(finding!.message).toContain('OCR');
});
