// score-mismatch on hand-built inputs: the text's self-score against the one
// scoring table's 总分, at the precision the text writes; several tables; a
// table that gives no total; OCR; and the table's own 总分 fact claimed
// against conflicting-values.
import { describe, expect, test } from 'vitest';
import { conflictingValues } from '../../../src/checks/conflicting-values.ts';
import { runChecks } from '../../../src/checks/index.ts';
import { scoreMismatch } from '../../../src/checks/score-mismatch.ts';
import type { CheckInput } from '../../../src/checks/types.ts';
import { checkInput, score } from '../../support/check-input.ts';

const run = (doc: CheckInput) => runChecks(doc, [scoreMismatch]);
// The items add up to the 总分 whatever it is: the table itself is right.
const TABLE = (total: string) => [
  ['一级指标', '二级指标', '分值', '得分'],
  ['产出指标', '数量指标', '50', '45'],
  ['效益指标', '满意度指标', '50', String(Number((Number(total) - 45).toFixed(1)))],
  ['总分', '', '100', total],
];
const tableScore = (doc: CheckInput, page = 6) => doc.facts.find((f) => f.label === '总分·得分' && f.page === page)!.id;
function report(stated: string, total = '93', tables = 1) {
  const b = checkInput().paragraph(
    ['经自评，本部门整体支出绩效自评得分 ', score('自评得分', stated, { concept: 'evaluation.selfScore' }), '。'],
    { page: 2 },
  );
  for (let i = 0; i < tables; i++) b.table(TABLE(total), { title: `项目${i + 1}绩效自评表`, page: 6 + i });
  return b.cellFacts().build();
}

describe('score-mismatch', () => {
  test("the text's self-score differs from the table's 总分: an error naming both pages and both figures", () => {
    const doc = report('90');
    expect(run(doc)).toEqual([
      {
        id: 'c1',
        rule: 'score-mismatch',
        severity: 'error',
        message: '正文自评得分 90 分（第2页）与评分表“项目1绩效自评表”（第6页）总分 93 分不符',
        factIds: ['f1', tableScore(doc)],
        sectionIds: [],
        page: 2,
        expected: 93,
        actual: 90,
      },
    ]);
  });
  test('the same score: silent', () => {
    expect(run(report('93'))).toEqual([]);
  });
  // The text rounds to whole points: 93 stands for 92.5 … 93.5.
  test("a table total of 93.5 against a text's 93: within its rounding; 93.6 is not", () => {
    expect(run(report('93', '93.5'))).toEqual([]);
    expect(run(report('93', '93.6')).map((f) => f.expected)).toEqual([93.6]);
  });
  test("with several scoring tables the text's score is no one table's: silent", () => {
    expect(run(report('90', '93', 2))).toEqual([]);
  });
  test("the table's own 总分 fact goes into the finding, so that conflicting-values does not report the pair again", () => {
    const doc = report('90');
    const total = tableScore(doc);
    expect(runChecks(doc, [conflictingValues]).map((f) => [f.rule, f.factIds])).toEqual([
      ['conflicting-values', ['f1', total]],
    ]);
    expect(runChecks(doc, [conflictingValues, scoreMismatch]).map((f) => [f.rule, f.factIds])).toEqual([
      ['score-mismatch', ['f1', total]],
    ]);
  });
  test('a self-score sentence of another year still states the score (year-mismatch names the year)', () => {
    const doc = report('90');
    Object.assign(doc.facts[0]!, { year: 2022 });
    expect(run(doc).map((f) => [f.expected, f.actual])).toEqual([[93, 90]]);
  });
  test("on an OCR'd page the error is a warning that says so", () => {
    const doc = report('90');
    doc.pages[1]!.method = 'ocr';
    expect(run(doc).map((f) => f.severity)).toEqual(['warning']);
  });
});
