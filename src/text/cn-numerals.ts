// Chinese numerals as written in headings and counts: 一 … 九十九, 两, 〇/零, 百, 千.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** Value of a Chinese numeral below 10 000 (十五 → 15, 一百二十 → 120), or null. */
export function parseCnInteger(text: string): number | null {
  if (text.length === 0) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in UNITS) {
      total += (digit ?? (total === 0 ? 1 : NaN)) * UNITS[ch]!;
      digit = null;
      if (Number.isNaN(total)) return null;
    } else {
      return null;
    }
  }
  return total + (digit ?? 0);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function parseCircled(ch: string): number | null {
  const i = CIRCLED.indexOf(ch);
  return i < 0 ? null : i + 1;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1–99 in Chinese numerals: 3 → 三, 12 → 十二, 20 → 二十. */
export function formatCnInteger(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones === 0 ? '' : CN_DIGITS[ones]}`;
}
