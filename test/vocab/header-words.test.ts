// The one list of header words, read its two ways (vocab/header-words.ts).
import { expect, test } from 'vitest';
import { isHeaderWord, startsWithHeaderWord } from '../../src/vocab/header-words.ts';
import { toHalfWidth } from '../../src/text/width.ts';

test("a whole header word names a column; a total row's 合计 does not, though a header cell may start with it", () => {
  expect(isHeaderWord('本年绩效指标值')).toBe(true);
  expect(isHeaderWord('三级指标')).toBe(true);
  expect(isHeaderWord('合计')).toBe(false);
  expect(startsWithHeaderWord('合计（万元）')).toBe(true);
  expect(startsWithHeaderWord('单位：万元')).toBe(true);
});

test('words read whole are not read by their start unless listed so, and the other way round', () => {
  // 绩效指标性质 is a header only as the whole cell; a cell starting with 年初预算数 is one either way.
  expect(startsWithHeaderWord('绩效指标性质')).toBe(false);
  expect(startsWithHeaderWord('年初预算数（万元）')).toBe(true);
  expect(isHeaderWord('年初预算数')).toBe(true);
  expect(isHeaderWord('年初预算数（万元）')).toBe(false);
});

test('width folding keeps the length and folds only what numbers are written with', () => {
  expect(toHalfWidth('４９８０．３７万元，９８％')).toBe('4980.37万元,98%');
  expect(toHalfWidth('（一）：')).toBe('（一）：');
});
