// One line per document, for people: what it is and what was found. The
// review site shows it under each document's title; `jixiao check` prints it.
import type { Report, Severity } from '../schema/report.ts';

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export function severityCounts(report: Pick<Report, 'findings'>): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of report.findings) c[f.severity]++;
  return c;
}

export function summaryLine(report: Report): string {
  const d = report.document;
  const ocr = report.pages.filter((p) => p.method === 'ocr').length;
  // Findings a reviewer dismissed are counted apart.
  const open = report.findings.filter((f) => f.review?.decision !== 'dismissed');
  const c = severityCounts({ findings: open });
  const dismissed = report.findings.length - open.length;
  return [
    d.title ?? '（未识别标题）',
    d.organization ?? '（未识别单位）',
    d.fiscalYear !== null ? `${d.fiscalYear}年度` : '（未识别年度）',
    d.reportType ?? '（未识别类型）',
    `${report.pages.length}页${ocr > 0 ? `（OCR ${ocr}页）` : ''}`,
    `事实 ${report.facts.length}`,
    `错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}${dismissed > 0 ? `（另有已驳回 ${dismissed}）` : ''}`,
  ].join(' · ');
}
