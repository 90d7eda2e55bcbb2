// A reviewer's correction of a table figure reaches the records built on it:
// a record's figures are its cells' facts, so the corrected value is the
// record's, `met` is judged again, and undoing the corrections gives back
// the records as read.
import { expect, test } from 'vitest';
import { applyCorrections, asRead } from '../../src/corrections/apply.ts';
import { runChecks } from '../../src/checks/index.ts';
import type { Report } from '../../src/schema/report.ts';
import { checkInput } from '../support/check-input.ts';
import { factFix } from '../support/reviewed.ts';

function report(): Report {
  const doc = checkInput({ reportType: '项目支出' })
    .table(
      [
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['产出指标', '数量指标', '培训人次', '≥1000人次', '980人次', '10', '9'],
        ['总分', '总分', '总分', '总分', '总分', '100', '90'],
      ],
      { title: '项目支出绩效自评表', page: 3 },
    )
    .cellFacts()
    .build();
  return { ...doc, findings: runChecks(doc) };
}

test("a corrected actual is the record's actual, and met is judged again; as read, the record is as it was", () => {
  const r = report();
  expect(r.indicators.map((i) => [i.actual?.value, i.met])).toEqual([[980, false]]);
  const actual = r.facts.find((f) => f.label.endsWith('实际完成值'))!;
  const out = applyCorrections(r, [factFix(r, actual, { value: 1080, unit: '人次' })]);
  expect(out.indicators.map((i) => [i.actual?.value, i.met, i.factIds.includes(actual.id)])).toEqual([
    [1080, true, true],
  ]);
  expect(asRead(out).indicators).toEqual(r.indicators);
});

test('a figure struck out ("not a fact") leaves the record its text and no number', () => {
  const r = report();
  const weight = r.facts.find((f) => f.label.endsWith('培训人次·分值'))!;
  const out = applyCorrections(r, [factFix(r, weight, { notAFact: true })]);
  expect(out.indicators.map((i) => [i.weight, i.score, i.factIds.includes(weight.id)])).toEqual([[null, 9, false]]);
});
