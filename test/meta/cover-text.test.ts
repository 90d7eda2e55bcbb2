// A cover line as one plain string however it was set: the spaces a letter-spaced
// line puts after every glyph go, brackets included; words of Latin script keep theirs.
import { expect, test } from 'vitest';
import { plainLine } from '../../src/meta/cover-text.ts';

test.each([
  ['某 市 民 政 局 ( 本 级 ) 单 位 预 算', '某市民政局（本级）单位预算'],
  ['2 0 2 6 年 度', '2026年度'],
  ['某市民政局(本级)', '某市民政局（本级）'],
  ['某市司法局 （汇总）', '某市司法局（汇总）'],
  ['PPP (Public Private Partnership) 项目', 'PPP (Public Private Partnership)项目'],
])('%s → %s', (line, plain) => {
  expect(plainLine(line)).toBe(plain);
});
