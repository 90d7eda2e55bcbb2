import { expect, test } from 'vitest';
import { cleanOcrText } from '../../src/ocr/clean.ts';

test('thousands commas read as dots are repaired where a second decimal point makes it certain', () => {
  expect(cleanOcrText('项目支出1.356.28万元，全年预算数为3.956.78万元')).toBe(
    '项目支出1,356.28万元，全年预算数为3,956.78万元',
  );
  expect(cleanOcrText('合计12.345.678.90元')).toBe('合计12,345,678.90元');
  expect(cleanOcrText('培训教师 1,.200 人次')).toBe('培训教师 1,200 人次');
  // One dot is a decimal point: "1.200" stays as written (the facts stage decides what it can mean).
  expect(cleanOcrText('比例为1.200，金额3,456.78万元')).toBe('比例为1.200，金额3,456.78万元');
  // Dates and versions are not numbers with decimals.
  expect(cleanOcrText('2023.3.15')).toBe('2023.3.15');
});

test('a line starting with 、 lost the numeral before it: the mark goes, the name stays', () => {
  expect(cleanOcrText('、一般公共服务支出')).toBe('一般公共服务支出');
  expect(cleanOcrText('一、一般公共服务支出')).toBe('一、一般公共服务支出');
  expect(cleanOcrText('教育、卫生')).toBe('教育、卫生');
});
