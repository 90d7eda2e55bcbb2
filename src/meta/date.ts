// The report's date: a line that is only a date to the day, on the cover or
// under the signature, in figures (2024 年 5 月 29 日) or in words
// (二〇二四年五月二十九日). A month alone (二〇二六年三月) is when it was
// published, but not a day: reportDate stays null.
import type { DocPara } from '../sections/types.ts';
import { parseCnInteger } from '../text/cn-numerals.ts';
import { isoDate } from '../util/dates.ts';
import { CN_DIGIT_VALUES } from '../vocab/numerals.ts';
import { DATE_LINE } from '../vocab/covers.ts';
import { squeezed } from './cover-text.ts';
import { signature } from './organisation.ts';

const IN_FIGURES = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日$/;
const IN_WORDS = /([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

/** 'YYYY-MM-DD' of a line that is only a date to the day, or null. */
export function dateOfLine(text: string): string | null {
  const t = squeezed(text);
  if (!DATE_LINE.test(t)) return null;
  const figures = IN_FIGURES.exec(t);
  if (figures) return isoDate(Number(figures[1]), Number(figures[2]), Number(figures[3]));
  const words = IN_WORDS.exec(t);
  if (!words) return null;
  const year = Number([...words[1]!].map((ch) => CN_DIGIT_VALUES[ch]).join(''));
  const [month, day] = [parseCnInteger(words[2]!), parseCnInteger(words[3]!)];
  return month !== null && day !== null ? isoDate(year, month, day) : null;
}

/** The first dated line of the front or of the last paragraphs, else the signature's date. */
export function reportDateOf(front: DocPara[], paragraphs: DocPara[]): string | null {
  for (const p of [...front, ...paragraphs.slice(-6)]) {
    if (p.docRole !== 'body') continue;
    for (const line of p.lines.length > 0 ? p.lines : [p]) {
      const date = dateOfLine(line.text);
      if (date) return date;
    }
  }
  const signed = signature(paragraphs);
  return signed ? dateOfLine(signed.date) : null;
}
