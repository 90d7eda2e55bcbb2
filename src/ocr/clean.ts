// Clean-up of OCR text for Chinese reports: half-width punctuation between
// Chinese characters made full-width as typed reports write it, and digit
// confusions repaired only where the neighbours make it certain.
import { isCjk } from '../text/cjk.ts';

const TO_FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '(': '（', ')': '）', '?': '？', '!': '！' };

export function cleanOcrText(text: string): string {
  // A line never starts with 、 (it may not open a line): the 一 of 一、 before it was not read (a
  // stroke as thin as a rule, at a box's edge). The dangling mark goes; the item's name stays.
  let t = text.replace(/^\s*、/, '');
  // Inside a number: O/o → 0, l/I/| → 1, 。 → . ("4980。37"), a comma before exactly two decimals stays.
  t = t.replace(/(?<=[0-9])[Oo](?=[0-9])/g, '0').replace(/(?<=[0-9])[lI|](?=[0-9])/g, '1');
  t = t.replace(/(?<=[0-9])[Oo](?=[0-9]*\s*(?:万|亿|元|%|个|家|人|件|起|户))/g, '0');
  t = t.replace(/(?<=[0-9])。(?=[0-9])/g, '.');
  // Thousands commas read as dots: a number has one decimal point, so in "3.956.78" every
  // dot but the last before three digits is a comma; ",." / ".," before three digits is one comma.
  t = t.replace(/(?<=[0-9])[,.]{2}(?=[0-9]{3}(?![0-9]))/g, ',');
  t = t.replace(
    /(?<![0-9.,])([0-9]{1,3})((?:[.,][0-9]{3})+)(\.[0-9]{1,2})(?![0-9.,])/g,
    (m, head: string, groups: string, tail: string) =>
      groups.includes('.') ? head + groups.replace(/\./g, ',') + tail : m,
  );
  // Punctuation next to Chinese: full width.
  t = t.replace(/[,;:()?!]/g, (ch, at: number) => {
    const prev = t[at - 1];
    const next = t[at + 1];
    // "4,980" stays a number; a comma between Chinese words becomes "，".
    if (ch === ',' && /[0-9]/.test(prev ?? '') && /[0-9]/.test(next ?? '')) return ch;
    return isCjk(prev) || isCjk(next) || ch === '(' || ch === ')' ? TO_FULL[ch]! : ch;
  });
  return t;
}
