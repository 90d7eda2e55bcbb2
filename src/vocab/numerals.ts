// The characters of Chinese numerals and their values, as data: the digits
// (两 for 2, 〇 and 零 for 0), the multipliers 十 百 千, and the circled
// numbers ① … ⑳. Read by text/cn-numerals.ts; the heading markers use the
// character class.

export const CN_DIGIT_VALUES: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
/**
 * A year in words as offices type it, 〇 written with a look-alike (二○二四年 with
 * the white circle, 二Ｏ二四年, 二0二四年): the look-alikes, and the year they sit in.
 */
export const CN_ZERO_LOOKALIKES = /[○◯ＯO0]/g;
export const TYPED_YEAR_IN_WORDS = /[一二][〇零九○◯ＯO0][〇零一二三四五六七八九○◯ＯO0]{2}(?=年)/g;

export const CN_MULTIPLIERS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Every character of a Chinese numeral below 10 000, for a regex character class. */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

/** ① is 1, ⑳ is 20: the value is the position plus one. */
export const CIRCLED_NUMERALS = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** The digits as written when a number is spelled out (formatCnInteger): 零 and 一 … 九, index = value. */
export const CN_DIGIT_CHARS = '零一二三四五六七八九';
