// Chinese numerals as written in headings and counts: 一 … 九十九, 两, 〇/零, 百, 千.
// The characters and their values are data in vocab/numerals.ts.
import { CIRCLED_NUMERALS, CN_DIGIT_CHARS, CN_DIGIT_VALUES, CN_MULTIPLIERS } from '../vocab/numerals.ts';

/** Value of a Chinese numeral below 10 000 (十五 → 15, 一百二十 → 120), or null. */
export function parseCnInteger(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in CN_DIGIT_VALUES) {
      digit = CN_DIGIT_VALUES[ch]!;
    } else if (ch in CN_MULTIPLIERS) {
      total += (digit ?? (total === 0 ? 1 : NaN)) * CN_MULTIPLIERS[ch]!;
      digit = null;
      if (Number.isNaN(total)) return null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

export function parseCircled(ch: string): number | null {
  const i = CIRCLED_NUMERALS.indexOf(ch);
  return i < 0 ? null : i + 1;
}

/** 1–99 in Chinese numerals: 3 → 三, 12 → 十二, 20 → 二十. */
export function formatCnInteger(n: number): string {
  if (n < 10) return CN_DIGIT_CHARS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGIT_CHARS[tens]}十${ones === 0 ? '' : CN_DIGIT_CHARS[ones]}`;
}
