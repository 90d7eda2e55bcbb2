// The fiscal year a report's opening names for the report itself, when its
// title and cover name none: 某县司法局部门整体支出绩效自评报告 opening 我局对
// 2024年度部门整体支出开展了绩效自评…, or its first heading 一、2024年度部门
// 整体支出基本情况. Only a year set right before words of the report's own kind
// counts (OPENING_YEAR_WORDS), a title cited in 《》 (a 通知 of the next year)
// does not, nor a span of years (2022—2025年…项目), and two such years are no
// answer: null rather than a guess.
import type { ReportType } from '../schema/report.ts';
import type { DocPara } from '../sections/types.ts';
import { OPENING_YEAR_WORDS, SENTENCE_MARK } from '../vocab/covers.ts';
import { squeezed, withoutSpans, yearsIn } from './cover-text.ts';

/** The opening: the front's first prose paragraphs, the first heading and the paragraph under it. */
function openingTexts(paragraphs: DocPara[]): string[] {
  const first = paragraphs.findIndex((p) => p.sectionId !== null);
  const front = paragraphs.slice(0, first < 0 ? paragraphs.length : first);
  const prose = front.filter((p) => p.docRole === 'body' && SENTENCE_MARK.test(squeezed(p.text))).slice(0, 3);
  const heading =
    first < 0 ? [] : paragraphs.slice(first).filter((p) => p.docRole === 'heading' || p.docRole === 'body');
  return [...prose, ...heading.slice(0, 2)].map((p) => squeezed(p.text));
}

export function openingYear(paragraphs: DocPara[], type: ReportType | null): number | null {
  if (type === null) return null;
  const words = OPENING_YEAR_WORDS[type];
  const years = new Set<number>();
  for (const text of openingTexts(paragraphs)) {
    // What a report cites by its title (《…关于开展2025年度…的通知》) is not about its own year.
    const own = withoutSpans(text).replace(/《[^》]*》/g, (cited) => '　'.repeat(cited.length));
    for (const y of yearsIn(own)) if (words.test(own.slice(y.index))) years.add(y.year);
  }
  return years.size === 1 ? [...years][0]! : null;
}
