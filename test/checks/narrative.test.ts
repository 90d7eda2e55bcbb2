// Narrative rules on made documents (PDF → text → facts → checks): each class
// of finding auditors look for first, with the near-misses that must stay silent.
import { describe, expect, test } from 'vitest';
import type { Finding } from '../../src/schema/report.ts';
import type { ComposePara } from '../support/compose.ts';
import { extractComposed } from '../support/extract-made.ts';

const WHOLE: ComposePara = {
  text: '2023年度某某县人力资源和社会保障局部门整体支出绩效自评报告',
  size: 18,
  align: 'center',
  indent: 0,
};
const PROJECT: ComposePara = { text: '2023年度就业创业补贴资金项目绩效自评报告', size: 18, align: 'center', indent: 0 };

async function findings(body: (string | ComposePara)[], title = WHOLE): Promise<Finding[]> {
  const paras: ComposePara[] = [
    title,
    { text: '一、基本情况', bold: true },
    ...body.map((b) => (typeof b === 'string' ? { text: b } : b)),
  ];
  return (await extractComposed(paras)).findings.filter((f) => f.rule !== 'heading-sequence');
}
const rules = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.severity}`);

describe('year-mismatch', () => {
  test('a self-score sentence of another year', async () => {
    expect(
      rules(await findings(['经综合评价，我局 2022 年度部门整体支出绩效自评得分 95.75 分，等级为“优”。'])),
    ).toEqual(['year-mismatch:warning']);
  });
  test('a budget sentence of another year, its 其中 naming 上年结转资金', async () => {
    const fs = await findings(
      [
        '2024 年项目年初预算数 3178.17 万元，全年预算数 3486.03 万元，其中：当年财政拨款 3080.46 万元，上年结转资金 405.57 万元。',
      ],
      PROJECT,
    );
    expect(rules(fs)).toContain('year-mismatch:warning');
  });
  test('near-misses: a comparison with last year; a date of the next year; a plan for the next year; another document named; a fund named by its year', async () => {
    expect(
      await findings([
        '2022 年度部门整体支出绩效自评得分 93 分，比上年提高 2 分。',
        '2024 年 4 月 15 日',
        '2024 年将继续加强预算绩效管理，进一步提升自评质量。',
        '针对《2022年度部门整体支出绩效自评报告》指出的问题逐项整改。',
        '西安市第三医院1.5TMRI（2021年医疗卫生机构能力提升补助资金）项目绩效自评表',
      ]),
    ).toEqual([]);
  });
});

describe('percent-out-of-range', () => {
  test('a bare 实际完成 under the indicator it names', async () => {
    expect(rules(await findings(['1．受益群众满意度。实际完成 108.7%，完成年度目标。']))).toEqual([
      'percent-out-of-range:error',
    ]);
  });
  test('a share (占…的) above 100 %', async () => {
    expect(
      rules(await findings(['共涉及项目 17 个，资金 1311.71 万元，占一般公共预算项目支出总额的 103.6%。'])),
    ).toEqual(['percent-out-of-range:error']);
  });
  test('near-misses: growth and over-fulfilment, and a rate that is not a share', async () => {
    expect(
      await findings(['全年新增就业 5200 人，同比增长 108.3%。', '职业技能培训超额完成，达到年度目标的 120%。']),
    ).toEqual([]);
  });
});

describe('subset-exceeds-total', () => {
  test('the genre’s parts and wholes in one sentence', async () => {
    expect(rules(await findings(['全年主动公开政府信息 833 条，受理依申请公开 12 件，按时答复 16 件。']))).toEqual([
      'subset-exceeds-total:error',
    ]);
    expect(rules(await findings(['承办人大代表建议和政协委员提案 22 件，已全部办结 28 件。']))).toEqual([
      'subset-exceeds-total:error',
    ]);
  });
  test('near-miss: cases carried over from last year', async () => {
    expect(await findings(['全年受理劳动争议案件 208 件，办结 215 件（含上年结转案件 12 件）。'])).toEqual([]);
  });
});

describe('conflicting-values', () => {
  test('a summing-up restatement of an earlier count', async () => {
    const fs = await findings([
      '全年接收社区矫正对象 191 人，解除矫正 217 人。',
      '经统计，全年解除矫正共 236 人，各项重点工作均按计划推进。',
    ]);
    expect(rules(fs)).toEqual(['conflicting-values:warning']);
  });
  test('a restatement written a little differently', async () => {
    const fs = await findings([
      '全年受理劳动人事争议案件 208 件，结案 136 件。',
      '经统计，全年受理劳动争议案件共 170 件，各项重点工作均按计划推进。',
    ]);
    expect(rules(fs)).toEqual(['conflicting-values:warning']);
  });
  test('near-miss: items of a list are never one quantity stated twice', async () => {
    expect(
      await findings([
        '（1）就业见习补贴项目：预算安排 120.00 万元，预算执行数 118.20 万元；（2）公益性岗位补贴项目：预算安排 260.00 万元，预算执行数 255.60 万元。',
        '（3）职业培训补贴项目：预算安排 80.00 万元，预算执行数 79.10 万元。',
        '关停企业困难补助预算 600 万元，实际支出 600 万元。用于：工改办负责的企业 22 家，商改办负责的企业 4 家。',
        '两节两会慰问预算 220 万元，实际支出 220 万元。用于：工改办负责的企业 38 家，商改办负责的企业 7 家。',
      ]),
    ).toEqual([]);
  });
  test('near-miss: the same label in sentences of two years', async () => {
    expect(
      await findings([
        '2019年共申报安全隐患项目 14 个，市国资委审核资金 104 万元。',
        '2020年共申报安全隐患项目 16 个，市国资委审核资金 57 万元。',
      ]),
    ).toEqual([]);
  });
});

describe('text-number-contradiction', () => {
  test('"未进行预算调整" while the two budgets differ', async () => {
    const fs = await findings(
      [
        '2023 年项目年初预算数 495.89 万元，全年预算数 784.86 万元。',
        '项目年初预算与全年预算一致，年度中未进行预算调整。',
      ],
      PROJECT,
    );
    expect(rules(fs)).toEqual(['text-number-contradiction:warning']);
  });
  test('"总体有所下降" while this year is above last year', async () => {
    const fs = await findings([
      '2023 年度本年支出合计 1543.34 万元，上年支出合计 1267.28 万元，总体有所下降，主要原因是人员变动。',
    ]);
    expect(rules(fs)).toEqual(['text-number-contradiction:error']);
  });
  test('near-misses: budgets that are equal; a direction the numbers agree with', async () => {
    expect(
      await findings(
        [
          '2023 年项目年初预算数 495.89 万元，全年预算数 495.89 万元。',
          '项目年初预算与全年预算一致，年度中未进行预算调整。',
          '本年支出合计 1543.34 万元，上年支出合计 1267.28 万元，总体有所增长。',
        ],
        PROJECT,
      ),
    ).toEqual([]);
  });
});

describe('sum-mismatch and rate-mismatch in the genre’s words', () => {
  test('三公经费 is its three items; the third stated as zero', async () => {
    expect(
      rules(
        await findings([
          '2023 年度“三公”经费支出 8.15 万元，其中：公务接待费 1.80 万元，公务用车运行维护费 5.04 万元，因公出国（境）费为零。',
        ]),
      ),
    ).toEqual(['sum-mismatch:error']);
  });
  test('near-miss: a 三公 list with a part and its own sub-items', async () => {
    expect(
      await findings([
        '“三公”经费预算 458.50 万元，其中：公务接待费 28.50 万元，公务用车购置及运行费 400.00 万元（公务用车购置费 150.00 万元，公务用车运行费 250.00 万元），因公出国（境）费 30.00 万元。',
      ]),
    ).toEqual([]);
  });
  test('财政拨款 + 上年结转资金 below their total, when the report gives no other funds', async () => {
    expect(
      rules(
        await findings(
          ['项目全年预算数 3486.03 万元，其中：当年财政拨款 2904.82 万元，上年结转资金 405.57 万元。'],
          PROJECT,
        ),
      ),
    ).toEqual(['sum-mismatch:error']);
  });
  test('a growth rate its own change denies', async () => {
    expect(rules(await findings(['2023 年度本年支出合计 558.45 万元，比上年增加 19.23 万元，增长 9.22%。']))).toEqual([
      'rate-mismatch:error',
    ]);
    expect(await findings(['2023 年度本年支出合计 558.45 万元，比上年增加 19.23 万元，增长 3.57%。'])).toEqual([]);
    // A fall: its rate is signed (−11.57, contract 1.2); the size is what is checked.
    expect(await findings(['2023 年度本年支出合计 1386.35 万元，比上年减少 181.54 万元，下降 11.58%。'])).toEqual([]);
    expect(
      rules(await findings(['2023 年度本年支出合计 1386.35 万元，比上年减少 181.54 万元，下降 13.58%。'])),
    ).toEqual(['rate-mismatch:error']);
  });
});
