// The front of a report as lines: what stands before its first section (a
// cover, a title page, the title above the text), line by line. Layout may
// join a cover's lines into one paragraph or keep them apart depending on the
// producer; reading lines makes both the same.
import type { DocPara } from '../sections/types.ts';
import { ANNEX_LINE, DATE_LINE, DOC_NUMBER_LINE, MEASURE_LINE, SENTENCE_MARK } from '../vocab/covers.ts';
import { squeezed } from './cover-text.ts';

export interface CoverLine {
  text: string;
  page: number;
  size: number;
  /** the line belongs to a paragraph with no sentence punctuation: it may be part of a title */
  titleArea: boolean;
  /** the paragraph's index in the front: lines of one paragraph wrap one text */
  para: number;
}

/** The paragraphs before the first section (at least the first paragraph), 目录 lines left out. */
export function frontOf(paragraphs: DocPara[]): DocPara[] {
  const first = paragraphs.findIndex((p) => p.sectionId !== null);
  return paragraphs.slice(0, Math.max(1, first < 0 ? paragraphs.length : first)).filter((p) => p.docRole !== 'toc');
}

export function coverLines(front: DocPara[]): CoverLine[] {
  return front.flatMap((p, para) => {
    if (p.docRole !== 'body') return [];
    const titleArea = !SENTENCE_MARK.test(squeezed(p.text));
    const lines = p.lines.length > 0 ? p.lines : [{ text: p.text, page: p.page, size: p.size }];
    return lines.map((l) => ({ text: l.text, page: l.page, size: l.size, titleArea, para }));
  });
}

/** A line of the key：value form (预算主管部门：某区司法局, 报告日期：…). */
export const FIELD_FORM = /^[^：:，。]{2,16}[：:]/;

/** A line that may be part of a title: no sentence, no field, no date, 文号, annex number or unit line. */
export function titleLike(line: CoverLine): boolean {
  if (!line.titleArea) return false;
  const t = squeezed(line.text);
  return (
    t.length >= 1 &&
    t.length <= 60 &&
    !FIELD_FORM.test(t) &&
    !DATE_LINE.test(t) &&
    !DOC_NUMBER_LINE.test(t) &&
    !ANNEX_LINE.test(t) &&
    !MEASURE_LINE.test(t) &&
    !/^[-—\d\s第页共/]+$/.test(t)
  );
}
