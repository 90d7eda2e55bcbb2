// The checks engine on hand-built inputs: which of two overlapping findings
// survives is the rules' `precedence` to say, not the order of the rules; no
// two rules share a rank; findings are built one way (checks/finding.ts), with
// their rule's default severity.
import { describe, expect, test } from 'vitest';
import { atPage, finding, pageRef } from '../../src/checks/finding.ts';
import { ALL_RULES, runChecks } from '../../src/checks/index.ts';
import type { CheckInput } from '../../src/checks/types.ts';
import { Finding } from '../../src/schema/report.ts';
import { checkInput, count, money, percent, score } from '../support/check-input.ts';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

/** A document where most rules find something, and where rules overlap on the same facts. */
function busy(): CheckInput {
  const doc = checkInput({ reportDate: '2022-12-01' })
    .section('一、', '部门概况', { ordinal: 1 })
    .section('三、', '绩效目标', { ordinal: 3, page: 2 })
    .paragraph(
      [
        '基本支出决算数为 ',
        money('基本支出决算数', '4980.37', { concept: 'budget.basic.actual' }),
        '，其中：人员经费 ',
        money('人员经费', '4360.55'),
        '，公用经费 ',
        money('公用经费', '620.82'),
        '。',
      ],
      { page: 2 },
    )
    .paragraph(
      ['全年基本支出决算数 ', money('全年基本支出决算数', '4890.37', { concept: 'budget.basic.actual' }), '。'],
      { page: 3 },
    )
    .paragraph(
      ['全年共受理投诉 ', count('共受理投诉', '1200', '起'), '，其中办结 ', count('办结', '1300', '起'), '。'],
      { page: 3 },
    )
    .paragraph(
      [
        '本年度全年预算数为 ',
        money('全年预算数', '5000.00', { concept: 'budget.total.adjusted' }),
        '，决算数为 ',
        money('决算数', '4900.00', { concept: 'budget.total.actual' }),
        '，预算执行率为 ',
        percent('预算执行率', '90', { concept: 'budget.executionRate' }),
        '。',
      ],
      { page: 3 },
    )
    .paragraph(['培训合格率达到 ', percent('培训合格率', '110.6'), '。'], { page: 4 })
    .paragraph(['内设 ', count('内设股室', '3', '个'), '股室：办公室、财务股、执法股、法规股。'], { page: 4 })
    .paragraph(
      ['经自评，本部门整体支出绩效自评得分 ', score('自评得分', '90', { concept: 'evaluation.selfScore' }), '。'],
      { page: 5 },
    )
    .table(
      [
        ['一级指标', '二级指标', '分值', '得分'],
        ['产出指标', '数量指标', '50', '45'],
        ['效益指标', '满意度指标', '50', '48'],
        ['总分', '', '100', '93'],
      ],
      { title: '2022年度部门整体支出绩效自评表', page: 6 },
    )
    .table(
      [
        ['项目', '金额（万元）'],
        ['项目1', '100.00'],
        ['项目2', '200.00'],
        ['合计', '310.00'],
      ],
      { title: '项目支出表', page: 7 },
    )
    .cellFacts()
    .build();
  return doc;
}

/** A permutation from a fixed seed, so a failure can be run again. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('precedence', () => {
  test('the busy document: most rules find something, and some overlap', () => {
    const rules = new Set(runChecks(busy()).map((f) => f.rule));
    const total = busy().facts.find((f) => f.label === '总分·得分')!.id;
    expect(rules.size).toBeGreaterThanOrEqual(9);
    // conflicting-values on its own sees the self-score pair that score-mismatch names.
    expect(
      runChecks(
        busy(),
        ALL_RULES.filter((r) => r.id === 'conflicting-values'),
      ).some((f) => f.factIds.includes(total)),
    ).toBe(true);
    expect(
      runChecks(busy())
        .filter((f) => f.factIds.includes(total))
        .map((f) => f.rule),
    ).toEqual(['score-mismatch']);
  });
  test('the rules in any order give the same findings, in the same order', () => {
    const expected = runChecks(busy());
    for (const seed of [1, 2, 3, 5, 8, 13, 21, 34])
      expect(runChecks(busy(), shuffled(ALL_RULES, seed))).toEqual(expected);
    expect(runChecks(busy(), [...ALL_RULES].reverse())).toEqual(expected);
  });
  test('a subset of the rules keeps their precedence too', () => {
    const two = ALL_RULES.filter((r) => r.id === 'conflicting-values' || r.id === 'score-mismatch');
    expect(runChecks(busy(), two)).toEqual(runChecks(busy(), [...two].reverse()));
  });
  test('no two rules of ALL_RULES share a rank', () => {
    const ranks = ALL_RULES.map((r) => r.precedence);
    expect(new Set(ranks).size).toBe(ranks.length);
    for (const r of ALL_RULES) expect(Number.isFinite(r.precedence)).toBe(true);
  });
  test('two rules of one rank are refused, not run in the order given', () => {
    const [a, b] = ALL_RULES;
    const twin = { ...b!, precedence: a!.precedence };
    expect(() => runChecks(busy(), [a!, twin])).toThrow(/share precedence/);
  });
});

describe('the finding builder', () => {
  test("a finding takes its rule's severity unless told, and has every field", () => {
    for (const rule of ALL_RULES) expect(finding(rule, { message: 'm', page: 1 }).severity).toBe(rule.severity);
    expect(
      finding(rule('rate-mismatch'), {
        message: 'm',
        page: 2,
        severity: 'warning',
        factIds: ['f1'],
        expected: 98,
        actual: 90,
      }),
    ).toEqual({
      rule: 'rate-mismatch',
      severity: 'warning',
      message: 'm',
      factIds: ['f1'],
      sectionIds: [],
      page: 2,
      expected: 98,
      actual: 90,
    });
  });
  test('page references: one page, several each named (distinct), several under one 第…页', () => {
    expect(pageRef(3)).toBe('第3页');
    expect(pageRef([2, 3, 2])).toBe('第2页、第3页');
    expect(pageRef([3, 5], 'shared')).toBe('第3、5页');
    expect(atPage(4)).toBe('（第4页）');
  });
  test("the contract's Finding takes only the rule ids", () => {
    const f = { id: 'c1', ...finding(rule('sum-mismatch'), { message: 'm', page: 1 }) };
    expect(Finding.parse(f)).toEqual(f);
    expect(() => Finding.parse({ ...f, rule: 'no-such-rule' })).toThrow();
  });
});
