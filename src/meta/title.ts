// The report's title: the cover's title lines read as one (a title set over
// two or three lines, letter-spaced, in any brackets), with a year line under
// it (（2024年度）) taken in, and the line under it that only names the unit in
// brackets kept apart for the organisation.
import { TITLE_WORDS, YEAR_LINE } from '../vocab/covers.ts';
import { plainLine, squeezed } from './cover-text.ts';
import { titleLike, type CoverLine } from './cover-lines.ts';

export interface TitleLines {
  text: string;
  /** the title's lines are lines[start, end) of the cover lines (a bracketed year line under it included) */
  start: number;
  end: number;
}

/** At most this many lines make one title. */
const MAX_LINES = 4;
/** A short last line that ends a title set over lines: 公开说明, 报告. */
const TITLE_TAIL = /^(?:公开)?(?:情况)?(?:说明|报告|公开)(?:书)?$/;
/** A line that is only something in brackets: （2024年度）, （某某局）. */
const BRACKETED = /^[（(][^（）()]+[）)]$/;

/**
 * The first run of title lines — consecutive, on one page, of one size — that
 * names a report of the genre (TITLE_WORDS), or null.
 */
export function findTitle(lines: CoverLine[]): TitleLines | null {
  for (let i = 0; i < lines.length; i++) {
    const first = squeezed(lines[i]!.text);
    if (!titleLike(lines[i]!) || first.length < 2 || BRACKETED.test(first)) continue;
    let text = '';
    for (let k = i; k < Math.min(lines.length, i + MAX_LINES); k++) {
      const line = lines[k]!;
      if (k > i && !continues(lines[k - 1]!, line)) break;
      text += plainLine(line.text);
      if (TITLE_WORDS.test(squeezed(text))) return withTail(text, lines, i, k + 1);
    }
  }
  return null;
}

/** The next line of a title: title-like, on the same page, of about the same size, not a bracketed note. */
function continues(previous: CoverLine, line: CoverLine): boolean {
  return (
    titleLike(line) &&
    line.page === previous.page &&
    Math.abs(line.size - previous.size) <= Math.max(1, previous.size * 0.12) &&
    !BRACKETED.test(squeezed(line.text))
  );
}

/**
 * The rest of the title's paragraph (a line wrapped after 决算 leaves 公开 on
 * the next), a tail line (公开说明) and a year line (（2024年度）) right under
 * the title belong to it.
 */
function withTail(text: string, lines: CoverLine[], start: number, next: number): TitleLines {
  let title = text;
  let k = next;
  while (k < lines.length && lines[k]!.para === lines[k - 1]!.para && continues(lines[k - 1]!, lines[k]!))
    title += plainLine(lines[k++]!.text);
  const last = lines[k - 1]!;
  if (k < lines.length && continues(last, lines[k]!) && TITLE_TAIL.test(squeezed(lines[k]!.text)))
    title += plainLine(lines[k++]!.text);
  const under = k < lines.length && lines[k]!.page === last.page ? squeezed(lines[k]!.text) : '';
  if (YEAR_LINE.test(under) && BRACKETED.test(under)) {
    title += under.replace(/^\(/, '（').replace(/\)$/, '）');
    k++;
  }
  return { text: title, start, end: k };
}
