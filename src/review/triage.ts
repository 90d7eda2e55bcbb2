// What a reviewer looks at first: documents with open errors, then open
// warnings (a finding is open until a reviewer dismisses it); why each one is
// up there (its first open finding, errors before warnings); and reports the
// tool did not understand — no unit, no year, no figures, pages it could not
// read — which would otherwise look as clean as a clean one.
import type { Finding, Report, Severity } from '../schema/report.ts';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export interface Triage {
  /** findings not dismissed, by severity */
  open: Record<Severity, number>;
  dismissed: number;
  /** the first open finding, errors first, then by page */
  why: { rule: string; page: number | null; message: string } | null;
  /** why the report was not understood (empty when it was) */
  notUnderstood: string[];
}

export function triageOf(report: Report): Triage {
  const open: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const openFindings: Finding[] = [];
  for (const f of report.findings) {
    if (f.review?.decision === 'dismissed') continue;
    open[f.severity]++;
    openFindings.push(f);
  }
  const first = [...openFindings].sort(
    (a, b) => RANK[a.severity] - RANK[b.severity] || (a.page ?? Infinity) - (b.page ?? Infinity),
  )[0];
  return {
    open,
    dismissed: report.findings.length - openFindings.length,
    why: first ? { rule: first.rule, page: first.page, message: first.message } : null,
    notUnderstood: notUnderstood(report),
  };
}

function notUnderstood(report: Report): string[] {
  const out: string[] = [];
  if (!report.document.organization) out.push('无单位');
  if (report.document.fiscalYear === null) out.push('无年度');
  if (report.facts.length === 0) out.push('无数字');
  // A page that failed, or a scanned page OCR read nothing from.
  const unread = report.pages.filter((p) => p.error !== null || (p.method === 'ocr' && p.chars === 0)).length;
  if (unread > 0) out.push(`${unread} 页无法识别`);
  return out;
}

/** Sort key parts: open errors, then open warnings (most first), then the reports not understood, then input order. */
export function triageOrder<T extends { triage: Triage | null; index: number }>(rows: T[]): T[] {
  const key = (r: T) => [
    -(r.triage?.open.error ?? 0),
    -(r.triage?.open.warning ?? 0),
    r.triage && r.triage.notUnderstood.length > 0 ? 0 : 1,
    r.index,
  ];
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
    return 0;
  });
}
