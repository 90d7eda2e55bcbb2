// heading-sequence on hand-built section trees: a skip, a repeat, a step
// back, siblings of other parents or families, OCR.
import { describe, expect, test } from 'vitest';
import { headingSequence } from '../../../src/checks/heading-sequence.ts';
import { runChecks } from '../../../src/checks/index.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [headingSequence]);
const numbered = (ordinals: number[], marker = (n: number) => `${'一二三四五六七八九'[n - 1]}、`) => {
  const b = checkInput();
  ordinals.forEach((n, i) => b.section(marker(n), `标题${i + 1}`, { ordinal: n, page: i + 1 }));
  return b.build();
};

describe('heading-sequence', () => {
  test('a number skipped: an info naming both headings and the one missing', () => {
    expect(run(numbered([1, 2, 4]))).toEqual([
      {
        id: 'c1',
        rule: 'heading-sequence',
        severity: 'info',
        message: '一级标题序号跳过：“二、标题2”（第2页）之后是“四、标题3”（第3页），缺少“三、”',
        factIds: [],
        sectionIds: ['s2', 's3'],
        page: 3,
        expected: 3,
        actual: 4,
      },
    ]);
  });
  test('numbers in order: silent', () => {
    expect(run(numbered([1, 2, 3]))).toEqual([]);
  });
  test('the same number twice, and a step back', () => {
    expect(run(numbered([1, 2, 2])).map((f) => f.message)).toEqual([
      '一级标题序号重复：“二、标题2”（第2页）与“二、标题3”（第3页）编号相同',
    ]);
    expect(run(numbered([1, 3, 2])).map((f) => f.message.slice(0, 10))).toEqual([
      '一级标题序号跳过：“',
      '一级标题序号倒退：“',
    ]);
  });
  test("several numbers skipped are all named, in the marker's own form", () => {
    expect(run(numbered([1, 4], (n) => `（${n}）`)).map((f) => f.message)).toEqual([
      '一级标题序号跳过：“（1）标题1”（第1页）之后是“（4）标题2”（第2页），缺少“（2）”“（3）”',
    ]);
  });
  test('siblings are of one parent and one family: numbering restarts under another parent', () => {
    const doc = checkInput()
      .section('一、', '甲', { ordinal: 1 })
      .section('（一）', '甲一', { ordinal: 1, level: 2, family: 'cn-paren', parentId: 's1' })
      .section('二、', '乙', { ordinal: 2 })
      .section('（一）', '乙一', { ordinal: 1, level: 2, family: 'cn-paren', parentId: 's3' })
      .section('1.', '另一种编号', { ordinal: 1, family: 'num-dot' })
      .build();
    expect(run(doc)).toEqual([]);
  });
  test("an info on an OCR'd page stays as it is", () => {
    const doc = numbered([1, 2, 4]);
    doc.pages[2]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message.includes('OCR')])).toEqual([['info', false]]);
  });
});

describe('heading-sequence: numbering that starts again by design', () => {
  const titled = (runs: [number, string][]) => {
    const b = checkInput();
    runs.forEach(([n, title], i) => b.section(`${'一二三四五六七八九'[n - 1]}、`, title, { ordinal: n, page: i + 1 }));
    return b.build();
  };
  test('a restart continued by 二: silent; a lone 一 where 四 belongs: found', () => {
    expect(run(numbered([1, 2, 3, 1, 2, 3]))).toEqual([]);
    expect(run(numbered([1, 2, 3, 1, 5])).map((f) => f.actual)).toEqual([1, 5]);
  });
  test('a restart repeating the first run’s title (a sheet per project, one heading each): silent', () => {
    expect(
      run(
        titled([
          [1, '项目概述'],
          [2, '绩效目标'],
          [1, '项目概述'],
        ]),
      ),
    ).toEqual([]);
    expect(
      run(
        titled([
          [1, '项目概述'],
          [2, '绩效目标'],
          [1, '存在问题'],
        ]),
      ).length,
    ).toBe(1);
  });
});
