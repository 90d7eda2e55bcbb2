// Units of this genre, as data: what each unit means, the kind of fact it
// makes and how it normalises. Matching takes the longest unit first, so
// 个百分点 wins over 个 and 万元 over 元.
import type { FactKind } from '../schema/report.ts';

export interface UnitDef {
  /** as written after the number (multiplier included): 万元, 万户, 个百分点 */
  unit: string;
  kind: FactKind;
  /** the normalised unit: 元 for money, the classifier for counts, % for percent */
  base: string;
  /** value × factor = normalised value */
  factor: number;
}

const MONEY: [string, number][] = [
  ['元', 1],
  ['千元', 1e3],
  ['万元', 1e4],
  ['十万元', 1e5],
  ['百万元', 1e6],
  ['千万元', 1e7],
  ['亿元', 1e8],
  ['万亿元', 1e12],
];

/** Classifiers that count things: the unit is the classifier itself. */
export const CLASSIFIERS = [
  '人次',
  '家次',
  '户次',
  '车次',
  '辆次',
  '批次',
  '架次',
  '次',
  '家',
  '个',
  '户',
  '人',
  '名',
  '起',
  '件',
  '场',
  '枚',
  '份',
  '例',
  '台',
  '处',
  '所',
  '项',
  '宗',
  '册',
  '篇',
  '条',
  '本',
  '套',
  '辆',
  '艘',
  '座',
  '栋',
  '间',
  '张',
  '块',
  '部',
  '期',
  '批',
  '类',
  '种',
  '门',
  '位',
  '支',
  '只',
  '头',
  '株',
  '棵',
  '盏',
  '吨次',
  '课时',
  '学时',
  '节',
  '组',
  '队',
  '届',
  '轮',
  '份次',
  '单',
  '笔',
  '宗次',
  '对',
  '双',
  '床',
  '箱',
  '册次',
  '台次',
  '人日',
  '工日',
  '场次',
  '班',
  '班次',
  '所次',
  '剂',
  '瓶',
];

/** Physical measures and durations (kind `other`). */
const MEASURES = [
  '亩',
  '公顷',
  '公里',
  '千米',
  '米',
  '平方米',
  '平方公里',
  '立方米',
  '吨',
  '千克',
  '公斤',
  '千瓦',
  '兆瓦',
  '千瓦时',
  '万千瓦时',
  '天',
  '个工作日',
  '工作日',
  '个月',
  '小时',
  '分钟',
  '周',
];

/** What an amount can be per (the denominator of 元/X). */
const PER = [
  ...CLASSIFIERS,
  ...MEASURES,
  '生',
  '床',
  '年',
  '月',
  '日',
  '学生',
  '人·年',
  '人年',
  '人·月',
  '生·年',
  '人/年',
  '人/月',
  '生/年',
  '亩·年',
  '户·年',
];

const COUNT_MULTIPLIERS: [string, number][] = [
  ['', 1],
  ['万', 1e4],
  ['亿', 1e8],
  ['千', 1e3],
];

function build(): UnitDef[] {
  const defs: UnitDef[] = [];
  for (const [unit, factor] of MONEY) defs.push({ unit, kind: 'money', base: '元', factor });
  for (const c of CLASSIFIERS)
    for (const [m, f] of COUNT_MULTIPLIERS) defs.push({ unit: m + c, kind: 'count', base: c, factor: f });
  // Quantities of area, length, volume and weight take 万 too (2.3万平方米); durations do not.
  for (const u of MEASURES) {
    defs.push({ unit: u, kind: 'other', base: u, factor: 1 });
    if (!/天|日|月|时|分钟|周/.test(u)) defs.push({ unit: `万${u}`, kind: 'other', base: u, factor: 1e4 });
  }
  defs.push({ unit: '%', kind: 'percent', base: '%', factor: 1 });
  defs.push({ unit: '‰', kind: 'percent', base: '%', factor: 0.1 });
  defs.push({ unit: '个百分点', kind: 'percent', base: '百分点', factor: 1 });
  defs.push({ unit: '百分点', kind: 'percent', base: '百分点', factor: 1 });
  defs.push({ unit: '分', kind: 'score', base: '分', factor: 1 });
  // Amounts per head, pupil, bed, area, year …: 650元/生, 1.2万元/人·年, 30元/平方米.
  for (const [money, factor] of MONEY) {
    if (factor > 1e8) continue;
    for (const per of PER) defs.push({ unit: `${money}/${per}`, kind: 'ratio', base: `元/${per}`, factor });
  }
  defs.push({ unit: '倍', kind: 'ratio', base: '倍', factor: 1 });
  // Longest first, so that a prefix never shadows a longer unit.
  return defs.sort((a, b) => b.unit.length - a.unit.length);
}

export const UNITS: readonly UnitDef[] = build();

/**
 * Years as a duration (≥6年, 5年以上, 设备使用年限 | 8年): a table cell's unit only, after a number
 * of one or two digits (cell-number.ts). In running text 年 follows a year (2023年) or a span in
 * words (近3年来, 3年行动) far more often than a measured duration, so it is no unit there.
 */
export const YEARS: UnitDef = { unit: '年', kind: 'other', base: '年', factor: 1 };

const BY_UNIT = new Map([...UNITS, YEARS].map((u) => [u.unit, u]));

export function unitDef(unit: string): UnitDef | undefined {
  return BY_UNIT.get(unit);
}

/** The units by their first character, longest first: a number's unit is looked up among a few, not all. */
const BY_FIRST = new Map<string, UnitDef[]>();
for (const def of UNITS) BY_FIRST.set(def.unit[0]!, [...(BY_FIRST.get(def.unit[0]!) ?? []), def]);

/** The unit written at the start of `text` (spaces allowed before it), longest first. */
export function matchUnitAt(text: string): { def: UnitDef; length: number } | null {
  const head = text.slice(0, 24);
  const lead = head.length - head.trimStart().length;
  // Full-width ％ and ／ are the same units (one character each, so lengths hold).
  const t = head
    .slice(lead, lead + 16)
    .replace(/^％/, '%')
    .replace(/／/g, '/');
  for (const def of BY_FIRST.get(t[0] ?? '') ?? []) {
    if (t.startsWith(def.unit)) return { def, length: lead + def.unit.length };
  }
  return null;
}
