// Every rule on documents of our own making: one planted inconsistency each
// that must be found, and near-misses that must stay silent. The documents go
// through the whole pipeline (PDF → text → facts → checks).
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/schema/report.ts';
import type { ComposePara } from '../support/compose.ts';
import { extractComposed } from '../support/extract-made.ts';

const TITLE: ComposePara = {
  text: '2023年度某某县农业农村局整体支出绩效自评报告',
  size: 18,
  align: 'center',
  indent: 0,
};

async function findings(body: string[], headings: string[] = ['一、部门整体支出情况']): Promise<Finding[]> {
  const paras: ComposePara[] = [
    TITLE,
    ...headings.map((h) => ({ text: h, bold: true })),
    ...body.map((text) => ({ text })),
  ];
  return (await extractComposed(paras)).findings;
}
const rules = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`);

describe('sum-mismatch', () => {
  test('parts after 其中 that add up to more than the total', async () => {
    const fs = await findings([
      '2023 年基本支出决算数为 4980.37 万元，其中：人员经费 4360.55 万元，公用经费 620.82 万元。',
    ]);
    expect(rules(fs)).toEqual(['sum-mismatch:error']);
    expect(fs[0]!.message).toContain('4981.37');
    expect(fs[0]!.expected).toBe(4981.37);
    expect(fs[0]!.actual).toBe(4980.37);
  });
  test('an exhaustive decomposition stated in separate sentences that falls short', async () => {
    const fs = await findings(['2023 年基本支出决算数为 4980.37 万元。人员经费 4360.55 万元。公用经费 600.00 万元。']);
    expect(rules(fs)).toEqual(['sum-mismatch:error']);
  });
  test('near-miss: a difference within the rounding of the parts', async () => {
    expect(
      await findings(['基本支出决算数为 4980.37 万元，其中：人员经费 4360.55 万元，公用经费 619.83 万元。']),
    ).toEqual([]);
  });
  test('near-miss: a partial 其中 list', async () => {
    expect(await findings(['今年查办违法案件 115 起，其中从轻行政处罚 31 起，减轻行政处罚 48 起。'])).toEqual([]);
  });
});

describe('subset-exceeds-total', () => {
  test('a part after 其中 larger than its total', async () => {
    expect(rules(await findings(['全年共受理各类投诉 1200 起，其中办结 1300 起。']))).toEqual([
      'subset-exceeds-total:error',
    ]);
  });
  test('净增 larger than 新设', async () => {
    expect(rules(await findings(['今年新设市场主体 100 家，净增市场主体 120 家。']))).toEqual([
      'subset-exceeds-total:error',
    ]);
  });
  test('near-miss: 净增 below 新设', async () => {
    expect(await findings(['今年新设市场主体 13967 家，净增市场主体 8584 家。'])).toEqual([]);
  });
});

describe('conflicting-values', () => {
  test('the same count for the year stated twice with two values', async () => {
    const fs = await findings([
      '在今年已查办的 115 起违法案件中，从轻处罚 31 起。',
      '2023 年，共查办市场监管领域违法案件 138 起。',
    ]);
    expect(rules(fs)).toEqual(['conflicting-values:warning']);
    expect(fs[0]!.message).toMatch(/115 起.*138 起/);
  });
  test('the same budget concept with two values', async () => {
    expect(rules(await findings(['基本支出决算数为 4980.37 万元。', '全年基本支出决算数 4890.37 万元。']))).toEqual([
      'conflicting-values:warning',
    ]);
  });
  test('near-miss: a campaign figure and the year figure', async () => {
    expect(await findings(['全年完成抽样送检 1580 批次。', '专项整治期间共完成抽样送检 100 批次。'])).toEqual([]);
  });
  test('near-miss: the same figure restated', async () => {
    expect(await findings(['今年新设市场主体 13967 家。', '全年新设市场主体 13967 家，同比增长 5%。'])).toEqual([]);
  });
});

describe('rate-mismatch', () => {
  test('an execution rate its own numbers deny', async () => {
    const fs = await findings(['2023 年部门整体支出全年预算数为 500.00 万元，决算数为 450.00 万元，预算执行率 100%。']);
    expect(rules(fs)).toEqual(['rate-mismatch:error']);
    expect(fs[0]!.expected).toBe(90);
  });
  test('a project rate in one sentence', async () => {
    expect(rules(await findings(['运行维护费项目全年预算 50 万元，实际支出 45 万元，执行率 95%。']))).toEqual([
      'rate-mismatch:error',
    ]);
    // Against the initial budget alone it may be the rate of an adjusted budget not given: a warning.
    expect(rules(await findings(['运行维护费项目年初预算 50 万元，实际支出 45 万元，执行率 95%。']))).toEqual([
      'rate-mismatch:warning',
    ]);
  });
  test('near-miss: the rate agrees at the precision written, against either budget', async () => {
    expect(await findings(['部门整体支出全年预算数为 500.00 万元，决算数为 456.78 万元，预算执行率 91.4%。'])).toEqual(
      [],
    );
    expect(
      await findings([
        '部门整体支出年初预算数为 450.00 万元，全年预算数为 500.00 万元，决算数为 450.00 万元，预算执行率 100%。',
      ]),
    ).toEqual([]);
  });
});

describe('enumeration-count', () => {
  test('a stated count that its list denies', async () => {
    const fs = await findings(['本局设立 4 个监管所，分别为：东城所、西城所、南城所。']);
    expect(rules(fs)).toEqual(['enumeration-count:warning']);
    expect([fs[0]!.expected, fs[0]!.actual]).toEqual([4, 3]);
  });
  test('near-misses: a list that agrees, an open list with 等', async () => {
    expect(await findings(['本局设立 3 个监管所，分别为：东城所、西城所、南城所。'])).toEqual([]);
    expect(await findings(['本局设立 5 个监管所，包括：东城所、西城所等。'])).toEqual([]);
    expect(await findings(['机关设置 3 个股室：1、办公室 2、财务股 3、法规股。'])).toEqual([]);
  });
});

describe('heading-sequence', () => {
  test('a repeated and a skipped number', async () => {
    const paras: ComposePara[] = [
      TITLE,
      { text: '一、基本情况', bold: true },
      { text: '本单位是县政府工作部门。' },
      { text: '二、支出情况', bold: true },
      { text: '（一）基本支出情况', bold: true },
      { text: '基本支出主要用于人员和日常运转。' },
      { text: '（三）项目支出情况', bold: true },
      { text: '项目支出主要用于专项工作。' },
      { text: '二、绩效情况', bold: true },
      { text: '各项目标均已完成。' },
    ];
    const fs = (await extractComposed(paras)).findings;
    expect(rules(fs)).toEqual(['heading-sequence:info', 'heading-sequence:info']);
    expect(fs.map((f) => f.message).join('\n')).toMatch(/重复[\s\S]*缺少“（二）”/);
  });
  test('near-miss: a clean sequence', async () => {
    const paras: ComposePara[] = [
      TITLE,
      { text: '一、基本情况', bold: true },
      { text: '正文。' },
      { text: '二、支出情况', bold: true },
      { text: '正文。' },
    ];
    expect((await extractComposed(paras)).findings).toEqual([]);
  });
});

describe('percent-out-of-range', () => {
  test('a completion rate above 100 %', async () => {
    expect(rules(await findings(['全年任务完成率 120%。']))).toEqual(['percent-out-of-range:error']);
  });
  test('near-miss: growth above 100 %', async () => {
    expect(await findings(['有效发明专利同比增长 133.8%。'])).toEqual([]);
  });
});

describe('year-mismatch', () => {
  test('a 2023 report whose budget sentence names 2022', async () => {
    expect(rules(await findings(['2022 年基本支出年初预算数为 4668.70 万元。']))).toEqual(['year-mismatch:warning']);
  });
  test('near-miss: a comparison with the previous year', async () => {
    expect(await findings(['2023 年基本支出年初预算数为 4668.70 万元，较上年增加 100 万元。'])).toEqual([]);
  });
});

describe('text-number-contradiction', () => {
  test('a claimed gap between budget and actual that the numbers deny', async () => {
    const fs = await findings([
      '运行维护费全年预算数为 32.15 万元，决算数为 32.15 万元。',
      '1、运行维护费预算与决算数存在一定差距，有待加强。',
    ]);
    expect(rules(fs)).toEqual(['text-number-contradiction:warning']);
  });
  test('near-misses: a real gap; only one figure given (undecidable)', async () => {
    expect(
      await findings([
        '运行维护费全年预算数为 40.00 万元，决算数为 32.15 万元。',
        '1、运行维护费预算与决算数存在一定差距。',
      ]),
    ).toEqual([]);
    expect(await findings(['运行维护经费 32.15 万元。', '1、运行维护经费开支预算与决算数存在一定差距。'])).toEqual([]);
  });
});

test('a clean report stays silent', async () => {
  const fs = await findings([
    '2023 年部门整体支出年初预算数为 5264.70 万元，全年预算数为 5836.24 万元，决算数为 5836.24 万元，预算执行率 100%。',
    '其中基本支出决算数 4980.37 万元，项目支出决算数 855.87 万元。',
    '今年共新设市场主体 13967 家，净增市场主体 8584 家；全年办理留抵退税 5.32 亿元。',
    '设立 3 个执法中队，分别为：一中队、二中队、三中队。',
    '根据评分标准，2023 年我单位部门整体绩效评价自评分为 96.5 分。',
  ]);
  expect(fs).toEqual([]);
});

describe('sum-mismatch on complete 其中 lists', () => {
  test('基本支出 + 项目支出 short of 支出合计, and a list ending in 其他 short of its total', async () => {
    const fs = await findings([
      '支出合计 1,230.45 万元，其中：基本支出 980.12 万元，项目支出 250.23 万元。',
      '收入合计 1,256.78 万元，其中：财政拨款收入 1,200.00 万元，其他收入 50.78 万元。',
    ]);
    expect(rules(fs)).toEqual(['sum-mismatch:error', 'sum-mismatch:error']);
  });
  test('near-miss: the same lists adding up', async () => {
    expect(
      await findings([
        '支出合计 1,230.45 万元，其中：基本支出 980.12 万元，项目支出 250.33 万元。',
        '收入合计 1,256.78 万元，其中：财政拨款收入 1,200.00 万元，其他收入 56.78 万元。',
      ]),
    ).toEqual([]);
  });
});

describe('conflicting-values under the very same label', () => {
  test('a figure restated with another value, even without a year word', async () => {
    const fs = await findings(['今年共新设市场主体 13967 家。', '新设市场主体 13976 家，有力激发了市场活力。']);
    expect(rules(fs)).toEqual(['conflicting-values:warning']);
  });
  test('near-miss: a short label in two contexts', async () => {
    expect(await findings(['走访企业 18 家。', '帮扶企业 12 家。'])).toEqual([]);
  });
});

describe('counts are exact', () => {
  test('parts counted one by one that miss their total by one', async () => {
    const fs = await findings(['本年度共实施项目二十三个，其中：公共卫生项目12个，医疗服务项目8个，其他项目4个。']);
    expect(fs.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['sum-mismatch', 'error', 24, 23]]);
  });
  test('near-miss: counts that add up; rounded 万 counts within their rounding', async () => {
    expect(await findings(['本年度共实施项目23个，其中：公共卫生项目12个，医疗服务项目8个，其他项目3个。'])).toEqual(
      [],
    );
    expect(await findings(['全年体检4.5万人次，其中：城区1.2万人次，其他地区3.4万人次。'])).toEqual([]);
  });
});

describe('rate-mismatch against the adjusted budget', () => {
  test('a basic-spending rate its adjusted budget denies is shown against that budget', async () => {
    const fs = await findings(
      ['基本支出年初预算数为4,500万元，全年预算数为4,800万元，实际支出4,750万元，执行率97.96%。'],
      ['二、基本支出'],
    );
    expect(fs.map((f) => [f.rule, f.expected, f.actual])).toEqual([['rate-mismatch', 98.96, 97.96]]);
  });
  test('near-miss: the rate against the adjusted budget', async () => {
    expect(
      await findings(
        ['基本支出年初预算数为4,500万元，全年预算数为4,800万元，实际支出4,750万元，执行率98.96%。'],
        ['二、基本支出'],
      ),
    ).toEqual([]);
  });
});
