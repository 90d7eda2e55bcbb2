// The source words around a fact: its clause, up to 40 characters before the
// number and 30 after its unit, cut at clause punctuation.
import type { RawFact } from './recognise.ts';

const CLAUSE_END = /[，。；！？,;!?\n]/;

export function quoteAround(text: string, raw: Pick<RawFact, 'numberStart' | 'end'>): string {
  let from = raw.numberStart;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!) && raw.numberStart - from < 40) from--;
  let to = raw.end;
  while (to < text.length && !CLAUSE_END.test(text[to]!) && to - raw.end < 30) to++;
  return text.slice(from, to).trim();
}
