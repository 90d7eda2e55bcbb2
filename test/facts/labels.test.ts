import { describe, expect, test } from 'vitest';
import { extractFacts, type FactParagraph } from '../../src/facts/index.ts';
import type { Section } from '../../src/schema/report.ts';

function factsOf(texts: string[], sections: Section[] = [], sectionId: string | null = null) {
  const paragraphs: FactParagraph[] = texts.map((text, i) => ({
    id: `p${i + 1}`,
    text,
    page: 1,
    sectionId,
    role: 'body',
    spans: [{ start: 0, end: text.length, page: 1, bbox: [0, 0, text.length * 10, 12] }],
  }));
  return extractFacts({ paragraphs, sections });
}
const labels = (texts: string[], sections?: Section[], sectionId?: string) =>
  factsOf(texts, sections, sectionId ?? null)
    .filter((f) => f.kind !== 'date')
    .map((f) => f.label);
const section = (id: string, title: string): Section => ({
  id,
  parentId: null,
  level: 1,
  marker: '（一）',
  family: 'cn-paren',
  ordinal: 1,
  title,
  page: 1,
});

describe('labels', () => {
  test('a filler word is cut from the end of a label, not from the word it ends (下达, 审计, 节约, 行为)', () => {
    expect(
      labels([
        '财政直接下达 4020 万元，委托审计 3 次，共节约 15 万元，查处违法行为 12 起，完成率达 98%，资金总额为 300 万元。',
      ]),
    ).toEqual(['财政直接下达', '委托审计', '节约', '查处违法行为', '完成率', '资金总额']);
  });

  test("a negative number's sign is the number's, not the label's", () => {
    expect(labels(['“三公”经费支出增长率为－15.6%。'])).toEqual(['“三公”经费支出增长率']);
  });

  test('the thing counted, without time words and fillers', () => {
    expect(labels(['今年共新设市场主体 13967 家，净增市场主体 8584 家。'])).toEqual(['新设市场主体', '净增市场主体']);
    expect(labels(['全区共有有效发明 281 个，专利申请 493 个。'])).toEqual(['有效发明', '专利申请']);
  });

  test('the subject of a budget sentence carries over to its later clauses', () => {
    expect(
      labels([
        '2023 年基本支出年初预算数为 4668.70 万元，全年预算数为 4980.37 万元，决算数为 4980.37 万元，其中：人员经费 4360.55 万元；公用经费 619.82 万元。',
      ]),
    ).toEqual(['基本支出年初预算数', '基本支出全年预算数', '基本支出决算数', '人员经费', '公用经费']);
    expect(labels(['2023年项目支出年初预算数为596.00万元，全年预算为855.87万元，决算数为855.87万元。'])).toEqual([
      '项目支出年初预算数',
      '项目支出全年预算',
      '项目支出决算数',
    ]);
  });

  test('the noun after the classifier when the clause has none', () => {
    expect(labels(['在今年已查办的 115 起违法案件中，其中从轻行政处罚 31 起。'])).toEqual(['违法案件', '从轻行政处罚']);
    expect(labels(['为 2 家小微企业融资近 100 万元。'])).toEqual(['小微企业', '小微企业融资']);
    expect(labels(['设 1 个执法大队：综合行政执法大队。'])).toEqual(['执法大队']);
  });

  test('a sentence ended by a half-width "." after a number: the next one starts afresh, its year read', () => {
    // 。 typed as "." (published 2023 report of a 交警 unit): the rate before is not part of the next label
    const facts = factsOf(['万人死亡率0.37.2023年全年城区交通事故报警催警数为1788起（次），催警率为0.41%。']);
    const counted = facts.find((f) => f.value === 1788)!;
    expect([counted.kind, counted.label, counted.unit]).toEqual(['count', '城区交通事故报警催警数', '起']);
    expect(facts.some((f) => f.kind === 'date' && f.value === '2023')).toBe(true);
    // a decimal point stays one: 3.5 万元 is one number, its label before it
    expect(labels(['项目资金3.5万元.其中人员经费1.2万元'])).toEqual(['项目资金', '人员经费']);
  });
  test('items named before 分别为 label the list members', () => {
    expect(labels(['新设企业、个体工商户和农民专业合作社分别为 12、8、5 家。'])).toEqual([
      '新设企业',
      '个体工商户',
      '农民专业合作社',
    ]);
  });

  test('a bare budget term takes its scope from the section title', () => {
    const s = [section('s1', '项目支出情况')];
    expect(labels(['年初预算数 596.00 万元，调整预算数 855.87 万元，实际支出 855.87 万元。'], s, 's1')).toEqual([
      '项目支出年初预算数',
      '项目支出调整预算数',
      '项目支出实际支出',
    ]);
  });
});

describe('concepts', () => {
  const concepts = (texts: string[], sections?: Section[], sectionId?: string) =>
    factsOf(texts, sections, sectionId ?? null)
      .filter((f) => f.kind !== 'date')
      .map((f) => [f.label, f.concept]);

  test("budget concepts for basic and project spending, with other provinces' wording", () => {
    expect(concepts(['基本支出年初预算 300 万元，调整后预算 320.5 万元，支出决算数 318.2 万元。'])).toEqual([
      ['基本支出年初预算', 'budget.basic.initial'],
      ['基本支出调整后预算', 'budget.basic.adjusted'],
      ['基本支出支出决算数', 'budget.basic.actual'],
    ]);
    expect(concepts(['项目支出预算批复数 80 万元，全年执行数 79 万元。'])).toEqual([
      ['项目支出预算批复数', 'budget.project.initial'],
      ['项目支出全年执行数', 'budget.project.actual'],
    ]);
  });

  test('whole-unit totals, execution rate and self score', () => {
    const s = [section('s1', '部门整体支出情况')];
    expect(
      concepts(['年初预算数 5264.70 万元，全年预算数 5836.24 万元，决算数 5836.24 万元，预算执行率 100%。'], s, 's1'),
    ).toEqual([
      ['部门整体支出年初预算数', 'budget.total.initial'],
      ['部门整体支出全年预算数', 'budget.total.adjusted'],
      ['部门整体支出决算数', 'budget.total.actual'],
      ['部门整体支出预算执行率', 'budget.executionRate'],
    ]);
    expect(concepts(['我单位部门整体绩效评价自评分为 98.5 分。'])).toEqual([
      ['部门整体绩效评价自评分', 'evaluation.selfScore'],
    ]);
  });

  test("a single project's figures have no concept", () => {
    expect(concepts(['运行维护费项目年初预算数 32.15 万元，项目执行率 95%；编外用人员经费 93.18 万元。'])).toEqual([
      ['运行维护费项目年初预算数', null],
      ['项目执行率', null],
      ['编外用人员经费', null],
    ]);
  });

  test('personnel and public funds; staffing', () => {
    expect(concepts(['其中：人员经费 4360.55 万元，公用经费 619.82 万元。编制数 45 人，实有人数 43 人。'])).toEqual([
      ['人员经费', 'budget.basic.personnel'],
      ['公用经费', 'budget.basic.public'],
      ['编制数', 'staffing.authorized'],
      ['实有人数', 'staffing.actual'],
    ]);
  });
});

test('provenance: page of the number and a box narrowed to its characters', () => {
  const text = '新设企业 5490 家。';
  const [fact] = factsOf([text]);
  expect(fact!.page).toBe(1);
  // Narrowed by glyph widths (an ASCII character is half an em): 4.5 of the span's 9 ems before the number.
  expect(fact!.bbox).toEqual([60, 0, 106.7, 12]);
  expect(fact!.quote).toBe('新设企业 5490 家');
});

test('a lead word is trimmed only when a word is left, and staffing counts with 年末 map to concepts', () => {
  expect(concepts2(['年末编制数 45 人，实有人数 43 人，其中在职 38 人。'])).toEqual([
    ['年末编制数', 'staffing.authorized'],
    ['实有人数', 'staffing.actual'],
    ['在职', null],
  ]);
});

function concepts2(texts: string[]) {
  return factsOf(texts)
    .filter((f) => f.kind !== 'date')
    .map((f) => [f.label, f.concept]);
}

test('enumerated clauses (一是…二是…) do not carry their ordinal into the label; pairs are counted', () => {
  expect(concepts2(['一是完成免费婚检 3,200 对；二是孕产妇系统管理率达到 92.5%；其次，开展一对一帮扶。'])).toEqual([
    ['完成免费婚检', null],
    ['孕产妇系统管理率', null],
  ]);
});

test('a lead word is cut only where it stands alone, not from the word it begins (在职人员, 对口帮扶)', () => {
  expect(
    labels([
      '在职人员50人。',
      '在岗职工30人。',
      '在建项目5个。',
      '对口帮扶村4个。',
      '给水管网改造3公里。',
      '给予补助对象120人。',
      '在校学生1200人。',
    ]),
  ).toEqual(['在职人员', '在岗职工', '在建项目', '对口帮扶村', '给水管网改造', '给予补助对象', '在校学生']);
  // a preposition or adverb of its own is still cut
  expect(labels(['在全市开展培训3次。', '对困难群众发放补助100户。', '共完成培训3次。', '已完成验收5个。'])).toEqual([
    '开展培训',
    '困难群众发放补助',
    '完成培训',
    '完成验收',
  ]);
});

test('均 (both) after names listed is cut, their own 总计 kept; 平均, 人均, 年均 stay', () => {
  expect(labels(['2022年度收入总计、支出总计均为2,480,372.7万元。', '基本支出和项目支出均为100万元。'])).toEqual([
    '收入总计、支出总计',
    '基本支出和项目支出',
  ]);
  expect(labels(['人均培训费用为1,200元。', '年均增长5%。'])).toEqual(['人均培训费用', '年均增长']);
});
