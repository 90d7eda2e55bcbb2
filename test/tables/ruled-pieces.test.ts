// A border drawn in pieces that do not sit exactly on one line: Word draws
// each cell's border separately, and rules found in a scan come out a
// fraction of a point apart. The pieces are one border where they overlap,
// and only there: the gap a merged cell leaves stays a gap.
import { expect, test } from 'vitest';
import type { Segment, TextItem } from '../../src/pdf/types.ts';
import { ruledTables } from '../../src/tables/ruled.ts';

const h = (y: number, x0: number, x1: number): Segment => ({ x0, y0: y, x1, y1: y });
const v = (x: number, y0: number, y1: number): Segment => ({ x0: x, y0, x1: x, y1 });
const item = (str: string, x: number, y: number): TextItem => ({
  str,
  x,
  y,
  width: str.length * 6,
  size: 10,
  font: 'f',
});

test('two pieces of one vertical border a fraction of a point apart, the upper one further left, part every row they cover', () => {
  // Rows (top to bottom): header 700–680, 合计 680–660 (one cell over the code and name columns), then two body rows.
  const rules = [
    h(700, 100, 400),
    h(680, 100, 400),
    h(660, 100, 400),
    h(640, 100, 400),
    h(620, 100, 400),
    v(100, 620, 700),
    v(400, 620, 700),
    v(300, 620, 700),
    // The border between 科目编码 and 科目名称: above the 合计 row at x 179.8, below it at 180.0.
    v(179.8, 680, 700),
    v(180, 620, 660),
  ];
  const items = [
    item('科目编码', 110, 686),
    item('科目名称', 190, 686),
    item('金额', 310, 686),
    item('合计', 110, 666),
    item('1386.35', 310, 666),
    item('212', 110, 646),
    item('城乡社区支出', 190, 646),
    item('184.35', 310, 646),
    item('21201', 110, 626),
    item('城乡社区管理事务', 190, 626),
    item('184.35', 310, 626),
  ];
  const [t] = ruledTables(rules, items);
  expect(t!.rows).toEqual([
    ['科目编码', '科目名称', '金额'],
    ['合计', '合计', '1386.35'],
    ['212', '城乡社区支出', '184.35'],
    ['21201', '城乡社区管理事务', '184.35'],
  ]);
});
