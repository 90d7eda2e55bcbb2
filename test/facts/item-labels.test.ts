// Figures of a list of items take the item's name, so that two items are
// never one quantity stated twice (a published report had 36 such warnings).
import { expect, test } from 'vitest';
import { extractFacts } from '../../src/facts/index.ts';

const labels = (text: string, concepts = {}) =>
  extractFacts({
    paragraphs: [{ id: 'p1', text, page: 1, sectionId: null, role: 'body', spans: [] }],
    sections: [],
    concepts,
  })
    .filter((f) => f.kind !== 'date')
    .map((f) => [f.label, f.value, f.concept]);

test('the item named before 预算 is the subject of 实际支出 and 预算执行率 after it', () => {
  expect(
    labels(
      '①破产改制企业资金缺口弥补预算6,000万元，实际支出5,974万元，预算执行率99.57%。②困难企业社保欠费补助项目预算3,750万元，实际支出3,706.09万元。',
    ),
  ).toEqual([
    ['破产改制企业资金缺口弥补预算', 6000, null],
    ['破产改制企业资金缺口弥补实际支出', 5974, null],
    ['破产改制企业资金缺口弥补预算执行率', 99.57, null],
    ['困难企业社保欠费补助项目预算', 3750, null],
    ['困难企业社保欠费补助项目实际支出', 3706.09, null],
  ]);
});

test('run-in item titles name the figures under them; a change of budget names no item', () => {
  expect(
    labels(
      '（1）职业技能培训补贴：预算安排120万元，预算执行数118万元；（2）创业担保贷款贴息：预算安排80万元，预算执行数80万元。',
    ),
  ).toEqual([
    ['职业技能培训补贴预算安排', 120, null],
    ['职业技能培训补贴预算执行数', 118, null],
    ['创业担保贷款贴息预算安排', 80, null],
    ['创业担保贷款贴息预算执行数', 80, null],
  ]);
  expect(
    labels('部门年初预算数为3,456.78万元。年中追加预算500万元，全年预算数为3,956.78万元。', { fallbackScope: 'total' }),
  ).toEqual([
    ['部门年初预算数', 3456.78, 'budget.total.initial'],
    ['年中追加预算', 500, null],
    ['全年预算数', 3956.78, 'budget.total.adjusted'],
  ]);
});

test("其中 parts of a project's funds take the measure they divide; 本年支出合计 in a 决算 is this year's spending", () => {
  expect(
    labels('全年预算数3,000.00万元，其中：当年财政拨款2,904.82万元，上年结转资金95.18万元。', { projectReport: true }),
  ).toEqual([
    ['全年预算数', 3000, 'project.total.adjusted'],
    ['财政拨款', 2904.82, 'project.fiscal.adjusted'],
    ['上年结转资金', 95.18, 'project.carryover.adjusted'],
  ]);
  expect(labels('2024年度本年支出合计558.45万元。', { finalAccounts: true, fiscalYear: 2024 })).toEqual([
    ['本年支出', 558.45, 'budget.total.actual'],
  ]);
});

test("a bare 执行数 after an amount named by a thing alone is that thing's, never the whole's", () => {
  const project = { projectReport: true, fiscalYear: 2020 };
  // a sub-fund named by a thing alone: its 执行数 is not the project's
  for (const text of [
    '2020年财政批复的应急资金为280万元，执行数70万元，结余210万元。',
    '应急资金280万元，实际支出70万元。',
    '设备购置经费安排为50万元，决算数48万元。',
  ])
    expect(
      labels(text, project).every(([, , concept]) => concept === null),
      text,
    ).toBe(true);
  // the project's whole, or a budget scope, named alone: the bare term is its
  expect(labels('项目资金280万元，执行数270万元。', project)).toEqual([
    ['项目资金', 280, null],
    ['执行数', 270, 'project.total.actual'],
  ]);
  expect(labels('基本支出500万元，执行数480万元。', { fiscalYear: 2020, fallbackScope: 'total' })).toEqual([
    ['基本支出', 500, null],
    ['执行数', 480, 'budget.basic.actual'],
  ]);
  // a part after a total is not the subject of what follows
  expect(
    labels('年初预算数为100万元，其中基本支出60万元，项目支出40万元，执行数95万元。', {
      fiscalYear: 2020,
      fallbackScope: 'total',
    }).map(([, , c]) => c),
  ).toEqual(['budget.total.initial', 'budget.basic.initial', 'budget.project.initial', 'budget.total.actual']);
});

test('a share that names no whole is the share of the amount just before it in its clause', () => {
  expect(
    labels('本年支出合计2,074.96万元，其中：基本支出1,168.04万元，占56.29%；项目支出906.92万元，占比43.71%。').map(
      ([label, value]) => [label, value],
    ),
  ).toEqual([
    ['本年支出', 2074.96],
    ['基本支出', 1168.04],
    ['基本支出占比', 56.29],
    ['项目支出', 906.92],
    ['项目支出占比', 43.71],
  ]);
  // a share after other words, or after a count, keeps its own words
  expect(labels('基本支出1,168.04万元，较上年增长，占56.29%。').map(([l]) => l)).toContain('占');
  expect(labels('编制人数50人，占60%。').at(-1)?.[0]).toBe('占');
});

test('分别 names the figures of a list in order: each with its own unit, or a change of each', () => {
  const read = (text: string) =>
    labels(text)
      .filter(([, value]) => typeof value === 'number')
      .map(([label, value]) => [label, value]);
  expect(read('培训人数、覆盖率分别达到1200人、95%。')).toEqual([
    ['培训人数', 1200],
    ['覆盖率', 95],
  ]);
  expect(read('道路交通事故起数和死亡人数较2022年分别下降10.55%、10.87%。')).toEqual([
    ['道路交通事故起数较2022年下降', -10.55],
    ['死亡人数较2022年下降', -10.87],
  ]);
  expect(read('收入和支出比上年分别增长5%、6%。')).toEqual([
    ['收入比上年增长', 5],
    ['支出比上年增长', 6],
  ]);
  // 与 joins the names unless a year or period follows it; 比 inside a name (占比, 比例) is the name's
  expect(read('收入与支出比上年分别增长5%、6%。')).toEqual([
    ['收入比上年增长', 5],
    ['支出比上年增长', 6],
  ]);
  expect(read('收入、支出与上年相比分别增长5%、6%。')).toEqual([
    ['收入与上年相比增长', 5],
    ['支出与上年相比增长', 6],
  ]);
  expect(read('基本支出占比和项目支出占比分别为56.29%、43.71%。')).toEqual([
    ['基本支出占比', 56.29],
    ['项目支出占比', 43.71],
  ]);
  expect(read('资金到位率与支出比例分别为100%、95.5%。')).toEqual([
    ['资金到位率', 100],
    ['支出比例', 95.5],
  ]);
  expect(read('培训人次和覆盖率同比分别增长8%、3%。')).toEqual([
    ['培训人次同比增长', 8],
    ['覆盖率同比增长', 3],
  ]);
  // the figures before it in its sentence, as many as the list has
  expect(read('报警催警数为1788起，催警率为0.41%，较2022年分别下降10.55%、10.87%。')).toEqual([
    ['报警催警数', 1788],
    ['催警率', 0.41],
    ['报警催警数较2022年下降', -10.55],
    ['催警率较2022年下降', -10.87],
  ]);
  // a change before them is no figure a change can be of
  expect(read('死亡人数同比下降20.89%，催警数为1788起，催警率为0.41%，较2022年分别下降10.55%、10.87%。')).toEqual([
    ['死亡人数同比下降', -20.89],
    ['催警数', 1788],
    ['催警率', 0.41],
    ['催警数较2022年下降', -10.55],
    ['催警率较2022年下降', -10.87],
  ]);
  // one figure before a list of two: which is which is not said
  expect(read('收入总计2,480万元，与上年相比分别增加5%、6%。').map(([label]) => label)).not.toContain(
    '收入总计与上年相比增加',
  );
});
