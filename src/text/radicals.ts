// Radicals → the ideographs they stand for (⼀ → 一, ⻔ → 门, ⺠ → 民), the
// one place this fold is written: text layers whose font maps a radical and
// its ideograph to one glyph (Chromium's print of Noto CJK) read as typed text.
import { RADICAL_PAIRS } from '../vocab/radicals.ts';

const TO_IDEOGRAPH = new Map<string, string>();
{
  const chars = [...RADICAL_PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) TO_IDEOGRAPH.set(chars[i]!, chars[i + 1]!);
}
const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fdf]/gu;

export function foldRadicals(text: string): string {
  return text.replace(RADICAL, (ch) => TO_IDEOGRAPH.get(ch) ?? ch);
}
