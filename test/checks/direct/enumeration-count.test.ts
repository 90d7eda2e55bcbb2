// enumeration-count on hand-built inputs: a stated count against the items
// listed after it (、-lists and inline numbering), an open list (等), the
// same number, counts out of range, OCR.
import { describe, expect, test } from 'vitest';
import { enumerationCount } from '../../../src/checks/enumeration-count.ts';
import { runChecks } from '../../../src/checks/index.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, count } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [enumerationCount]);
const listed = (n: string, list: string, extra: Parameters<typeof count>[3] = {}) =>
  checkInput()
    .section('一、', '机构设置', { ordinal: 1 })
    .paragraph(['内设 ', count('内设股室', n, '个', extra), `股室：${list}。`], { sectionId: 's1', page: 2 })
    .build();

describe('enumeration-count', () => {
  test('more items listed than stated: a warning with both numbers', () => {
    expect(run(listed('3', '办公室、财务股、执法股、法规股'))).toEqual([
      {
        id: 'c1',
        rule: 'enumeration-count',
        severity: 'warning',
        message: '内设股室写明 3 个（第2页），其后列出了 4 项',
        factIds: ['f1'],
        sectionIds: ['s1'],
        page: 2,
        expected: 3,
        actual: 4,
      },
    ]);
  });
  test('as many items as stated: silent', () => {
    expect(run(listed('4', '办公室、财务股、执法股、法规股'))).toEqual([]);
  });
  test('fewer items listed than stated: found', () => {
    expect(run(listed('5', '办公室、财务股、执法股、法规股')).map((f) => f.actual)).toEqual([4]);
  });
  test('a list that ends in 等 is open: silent', () => {
    expect(run(listed('5', '办公室、财务股、执法股等'))).toEqual([]);
  });
  test('inline numbering counts the numbered items', () => {
    expect(run(listed('3', '1、办公室 2、财务股 3、执法股 4、法规股')).map((f) => f.message)).toEqual([
      '内设股室写明 3 个（第2页），其后编号列出了 4 项',
    ]);
    expect(run(listed('4', '1、办公室 2、财务股 3、执法股 4、法规股'))).toEqual([]);
  });
  test('an approximate count, or one of a single thing, is not held to a list', () => {
    expect(run(listed('3', '办公室、财务股、执法股、法规股', { approximate: true }))).toEqual([]);
    expect(run(listed('1', '办公室、财务股'))).toEqual([]);
  });
  test("a warning on an OCR'd page stays as it is", () => {
    const doc = listed('3', '办公室、财务股、执法股、法规股');
    doc.pages[1]!.method = 'ocr';
    expect(run(doc).map((f) => [f.severity, f.message])).toEqual([
      ['warning', '内设股室写明 3 个（第2页），其后列出了 4 项'],
    ]);
  });
});

describe('enumeration-count: 和 joining the last item, numbered paragraphs', () => {
  test('和 / 及 / 与 joining the last two items counts them as two; 和 inside names does not', () => {
    expect(run(listed('3', '办公室、财务股和执法股'))).toEqual([]);
    expect(run(listed('2', '办公室、财务股和执法股'))).toEqual([]);
    expect(run(listed('5', '办公室、财务股和执法股')).map((f) => f.actual)).toEqual([3]);
    expect(run(listed('3', '住房和城乡建设局、住房和城乡建设执法大队、住房和城乡建设事务中心'))).toEqual([]);
    expect(
      run(listed('5', '住房和城乡建设局、住房和城乡建设执法大队、住房和城乡建设事务中心')).map((f) => f.actual),
    ).toEqual([3]);
  });
  test('a count ending its paragraph in a colon: the numbered paragraphs after it, in order', () => {
    const doc = (n: string, items: string[]) => {
      const b = checkInput().paragraph(['内设 ', count('内设股室', n, '个'), '股室：']);
      items.forEach((t, i) => b.paragraph([`${i + 1}、${t}。`]));
      return b.paragraph(['二、部门预算情况']).build();
    };
    expect(run(doc('3', ['办公室', '财务股', '执法股']))).toEqual([]);
    expect(run(doc('4', ['办公室', '财务股', '执法股'])).map((f) => f.message)).toEqual([
      '内设股室写明 4 个（第1页），其后编号列出了 3 项',
    ]);
  });
});
