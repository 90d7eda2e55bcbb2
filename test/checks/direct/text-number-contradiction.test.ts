// text-number-contradiction on hand-built inputs: "预算与决算存在差距" against
// equal figures (and the rounding that makes them equal), "未进行预算调整"
// against two budgets, a direction its two figures deny, OCR.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { textNumberContradiction } from '../../../src/checks/text-number-contradiction.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, money } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [textNumberContradiction]);

describe('text-number-contradiction: a 差距 the figures deny', () => {
  const gap = (budget: string, actual: string) =>
    checkInput()
      .paragraph(
        [
          '办公经费全年预算数 ',
          money('办公经费全年预算数', budget),
          '，决算数 ',
          money('办公经费决算数', actual),
          '。',
        ],
        { page: 2 },
      )
      .paragraph(['办公经费预算与决算存在差距，主要原因是…'], { page: 4 })
      .build();
  test('equal budget and actual: a warning quoting the claim', () => {
    expect(run(gap('10.00', '10.00'))).toEqual([
      {
        id: 'c1',
        rule: 'text-number-contradiction',
        severity: 'warning',
        message:
          '第4页称“办公经费预算与决算存在差距”，但报告中办公经费的办公经费全年预算数 10.00 万元（第2页）与办公经费决算数 10.00 万元（第2页）相等',
        factIds: ['f1', 'f2'],
        sectionIds: [],
        page: 4,
        expected: null,
        actual: null,
      },
    ]);
  });
  // Two figures to 2 decimals of 万元 may differ by 0.01 万元 and be one amount.
  test('within the rounding of both figures they are equal; beyond it there is a 差距', () => {
    expect(run(gap('10.00', '10.01')).length).toBe(1);
    expect(run(gap('10.00', '10.02'))).toEqual([]);
  });
  test('without both figures for the thing named: undecidable, silent', () => {
    expect(run(checkInput().paragraph(['办公经费预算与决算存在差距。']).build())).toEqual([]);
  });
});

describe('text-number-contradiction: 未进行预算调整', () => {
  const unadjusted = (initial: string, adjusted: string) =>
    checkInput()
      .paragraph([
        '年初预算数 ',
        money('年初预算数', initial, { concept: 'budget.total.initial' }),
        '，全年预算数 ',
        money('全年预算数', adjusted, { concept: 'budget.total.adjusted' }),
        '。',
      ])
      .paragraph(['本年度未进行预算调整。'], { page: 2 })
      .build();
  test('two different budgets: found', () => {
    expect(run(unadjusted('100.00', '120.00')).map((f) => [f.message, f.expected, f.actual])).toEqual([
      ['第2页称“未进行预算调整”，但年初预算数 100.00 万元（第1页）与全年预算数 120.00 万元（第1页）不同', 100, 120],
    ]);
  });
  test('the same budget: silent', () => {
    expect(run(unadjusted('100.00', '100.00'))).toEqual([]);
  });
});

describe('text-number-contradiction: a direction its figures deny', () => {
  const direction = (now: string, last: string, page = 3) =>
    checkInput()
      .paragraph(
        [
          '本年支出 ',
          money('本年支出', now),
          '，',
          money('上年支出', last, { quote: '上年支出 ' + last + ' 万元', year: 2022 }),
          '，总体有所下降。',
        ],
        { page },
      )
      .build();
  test('"有所下降" while this year is higher: an error (two figures of the report\'s own)', () => {
    expect(run(direction('1543.34', '1267.28')).map((f) => [f.severity, f.message])).toEqual([
      ['error', '第3页称“总体有所下降”，但本年支出 1543.34 万元高于上年支出 1267.28 万元'],
    ]);
  });
  test('"有所下降" while this year is lower, or equal within rounding: silent', () => {
    expect(run(direction('1200.00', '1267.28'))).toEqual([]);
    expect(run(direction('1267.29', '1267.28'))).toEqual([]);
  });
  test("on an OCR'd page the error is a warning that says so", () => {
    const doc = direction('1543.34', '1267.28');
    doc.pages[2]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message.endsWith('（OCR 识别页，请对照原件核实）')])).toEqual([
      ['warning', true],
    ]);
  });
});

describe('text-number-contradiction: a change its figures deny, a spending said not to have happened', () => {
  test('比上年增加 while this year is below last year: an error naming the three figures', () => {
    const doc = (written: string) =>
      checkInput()
        .paragraph([
          '本年支出合计',
          money('本年支出', '1386.35'),
          '，上年支出合计',
          money('上年支出', '1567.89', { year: 2022 }),
          '，比上年增加',
          money('支出比上年增加', written, { change: true, quote: `${written.replace('-', '')} 万元` }),
          '。',
        ])
        .build();
    expect(run(doc('181.54')).map((f) => [f.severity, f.factIds, f.expected])).toEqual([
      ['error', ['f3', 'f1', 'f2'], -181.54],
    ]);
    expect(run(doc('-181.54'))).toEqual([]);
  });
  test('未发生 X while the report gives X above zero: found; its budget, or last year’s, is no contradiction', () => {
    const doc = (figure: Parameters<typeof money>, claim = '本年度未发生因公出国（境）费用。') =>
      checkInput()
        .paragraph([claim])
        .paragraph(['“三公”经费中，', money(...figure), '。'])
        .build();
    expect(run(doc(['因公出国（境）费', '2.10'])).map((f) => [f.factIds, f.actual])).toEqual([[['f1'], 2.1]]);
    expect(run(doc(['因公出国（境）费', '0']))).toEqual([]);
    expect(run(doc(['因公出国（境）费预算', '2.10']))).toEqual([]);
    expect(run(doc(['因公出国（境）费', '2.10'], '上年未发生因公出国（境）费用。'))).toEqual([]);
    expect(run(doc(['公务接待费', '2.10']))).toEqual([]);
  });
});

describe('text-number-contradiction: 无 as a word, not inside one', () => {
  test('无 X after a clause break or 年度 is a claim; 无人机 is a thing', () => {
    const doc = (claim: string, label: string) =>
      checkInput()
        .paragraph([claim])
        .paragraph([`${label}`, money(label, '1.20'), '。'])
        .build();
    expect(run(doc('本年度无公务接待费支出。', '公务接待费')).length).toBe(1);
    expect(run(doc('购置无人机巡查设备。', '人机巡查设备'))).toEqual([]);
  });
});
