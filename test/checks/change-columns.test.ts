// The columns of a table of changes, named by their header paths however the header is drawn:
// one row of cells, or 比上年增减 over 金额 | %, and never a rate taken for the change.
import { describe, expect, test } from 'vitest';
import { changeColumns } from '../../src/checks/change-rates.ts';

describe('changeColumns', () => {
  test.each([
    [[['项目'], ['上年预算数'], ['本年预算数'], ['增减额'], ['增减率']], { before: 1, change: 3, rate: 4 }],
    [
      [['项目'], ['上年决算数'], ['本年预算数'], ['比上年增减', '金额'], ['比上年增减', '%']],
      { before: 1, change: 3, rate: 4 },
    ],
    [[['科目名称'], ['上 年 数'], ['本年数'], ['增减'], ['增长率']], { before: 1, change: 3, rate: 4 }],
    [
      [['项目'], ['上年预算数（万元）'], ['本年预算数（万元）'], ['增减变动额'], ['增减变动率（%）']],
      { before: 1, change: 3, rate: 4 },
    ],
  ] as const)('%j', (paths, want) => {
    expect(changeColumns(paths.map((p) => [...p]))).toEqual(want);
  });

  test('wants each column once: two rates or no year before name no table of changes', () => {
    expect(changeColumns([['项目'], ['本年预算数'], ['增减额'], ['增减率']])).toBeNull();
    expect(changeColumns([['项目'], ['上年数'], ['增减额'], ['增减率'], ['增长率']])).toBeNull();
  });
});
