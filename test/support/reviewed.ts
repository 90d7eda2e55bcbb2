// A made report for the review tests: one sum-mismatch (700 + 200 ≠ 1000),
// a staff count to correct, a count of inspections that a reviewer may call
// no figure — and the corrections a reviewer would write about it.
import type { FactCorrection, FindingDecision } from '../../src/schema/corrections.ts';
import type { Fact, Report } from '../../src/schema/report.ts';
import { anchorOf } from '../../src/corrections/anchor.ts';
import { compose, type ComposePara } from './compose.ts';
import { makePdf } from './make-pdf.ts';

export const WHO = { note: '核对原件', by: 'auditor', at: '2026-12-10T08:00:00.000Z' };

export function reviewedParas(extra: string[] = [], org = '岳阳市财政局'): ComposePara[] {
  return [
    { text: `2023年度${org}整体支出绩效自评报告`, indent: 0, align: 'center', bold: true, size: 16 },
    { text: '一、单位基本情况', indent: 0, bold: true },
    ...extra.map((text) => ({ text })),
    { text: '本单位编制数为 25 人，实有人数 23 人。' },
    { text: '二、支出情况', indent: 0, bold: true },
    { text: '基本支出全年预算数为 1000.00 万元，其中人员经费 700.00 万元，公用经费 200.00 万元。' },
    { text: '本年度完成检查 48 次。' },
  ];
}

export function reviewedPdf(org?: string): Uint8Array {
  return makePdf(compose(reviewedParas([], org)));
}

export function factByLabel(r: Report, label: string): Fact {
  const f = r.facts.find((x) => x.label === label);
  if (!f) throw new Error(`no fact ${label}: ${r.facts.map((x) => x.label).join(', ')}`);
  return f;
}

export function factFix(r: Report, f: Fact, change: Partial<FactCorrection>): FactCorrection {
  return { document: r.source.sha256, fact: f.id, anchor: anchorOf(f), ...WHO, ...change };
}

export function findingDecision(
  r: Report,
  i: number,
  decision: 'confirmed' | 'dismissed',
  note = WHO.note,
): FindingDecision {
  const f = r.findings[i]!;
  return {
    document: r.source.sha256,
    finding: f.id,
    anchor: { rule: f.rule, page: f.page, message: f.message },
    decision,
    ...WHO,
    note,
  };
}
