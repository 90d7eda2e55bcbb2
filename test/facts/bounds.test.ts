// Targets and limits: the comparator of a bound, in prose and in table cells.
import { describe, expect, it } from 'vitest';
import { readCellNumber } from '../../src/text/cell-number.ts';
import { recogniseFacts } from '../../src/facts/recognise.ts';

const comparators = (text: string) =>
  recogniseFacts(text)
    .filter((f) => f.kind !== 'date')
    .map((f) => [f.value, f.unit, f.comparator]);

describe('bounds in prose', () => {
  it('reads the words before and after a number', () => {
    expect(comparators('培训后取得证书人数不低于7400人，培训合格率不少于 95%，得分90分以上的项目17个')).toEqual([
      [7400, '人', '>='],
      [95, '%', '>='],
      [90, '分', '>='],
      [17, '个', null],
    ]);
    expect(
      comparators('发放时限不超过15个工作日，成本控制在20万元以内，故障率低于0.8%，稳定率高于99%，响应时间≤24小时'),
    ).toEqual([
      [15, '个工作日', '<='],
      [20, '万元', '<='],
      [0.8, '%', '<'],
      [99, '%', '>'],
      [24, '小时', '<='],
    ]);
  });

  it('takes 达到 as a bound only where the sentence states a target', () => {
    expect(comparators('主要指标为：培训人次达到 11100 人次；培训合格率达到95%。')).toEqual([
      [11100, '人次', '>='],
      [95, '%', '>='],
    ]);
    expect(comparators('全年培训人次达到12331人次，培训合格率达到98.9%。')).toEqual([
      [12331, '人次', null],
      [98.9, '%', null],
    ]);
  });

  it('marks a bound as not exact, and leaves ranges and plain figures alone', () => {
    const [f] = recogniseFacts('不低于90%');
    expect(f).toMatchObject({ comparator: '>=', approximate: true });
    expect(comparators('约30家，10—20个')).toEqual([
      [30, '家', null],
      [10, '个', null],
    ]);
  });
});

describe('bounds in table cells', () => {
  it.each([
    ['≥11100 人次', 11100, '人次', '>='],
    ['7400 人以上', 7400, '人', '>='],
    ['不低于 95%', 95, '%', '>='],
    ['≤1350.91万元', 1350.91, '万元', '<='],
    ['＞98%', 98, '%', '>'],
    ['小于3.7%', 3.7, '%', '<'],
    ['不超过15个工作日', 15, '个工作日', '<='],
    ['100%', 100, '%', null],
  ])('%s', (cell, value, unit, comparator) => {
    expect(readCellNumber(cell)).toMatchObject({ value, unit, comparator });
  });

  it('leaves text targets unread', () => {
    expect(readCellNumber('有效提升')).toBeNull();
    expect(readCellNumber('当年12月底前')).toBeNull();
    expect(readCellNumber('达标')).toBeNull();
  });
});

describe('signs', () => {
  it('reads a minus written before a number, not a range dash; a fall is signed', () => {
    expect(comparators('公务用车运行维护费较上年下降15.6%，增长率为－15.6%，2021-2023年共3个')).toEqual([
      [-15.6, '%', null],
      [-15.6, '%', null],
      [3, '个', null],
    ]);
    expect(recogniseFacts('增长率为-6.3%')[0]).toMatchObject({ value: -6.3, normalized: { value: -6.3 } });
  });
});
