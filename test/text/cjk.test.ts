import { expect, test } from 'vitest';
import { tidySpaces } from '../../src/text/cjk.ts';

test('letter-spaced full-width digits are one number again; spaces between Latin words stay', () => {
  expect(tidySpaces('基本支出 ８ ５ ２ ． ８ ７ 万元，占 61.49%')).toBe('基本支出８５２．８７万元，占 61.49%');
  expect(tidySpaces('（ 一 ） 部门 概况')).toBe('（一）部门概况');
  expect(tidySpaces('ISO 9001 认证')).toBe('ISO 9001 认证');
});
