// Corrections applied to a report read from a made PDF: a value corrected
// (the sum check runs again and its finding goes), a finding dismissed, a
// fact struck out and one added; the anchors find their facts again after a
// re-read that numbers facts differently, and a correction whose page changed
// is reported as unmatched, never applied elsewhere.
import { beforeAll, describe, expect, test } from 'vitest';
import { applyCorrections, asRead, openFindings } from '../../src/corrections/apply.ts';
import { anchorOf, matchFact } from '../../src/corrections/anchor.ts';
import { Report as ReportSchema, type Fact, type Report } from '../../src/schema/report.ts';
import type { Correction, FactCorrection } from '../../src/schema/corrections.ts';
import { runChecks } from '../../src/checks/index.ts';
import { checkInput, money } from '../support/check-input.ts';
import { extractComposed } from '../support/extract-made.ts';
import { factByLabel, factFix, findingDecision, reviewedParas, WHO } from '../support/reviewed.ts';

const fix = factFix;
const byLabel = factByLabel;
const decide = findingDecision;
const made = (extra: string[] = []) => extractComposed(reviewedParas(extra));

let report: Report;
beforeAll(async () => {
  report = await made();
}, 60_000);

describe('applying corrections', () => {
  test('the made report has its sum-mismatch', () => {
    expect(report.findings.map((f) => f.rule)).toEqual(['sum-mismatch']);
  });

  test('a value corrected: the new value, its normalised value, where it came from; the checks run again', () => {
    const pub = byLabel(report, '公用经费');
    const out = applyCorrections(report, [fix(report, pub, { value: '300.00', unit: '万元' })]);
    const f = out.facts.find((x) => x.id === pub.id)!;
    expect(f).toMatchObject({
      value: 300,
      unit: '万元',
      decimals: 2,
      normalized: { value: 3_000_000, unit: '元' },
      corrected: { from: { value: 200, unit: '万元' }, ...WHO },
    });
    expect(out.findings).toEqual([]);
    expect(out.review).toMatchObject({ applied: 1, unmatched: [] });
    expect(ReportSchema.parse(out)).toEqual(out);
  });

  test('a finding dismissed with a note: kept in the report with its review, left out of the open ones', () => {
    const out = applyCorrections(report, [decide(report, 0, 'dismissed', '人员经费另有说明')]);
    expect(out.findings[0]!.review).toEqual({ ...WHO, decision: 'dismissed', note: '人员经费另有说明' });
    expect(openFindings(out)).toEqual([]);
    expect(openFindings(applyCorrections(report, [decide(report, 0, 'confirmed')]))).toHaveLength(1);
  });

  test('the last decision on a finding stands', () => {
    const out = applyCorrections(report, [decide(report, 0, 'dismissed'), decide(report, 0, 'confirmed')]);
    expect(out.findings[0]!.review?.decision).toBe('confirmed');
  });

  test('not a fact: struck out; a fact added by its box: kind, normalised value and concept follow from it', () => {
    const count = byLabel(report, '完成检查');
    const added: FactCorrection = {
      document: report.source.sha256,
      fact: null,
      anchor: { page: 1, quote: '', bbox: [72, 100, 140, 112] },
      value: 12.5,
      unit: '万元',
      label: '基本支出全年预算数',
      ...WHO,
    };
    const out = applyCorrections(report, [fix(report, count, { notAFact: true }), added]);
    expect(out.facts.some((f) => f.id === count.id)).toBe(false);
    const a = out.facts.find((f) => f.corrected?.from === null)!;
    expect(a).toMatchObject({
      id: 'fr1',
      page: 1,
      kind: 'money',
      value: 12.5,
      normalized: { value: 125_000, unit: '元' },
      concept: 'budget.basic.adjusted',
      bbox: [72, 100, 140, 112],
    });
    expect(out.review!.asRead.facts).toEqual([count]);
  });

  test('applied again to its own output, or to the report as read: the same report', () => {
    const lines: Correction[] = [
      fix(report, byLabel(report, '公用经费'), { value: 300, unit: '万元' }),
      fix(report, byLabel(report, '完成检查'), { notAFact: true }),
      decide(report, 0, 'dismissed'),
    ];
    const once = applyCorrections(report, lines);
    expect(applyCorrections(once, lines)).toEqual(once);
    expect(asRead(once)).toEqual(report);
    // No corrections left for it (a file emptied by hand): the report as read.
    expect(applyCorrections(once, [])).toEqual(report);
  });

  test("another document's corrections do not touch it", () => {
    const other = { ...fix(report, byLabel(report, '公用经费'), { value: 1, unit: '万元' }), document: 'f'.repeat(64) };
    expect(applyCorrections(report, [other])).toEqual(report);
  });

  test('a value that is no number is reported, not applied', () => {
    const out = applyCorrections(report, [fix(report, byLabel(report, '公用经费'), { value: '二百', unit: '万元' })]);
    expect(out.facts).toEqual(report.facts);
    expect(out.review!.unmatched[0]!.reason).toContain('不是数字');
  });
});

describe('anchors after a re-read', () => {
  test('facts numbered differently (a later reader finds one more ahead of them): each correction finds its own fact', () => {
    const pub = byLabel(report, '实有人数');
    const lines = [fix(report, pub, { value: 24, unit: '人' }), decide(report, 0, 'dismissed')];
    // The same document read again by a reader that finds a figure more on page 1: every id after it moves.
    const found: Fact = {
      ...report.facts[0]!,
      label: '新读出的数字',
      quote: '新读出的数字 7 个',
      value: 7,
      unit: '个',
    };
    const renumber = new Map<string, string>();
    const facts = [found, ...report.facts].map((f, i) => {
      if (f !== found) renumber.set(f.id, `f${i + 1}`);
      return { ...f, id: `f${i + 1}` };
    });
    const findings = report.findings.map((f) => ({ ...f, factIds: f.factIds.map((id) => renumber.get(id)!) }));
    const reread: Report = { ...report, facts, findings };
    const moved = byLabel(reread, '实有人数');
    expect(moved.id).not.toBe(pub.id);
    const out = applyCorrections(reread, lines);
    expect(out.facts.find((f) => f.id === moved.id)!.value).toBe(24);
    expect(out.findings.map((f) => f.review?.decision)).toEqual(['dismissed']);
    expect(out.facts.find((f) => f.id === pub.id)!.corrected).toBeUndefined();
    expect(out.review!.unmatched).toEqual([]);
  });

  test('the same words set again lower on the page (a paragraph added above): the box moved, no match', async () => {
    const line = fix(report, byLabel(report, '公用经费'), { value: 300, unit: '万元' });
    const moved = await made(['本单位下设机构 3 个，股室 5 个。']);
    const out = applyCorrections({ ...moved, source: report.source }, [line]);
    expect(out.facts).toEqual(moved.facts);
    expect(out.review!.unmatched).toHaveLength(1);
  }, 60_000);

  test('a changed page: the anchor no longer matches, the correction is reported with why, nothing else moves', async () => {
    const pub = byLabel(report, '公用经费');
    const changed = await extractComposed([
      { text: '2023年度岳阳市财政局整体支出绩效自评报告', indent: 0, align: 'center', bold: true, size: 16 },
      { text: '基本支出全年预算数为 1000.00 万元，其中人员经费 800.00 万元，公用经费 250.00 万元。' },
    ]);
    const line = fix(report, pub, { value: 300, unit: '万元' });
    const out = applyCorrections({ ...changed, source: report.source }, [line]);
    expect(out.facts).toEqual(changed.facts);
    expect(out.review!.unmatched).toEqual([{ correction: line, reason: expect.stringContaining('公用经费 200.00') }]);
  }, 60_000);

  test('the same quote twice on a page: the box decides; without a box, two candidates are no match', () => {
    const f = byLabel(report, '公用经费');
    const w = f.bbox![2] - f.bbox![0];
    const twin: Fact = { ...f, id: 'f99', bbox: [f.bbox![0] + w, f.bbox![1], f.bbox![2] + w, f.bbox![3]] };
    expect(matchFact(anchorOf(f), [f, twin])).toEqual({ found: f });
    expect(matchFact(anchorOf(twin), [f, twin])).toEqual({ found: twin });
    expect(matchFact({ ...anchorOf(f), bbox: null }, [f, twin])).toMatchObject({ reason: expect.any(String) });
    // Moved off its place (less than half overlapping): not the same fact.
    const shifted: Fact = { ...f, bbox: [f.bbox![0] + w / 2, f.bbox![1], f.bbox![2] + w / 2, f.bbox![3]] };
    expect(matchFact(anchorOf(f), [shifted])).toMatchObject({ reason: expect.stringContaining('位置') });
  });

  test('a fact added by hand that a later read finds itself: the reviewer corrects it, it is not there twice', () => {
    const pub = byLabel(report, '公用经费');
    const [x0, y0, x1, y1] = pub.bbox!;
    const line: FactCorrection = {
      document: report.source.sha256,
      fact: null,
      anchor: { page: pub.page, quote: '', bbox: [x0 - 4, y0 - 2, x1 + 4, y1 + 2] },
      value: 200,
      unit: '万元',
      label: '公用经费支出',
      ...WHO,
    };
    const out = applyCorrections(report, [line]);
    expect(out.facts).toHaveLength(report.facts.length);
    expect(out.facts.find((f) => f.id === pub.id)).toMatchObject({
      label: '公用经费支出',
      corrected: { from: { value: 200, unit: '万元', label: '公用经费' } },
    });
  });
});

describe('a table figure corrected', () => {
  const tableReport = () => {
    const doc = checkInput()
      .table(
        [
          ['项目', '金额（万元）'],
          ['项目1', '100.00'],
          ['项目2', '200.00'],
          ['合计', '310.00'],
        ],
        {
          title: '项目支出表',
          page: 1,
        },
      )
      .cell(
        money('项目2·金额', '200.00', {
          quote: '项目支出表：项目2·金额 200.00',
          cell: { table: 't1', row: 2, col: 1 },
        }),
      )
      .build();
    return { ...doc, findings: runChecks(doc) } as Report;
  };

  test('the table rule reads the corrected cell: a total it now adds up to is no finding', () => {
    const r = tableReport();
    expect(r.findings.map((f) => f.rule)).toEqual(['table-total-mismatch']);
    const out = applyCorrections(r, [fix(r, r.facts[0]!, { value: '210.00', unit: '万元' })]);
    expect(out.findings).toEqual([]);
    // The table as read stays as read: only the checks saw the corrected cell.
    expect(out.tables).toEqual(r.tables);
  });

  test('a correction that makes it worse changes the finding', () => {
    const r = tableReport();
    const out = applyCorrections(r, [fix(r, r.facts[0]!, { value: 250, unit: '万元' })]);
    expect(out.findings.map((f) => f.expected)).toEqual([350]);
  });
});
