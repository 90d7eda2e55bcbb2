// The fiscal year a report is about: the year its title names before the
// genre's words (2026年部门预算 → 2026, the year budgeted; 2022年度部门决算 →
// 2022), else the year line by the title (（2024年度）), a cover field (预算年度：2026,
// 评价项目名称：2020年度…), another title line of the front, or the year its
// tables' captions agree on, else the year the report's opening names for it
// (opening-year.ts). A publishing date (二〇二六年三月, 2026年3月) is
// never the fiscal year: dates are not years here (see yearsIn).
import { TITLE_WORDS, YEAR_FIELD, YEAR_LINE } from '../vocab/covers.ts';
import { squeezed, withoutNotes, withoutSpans, yearsIn } from './cover-text.ts';
import { FIELD_FORM, titleLike, type CoverLine } from './cover-lines.ts';
import type { ReportType } from '../schema/report.ts';
import type { DocPara } from '../sections/types.ts';
import { openingYear } from './opening-year.ts';
import type { TitleLines } from './title.ts';
import type { CoverTable } from './tables.ts';

/**
 * The year a title names for its report: the last one before the genre's
 * words, else the first after; a span of years is none, nor a year in a
 * bracketed note (…补助资金（含2023年结转）绩效自评报告 is 2024's).
 */
export function titleYear(title: string): number | null {
  // A span of years (2022—2025年…项目) names none of them as the report's, nor a note (（含2023年结转）).
  const text = withoutNotes(withoutSpans(squeezed(title)));
  const years = yearsIn(text);
  if (years.length === 0) return null;
  const genre = TITLE_WORDS.exec(text)?.index ?? text.length;
  return (years.filter((y) => y.index < genre).pop() ?? years[0]!).year;
}

export interface YearInput {
  title: TitleLines | null;
  lines: CoverLine[];
  tables: CoverTable[];
  paragraphs: DocPara[];
  type: ReportType | null;
}

export function fiscalYearOf({ title, lines, tables, paragraphs, type }: YearInput): number | null {
  if (title) {
    const named = titleYear(title.text);
    if (named !== null) return named;
    for (const at of [title.start - 1, title.end]) {
      const m = YEAR_LINE.exec(squeezed(lines[at]?.text ?? ''));
      if (m) return Number(m[1] ?? m[2]);
    }
  }
  return coverFieldYear(lines) ?? otherTitleYear(lines, title) ?? captionYear(tables) ?? openingYear(paragraphs, type);
}

/** 预算年度：2026; 评价项目名称：2020年度…: a field whose value opens with a year (not a span of years). */
function coverFieldYear(lines: CoverLine[]): number | null {
  for (const line of lines) {
    // 项目实施年度：2023年—2025年 is a project's span, not the year reported on.
    const t = withoutSpans(squeezed(line.text));
    const field = YEAR_FIELD.exec(t);
    if (field) return Number(field[1]);
    const key = FIELD_FORM.exec(t);
    if (!key || !/名称|项目|年度/.test(key[0])) continue;
    const first = yearsIn(t.slice(key[0].length))[0];
    if (first && first.index === 0) return first.year;
  }
  return null;
}

/** A second title on the front (the cover names a form, the first page the report): its year. */
function otherTitleYear(lines: CoverLine[], title: TitleLines | null): number | null {
  for (let i = 0; i < lines.length; i++) {
    if (title && i >= title.start && i < title.end) continue;
    const t = squeezed(lines[i]!.text);
    if (!titleLike(lines[i]!) || !TITLE_WORDS.test(t)) continue;
    const year = titleYear(t);
    if (year !== null) return year;
  }
  return null;
}

/** The one year the tables' captions name (2025年部门收支总体情况表, 部门整体支出绩效目标表（2026年度）). */
function captionYear(tables: CoverTable[]): number | null {
  const years = new Set<number>();
  for (const t of tables) {
    const caption = squeezed(t.title ?? '');
    const year = TITLE_WORDS.test(caption) || /表/.test(caption) ? titleYear(caption) : null;
    if (year !== null) years.add(year);
  }
  return years.size === 1 ? [...years][0]! : null;
}
