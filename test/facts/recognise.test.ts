import { describe, expect, test } from 'vitest';
import { parseNumberText } from '../../src/text/numbers.ts';
import { recogniseFacts } from '../../src/facts/recognise.ts';

const one = (text: string) => {
  const facts = recogniseFacts(text);
  expect(facts, text).toHaveLength(1);
  return facts[0]!;
};
const brief = (text: string) =>
  recogniseFacts(text).map((f) => [f.kind, f.value, f.unit, f.normalized.value, f.normalized.unit, f.approximate]);

describe('a half-width full stop after a number', () => {
  test('a year after it starts a new number; other digits after a "." stay the number\'s', () => {
    expect(brief('万人死亡率0.37.2023年报警数为1788起').map((f) => [f[0], f[1]])).toEqual([
      ['date', '2023'],
      ['count', 1788],
    ]);
    // a section number or version (1.2.3) is not read as two numbers
    expect(recogniseFacts('按照1.2.3条执行，受理12件')).toHaveLength(1);
  });
});

describe('number forms', () => {
  test('decimals and thousands separators, half- and full-width', () => {
    expect(brief('全年预算数为 4,980.37 万元')).toEqual([['money', 4980.37, '万元', 49803700, '元', false]]);
    expect(brief('出动检查人员 1，430 人次')).toEqual([['count', 1430, '人次', 1430, '人次', false]]);
    expect(brief('决算数为４９８０．３７万元')).toEqual([['money', 4980.37, '万元', 49803700, '元', false]]);
  });

  test('money units normalise to 元', () => {
    expect(brief('支出 1200 元；拨付 35 千元；安排 5.32 亿元；补助 0.5 万元')).toEqual([
      ['money', 1200, '元', 1200, '元', false],
      ['money', 35, '千元', 35000, '元', false],
      ['money', 5.32, '亿元', 532000000, '元', false],
      ['money', 0.5, '万元', 5000, '元', false],
    ]);
  });

  test('multipliers before a classifier: 1.2万户, 1.4万起, 3万余份', () => {
    expect(brief('企业年报 1.2 万户')).toEqual([['count', 1.2, '万户', 12000, '户', false]]);
    expect(brief('受理投诉1.4万起')).toEqual([['count', 1.4, '万起', 14000, '起', false]]);
    expect(brief('发放宣传资料3万余份')).toEqual([['count', 3, '万份', 30000, '份', true]]);
    expect(brief('节约费用 47 万余元')).toEqual([['money', 47, '万元', 470000, '元', true]]);
  });

  test('Chinese numerals in counts', () => {
    expect(brief('设立十五个监管所')).toEqual([['count', 15, '个', 15, '个', false]]);
    expect(brief('走访一百二十家企业')).toEqual([['count', 120, '家', 120, '家', false]]);
    expect(brief('培训两千人次')).toEqual([['count', 2000, '人次', 2000, '人次', false]]);
    expect(brief('两项在线监管平台')).toEqual([['count', 2, '项', 2, '项', false]]);
  });

  test('approximations', () => {
    for (const text of [
      '融资近 100 万元',
      '门店超 1 万家次',
      '约 30 家',
      '逾 200 人',
      '整改 200 余个',
      '资料 3 万多份',
      '50 家以上',
      '30 人左右',
      '累计超 1500 人次',
    ]) {
      expect(one(text).approximate, text).toBe(true);
    }
    expect(one('新设企业 5490 家').approximate).toBe(false);
  });

  test('a range is one approximate fact from its lower to its upper bound', () => {
    const f = one('每年开展 10—20 个专项行动');
    expect([f.value, f.rangeTo, f.unit, f.approximate]).toEqual([10, 20, '个', true]);
    expect(one('培训 3~5 天').rangeTo).toBe(5);
  });

  test('a range with its unit written on both ends (5%-10%) is a range, not 5% and minus 10%', () => {
    for (const [text, expected] of [
      ['年采供血量增幅上涨5%-10%', [5, 10, '%']],
      ['培训5个-10个', [5, 10, '个']],
      ['投入3万元-5万元', [3, 5, '万元']],
    ] as const) {
      const f = one(text);
      expect([f.value, f.rangeTo, f.unit], text).toEqual(expected);
    }
    // a sign is still a sign: after a word, not after a number and its unit
    expect(one('增长率为－15.6%').value).toBe(-15.6);
  });

  test('the operands of a formula are not facts; its result and the parts of a sum are', () => {
    expect(recogniseFacts('计算公式为：得分＝（实际完成率-60％）／（1-60％）x指标分值')).toEqual([]);
    expect(brief('执行率=执行数/预算数×100%=98.5%').map((f) => f[1])).toEqual([98.5]);
    expect(brief('支出合计1302.10万元=基本支出800万元+项目支出502.10万元').map((f) => f[1])).toEqual([
      1302.1, 800, 502.1,
    ]);
  });

  test('percentages, growth, decline and 百分点', () => {
    expect(brief('预算执行率 99.5%')).toEqual([['percent', 99.5, '%', 99.5, '%', false]]);
    expect(brief('同比增长 33.8％')).toEqual([['percent', 33.8, '%', 33.8, '%', false]]);
    expect(brief('满意度达到百分之九十五')).toEqual([['percent', 95, '%', 95, '%', false]]);
    expect(brief('下降 2.1 个百分点')).toEqual([['percent', -2.1, '个百分点', -2.1, '百分点', false]]);
  });

  test('changes: signed by their direction, of any kind; a level reached is no change', () => {
    const changes = (text: string) => recogniseFacts(text).map((f) => [f.value, f.unit, f.change]);
    expect(
      changes('收入预算增加120.50万元，其中一般公共预算收入减少60.30万元，较上年减少152.30万元，比上年少3人'),
    ).toEqual([
      [120.5, '万元', 1],
      [-60.3, '万元', -1],
      [-152.3, '万元', -1],
      [-3, '人', -1],
    ]);
    expect(changes('比上年多800万元，较预算节约12万元，同比增长2.5万户，增长率为－6.3%')).toEqual([
      [800, '万元', 1],
      [-12, '万元', -1],
      [2.5, '万户', 1],
      [-6.3, '%', 1],
    ]);
    // The new level, and figures that only stand near a change word, are levels.
    expect(changes('支出增加至500万元，下降到3%，实现增加值50亿元，至少3人，8,420.60万元')).toEqual([
      [500, '万元', null],
      [3, '%', null],
      [50, '亿元', null],
      [3, '人', null],
      [8420.6, '万元', null],
    ]);
    // Figures listed after the word change the same way.
    expect(changes('较2022年分别下降10.55%、10.87%，分别增加3家和5家')).toEqual([
      ['2022', '年', null],
      [-10.55, '%', -1],
      [-10.87, '%', -1],
      [3, '家', 1],
      [5, '家', 1],
    ]);
    // A bound on a fall turns with its sign: a fall of 5 % or more is a change of at most −5 %.
    expect(recogniseFacts('成本降低5%以上')[0]).toMatchObject({ value: -5, comparator: '<=', change: -1 });
  });

  test('scores and dates', () => {
    expect(brief('自评分为 100 分')).toEqual([['score', 100, '分', 100, '分', false]]);
    expect(brief('2024年5月29日')).toEqual([['date', '2024-05-29', '日', '2024-05-29', '日', false]]);
    expect(brief('2023 年度')).toEqual([['date', '2023', '年', '2023', '年', false]]);
    expect(brief('于2023年12月完成')).toEqual([['date', '2023-12', '月', '2023-12', '月', false]]);
  });

  test('a unit stated once for a list applies to each member', () => {
    expect(brief('分别为 12、8、5 家')).toEqual([
      ['count', 12, '家', 12, '家', false],
      ['count', 8, '家', 8, '家', false],
      ['count', 5, '家', 5, '家', false],
    ]);
    expect(brief('人员经费 4360.55 万元；公用经费 619.82 万元').map((f) => f[3])).toEqual([43605500, 6198200]);
  });
});

describe('not facts', () => {
  test.each([
    ['a year is a date, not a count', '2023 年共查办案件', [['date']]],
    ['list ordinals', '1、办公室 2、政工人事股 （3）财务股', []],
    ['hotlines and service numbers', '12315 投诉举报指挥中心；企业开办 110、场地申报；拨打 12345 热线', []],
    ['a number quoted as a name', '开展“315”宣传活动', []],
    ['document numbers', '根据安发〔2019〕63号文件', []],
    ['attachments and ordinals with 第', '附件5；第三方评估；第 3 次会议', []],
    ['bare numbers without a unit', '成本节约率 0。共 15 项指标中 3', [['count']]],
    ['idioms with 一', '一对一讲解；一次性告知；一户一档', []],
    ['standards and codes glued to letters', '通过 ISO9001 认证，执行 GB2760 标准', []],
    ['month and day do not count on their own', '2024年5月29日', [['date']]],
  ])('%s', (_name, text, kinds) => {
    expect(recogniseFacts(text).map((f) => [f.kind])).toEqual(kinds);
  });
});

describe('parseNumberText (table cells)', () => {
  test.each([
    ['4,980.37', 4980.37, false],
    ['４９８０．３７', 4980.37, false],
    ['约 30', 30, true],
    ['十五', 15, false],
    ['3万余', 30000, true],
    ['-2.5', -2.5, false],
  ])('%s', (text, value, approximate) => {
    expect(parseNumberText(text)).toEqual({ value, approximate });
  });
  test.each(['', '—', '4 980', '1、2', '合计', '12 家 3'])('%s is not one number', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });
});

test('physical measures take 万 as well: 2.3 万平方米, 1.5万吨', () => {
  expect(brief('完成路面修补 2.3 万平方米，清运垃圾1.5万吨，养护 312.6 公里')).toEqual([
    ['other', 2.3, '万平方米', 23000, '平方米', false],
    ['other', 1.5, '万吨', 15000, '吨', false],
    ['other', 312.6, '公里', 312.6, '公里', false],
  ]);
});

/** The counts read in a text, as [value, unit]. */
const counts = (text: string) =>
  recogniseFacts(text)
    .filter((f) => f.kind === 'count')
    .map((f) => [f.value, f.unit]);

test('a Chinese numeral in a quoted slogan or a bracketed phase counts nothing', () => {
  expect(counts('坚定捍卫“两个确立”、增强“四个意识”、做到“两个维护”。')).toEqual([]);
  expect(counts('慰问应急资金确保“两节两会”期间系统大局稳定。')).toEqual([]);
  expect(counts('西安市红会医院高铁新城院区（二期）项目绩效自评表')).toEqual([]);
  expect(counts('完成“天网工程（四期）”项目建设。')).toEqual([]);
  // plain counts still count, quoted or not
  expect(counts('举办三期培训班，开展“三个一”活动5场，完成三项任务。')).toEqual([
    [3, '期'],
    [5, '场'],
    [3, '项'],
  ]);
});

test('a Chinese numeral in an unquoted slogan of two numbered words (两节两会, 三会一课) counts nothing', () => {
  expect(counts('两节两会慰问预算220万元。')).toEqual([]);
  expect(counts('严格落实三会一课制度，开展两学一做学习教育。')).toEqual([]);
  expect(counts('支部坚持“三会一课”，全年召开支部大会四次。')).toEqual([[4, '次']]);
  // counts side by side that are not one slogan still count
  expect(counts('设立两家，建成三所。')).toEqual([
    [2, '家'],
    [3, '所'],
  ]);
  expect(counts('共有三名人员两辆车辆。')).toEqual([
    [3, '名'],
    [2, '辆'],
  ]);
});
