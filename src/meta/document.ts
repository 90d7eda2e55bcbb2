// Document metadata from the cover, the title and, for a report without a
// cover, its first table: null where the report does not say, never guessed.
// Each field is decided in its own module: title.ts, organisation.ts, year.ts,
// report-type.ts, date.ts; organization-key.ts keys the unit.
import type { DocumentMeta } from '../schema/report.ts';
import type { DocPara } from '../sections/types.ts';
import { TITLE_WORDS } from '../vocab/covers.ts';
import { plainLine, squeezed } from './cover-text.ts';
import { coverLines, frontOf } from './cover-lines.ts';
import { reportDateOf } from './date.ts';
import { organizationKey } from './organization-key.ts';
import { organisationOf } from './organisation.ts';
import { reportTypeOf } from './report-type.ts';
import type { CoverTable } from './tables.ts';
import { findTitle, type TitleLines } from './title.ts';
import { fiscalYearOf } from './year.ts';

export { organizationKey } from './organization-key.ts';
export type { CoverTable } from './tables.ts';

export function readMetadata(paragraphs: DocPara[], tables: CoverTable[] = []): DocumentMeta {
  const front = frontOf(paragraphs);
  const lines = coverLines(front);
  const title = findTitle(lines) ?? captionTitle(paragraphs, tables);
  const organization = organisationOf({ paragraphs, lines, title, tables });
  const reportType = title ? reportTypeOf(title.text) : null;
  return {
    title: title?.text ?? null,
    organization,
    organizationKey: organizationKey(organization),
    fiscalYear: fiscalYearOf({ title, lines, tables, paragraphs, type: reportType }),
    reportType,
    reportDate: reportDateOf(front, paragraphs),
  };
}

/**
 * A report that opens on a table, before any section (a 绩效目标申报表, a
 * 预算01表 收支总表): its first table's caption is its title when it names a
 * report of the genre.
 */
function captionTitle(paragraphs: DocPara[], tables: CoverTable[]): TitleLines | null {
  const first = tables[0];
  const sectionPage = paragraphs.find((p) => p.sectionId !== null)?.page ?? Infinity;
  if (!first || first.page >= sectionPage || !first.title) return null;
  const text = plainLine(first.title);
  return TITLE_WORDS.test(squeezed(text)) ? { text, start: -1, end: -1 } : null;
}
