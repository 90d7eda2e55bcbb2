// Whether an indicator met its target (records/met.ts): the actual against
// the target's bound where both are numbers in one unit; a bare count or
// percent read as a minimum unless better low; a range; an actual written as
// a bound; other units and words not judged.
import { describe, expect, test } from 'vitest';
import { metOf, readingOf } from '../../src/records/met.ts';
import type { Comparator, Fact } from '../../src/schema/report.ts';

function fact(
  value: number,
  unit: string,
  kind: Fact['kind'],
  comparator: Comparator | null = null,
  more: Partial<Fact> = {},
): Fact {
  const factor = unit === '万元' ? 10000 : unit === '万人次' ? 10000 : 1;
  const base = unit === '万元' ? '元' : unit === '万人次' ? '人次' : unit;
  return {
    id: 'f1',
    sectionId: null,
    paragraphId: null,
    page: 1,
    kind,
    value,
    unit,
    normalized: { value: value * factor, unit: base },
    decimals: 0,
    upper: null,
    label: '',
    concept: null,
    year: 2023,
    approximate: comparator !== null,
    comparator,
    change: false,
    quote: '',
    bbox: null,
    cell: null,
    ...more,
  };
}
const pct = (v: number, c: Comparator | null = null) => fact(v, '%', 'percent', c);
const count = (v: number, c: Comparator | null = null) => fact(v, '人次', 'count', c);

describe('a written bound', () => {
  test.each([
    ['>=', 95, 95, true],
    ['>=', 95, 94.9, false],
    ['>', 95, 95, false],
    ['>', 95, 95.1, true],
    ['<=', 5, 5, true],
    ['<=', 5, 5.2, false],
    ['<', 5, 5, false],
    ['=', 100, 100, true],
    ['=', 100, 99, false],
  ] as const)('%s %d against %d: %s', (c, t, a, met) => {
    expect(metOf(pct(t, c), pct(a), '合格率')).toBe(met);
  });
  test('in one unit however written: ≥1.2万人次 met by 12500 人次', () => {
    expect(metOf(fact(1.2, '万人次', 'count', '>='), count(12500), '服务人次')).toBe(true);
    expect(metOf(fact(1.2, '万人次', 'count', '>='), count(11500), '服务人次')).toBe(false);
  });
});

describe('a bare target', () => {
  test('a count or percent better high is a minimum, and says it was assumed', () => {
    expect(readingOf(pct(100), '发放及时率')).toEqual({ comparator: '>=', value: 100, upper: null, assumed: true });
    expect(metOf(count(65000), count(60000), '接种剂次')).toBe(false);
    expect(metOf(pct(100), pct(100), '发放及时率')).toBe(true);
  });
  test('what is better low (发生率, 成本, 时限 …) is not judged', () => {
    expect(metOf(pct(5), pct(3), '事故发生率')).toBeNull();
    expect(metOf(count(10), count(12), '投诉件数')).toBeNull();
  });
  test('a bare amount or duration is not judged', () => {
    expect(metOf(fact(400, '元', 'money'), fact(385, '元', 'money'), '人均补助')).toBeNull();
    expect(metOf(fact(24, '小时', 'other'), fact(20, '小时', 'other'), '办结')).toBeNull();
  });
  test('a range (90%—95%) is met inside it', () => {
    const range = pct(90, null);
    range.upper = 95;
    expect(metOf(range, pct(93), '覆盖率')).toBe(true);
    expect(metOf(range, pct(96), '覆盖率')).toBe(false);
    expect(metOf(range, pct(89), '覆盖率')).toBe(false);
  });
});

describe('not two numbers in one unit: not judged', () => {
  test('units that differ', () => expect(metOf(fact(1, '批', 'count'), pct(100), '购置数量')).toBeNull());
  test('a missing side', () => {
    expect(metOf(null, pct(100), '合格率')).toBeNull();
    expect(metOf(pct(100, '>='), null, '合格率')).toBeNull();
  });
});

describe('an actual written as a bound says it met the bound, not by how much', () => {
  test('≥95% meets ≥90%, and ≥95%; it does not say whether it meets ≥98%', () => {
    expect(metOf(pct(90, '>='), pct(95, '>='), '满意度')).toBe(true);
    expect(metOf(pct(95, '>='), pct(95, '>='), '满意度')).toBe(true);
    expect(metOf(pct(98, '>='), pct(95, '>='), '满意度')).toBeNull();
  });
  test('a bound the other way says nothing', () => expect(metOf(pct(90, '>='), pct(95, '<='), '满意度')).toBeNull());
});
