// A self-evaluation table's own arithmetic, read from its records: the 总分's
// 分值 against the weights (table-total-mismatch), its 得分 against the scores
// (score-mismatch), a funds row's 执行率 against its own 全年执行数 ÷ 全年预算数
// (rate-mismatch) — each finding naming the facts it compares; each judged
// only where the table was read whole.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { rateMismatch } from '../../../src/checks/rate-mismatch.ts';
import { scoreMismatch } from '../../../src/checks/score-mismatch.ts';
import { tableTotalMismatch } from '../../../src/checks/table-total-mismatch.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput } from '../../support/check-input.ts';

/** A 项目支出绩效自评表: funds (weight 10), three indicators (30 + 30 + 30), 总分. */
function table(o: { rate?: string; weights?: string[]; scores?: string[]; total?: [string, string] } = {}): CheckInput {
  const [w1, w2, w3] = o.weights ?? ['30', '30', '30'];
  const [s1, s2, s3] = o.scores ?? ['30', '28', '27'];
  const [tw, ts] = o.total ?? ['100', '94.5'];
  return checkInput({ reportType: '项目支出' })
    .table(
      [
        ['项目名称', '项目名称', '养老服务补助', '养老服务补助', '养老服务补助', '养老服务补助', '养老服务补助'],
        ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['项目资金（万元）', '年度资金总额', '520.00', '560.00', '532.00', '10', o.rate ?? '95.00%', '9.5'],
        ['项目资金（万元）', '其中：当年财政拨款', '520.00', '560.00', '532.00', '—', '—', '—'],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因'],
        ['产出指标', '数量指标', '服务人次', '≥12000人次', '12860人次', w1!, s1!, ''],
        ['产出指标', '质量指标', '达标率', '≥95%', '93%', w2!, s2!, ''],
        ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '88%', w3!, s3!, ''],
        ['总分', '总分', '总分', '总分', '总分', tw, ts, ''],
      ],
      { title: '项目支出绩效自评表', page: 5 },
    )
    .cellFacts()
    .build();
}
const ids = (doc: CheckInput, end: string) => doc.facts.filter((f) => f.label.endsWith(end)).map((f) => f.id);

describe('weights against the 总分 (table-total-mismatch)', () => {
  test('weights that fall short of 100 while the scores add up: found, naming the 总分 and every weight', () => {
    const doc = table({ weights: ['30', '25', '30'] });
    const found = runChecks(doc, [tableTotalMismatch]);
    expect(found.map((f) => [f.message, f.expected, f.actual])).toEqual([
      ['表“项目支出绩效自评表”（第5页）“总分”行“分值”列为 100，各项分值之和为 95', 95, 100],
    ]);
    expect(found[0]!.factIds.sort()).toEqual(ids(doc, '分值').sort());
  });
  test('weights and scores both out: the table was not read whole, nothing is said', () => {
    expect(runChecks(table({ weights: ['30', '25', '30'], total: ['100', '90'] }), [tableTotalMismatch])).toEqual([]);
  });
  test('adding up: silent', () => expect(runChecks(table(), [tableTotalMismatch])).toEqual([]));
});

describe('scores against the 总分 (score-mismatch)', () => {
  test('a 总分 that is not the sum of the scores while the weights add up: found, naming the 总分 and every score', () => {
    const doc = table({ total: ['100', '96.5'] });
    const found = runChecks(doc, [scoreMismatch]);
    expect(found.map((f) => [f.rule, f.message, f.expected, f.actual])).toEqual([
      ['score-mismatch', '表“项目支出绩效自评表”（第5页）总分 96.5 与各项得分之和 94.5 不符', 94.5, 96.5],
    ]);
    expect(found[0]!.factIds.sort()).toEqual(ids(doc, '得分').sort());
  });
  test('not table-total-mismatch as well', () => {
    expect(runChecks(table({ total: ['100', '96.5'] })).map((f) => f.rule)).not.toContain('table-total-mismatch');
  });
  test('within the rounding of the scores: silent', () => {
    expect(runChecks(table({ scores: ['30', '28', '27.0'], total: ['100', '94.5'] }), [scoreMismatch])).toEqual([]);
  });
});

describe("a funds row's 执行率 against its own 全年执行数 ÷ 全年预算数 (rate-mismatch)", () => {
  test('1000% where its own figures give 95%: an error naming the rate, the actual and the budget', () => {
    const doc = table({ rate: '1000%' });
    const found = runChecks(doc, [rateMismatch]);
    expect(found.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', 95, 1000]]);
    expect(found[0]!.factIds).toEqual([
      ...ids(doc, '年度资金总额·执行率'),
      ...ids(doc, '年度资金总额·全年执行数'),
      ...ids(doc, '年度资金总额·全年预算数'),
    ]);
  });
  test('against the initial budget (532 ÷ 520 = 102.31%) as some reports compute it: silent', () => {
    expect(runChecks(table({ rate: '102.31%' }), [rateMismatch])).toEqual([]);
  });
  test('the rate its figures give: silent', () => expect(runChecks(table(), [rateMismatch])).toEqual([]));
});
