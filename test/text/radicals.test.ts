// A radical in a text layer is the ideograph it stands for: Chromium prints
// Noto CJK with one glyph for 门 and ⻔, and its ToUnicode names the radical.
import { expect, test } from 'vitest';
import { foldRadicals } from '../../src/text/radicals.ts';

test('Kangxi radicals and the supplement fold to unified ideographs; other text stays', () => {
  expect(foldRadicals('⼀、部⻔主要职责')).toBe('一、部门主要职责');
  expect(foldRadicals('某市⺠政局⼆〇⼆六年三⽉')).toBe('某市民政局二〇二六年三月');
  expect(foldRadicals('本年⽀出合计 1,234.56 万元（⼯资）')).toBe('本年支出合计 1,234.56 万元（工资）');
  expect(foldRadicals('2023年度部门决算 ABC')).toBe('2023年度部门决算 ABC');
});
