// indicator-score-mismatch on hand-built self-evaluation tables: 得分 over
// 分值, a target missed with the full weight (a written bound: an error; a
// bound assumed: a warning), a target met exactly (≥ against >), what is
// better low, an actual written as a bound, OCR.
import { describe, expect, test } from 'vitest';
import { indicatorScoreMismatch } from '../../../src/checks/indicator-score-mismatch.ts';
import { runChecks } from '../../../src/checks/index.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [indicatorScoreMismatch]);
const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'];
const row = (name: string, target: string, actual: string, weight: string, got: string, page = 7) =>
  checkInput()
    .table(
      [HEADER, ['产出指标', '数量指标', name, target, actual, weight, got], ['总分', '', '', '', '', '100', '90']],
      { title: '项目支出绩效自评表', page },
    )
    .cellFacts()
    .build();

describe('indicator-score-mismatch', () => {
  test('a score over its weight: an error naming the weight and the score', () => {
    const doc = row('培训人数', '≥100人', '120人', '10', '12');
    const id = (label: string) => doc.facts.find((f) => f.label.endsWith(label))!.id;
    expect(run(doc)).toEqual([
      {
        id: 'c1',
        rule: 'indicator-score-mismatch',
        severity: 'error',
        message: '表“项目支出绩效自评表”（第7页）指标“培训人数”得分 12 超过其分值 10',
        factIds: [id('培训人数·分值'), id('培训人数·得分')],
        sectionIds: [],
        page: 7,
        expected: 10,
        actual: 12,
      },
    ]);
  });
  test('a written target missed, with the full weight: an error naming the target, the actual, the weight and the score', () => {
    const doc = row('培训人数', '≥100人', '90人', '10', '10');
    expect(run(doc).map((f) => [f.severity, f.message, f.factIds.length])).toEqual([
      ['error', '表“项目支出绩效自评表”（第7页）指标“培训人数”实际完成值 90人 未达到年度指标值 ≥100人，却得满分 10', 4],
    ]);
  });
  test('a bare target read as a minimum: a warning that says how it was read', () => {
    expect(
      run(row('培训人数', '100人', '90人', '10', '10')).map((f) => [
        f.severity,
        f.message.endsWith('（按 ≥ 理解），却得满分 10'),
      ]),
    ).toEqual([['warning', true]]);
  });
  test('a target met exactly: ≥100 is met by 100, ＞100 is not', () => {
    expect(run(row('培训人数', '≥100人', '100人', '10', '10'))).toEqual([]);
    expect(run(row('培训人数', '＞100人', '100人', '10', '10')).map((f) => f.expected)).toEqual([100]);
  });
  test('a target missed with less than the full weight: silent', () => {
    expect(run(row('培训人数', '≥100人', '90人', '10', '9'))).toEqual([]);
  });
  test('what is better low (发生率, 成本 …) with a bare target is not judged', () => {
    expect(run(row('事故发生率', '5%', '3%', '10', '10'))).toEqual([]);
  });
  test('an actual written as a bound says it met it, not by how much', () => {
    expect(run(row('培训人数', '≥100人', '＞95人', '10', '10'))).toEqual([]);
  });
  test("on an OCR'd page the error is a warning that says so", () => {
    const doc = row('培训人数', '≥100人', '120人', '10', '12', 2);
    doc.pages[1]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message.endsWith('（OCR 识别页，请对照原件核实）')])).toEqual([
      ['warning', true],
    ]);
  });
});
