// The kind of report a title names (contract: how each genre is typed); 其他
// for a title of the genre that names none of them. The title is read without
// its bracketed notes first — …补助资金（含2023年结转）绩效自评报告 is a project's,
// 2025年部门预算（含2024年决算） a 预算 — and whole when that names no kind
// (2024年度绩效自评报告（部门整体支出）).
import type { ReportType } from '../schema/report.ts';
import { REPORT_TYPES } from '../vocab/covers.ts';
import { squeezed } from './cover-text.ts';

const NOTES = /[（(][^（）()]*[）)]/g;

export function reportTypeOf(title: string): ReportType {
  const text = squeezed(title);
  const kind = (t: string) => REPORT_TYPES.find((r) => r.test(t))?.type ?? null;
  return kind(text.replace(NOTES, '')) ?? kind(text) ?? '其他';
}
