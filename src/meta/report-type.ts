// The kind of report a title names (contract: how each genre is typed); 其他
// for a title of the genre that names none of them.
import type { ReportType } from '../schema/report.ts';
import { REPORT_TYPES } from '../vocab/covers.ts';
import { squeezed } from './cover-text.ts';

export function reportTypeOf(title: string): ReportType {
  const text = squeezed(title);
  return REPORT_TYPES.find((r) => r.test(text))?.type ?? '其他';
}
