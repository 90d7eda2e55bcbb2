// subset-exceeds-total on hand-built inputs: a 其中 part, 净增 against 新设, the
// genre's parts and wholes in one sentence; equal values, the rounding of a 万 figure, OCR.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { subsetExceedsTotal } from '../../../src/checks/subset-exceeds-total.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, count, money } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [subsetExceedsTotal]);

function complaints(total: string, totalUnit: string, done: string) {
  return checkInput()
    .paragraph([
      '全年共受理投诉 ',
      count('共受理投诉', total, totalUnit),
      '，其中办结 ',
      count('办结', done, '起'),
      '。',
    ])
    .build();
}

describe('subset-exceeds-total: 其中', () => {
  test('a part after 其中 larger than its total: an error naming both', () => {
    expect(run(complaints('1200', '起', '1300'))).toEqual([
      {
        id: 'c1',
        rule: 'subset-exceeds-total',
        severity: 'error',
        message: '办结 1300 起（第1页）大于其总数共受理投诉 1200 起（第1页）',
        factIds: ['f1', 'f2'],
        sectionIds: [],
        page: 1,
        expected: null,
        actual: 1300,
      },
    ]);
  });
  test('parts that do not cover the whole (a partial 其中 list): silent', () => {
    const doc = checkInput()
      .paragraph([
        '全年共受理投诉 ',
        count('共受理投诉', '1200', '起'),
        '，其中办结 ',
        count('办结', '900', '起'),
        '，转办 ',
        count('转办', '100', '起'),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('a part equal to its total: silent', () => {
    expect(run(complaints('1200', '起', '1200'))).toEqual([]);
  });
  // 1.4 万起 is rounded: it may stand for up to 14500 起.
  test('a 万 total: a part up to its rounding is within, one more is not', () => {
    expect(run(complaints('1.4', '万起', '14500'))).toEqual([]);
    expect(run(complaints('1.4', '万起', '14501')).map((f) => f.actual)).toEqual([14501]);
  });
  test('parts of another kind or unit are not compared', () => {
    const doc = checkInput()
      .paragraph(['全年共受理投诉 ', count('共受理投诉', '12', '件'), '，其中办结 ', count('办结', '1300', '起'), '。'])
      .build();
    expect(run(doc)).toEqual([]);
  });
});

describe('subset-exceeds-total: 新设 and 净增', () => {
  const doc = (born: string, net: string) =>
    checkInput()
      .paragraph(['今年新设市场主体 ', count('新设市场主体', born, '家'), '。'])
      .paragraph(['净增市场主体 ', count('净增市场主体', net, '家'), '。'], { page: 2 })
      .build();
  test('净增 larger than 新设 of the same thing: found on the page of the part', () => {
    const fs = run(doc('100', '120'));
    expect(fs.map((f) => [f.page, f.message])).toEqual([
      [2, '净增市场主体 120 家（第2页）大于其总数新设市场主体 100 家（第1页）'],
    ]);
  });
  test('净增 below or equal to 新设: silent', () => {
    expect(run(doc('13967', '8584'))).toEqual([]);
    expect(run(doc('100', '100'))).toEqual([]);
  });
});

describe('subset-exceeds-total: parts and wholes in one sentence', () => {
  test('按时答复 more than 受理: found', () => {
    const doc = checkInput()
      .paragraph([
        '受理依申请公开 ',
        count('受理依申请公开', '12', '件'),
        '，按时答复 ',
        count('按时答复', '16', '件'),
        '。',
      ])
      .build();
    expect(run(doc).map((f) => f.actual)).toEqual([16]);
  });
  test('a sentence that speaks of cases carried over from earlier years: silent', () => {
    const doc = checkInput()
      .paragraph([
        '受理依申请公开 ',
        count('受理依申请公开', '12', '件'),
        '，含上年结转，按时答复 ',
        count('按时答复', '16', '件'),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
});

describe('subset-exceeds-total: OCR', () => {
  test("on an OCR'd page the error is a warning that says so", () => {
    const [f] = run(
      checkInput()
        .paragraph(
          ['全年共受理投诉 ', count('共受理投诉', '1200', '起'), '，其中办结 ', count('办结', '1300', '起'), '。'],
          { page: 3 },
        )
        .ocr(3)
        .build(),
    );
    expect([f!.severity, f!.message.endsWith('（OCR 识别页，请对照原件核实）')]).toEqual(['warning', true]);
  });
});

describe('subset-exceeds-total: other years', () => {
  test("a whole of another year is not the whole of this year's part", () => {
    const doc = checkInput()
      .paragraph(['上年新设市场主体 ', count('新设市场主体', '100', '家', { year: 2022 }), '。'])
      .paragraph(['今年净增市场主体 ', count('净增市场主体', '120', '家'), '。'], { page: 2 })
      .build();
    expect(run(doc)).toEqual([]);
  });

  test('a whole and a part of the same earlier year, pages apart: still a finding', () => {
    const doc = checkInput()
      .paragraph(['上年新设市场主体 ', count('新设市场主体', '100', '家', { year: 2022 }), '。'])
      .paragraph(['上年净增市场主体 ', count('净增市场主体', '120', '家', { year: 2022 }), '。'], { page: 2 })
      .build();
    expect(run(doc).map((f) => f.rule)).toEqual(['subset-exceeds-total']);
  });
});

describe('subset-exceeds-total: changes, and 新设 / 净增 however worded', () => {
  test("a part's change above the whole's change is no finding (another part fell)", () => {
    const doc = checkInput()
      .paragraph([
        '支出预算增加',
        money('支出预算增加', '120.50', { change: true }),
        '，其中基本支出增加',
        money('基本支出增加', '200.00', { change: true }),
        '，项目支出减少',
        money('项目支出减少', '-79.50', { change: true, quote: '79.50 万元' }),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('净增 in any order of words against 新设, 新登记, 新增', () => {
    const doc = (whole: string, part: string, net: string) =>
      checkInput()
        .paragraph([`${whole} `, count(whole, '1200', '户'), '。'])
        .paragraph([`${part} `, count(part, net, '户'), '。'], { page: 2 })
        .build();
    expect(run(doc('新登记各类市场主体', '市场主体净增', '1500')).map((f) => f.factIds)).toEqual([['f1', 'f2']]);
    expect(run(doc('新增市场主体', '实现净增市场主体', '1500')).map((f) => f.actual)).toEqual([1500]);
    expect(run(doc('新设市场主体', '净增加市场主体', '1100'))).toEqual([]);
    // Another thing: 企业 is not 市场主体.
    expect(run(doc('新设企业', '净增市场主体', '1500'))).toEqual([]);
  });
  test('two wholes of different values for one thing: which is the net’s is not known', () => {
    const doc = checkInput()
      .paragraph(['新设市场主体 ', count('新设市场主体', '1200', '户'), '。'])
      .paragraph(['新设市场主体 ', count('新设市场主体', '1600', '户'), '。'])
      .paragraph(['净增市场主体 ', count('净增市场主体', '1500', '户'), '。'])
      .build();
    expect(run(doc)).toEqual([]);
  });
});
