// Numerals as this genre writes them: Arabic with decimals and thousands
// separators (1,430 and 1，430), full-width digits (４９８０．３７), Chinese
// numerals (三, 十五, 一百二十, 两千), 百分之三十, and a 万/亿 multiplier (1.2万, 5.32亿).
import { CN_NUMERAL_CHARS } from '../vocab/numerals.ts';
import { parseCnInteger } from './cn-numerals.ts';
import { toHalfWidth } from './width.ts';

export interface NumberToken {
  start: number;
  end: number;
  /** the numeral's value, before any 万/亿 multiplier that follows it */
  value: number;
  /** digits after the decimal point, as written (precision for rounding checks) */
  decimals: number;
  script: 'arabic' | 'chinese';
  /** 百分之三十 was written: the token is a percentage already */
  percentWords: boolean;
}

const ARABIC = /[0-9](?:[0-9]*(?:,[0-9]{3})+(?![0-9])|[0-9]*)(?:\.[0-9]+)?/y;
const CN_NUM = new RegExp(`[${CN_NUMERAL_CHARS}]+`, 'y');

/** Finds every numeral in `text` (positions index into `text`). */
export function scanNumbers(text: string): NumberToken[] {
  const half = toHalfWidth(text);
  const out: NumberToken[] = [];
  let i = 0;
  while (i < half.length) {
    const ch = half[i]!;
    if (ch >= '0' && ch <= '9' && (!/[0-9.]/.test(half[i - 1] ?? '') || afterTypedStop(half, i))) {
      ARABIC.lastIndex = i;
      const m = ARABIC.exec(half);
      if (m) {
        const raw = m[0].replace(/,/g, '');
        const dot = raw.indexOf('.');
        out.push({
          start: i,
          end: i + m[0].length,
          value: Number(raw),
          decimals: dot < 0 ? 0 : raw.length - dot - 1,
          script: 'arabic',
          percentWords: false,
        });
        i += m[0].length;
        continue;
      }
    }
    if (half.startsWith('百分之', i)) {
      CN_NUM.lastIndex = i + 3;
      const m = CN_NUM.exec(half);
      const v = m ? parseCnInteger(m[0]) : null;
      if (m && v !== null) {
        out.push({ start: i, end: i + 3 + m[0].length, value: v, decimals: 0, script: 'chinese', percentWords: true });
        i += 3 + m[0].length;
        continue;
      }
    }
    if ('零〇一二两三四五六七八九十'.includes(ch)) {
      CN_NUM.lastIndex = i;
      const m = CN_NUM.exec(half);
      const v = m ? parseCnInteger(m[0]) : null;
      if (m && v !== null) {
        out.push({ start: i, end: i + m[0].length, value: v, decimals: 0, script: 'chinese', percentWords: false });
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  return out;
}

/** Text that starts with a year (2023年): after a "." it begins a new sentence, not decimals. */
export const YEAR_AHEAD = /^(?:19|20)[0-9]{2}年/;

/**
 * A year right after a number and a half-width full stop — "万人死亡率0.37.2023年全年…", the
 * sentence's 。 typed as "." — starts a new number; any other digit after a "." belongs to the number before.
 */
function afterTypedStop(half: string, i: number): boolean {
  return half[i - 1] === '.' && /[0-9]/.test(half[i - 2] ?? '') && YEAR_AHEAD.test(half.slice(i, i + 5));
}

const APPROX_BEFORE = /(约|近|超过|超|逾|将近|接近|大约|累计超|不少于|不低于|达到近)\s*$/;
const APPROX_AFTER = /^\s*(余|多|以上|左右|上下|许)/;

/**
 * One number as written in a table cell or short phrase: "4,980.37", "约 30",
 * "１２３", "十五", "3万余". Null when the text is not a single number.
 */
export function parseNumberText(text: string): { value: number; approximate: boolean } | null {
  const t = toHalfWidth(text.trim());
  const tokens = scanNumbers(t);
  if (tokens.length !== 1) return null;
  const tok = tokens[0]!;
  let before = t.slice(0, tok.start);
  let after = t.slice(tok.end);
  let value = tok.value;
  const mult = /^\s*(万|亿)/.exec(after);
  if (mult) {
    value *= mult[1] === '万' ? 1e4 : 1e8;
    after = after.slice(mult[0].length);
  }
  const approximate = APPROX_BEFORE.test(before) || APPROX_AFTER.test(after);
  before = before.replace(APPROX_BEFORE, '');
  after = after.replace(APPROX_AFTER, '');
  if (/^[-−]$/.test(before.trim())) value = -value;
  else if (before.trim() !== '') return null;
  if (after.trim() !== '') return null;
  return { value: roundTo(value, tok.decimals + 8), approximate };
}

export function approximateAround(before: string, after: string): boolean {
  return APPROX_BEFORE.test(before) || APPROX_AFTER.test(after);
}

export { APPROX_AFTER, APPROX_BEFORE };

/** Multiplies without binary noise: 1.2 × 10000 = 12000, not 11999.999999999998. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** Math.min(digits, 12);
  return Math.round(value * f) / f;
}
