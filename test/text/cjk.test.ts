import { expect, test } from 'vitest';
import { closeNumberSpaces, tidySpaces } from '../../src/text/cjk.ts';

test('letter-spaced full-width digits are one number again; spaces between Latin words stay', () => {
  expect(tidySpaces('基本支出 ８ ５ ２ ． ８ ７ 万元，占 61.49%')).toBe('基本支出８５２．８７万元，占 61.49%');
  expect(tidySpaces('（ 一 ） 部门 概况')).toBe('（一）部门概况');
  expect(tidySpaces('ISO 9001 认证')).toBe('ISO 9001 认证');
});

test('quotation marks and CJK punctuation of Chinese text are set as Chinese: letter-spacing around them goes', () => {
  expect(tidySpaces('“ 三 公 ” 经费支出')).toBe('“三公”经费支出');
  expect(tidySpaces('《 通 知 》 要求')).toBe('《通知》要求');
  expect(tidySpaces('“ hello ” 世界')).toBe('“ hello ”世界');
});

test('a space between two single glyphs of a figure is letter-spacing; one between two numbers stays', () => {
  expect(closeNumberSpaces('元，占 7 2 . 5 1 %。')).toBe('元，占 72.51%。');
  expect(closeNumberSpaces('2024年3 月 1 5 日')).toBe('2024年3 月 15 日');
  expect(closeNumberSpaces('实有在职人员 4 2')).toBe('实有在职人员 42');
  expect(closeNumberSpaces('1 , 2 3 4 . 5 万元')).toBe('1,234.5 万元');
  // Two labels of a chart, a year before its unit, a page number's dashes.
  expect(closeNumberSpaces('10849 10700')).toBe('10849 10700');
  expect(closeNumberSpaces('12 8 5 家')).toBe('12 8 5 家');
  expect(closeNumberSpaces('2023 年')).toBe('2023 年');
  expect(closeNumberSpaces('- 1 -')).toBe('- 1 -');
});
