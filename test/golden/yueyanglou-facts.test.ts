// The typed sample's facts, end to end: the full list is held in a golden
// file, and the budget concepts of its 支出情况 section are asserted by value.
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { extractFile } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { expectGolden } from '../support/golden.ts';

const sample = fileURLToPath(new URL('../../samples/yueyanglou-scjg-2023.pdf', import.meta.url));
let report: Report;

beforeAll(async () => {
  report = await extractFile(sample, { ocr: 'never' });
});

test('facts match the golden file', () => {
  const facts = report.facts.map(
    ({ page, sectionId, kind, value, unit, normalized, label, concept, year, approximate, quote }) => ({
      page,
      sectionId,
      kind,
      value,
      unit,
      normalized,
      label,
      concept,
      year,
      approximate,
      quote,
    }),
  );
  expectGolden(fileURLToPath(new URL('./yueyanglou-text.facts.json', import.meta.url)), facts);
});

test('budget concepts of the 支出情况 section', () => {
  const byConcept = (c: string) =>
    report.facts.filter((f) => f.concept === c).map((f) => [f.value, f.unit, f.normalized.value, f.page]);
  expect(byConcept('budget.basic.initial')).toEqual([[4668.7, '万元', 46687000, 4]]);
  expect(byConcept('budget.basic.adjusted')).toEqual([[4980.37, '万元', 49803700, 4]]);
  expect(byConcept('budget.basic.actual')).toEqual([[4980.37, '万元', 49803700, 4]]);
  expect(byConcept('budget.basic.personnel')).toEqual([[4360.55, '万元', 43605500, 4]]);
  expect(byConcept('budget.basic.public')).toEqual([[619.82, '万元', 6198200, 4]]);
  expect(byConcept('budget.project.initial')).toEqual([[596, '万元', 5960000, 4]]);
  expect(byConcept('budget.project.adjusted')).toEqual([[855.87, '万元', 8558700, 4]]);
  expect(byConcept('budget.project.actual')).toEqual([[855.87, '万元', 8558700, 4]]);
  expect(byConcept('evaluation.selfScore')).toEqual([[100, '分', 100, 11]]);
});

test('every number with a unit in the source text is a fact with the right value', () => {
  // Numbers with a unit as they stand in the source text (samples/yueyanglou-scjg-2023.txt).
  const expected = [
    '132名',
    '12名',
    '157名',
    '15个',
    '22个',
    '4668.7万元',
    '4980.37万元',
    '4360.55万元',
    '619.82万元',
    '596万元',
    '855.87万元',
    '730.54万元',
    '93.18万元',
    '32.15万元',
    '100%',
    '13967家',
    '8584家',
    '5490家',
    '3915家',
    '145家',
    '1430人次',
    '1222户',
    '107家',
    '196个',
    '281个',
    '493个',
    '4.269件',
    '33.8%',
    '18家',
    '32次',
    '110家',
    '1.2万户',
    '2.5万户',
    '41户',
    '115起',
    '31起',
    '48起',
    '53起',
    '100万元',
    '500万元',
    '5500万元',
    '5.32亿元',
    '2299家',
    '8277枚',
    '47万元',
    '1万家次',
    '200个',
    '1580批次',
    '1380批次',
    '57个',
    '1.4万家',
    '9813家',
    '11462户',
    '240起',
    '50批次',
    '2500家次',
    '110处',
    '95处',
    '37起',
    '449例',
    '77例',
    '39例',
    '200例',
    '100批次',
    '7起',
    '150家',
    '13个',
    '37个',
    '2台',
    '37件',
    '4家',
    '138起',
    '183.3万元',
    '2起',
    '14起',
    '10个',
    '191人',
    '1.4万起',
    '1292起',
    '712.33万元',
    '328.4万元',
    '19家',
    '6次',
    '3万份',
    '2000人次',
    '83场',
    '1500人次',
    '100分',
  ];
  const got = new Set(report.facts.map((f) => `${f.value}${f.unit}`));
  expect(expected.filter((e) => !got.has(e))).toEqual([]);
});

test('no fact from page numbers, ordinals or the 12315 hotline', () => {
  expect(report.facts.some((f) => f.value === 12315 || (f.value === 110 && f.unit === ''))).toBe(false);
  expect(report.facts.filter((f) => f.kind !== 'date').every((f) => f.label.length > 0)).toBe(true);
  expect(report.facts.every((f) => f.bbox !== null)).toBe(true);
});
