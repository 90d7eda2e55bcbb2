// percent-out-of-range on hand-built inputs: 100% itself and just over it, a
// target, growth, a bare 实际完成 named by its sentence, the same figure in the
// text and the table (one finding, two pages), OCR.
import { describe, expect, test } from 'vitest';
import { runChecks } from '../../../src/checks/index.ts';
import { percentOutOfRange } from '../../../src/checks/percent-out-of-range.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, percent } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [percentOutOfRange]);
const rate = (label: string, value: string, extra: Parameters<typeof percent>[2] = {}, page = 3) =>
  checkInput()
    .paragraph([`${label}达到 `, percent(label, value, extra), '。'], { page })
    .build();

describe('percent-out-of-range', () => {
  test('a bounded rate over 100%: an error', () => {
    expect(run(rate('培训合格率', '110.6'))).toEqual([
      {
        id: 'c1',
        rule: 'percent-out-of-range',
        severity: 'error',
        message: '培训合格率 110.6%（第3页）超过 100%，比率不应超过 100%',
        factIds: ['f1'],
        sectionIds: [],
        page: 3,
        expected: 100,
        actual: 110.6,
      },
    ]);
  });
  test('exactly 100%: silent; 100.1%: found', () => {
    expect(run(rate('培训合格率', '100.0'))).toEqual([]);
    expect(run(rate('培训合格率', '100'))).toEqual([]);
    expect(run(rate('培训合格率', '100.1')).map((f) => f.actual)).toEqual([100.1]);
  });
  test('a target (with a bound) is not a result', () => {
    expect(run(rate('培训合格率', '105', { comparator: '>=', approximate: true }))).toEqual([]);
  });
  test('growth and over-fulfilment may exceed 100%', () => {
    expect(run(rate('同比增长', '133'))).toEqual([]);
    expect(
      run(
        checkInput()
          .paragraph(['覆盖率同比增长 ', percent('覆盖率', '133', { quote: '同比增长 133%' }), '。'])
          .build(),
      ),
    ).toEqual([]);
  });
  test('a rate that is not bounded (no 率 of a share) is not judged', () => {
    expect(run(rate('完成全年任务', '120'))).toEqual([]);
  });
  test('a bare 实际完成 takes the rate its sentence named last', () => {
    const doc = checkInput()
      .paragraph(['受益群众满意度指标，实际完成 ', percent('实际完成', '108.7'), '。'])
      .build();
    expect(run(doc).map((f) => f.message)).toEqual(['受益群众满意度 108.7%（第1页）超过 100%，比率不应超过 100%']);
  });
  test('the same figure in the text and the table: one finding naming both pages', () => {
    const doc = checkInput()
      .paragraph(['救助对象信息准确率达到 ', percent('救助对象信息准确率', '109.1')], { page: 3 })
      .cell(percent('产出指标·质量指标·救助对象信息准确率·实际完成值', '109.1'), { page: 5 })
      .build();
    expect(run(doc).map((f) => [f.message, f.factIds])).toEqual([
      ['救助对象信息准确率 109.1%（第3、5页）超过 100%，比率不应超过 100%', ['f1', 'f2']],
    ]);
  });
  test('the same figure twice on one page, then on another: the page named once, then the other', () => {
    const doc = checkInput()
      .paragraph(['救助对象信息准确率达到 ', percent('救助对象信息准确率', '109.1')], { page: 3 })
      .cell(percent('产出指标·质量指标·救助对象信息准确率·实际完成值', '109.1'), { page: 3 })
      .cell(percent('产出指标·质量指标·救助对象信息准确率·实际完成值', '109.1'), { page: 6 })
      .build();
    expect(run(doc).map((f) => [f.message, f.factIds])).toEqual([
      ['救助对象信息准确率 109.1%（第3、6页）超过 100%，比率不应超过 100%', ['f1', 'f2', 'f3']],
    ]);
  });
  test("on an OCR'd page the error is a warning that says so", () => {
    const doc = rate('培训合格率', '110.6');
    doc.pages[2]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message])).toEqual([
      ['warning', '培训合格率 110.6%（第3页）超过 100%，比率不应超过 100%（OCR 识别页，请对照原件核实）'],
    ]);
  });
});

describe('percent-out-of-range: changes', () => {
  test('a change (signed, change: true) is no share, whatever its label', () => {
    expect(run(rate('优良率', '103', { change: true }))).toEqual([]);
  });
});
