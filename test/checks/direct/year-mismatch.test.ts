// year-mismatch on hand-built inputs: a table title, a budget sentence and a
// results sentence of another year; the report's own year; comparisons
// between years; a report dated before its year; OCR.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { yearMismatch } from '../../../src/checks/year-mismatch.ts';
import { checkInput, money, score, spec } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [yearMismatch]);

describe('year-mismatch', () => {
  test('a self-evaluation table titled with another year: a warning', () => {
    const doc = checkInput()
      .table(
        [
          ['指标', '分值', '得分'],
          ['产出', '50', '50'],
        ],
        { title: '2022年度部门整体支出绩效自评表', page: 6 },
      )
      .build();
    expect(run(doc)).toEqual([
      {
        id: 'c1',
        rule: 'year-mismatch',
        severity: 'warning',
        message: '报告年度为 2023 年，但第6页表“2022年度部门整体支出绩效自评表”写的是 2022 年度',
        factIds: [],
        sectionIds: [],
        page: 6,
        expected: 2023,
        actual: 2022,
      },
    ]);
  });
  test("the report's own year: silent", () => {
    expect(
      run(
        checkInput()
          .table(
            [
              ['指标', '分值'],
              ['产出', '50'],
            ],
            { title: '2023年度部门整体支出绩效自评表' },
          )
          .build(),
      ),
    ).toEqual([]);
  });
  test('a budget figure in a sentence that opens with another year: found, with the fact', () => {
    const doc = checkInput()
      .paragraph(['2024年全年预算数为 ', money('全年预算数', '5000.00'), '。'], { page: 2 })
      .build();
    expect(run(doc).map((f) => [f.actual, f.factIds])).toEqual([[2024, ['f1']]]);
  });
  test("a sentence that compares years is no claim about the report's year", () => {
    const doc = checkInput()
      .paragraph(['2022年决算数为 ', money('决算数', '4000.00'), '，比上年增长 5%。'])
      .build();
    expect(run(doc)).toEqual([]);
  });
  test('a results sentence naming another year: found once, however many parts see it', () => {
    const doc = checkInput()
      .paragraph(['2022年度绩效自评得分为 95 分。'])
      .paragraph(['2022年度绩效自评得分为 95 分。'])
      .build();
    expect(run(doc).map((f) => f.message)).toEqual([
      '报告年度为 2023 年，但第1页“2022年度绩效自评得分为 95 分。”写的是 2022 年度',
    ]);
  });
  test("a year inside a document's title or in brackets names something else", () => {
    expect(run(checkInput().paragraph(['根据《2022年度部门整体支出绩效自评报告》开展工作。']).build())).toEqual([]);
  });
  test("without a fiscal year, the year most 年度 mentions name is the report's", () => {
    const doc = checkInput({ fiscalYear: null })
      .paragraph(['2023年度工作开展顺利。2023年度预算执行良好。2023年度目标完成。'])
      .table(
        [
          ['指标', '分值'],
          ['产出', '50'],
        ],
        { title: '2022年度项目支出绩效自评表' },
      )
      .build();
    expect(run(doc).map((f) => [f.expected, f.actual])).toEqual([[2023, 2022]]);
  });
  test('a report dated before its year: an error', () => {
    const fs = run(checkInput({ reportDate: '2022-12-30' }).build());
    expect(fs.map((f) => [f.severity, f.message, f.page])).toEqual([
      ['error', '报告年度为 2023 年，报告日期却是 2022-12-30，早于该年度', 1],
    ]);
  });
  test('a sentence of another year and a report dated before its year name the facts that state the year', () => {
    const year = (written: string, quote: string) =>
      spec('date', '日期', written, '年', { quote, value: written, normalized: { value: written, unit: '年' } });
    const doc = checkInput({ reportDate: '2022-12-30' })
      .paragraph([year('2022', '2022年度'), '绩效自评得分为 ', score('绩效自评得分', '95', { year: 2022 }), '。'])
      .paragraph([
        '报告日期：',
        spec('date', '报告日期', '2022', '日', {
          quote: '2022年12月30日',
          value: '2022-12-30',
          normalized: { value: '2022-12-30', unit: '日' },
        }),
      ])
      .build();
    expect(run(doc).map((f) => [f.actual, f.factIds])).toEqual([
      [2022, ['f1', 'f2']],
      [2022, ['f3']],
    ]);
  });
  test('a report dated after its year: silent', () => {
    expect(run(checkInput({ reportDate: '2024-03-01' }).build())).toEqual([]);
  });
  test("on an OCR'd first page the date's error is a warning that says so", () => {
    const fs = run(checkInput({ reportDate: '2022-12-30' }).ocr(1).build());
    expect(fs.map((f) => [f.severity, f.message.endsWith('（OCR 识别页，请对照原件核实）')])).toEqual([
      ['warning', true],
    ]);
  });
});
