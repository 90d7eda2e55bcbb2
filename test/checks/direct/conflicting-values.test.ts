// conflicting-values on hand-built inputs: one concept with two values (and
// the rounding between them), three values, another year, the same label in
// two paragraphs, a campaign figure, the narrative against the table, OCR.
import { describe, expect, test } from 'vitest';
import { conflictingValues } from '../../../src/checks/conflicting-values.ts';
import { runChecks } from '../../../src/checks/index.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, count, money } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [conflictingValues]);

function twice(a: string, b: string, years: [number, number] = [2023, 2023]) {
  return checkInput()
    .paragraph(
      ['基本支出决算数为 ', money('基本支出决算数', a, { concept: 'budget.basic.actual', year: years[0] }), '。'],
      { page: 2 },
    )
    .paragraph(
      ['全年基本支出决算数 ', money('全年基本支出决算数', b, { concept: 'budget.basic.actual', year: years[1] }), '。'],
      { page: 4 },
    )
    .build();
}

describe('conflicting-values: one concept', () => {
  test('two values: a warning naming both and their pages', () => {
    expect(run(twice('4980.37', '4890.37'))).toEqual([
      {
        id: 'c1',
        rule: 'conflicting-values',
        severity: 'warning',
        message: '同一数量前后不一致：基本支出决算数 4980.37 万元（第2页）与全年基本支出决算数 4890.37 万元（第4页）',
        factIds: ['f1', 'f2'],
        sectionIds: [],
        page: 4,
        expected: 4980.37,
        actual: 4890.37,
      },
    ]);
  });
  test('equal values: silent', () => {
    expect(run(twice('4980.37', '4980.37'))).toEqual([]);
  });
  // Each figure to 2 decimals of 万元 may be off by 0.005 万元: two may differ by 0.01 万元.
  test('a difference of exactly both roundings: silent; beyond: found', () => {
    expect(run(twice('4980.37', '4980.38'))).toEqual([]);
    expect(run(twice('4980.37', '4980.39')).map((f) => f.actual)).toEqual([4980.39]);
  });
  test("a figure of another year is not a second statement of this year's", () => {
    expect(run(twice('4980.37', '4890.37', [2023, 2022]))).toEqual([]);
  });
  test('three values: the concept is not one quantity here', () => {
    const doc = checkInput()
      .paragraph(['基本支出决算数为 ', money('基本支出决算数', '4980.37', { concept: 'budget.basic.actual' }), '。'])
      .paragraph([
        '全年基本支出决算数 ',
        money('全年基本支出决算数', '4890.37', { concept: 'budget.basic.actual' }),
        '。',
      ])
      .paragraph([
        '部门基本支出决算数 ',
        money('部门基本支出决算数', '4000.00', { concept: 'budget.basic.actual' }),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('approximate figures are not stated quantities', () => {
    const doc = checkInput()
      .paragraph(['基本支出决算数为 ', money('基本支出决算数', '4980.37', { concept: 'budget.basic.actual' }), '。'])
      .paragraph([
        '全年基本支出决算数约 ',
        money('全年基本支出决算数', '5000.00', { concept: 'budget.basic.actual', approximate: true }),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
});

describe('conflicting-values: the same thing in two paragraphs', () => {
  const cases = (a: string, b: string, second = '2023 年，共查办违法案件 ') =>
    checkInput()
      .paragraph(['全年查办违法案件 ', count('查办违法案件', a, '起'), '。'])
      .paragraph([second, count('查办违法案件', b, '起'), '。'], { page: 2 })
      .build();
  test('the same label with two values: found', () => {
    expect(run(cases('115', '138')).map((f) => f.message)).toEqual([
      '同一数量前后不一致：查办违法案件 115 起（第1页）与查办违法案件 138 起（第2页），请核实以哪个为准',
    ]);
  });
  test('the same value: silent', () => {
    expect(run(cases('115', '115'))).toEqual([]);
  });
  test("a campaign figure (专项…期间) is a part, not the year's figure", () => {
    expect(run(cases('115', '13', '专项整治期间查办违法案件 '))).toEqual([]);
  });
  test('sentences of two different years speak of different things', () => {
    expect(run(cases('115', '138', '2021 年查办违法案件 '))).toEqual([]);
  });
  test('a measure with no owner (支出决算) is whose the sentence says: not the same thing as a longer label', () => {
    // published 决算 report: the fund's 收入/支出决算 on one page, a car purchase's 支出决算 on the next
    const doc = checkInput()
      .paragraph([
        '2023年度政府性基金预算财政拨款收入决算509,220.66万元，支出决算',
        money('收入支出决算', '568051.63'),
        '万元。',
      ])
      .paragraph(
        ['2023年度财政拨款安排购置公务用车5辆，预算136.48万元，支出决算', money('支出决算', '136.48'), '万元。'],
        { page: 2 },
      )
      .build();
    expect(run(doc)).toEqual([]);
    // the very same ownerless label twice is still one quantity stated twice
    const twice = checkInput()
      .paragraph(['2023年度本单位支出决算', money('本单位支出决算', '568.00'), '万元。'])
      .paragraph(['经核算，2023年度本单位支出决算', money('本单位支出决算', '586.00'), '万元。'], { page: 2 })
      .build();
    expect(run(twice).map((f) => f.rule)).toEqual(['conflicting-values']);
  });
});

describe('conflicting-values: the narrative against the self-evaluation table', () => {
  test("an indicator's 实际完成值 under its heading, and the table's cell, differ: found", () => {
    const doc = checkInput()
      .section('（一）', '培训后取得证书人数', { ordinal: 1, family: 'cn-paren' })
      .paragraph(['全年实际完成 ', count('实际完成', '8705', '人'), '。'], { sectionId: 's1' })
      .cell(count('产出指标·数量指标·培训后取得证书人数·实际完成值', '8750', '人'), { page: 5 })
      .build();
    expect(run(doc).map((f) => [f.message, f.factIds])).toEqual([
      [
        '同一数量前后不一致：实际完成 8705 人（第1页）与产出指标·数量指标·培训后取得证书人数·实际完成值 8750 人（第5页），正文与自评表不一致',
        ['f1', 'f2'],
      ],
    ]);
  });
});

describe('conflicting-values: OCR', () => {
  test("a warning on an OCR'd page stays as it is (only errors are demoted)", () => {
    const doc = twice('4980.37', '4890.37');
    doc.pages[3]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message.includes('OCR')])).toEqual([['warning', false]]);
  });
});

describe('conflicting-values: restatements worded differently, and changes', () => {
  const restated = (first: string, again: string, a: string, b: string) =>
    checkInput()
      .paragraph([`全年${first}`, count(first, a, '件'), '。'], { page: 2 })
      .paragraph([`经统计，全年${again}共`, count(again, b, '件'), '。'], { page: 7 })
      .build();
  test('another wording, two values a slip apart (a digit, two digits swapped): found', () => {
    expect(run(restated('受理消费者投诉举报', '受理投诉举报', '3560', '3650')).map((f) => f.factIds)).toEqual([
      ['f1', 'f2'],
    ]);
    expect(run(restated('办理行政许可事项', '办理各类行政许可', '1250', '1205')).length).toBe(1);
  });
  test('another wording, values far apart: another thing of a similar name (a subset), silent', () => {
    expect(run(restated('检查食品企业', '检查企业', '300', '1200'))).toEqual([]);
  });
  test('a restatement without 共, the figure its sentence opens with', () => {
    const doc = checkInput()
      .paragraph(['我局实有编制数', count('实有编制数', '48', '人'), '。'], { page: 1 })
      .paragraph(['经统计，实有编制数', count('实有编制数', '45', '人'), '。'], { page: 5 })
      .build();
    expect(run(doc).map((f) => [f.expected, f.actual])).toEqual([[48, 45]]);
  });
  test('the first statement as an item of a numbered list', () => {
    const doc = checkInput()
      .paragraph(['1、全年受理消费者投诉举报', count('受理消费者投诉举报', '3560', '件'), '。'], { page: 2 })
      .paragraph(['经汇总，全年受理投诉举报共', count('受理投诉举报', '3650', '件'), '。'], { page: 7 })
      .build();
    expect(run(doc).length).toBe(1);
  });
  test('a change naming no subject, or a change against a level, is not one quantity', () => {
    const doc = checkInput()
      .paragraph(['办公费较上年减少', money('较上年减少', '-12.00', { change: true, quote: '12.00 万元' }), '。'])
      .paragraph(['印刷费较上年减少', money('较上年减少', '-3.00', { change: true, quote: '3.00 万元' }), '。'])
      .paragraph(['全年办公经费支出', money('办公经费支出', '30.00'), '。'])
      .paragraph(['办公经费支出比上年增加', money('办公经费支出', '5.00', { change: true }), '。'])
      .build();
    expect(run(doc)).toEqual([]);
  });
});

describe('conflicting-values: a misprint of a figure stated again, worded a little differently', () => {
  const twice = (first: string, again: string, a: string, b: string) =>
    checkInput()
      .paragraph([`全年${first}`, count(first, a, '户'), '。'], { page: 2 })
      .paragraph([`全年${again}`, count(again, b, '户'), '。'], { page: 6 })
      .build();
  test('a digit changed or two swapped, three digits or more: found', () => {
    expect(run(twice('实有市场主体', '实有各类市场主体', '45678', '45687')).length).toBe(1);
    expect(run(twice('新登记市场主体', '新登记各类市场主体', '1250', '1350')).length).toBe(1);
  });
  test('two small numbers, or values apart by more than a slip: silent', () => {
    expect(run(twice('新登记市场主体', '新登记各类市场主体', '12', '13'))).toEqual([]);
    expect(run(twice('新登记市场主体', '新登记各类市场主体', '1250', '2480'))).toEqual([]);
  });
});
