// sum-mismatch on hand-built inputs: the rounding boundary, partial and
// exhaustive 其中 lists, decompositions by concept, other years, OCR pages.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { sumMismatch } from '../../../src/checks/sum-mismatch.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, count, money } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [sumMismatch]);

/** "X 为 total 万元，其中：A a 万元，B b 万元…。" */
function whole(total: [string, string], parts: [string, string][], options: { page?: number; unit?: string } = {}) {
  const unit = options.unit ?? '万元';
  return checkInput()
    .paragraph(
      [
        `${total[0]}为 `,
        money(total[0], total[1], { unit }),
        '，其中：',
        ...parts.flatMap(([label, v], i) => [`${i > 0 ? '，' : ''}${label} `, money(label, v, { unit })]),
        '。',
      ],
      { page: options.page ?? 1 },
    )
    .build();
}

describe('sum-mismatch: 其中 lists', () => {
  test('parts that add up to more than the total: an error naming the figures and the page', () => {
    const fs = run(
      whole(
        ['基本支出决算数', '4980.37'],
        [
          ['人员经费', '4360.55'],
          ['公用经费', '620.82'],
        ],
      ),
    );
    expect(fs).toEqual([
      {
        id: 'c1',
        rule: 'sum-mismatch',
        severity: 'error',
        message:
          '人员经费 4360.55 万元 + 公用经费 620.82 万元 = 4981.37 万元，与基本支出决算数 4980.37 万元不符（第1页）',
        factIds: ['f1', 'f2', 'f3'],
        sectionIds: [],
        page: 1,
        expected: 4981.37,
        actual: 4980.37,
      },
    ]);
  });

  test('parts that add up exactly: silent', () => {
    expect(
      run(
        whole(
          ['基本支出决算数', '4980.37'],
          [
            ['人员经费', '4360.55'],
            ['公用经费', '619.82'],
          ],
        ),
      ),
    ).toEqual([]);
  });

  // Four figures to 2 decimals of 万元: each may be off by 0.005 万元, the sum by 0.02 万元.
  test('off by exactly the rounding of every figure: silent', () => {
    expect(
      run(
        whole(
          ['项目支出', '100.00'],
          [
            ['甲项目', '50.00'],
            ['乙项目', '30.00'],
            ['丙项目', '20.02'],
          ],
        ),
      ),
    ).toEqual([]);
  });
  test('just beyond the rounding: found', () => {
    const fs = run(
      whole(
        ['项目支出', '100.00'],
        [
          ['甲项目', '50.00'],
          ['乙项目', '30.00'],
          ['丙项目', '20.03'],
        ],
      ),
    );
    expect(fs.map((f) => [f.rule, f.expected, f.actual])).toEqual([['sum-mismatch', 100.03, 100]]);
  });
  test('whole 元 are exact to half a yuan each: 100 元 against 60 + 41 is within, 60 + 42 is not', () => {
    expect(
      run(
        whole(
          ['公用经费', '100'],
          [
            ['办公费', '60'],
            ['印刷费', '41'],
          ],
          { unit: '元' },
        ),
      ),
    ).toEqual([]);
    expect(
      run(
        whole(
          ['公用经费', '100'],
          [
            ['办公费', '60'],
            ['印刷费', '42'],
          ],
          { unit: '元' },
        ),
      ).map((f) => f.expected),
    ).toEqual([102]);
  });

  test('a partial 其中 list short of its total: silent (其中 lists are often partial by design)', () => {
    const doc = checkInput()
      .paragraph([
        '今年查办违法案件 ',
        count('查办违法案件', '115', '起'),
        '，其中从轻行政处罚 ',
        count('从轻行政处罚', '31', '起'),
        '，减轻行政处罚 ',
        count('减轻行政处罚', '48', '起'),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('an exhaustive pair (人员经费 + 公用经费) short of its total: found', () => {
    const fs = run(
      whole(
        ['基本支出决算数', '4980.37'],
        [
          ['人员经费', '4360.55'],
          ['公用经费', '600.00'],
        ],
      ),
    );
    expect(fs.map((f) => [f.severity, f.expected])).toEqual([['error', 4960.55]]);
  });
  test('a list ending in 其他… is complete: short of its total, found', () => {
    const fs = run(
      whole(
        ['项目支出', '100.00'],
        [
          ['培训费', '50.00'],
          ['其他支出', '30.00'],
        ],
      ),
    );
    expect(fs.map((f) => f.expected)).toEqual([80]);
  });
  test('an approximate part decides nothing', () => {
    const doc = checkInput()
      .paragraph([
        '基本支出决算数为 ',
        money('基本支出决算数', '4980.37'),
        '，其中：人员经费 ',
        money('人员经费', '4360.55'),
        '，公用经费约 ',
        money('公用经费', '700.00', { approximate: true }),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('a single part is no sum', () => {
    expect(run(whole(['基本支出决算数', '4980.37'], [['人员经费', '5000.00']]))).toEqual([]);
  });
});

describe('sum-mismatch: decompositions by concept', () => {
  function byConcept(year: number | null, publicSpending = '600.00', pages: [number, number] = [2, 2]) {
    return checkInput()
      .paragraph(
        ['基本支出决算数为 ', money('基本支出决算数', '4980.37', { concept: 'budget.basic.actual', year }), '。'],
        { page: pages[0] },
      )
      .paragraph(
        [
          '人员经费 ',
          money('人员经费', '4360.55', { concept: 'budget.basic.personnel', year }),
          '。公用经费 ',
          money('公用经费', publicSpending, { concept: 'budget.basic.public', year }),
          '。',
        ],
        { page: pages[1] },
      )
      .build();
  }
  test('stated in separate sentences, falling short: found, with both pages named', () => {
    const fs = run(byConcept(2023, '600.00', [2, 3]));
    expect(fs.map((f) => f.message)).toEqual([
      '人员经费 4360.55 万元 + 公用经费 600.00 万元 = 4960.55 万元，与基本支出决算数 4980.37 万元不符（第2页、第3页）',
    ]);
  });
  test('adding up: silent', () => {
    expect(run(byConcept(2023, '619.82'))).toEqual([]);
  });
  test("figures of another year (上年) are not this year's decomposition", () => {
    expect(run(byConcept(2022))).toEqual([]);
  });
  test('figures pages apart may be of other scopes: silent', () => {
    expect(run(byConcept(2023, '600.00', [2, 5]))).toEqual([]);
  });
  // A 决算 states 基本支出 for all funds, then 人员经费 and 公用经费 of the 一般公共预算财政拨款 基本支出 alone.
  test('the parts of one scope against the whole of another: silent; of one scope: found', () => {
    const doc = (general: string) =>
      checkInput({ reportType: '决算' })
        .paragraph([
          '本年支出合计1380.00万元，其中：基本支出',
          money('基本支出', '1000.00', { concept: 'budget.basic.actual', quote: '1000.00万元' }),
          '。',
        ])
        .paragraph([
          `一般公共预算财政拨款基本支出${general}万元，其中：人员经费`,
          money('人员经费', '840.00', { concept: 'budget.basic.personnel', quote: '840.00万元' }),
          '，公用经费',
          money('公用经费', '100.00', { concept: 'budget.basic.public', quote: '100.00万元' }),
          '。',
        ])
        .build();
    expect(run(doc('940.00'))).toEqual([]);
    // The whole's 基本支出 1000.00 with parts of its own that fall short: still found.
    const whole = checkInput({ reportType: '决算' })
      .paragraph([
        '本年支出合计1380.00万元，其中：基本支出',
        money('基本支出', '1000.00', { concept: 'budget.basic.actual', quote: '1000.00万元' }),
        '。人员经费',
        money('人员经费', '840.00', { concept: 'budget.basic.personnel', quote: '840.00万元' }),
        '，公用经费',
        money('公用经费', '100.00', { concept: 'budget.basic.public', quote: '100.00万元' }),
        '。',
      ])
      .build();
    expect(run(whole).map((f) => [f.expected, f.actual])).toEqual([[940, 1000]]);
  });
});

describe('sum-mismatch: OCR', () => {
  test("on an OCR'd page the error is a warning that says so", () => {
    const doc = whole(
      ['基本支出决算数', '4980.37'],
      [
        ['人员经费', '4360.55'],
        ['公用经费', '620.82'],
      ],
      { page: 2 },
    );
    doc.pages[1]!.method = 'ocr';
    const [f] = run(doc);
    expect(f!.severity).toBe('warning');
    expect(f!.message).toMatch(/不符（第2页）（OCR 识别页，请对照原件核实）$/);
  });
});

describe('sum-mismatch: changes (signed) and a year against the year before', () => {
  const change = (label: string, written: string) =>
    money(label, written, { change: true, quote: `${written.replace('-', '')} 万元` });
  test('the changes of a change add with their signs; a partial list of changes decides nothing', () => {
    const doc = (last: string, lastLabel = '其他收入增加') =>
      checkInput()
        .paragraph([
          '收入预算增加',
          change('收入预算增加', '120.50'),
          '，其中一般公共预算收入减少',
          change('一般公共预算收入减少', '-60.30'),
          '，政府性基金预算收入增加',
          change('政府性基金预算收入增加', '150.00'),
          `，${lastLabel}`,
          change(lastLabel, last),
          '。',
        ])
        .build();
    expect(run(doc('30.80'))).toEqual([]);
    expect(run(doc('40.80')).map((f) => f.expected)).toEqual([130.5]);
    // Without 其他, a part left out may have gone either way.
    expect(run(doc('40.80', '事业收入增加'))).toEqual([]);
  });
  test('a change beside a part of an amount is no part of it', () => {
    const doc = checkInput()
      .paragraph([
        '收入预算',
        money('收入预算', '8420.60'),
        '，其中：一般公共预算拨款',
        money('一般公共预算拨款', '8000.00'),
        '，较上年减少',
        change('一般公共预算拨款较上年减少', '-152.30'),
        '，政府性基金拨款',
        money('政府性基金拨款', '420.60'),
        '，其他收入',
        money('其他收入', '0.00'),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('a bracket below its whole: a warning; with 其中 or 等 inside it is a partial list', () => {
    const doc = (inside: string) =>
      checkInput()
        .paragraph([
          '编制',
          count('编制', '52', '名'),
          `（${inside}行政`,
          count('行政', '30', '名'),
          '、事业',
          count('事业', '20', '名'),
          '）。',
        ])
        .build();
    expect(run(doc('')).map((f) => f.severity)).toEqual(['warning']);
    expect(run(doc('其中'))).toEqual([]);
  });
  test('numbered paragraphs under a total ending in a colon; a paragraph between them ends the list', () => {
    const doc = (between: boolean) => {
      const b = checkInput().paragraph(['项目支出决算', money('项目支出决算', '300.00'), '，主要用于以下项目：']);
      b.paragraph(['（1）A项目', money('A项目', '200.00'), '；']);
      if (between) b.paragraph(['该项目已完成验收。']);
      return b.paragraph(['（2）B项目', money('B项目', '150.00'), '。']).build();
    };
    expect(run(doc(false)).map((f) => f.expected)).toEqual([350]);
    expect(run(doc(true))).toEqual([]);
  });
  test('an item with two figures of the kind: which is its part is not known', () => {
    const doc = checkInput()
      .paragraph(['项目支出决算', money('项目支出决算', '300.00'), '，主要用于以下项目：'])
      .paragraph(['（1）A项目预算', money('A项目预算', '200.00'), '，执行', money('执行', '190.00'), '；'])
      .paragraph(['（2）B项目', money('B项目', '150.00'), '。'])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('this year less last year against the change between them', () => {
    const doc = (written: string) =>
      checkInput()
        .paragraph([
          '本年收入合计',
          money('本年收入', '1386.35'),
          '，上年收入合计',
          money('上年收入', '1267.28', { year: 2022 }),
          '，比上年增加',
          change('收入比上年增加', written),
          '。',
        ])
        .build();
    expect(run(doc('119.07'))).toEqual([]);
    expect(run(doc('120.07')).map((f) => [f.expected, f.actual])).toEqual([[119.07, 120.07]]);
    // The direction denied is text-number-contradiction's.
    expect(run(doc('-119.07'))).toEqual([]);
  });
});

describe('sum-mismatch: what is not a part', () => {
  test('after 用于, another measure of the whole (实际支出) ends the parts', () => {
    const doc = checkInput()
      .paragraph([
        '项目预算',
        money('项目预算', '500.00'),
        '，用于购置设备',
        money('购置设备', '300.00'),
        '，实际支出',
        money('实际支出', '480.00'),
        '。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('a bracket whose parts nest (整改 of 发现问题) is no breakdown of its total', () => {
    const doc = checkInput()
      .paragraph([
        '检查企业',
        count('检查企业', '320', '家'),
        '（发现问题企业',
        count('发现问题企业', '45', '家'),
        '、整改',
        count('整改', '40', '家'),
        '）。',
      ])
      .build();
    expect(run(doc)).toEqual([]);
  });
});

describe('sum-mismatch: numbered parts over a page break', () => {
  test('the running header and page number between two items do not end the list', () => {
    const doc = checkInput()
      .paragraph(['项目支出决算', money('项目支出决算', '300.00'), '，主要用于以下项目：'])
      .paragraph(['（1）A项目', money('A项目', '200.00'), '；'])
      .paragraph(['— 3 —'], { role: 'page-number' })
      .paragraph(['某某县市场监督管理局'], { page: 2, role: 'header' })
      .paragraph(['（2）B项目', money('B项目', '150.00', {}), '。'], { page: 2 })
      .build();
    expect(run(doc).map((f) => f.expected)).toEqual([350]);
  });
});
