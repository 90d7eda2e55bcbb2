// A cover line as one plain string, however it was set: letter-spaced (2 0 2 6
// 年度, 某 某 局), in full-width digits (２０２６年), with half-width brackets
// beside Chinese (某市民政局(本级)), a year in words typed with ○ for 〇
// (二○二四年度). Titles and names of every style then read alike.
import { toHalfWidth } from '../text/width.ts';
import { CN_DIGIT_VALUES, CN_ZERO_LOOKALIKES, TYPED_YEAR_IN_WORDS } from '../vocab/numerals.ts';
import { YEAR_IN_FIGURES, YEAR_IN_WORDS, YEAR_RANGE } from '../vocab/covers.ts';

const NON_ASCII = '[^\\x00-\\x7f]';
/**
 * A space between Chinese, digits and brackets is layout, not a word break: a letter-spaced
 * line gives one after every glyph (某 市 民 政 局 ( 本 级 )), a bracket included.
 */
const LAYOUT_SPACE = new RegExp(`(?<=${NON_ASCII}|[\\d()])\\s+(?=${NON_ASCII}|[\\d()])`, 'g');

export function plainLine(text: string): string {
  return (
    toHalfWidth(text)
      .replace(/\s+/g, ' ')
      .trim()
      .replace(LAYOUT_SPACE, '')
      // Brackets beside Chinese are Chinese brackets: (本级) → （本级）.
      .replace(new RegExp(`\\((?=${NON_ASCII})`, 'g'), '（')
      .replace(new RegExp(`(?<=${NON_ASCII})\\)`, 'g'), '）')
      .replace(TYPED_YEAR_IN_WORDS, (year) => year.replace(CN_ZERO_LOOKALIKES, '〇'))
  );
}

/** A line with no space at all: for matching field keys and the genre's words. */
export function squeezed(text: string): string {
  return plainLine(text).replace(/\s+/g, '');
}

export interface YearAt {
  year: number;
  index: number;
}

/** The years a line names (2026年, 二〇二三年度), not the years of its dates (2026年3月), in order. */
export function yearsIn(text: string): YearAt[] {
  const found: YearAt[] = [];
  for (const m of text.matchAll(YEAR_IN_FIGURES)) found.push({ year: Number(m[1]), index: m.index });
  for (const m of text.matchAll(YEAR_IN_WORDS)) {
    const digits = [...m[1]!].map((ch) => CN_DIGIT_VALUES[ch]);
    const year = Number(digits.join(''));
    if (year >= 1900 && year < 2100) found.push({ year, index: m.index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The text with each span of years (2022—2025年) blanked, its length kept: a span names no one year. */
export function withoutSpans(text: string): string {
  return text.replace(YEAR_RANGE, (span) => '　'.repeat(span.length));
}

/** A bracketed note: （含2023年结转）, （汇总）, （2024年度）. */
const NOTE = /[（(]([^（）()]*)[）)]/g;
/** A note that is only the report's year: （2024年度）. */
const YEAR_NOTE = /^(?:(?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年度?$/;

/**
 * The text with its bracketed notes blanked, its length kept — a note's year
 * (（含2023年结转）) is another year's money, not the report's — except a note
 * that is only a year (（2024年度）), which names the report's.
 */
export function withoutNotes(text: string): string {
  return text.replace(NOTE, (note, inner: string) => (YEAR_NOTE.test(inner) ? note : '　'.repeat(note.length)));
}
