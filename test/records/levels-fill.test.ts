// How a level column's blank cells are filled (records/levels.ts), where a label is a cell cut by the
// page break: printed on its first page, it goes on over the rows overleaf — as far as the next group
// begins. A next label set at the top of its group shows where that is; one set alone at the foot or
// in the middle of its group does not, and the rows between are left without a label, not guessed.
import { expect, test } from 'vitest';
import { fillLevels } from '../../src/records/levels.ts';

// 数量指标 at the top of page 1, its cell running over the break; 质量指标 and 时效指标 on page 2.
const PAGES = [1, 1, 1, 2, 2, 2, 2, 2, 2];

test('labels at the feet of their groups: the rows overleaf before the next label are not told', () => {
  const texts = ['数量指标', '', '', '', '', '质量指标', '', '', '时效指标'];
  expect(fillLevels({ texts, pages: PAGES, ranges: [[0, 8]] })).toEqual([
    '数量指标',
    '数量指标',
    '数量指标',
    '',
    '',
    '质量指标',
    '时效指标',
    '时效指标',
    '时效指标',
  ]);
});

test('labels at the tops of their groups (another 一级 group shows it): the rows overleaf go on with the cut cell', () => {
  const texts = ['数量指标', '', '', '', '质量指标', '', '', '时效指标', '', '经济成本指标', ''];
  const pages = [...PAGES, 2, 2];
  expect(
    fillLevels({
      texts,
      pages,
      ranges: [
        [0, 8],
        [9, 10],
      ],
    }),
  ).toEqual([
    '数量指标',
    '数量指标',
    '数量指标',
    '数量指标',
    '质量指标',
    '质量指标',
    '质量指标',
    '时效指标',
    '时效指标',
    '经济成本指标',
    '经济成本指标',
  ]);
});

test('a label filled into its rows (a ruled table) shows where its group begins', () => {
  const texts = ['数量指标', '数量指标', '数量指标', '', '', '质量指标', '质量指标', '质量指标', '质量指标'];
  expect(fillLevels({ texts, pages: PAGES, ranges: [[0, 8]] })).toEqual([
    '数量指标',
    '数量指标',
    '数量指标',
    '数量指标',
    '数量指标',
    '质量指标',
    '质量指标',
    '质量指标',
    '质量指标',
  ]);
});
