// A cell that holds a figure as a table sets it (text/cell-number.ts isFigureCell): one number, or a
// target written as a range or bounded on both sides — what makes a row of a borderless target table
// a row of figures, though its facts are read as prose (the range's upper, the bound).
import { describe, expect, test } from 'vitest';
import { isFigureCell, readCellNumber } from '../../src/text/cell-number.ts';

describe('isFigureCell', () => {
  test('a number as readCellNumber reads it', () => {
    for (const s of ['12860人次', '≥95%', '不少于 2290 人次', '182 次以上', '=24 小时', '0.5'])
      expect(isFigureCell(s), s).toBe(true);
  });

  test('a range and a bound on both sides, which readCellNumber leaves to prose', () => {
    for (const s of ['85%-90%', '90～95分', '控制在 13004.25 元以内', '控制在20万元以内', '20-30万元']) {
      expect(readCellNumber(s), s).toBeNull();
      expect(isFigureCell(s), s).toBe(true);
    }
  });

  test('words, dates and a period of years are no figure', () => {
    for (const s of ['有效提升', '12 月 31 日前', '2023年12月底前', '2019-2023', '2023-2025年', '达标', ''])
      expect(isFigureCell(s), s).toBe(false);
  });
});

describe('readCellNumber: years as a duration', () => {
  test('one or two digits before 年, with or without a bound, are years; a year is not', () => {
    const cases: [string, number | null, string | null][] = [
      ['≥6年', 6, '>='],
      ['5年以上', 5, '>='],
      ['1.5年', 1.5, null],
      ['20年', 20, null],
    ];
    for (const [cell, value, comparator] of cases)
      expect(readCellNumber(cell), cell).toMatchObject({ value, unit: '年', comparator });
    for (const cell of ['2023年', '2023年度', '预计大于8年', '123年']) expect(readCellNumber(cell), cell).toBeNull();
  });
});

describe('readCellNumber: a negative figure however it is signed', () => {
  test('a full-width minus, or brackets around an amount with decimals or thousands separators, is negative', () => {
    const cases: [string, number, string | null][] = [
      ['-22.20', -22.2, null],
      ['−22.20', -22.2, null],
      ['－22.20', -22.2, null],
      ['－5.28%', -5.28, '%'],
      ['(22.20)', -22.2, null],
      ['（22.20）', -22.2, null],
      ['(5.28%)', -5.28, '%'],
      ['(1,234.50)', -1234.5, null],
    ];
    for (const [s, value, unit] of cases) expect(readCellNumber(s), s).toMatchObject({ value, unit });
  });

  test('an item number or a year in brackets is no figure', () => {
    for (const s of ['(3)', '（2023）', '(12)', '－']) expect(readCellNumber(s), s).toBeNull();
  });
});
