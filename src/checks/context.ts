// Where a fact stands in its paragraph: the sentence around it, for rules that
// read the words near a number (其中, 分别为, 今年, 期间 …).
import type { Fact, Paragraph } from '../schema/report.ts';
import type { CheckInput } from './types.ts';

export interface Located {
  fact: Fact;
  paragraph: Paragraph;
  /** offset of the fact's quote in the paragraph text */
  at: number;
  sentence: string;
  sentenceStart: number;
}

const LOCATED = new WeakMap<CheckInput, Located[]>();

/** Every narrative fact in its sentence, once per document (most rules read them). */
export function locate(doc: CheckInput): Located[] {
  let cached = LOCATED.get(doc);
  if (!cached) LOCATED.set(doc, (cached = locateAll(doc)));
  return cached;
}

function locateAll(doc: CheckInput): Located[] {
  const paras = new Map(doc.paragraphs.map((p) => [p.id, p]));
  const out: Located[] = [];
  const cursor = new Map<string, number>();
  for (const fact of doc.facts) {
    const paragraph = fact.paragraphId ? paras.get(fact.paragraphId) : undefined;
    if (!paragraph) continue;
    const from = cursor.get(paragraph.id) ?? 0;
    let at = paragraph.text.indexOf(fact.quote, Math.max(0, from - fact.quote.length));
    if (at < 0) at = paragraph.text.indexOf(fact.quote);
    if (at < 0) continue;
    cursor.set(paragraph.id, at + 1);
    let s = at;
    while (s > 0 && !/[。！？!?]/.test(paragraph.text[s - 1]!)) s--;
    let e = at;
    while (e < paragraph.text.length && !/[。！？!?]/.test(paragraph.text[e]!)) e++;
    out.push({ fact, paragraph, at, sentence: paragraph.text.slice(s, e + 1), sentenceStart: s });
  }
  return out;
}

export interface WholeAndParts {
  total: Fact;
  parts: Fact[];
}

/**
 * "X 为 4980.37 万元，其中：A 4360.55 万元，B 619.82 万元": a total followed in
 * its sentence by 其中 and the facts of the same kind and unit after it.
 */
export function wholeAndParts(doc: CheckInput): WholeAndParts[] {
  const located = locate(doc);
  const groups: WholeAndParts[] = [];
  for (let i = 0; i < located.length; i++) {
    const total = located[i]!;
    if (total.fact.kind !== 'money' && total.fact.kind !== 'count') continue;
    const rest = total.paragraph.text.slice(total.at + total.fact.quote.length);
    if (!/^[^。；]{0,6}?其中/.test(rest)) continue;
    const parts: Fact[] = [];
    for (let j = i + 1; j < located.length; j++) {
      const p = located[j]!;
      if (p.paragraph !== total.paragraph || p.sentenceStart !== total.sentenceStart) break;
      if (p.fact.kind !== total.fact.kind || p.fact.normalized.unit !== total.fact.normalized.unit) break;
      // "；实有人员 10887 人，其中…": a clause break, or a part that has parts of its own, starts another whole.
      const prev = located[j - 1]!;
      if (/；|;/.test(total.paragraph.text.slice(prev.at + prev.fact.quote.length, p.at))) break;
      if (/^[^。；]{0,6}?其中/.test(p.paragraph.text.slice(p.at + p.fact.quote.length))) break;
      parts.push(p.fact);
    }
    if (parts.length > 0) groups.push({ total: total.fact, parts });
  }
  return groups;
}
