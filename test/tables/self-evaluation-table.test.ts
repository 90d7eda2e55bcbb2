// The Ministry of Finance's self-evaluation table (部门整体/项目支出绩效自评表):
// one ruled grid holding a cover line, the budget rows under their header and
// the indicator rows under another header, and a 总分 row that adds up both.
import { expect, test } from 'vitest';
import { assembleReport } from '../../src/pipeline/assemble.ts';
import type { Report } from '../../src/schema/report.ts';
import { readMade, ruledTable, type Cell } from './support.ts';

function selfTable(total: string): Cell[][] {
  return [
    ['部门（单位）名称', '某某县教育局', 'left', 'left', 'left', 'left', 'left', 'left'],
    ['年度预算申请（万元）', 'left', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['up', '年度资金总额', '3456.78', '3956.78', '3800.12', '10', '96.04%', '9.6'],
    ['up', '其中：基本支出', '2100.50', '2200.00', '2150.30', '—', '—', '—'],
    ['up', '项目支出', '1356.28', '1756.78', '1649.82', '—', '—', '—'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'],
    ['产出指标', '数量指标', '培训教师人次', '≥1000人次', '1200人次', '20', '20', ''],
    ['up', '质量指标', '义务教育巩固率', '≥99%', '99.2%', '20', '20', ''],
    ['效益指标', '社会效益', '控辍保学', '有效', '有效', '30', '27', ''],
    ['满意度指标', '服务对象满意度', '家长满意度', '≥90%', '95%', '20', '20', ''],
    ['总分', 'left', 'left', 'left', 'left', '100', total, ''],
  ];
}

async function report(total: string, narrative?: string): Promise<Report> {
  const t = ruledTable(selfTable(total), {
    xs: [40, 110, 190, 260, 330, 400, 440, 490, 560],
    top: 700,
    rowHeight: 24,
    size: 8,
  });
  const runs = [{ text: '某某县教育局2022年度部门整体支出绩效自评表', x: 150, y: 750, size: 14 }, ...t.runs];
  if (narrative) runs.push({ text: narrative, x: 72, y: 400, size: 12 });
  return assembleReport({ path: 'made.pdf', bytes: new Uint8Array(1) }, await readMade([{ runs, rules: t.rules }]));
}

test('each part of the grid is read under its own header: budget concepts, scores as 分, indicators by 实际完成值/分值/得分', async () => {
  const r = await report('96.6');
  const facts = r.facts.filter((f) => f.kind !== 'date').map((f) => [f.label, f.kind, f.value, f.unit, f.concept]);
  expect(facts).toEqual([
    ['年度预算申请·年度资金总额·年初预算数', 'money', 3456.78, '万元', 'budget.total.initial'],
    ['年度预算申请·年度资金总额·全年预算数', 'money', 3956.78, '万元', 'budget.total.adjusted'],
    ['年度预算申请·年度资金总额·全年执行数', 'money', 3800.12, '万元', 'budget.total.actual'],
    // 分值 and 得分 are points even in a row named with 万元.
    ['年度预算申请·年度资金总额·分值', 'score', 10, '分', null],
    ['年度预算申请·年度资金总额·执行率', 'percent', 96.04, '%', 'budget.executionRate'],
    ['年度预算申请·年度资金总额·得分', 'score', 9.6, '分', null],
    ['年度预算申请·基本支出·年初预算数', 'money', 2100.5, '万元', 'budget.basic.initial'],
    ['年度预算申请·基本支出·全年预算数', 'money', 2200, '万元', 'budget.basic.adjusted'],
    ['年度预算申请·基本支出·全年执行数', 'money', 2150.3, '万元', 'budget.basic.actual'],
    ['年度预算申请·项目支出·年初预算数', 'money', 1356.28, '万元', 'budget.project.initial'],
    ['年度预算申请·项目支出·全年预算数', 'money', 1756.78, '万元', 'budget.project.adjusted'],
    ['年度预算申请·项目支出·全年执行数', 'money', 1649.82, '万元', 'budget.project.actual'],
    // Targets are facts too, with their bound (contract 1.1: comparator).
    ['产出指标·数量指标·培训教师人次·年度指标值', 'count', 1000, '人次', null],
    ['产出指标·数量指标·培训教师人次·实际完成值', 'count', 1200, '人次', null],
    ['产出指标·数量指标·培训教师人次·分值', 'score', 20, '分', null],
    ['产出指标·数量指标·培训教师人次·得分', 'score', 20, '分', null],
    ['产出指标·质量指标·义务教育巩固率·年度指标值', 'percent', 99, '%', null],
    ['产出指标·质量指标·义务教育巩固率·实际完成值', 'percent', 99.2, '%', null],
    ['产出指标·质量指标·义务教育巩固率·分值', 'score', 20, '分', null],
    ['产出指标·质量指标·义务教育巩固率·得分', 'score', 20, '分', null],
    // A text target (有效) is not part of the indicator's name.
    ['效益指标·社会效益·控辍保学·分值', 'score', 30, '分', null],
    ['效益指标·社会效益·控辍保学·得分', 'score', 27, '分', null],
    ['满意度指标·服务对象满意度·家长满意度·年度指标值', 'percent', 90, '%', null],
    ['满意度指标·服务对象满意度·家长满意度·实际完成值', 'percent', 95, '%', null],
    ['满意度指标·服务对象满意度·家长满意度·分值', 'score', 20, '分', null],
    ['满意度指标·服务对象满意度·家长满意度·得分', 'score', 20, '分', null],
    ['总分·分值', 'score', 100, '分', null],
    ['总分·得分', 'score', 96.6, '分', 'evaluation.selfScore'],
  ]);
  expect(r.findings).toEqual([]);
});

test('a 总分 that is not the budget score plus the indicator scores is a score-mismatch (the more specific rule)', async () => {
  const r = await report('95.6');
  expect(r.findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([
    ['score-mismatch', 'error', 96.6, 95.6],
  ]);
});

test('a narrative self-score that differs from the table total is a score-mismatch', async () => {
  const r = await report('96.6', '经自评，本部门2022年度整体支出绩效自评得分为92.5分。');
  expect(r.findings.map((f) => [f.rule, f.expected, f.actual])).toEqual([['score-mismatch', 96.6, 92.5]]);
});

test('near-miss: a table without a header (a fragment, or a part carried over) is not summed — its top may be elsewhere', async () => {
  const t = ruledTable(
    [
      ['产出指标', '培训人次', '20', '20'],
      ['效益指标', '控辍保学', '30', '27'],
      ['总分', 'left', '100', '96.6'],
    ],
    { xs: [40, 140, 260, 330, 400], top: 700, rowHeight: 24, size: 8 },
  );
  const r = assembleReport(
    { path: 'made.pdf', bytes: new Uint8Array(1) },
    await readMade([{ runs: t.runs, rules: t.rules }]),
  );
  expect(r.tables).toHaveLength(1);
  expect(r.findings).toEqual([]);
});

test('near-miss: a title row inside the grid does not stop the 总分 check from adding the budget score', async () => {
  const rows: Cell[][] = [
    ['部门整体支出绩效自评表（2022年度）', 'left', 'left', 'left', 'left', 'left', 'left', 'left'],
    ...selfTable('96.6'),
  ];
  const t = ruledTable(rows, { xs: [40, 110, 190, 260, 330, 400, 440, 490, 560], top: 700, rowHeight: 24, size: 8 });
  const r = assembleReport(
    { path: 'made.pdf', bytes: new Uint8Array(1) },
    await readMade([{ runs: t.runs, rules: t.rules }]),
  );
  expect(r.facts.find((f) => f.label === '总分·得分')?.concept).toBe('evaluation.selfScore');
  expect(r.findings).toEqual([]);
});
