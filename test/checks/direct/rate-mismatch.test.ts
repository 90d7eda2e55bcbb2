// rate-mismatch on hand-built inputs: the stated 执行率 against its budget and
// actual at the precision written (the rounding boundary), the initial budget
// alone (a warning), a rate of another year, a rate in its own sentence, a
// growth rate against its change, OCR.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { rateMismatch } from '../../../src/checks/rate-mismatch.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, money, percent } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [rateMismatch]);

/** The unit's figures by concept: 全年预算数 (or 年初预算数 alone), 决算数 and 预算执行率. */
function unit(
  rate: string,
  actual: string,
  options: { budget?: string; initialOnly?: boolean; year?: number; page?: number } = {},
) {
  const budget = options.initialOnly
    ? money('年初预算数', options.budget ?? '5000.00', { concept: 'budget.total.initial' })
    : money('全年预算数', options.budget ?? '5000.00', { concept: 'budget.total.adjusted' });
  return checkInput()
    .paragraph([
      options.initialOnly ? '本年度年初预算数为 ' : '本年度全年预算数为 ',
      budget,
      '，决算数为 ',
      money('决算数', actual, { concept: 'budget.total.actual' }),
      '。',
    ])
    .paragraph(
      [
        '预算执行率为 ',
        percent('预算执行率', rate, { concept: 'budget.executionRate', year: options.year ?? 2023 }),
        '。',
      ],
      { page: options.page ?? 1 },
    )
    .build();
}

describe("rate-mismatch: the unit's execution rate", () => {
  test('a rate its own numbers deny: an error with the computed rate', () => {
    expect(run(unit('90', '4900.00'))).toEqual([
      {
        id: 'c1',
        rule: 'rate-mismatch',
        severity: 'error',
        message: '预算执行率 90%（第1页）与决算数 4900.00 万元 ÷ 全年预算数 5000.00 万元 = 98% 不符',
        factIds: ['f3', 'f2', 'f1'],
        sectionIds: [],
        page: 1,
        expected: 98,
        actual: 90,
      },
    ]);
  });
  test('the rate the numbers give: silent', () => {
    expect(run(unit('98', '4900.00'))).toEqual([]);
    expect(run(unit('98.00', '4900.00'))).toEqual([]);
  });
  // 98% written to whole percent stands for 97.5 … 98.5.
  test('a computed 98.5% against a stated 98%: within the rounding of what is written', () => {
    expect(run(unit('98', '4925.00'))).toEqual([]);
  });
  test('a computed 98.51% against a stated 98%: beyond it', () => {
    expect(run(unit('98', '4925.50')).map((f) => [f.expected, f.actual])).toEqual([[98.51, 98]]);
  });
  test('a rate written to more places is held to them: 98.4% (± 0.05) against 98.51% is wrong', () => {
    expect(run(unit('98.4', '4925.50')).map((f) => f.expected)).toEqual([98.51]);
  });
  test('against the initial budget alone: a warning (the rate may be of an adjusted budget the report does not give)', () => {
    expect(run(unit('90', '4900.00', { initialOnly: true })).map((f) => f.severity)).toEqual(['warning']);
  });
  test("a rate of another year is not this year's rate", () => {
    expect(run(unit('90', '4900.00', { year: 2022 }))).toEqual([]);
  });
  test('an approximate rate decides nothing', () => {
    const doc = unit('90', '4900.00');
    doc.facts[2]!.approximate = true;
    expect(run(doc)).toEqual([]);
  });
});

describe('rate-mismatch: a rate in its own sentence', () => {
  const project = (rate: string) =>
    checkInput()
      .paragraph([
        '培训补贴项目全年预算数 ',
        money('全年预算数', '200.00'),
        '，实际支出 ',
        money('实际支出', '150.00'),
        '，执行率 ',
        percent('执行率', rate),
        '。',
      ])
      .build();
  test("wrong: found against the sentence's budget", () => {
    expect(run(project('100')).map((f) => [f.message, f.expected])).toEqual([
      ['执行率 100%（第1页）与实际支出 150.00 万元 ÷ 全年预算数 200.00 万元 = 75% 不符', 75],
    ]);
  });
  test('right: silent', () => {
    expect(run(project('75'))).toEqual([]);
  });
});

describe('rate-mismatch: a growth rate against its change', () => {
  const growth = (rate: string) =>
    checkInput()
      .paragraph([
        '本年支出合计 ',
        money('本年支出合计', '558.45'),
        '，比上年增加 ',
        money('比上年增加', '19.23'),
        '，增长 ',
        percent('增长', rate),
        '。',
      ])
      .build();
  test("a rate the change denies: found, with last year's figure", () => {
    expect(run(growth('9.22')).map((f) => f.message)).toEqual([
      '增长 9.22%（第1页）与比上年增加 19.23 万元 ÷ 上年 539.22 万元 = 3.57% 不符',
    ]);
  });
  test('the rate the change gives: silent', () => {
    expect(run(growth('3.57'))).toEqual([]);
  });
});

describe('rate-mismatch: OCR', () => {
  test("on an OCR'd page the error is a warning that says so", () => {
    const doc = unit('90', '4900.00', { page: 2 });
    doc.pages[1]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message.endsWith('（OCR 识别页，请对照原件核实）')])).toEqual([
      ['warning', true],
    ]);
  });
});
