// One quantity stated twice with two values. Two facts are the same quantity
// when they carry the same concept, or when their labels name the same thing
// (equal, or one ends with the other: 违法案件 / 查办市场监管领域违法案件) and
// both speak of the whole year — a figure for a campaign (期间, 专项) or a part
// (其中) is a different quantity even with the same words.
import type { Fact } from '../schema/report.ts';
import { locate, type Located } from './context.ts';
import { num, roundingOf, show } from './tolerance.ts';
import type { Draft, Rule } from './types.ts';

const WHOLE_YEAR = /今年|全年|本年|年度|(?:19|20)\d{2}\s*年|累计|共计|全区|全市|全县/;
const PART_SCOPE = /期间|其中|专项|活动中|行动中|以来|同比|上年|去年|分别|平均|每/;
const MIN_LABEL = 4;
/** The same label this long, stated twice with two values, is one quantity. */
const MIN_EXACT_LABEL = 5;

export const conflictingValues: Rule = {
  id: 'conflicting-values',
  run(doc) {
    const drafts: Draft[] = [];
    const reported = new Set<string>();
    const report = (a: Fact, b: Fact, why: string) => {
      const key = [a.id, b.id].sort().join('|');
      if (reported.has(key)) return;
      reported.add(key);
      drafts.push({
        rule: 'conflicting-values',
        severity: 'warning',
        message: `同一数量前后不一致：${a.label} ${show(a)}（第${a.page}页）与${b.label} ${show(b)}（第${b.page}页）${why}`,
        factIds: [a.id, b.id],
        sectionIds: [],
        page: b.page,
        expected: typeof a.value === 'number' ? a.value : null,
        actual: typeof b.value === 'number' ? b.value : null,
      });
    };
    // 1. The same concept with two values.
    const byConcept = new Map<string, Fact[]>();
    for (const f of doc.facts) if (f.concept && !f.approximate) byConcept.set(f.concept, [...(byConcept.get(f.concept) ?? []), f]);
    for (const facts of byConcept.values()) {
      for (let i = 1; i < facts.length; i++) if (differ(facts[0]!, facts[i]!)) report(facts[0]!, facts[i]!, '');
    }
    // 2. The same thing stated twice: under the very same label (of some length),
    // or under labels one of which ends with the other when both speak of the whole year.
    const whole = locate(doc).filter(isWholeStatement);
    for (let i = 0; i < whole.length; i++) {
      for (let j = i + 1; j < whole.length; j++) {
        const [a, b] = [whole[i]!, whole[j]!];
        if (a.fact.concept || b.fact.concept || a.fact.paragraphId === b.fact.paragraphId) continue;
        if (a.fact.kind !== b.fact.kind || a.fact.normalized.unit !== b.fact.normalized.unit) continue;
        const same =
          (a.fact.label === b.fact.label && a.fact.label.length >= MIN_EXACT_LABEL) ||
          (WHOLE_YEAR.test(a.sentence) && WHOLE_YEAR.test(b.sentence) && sameThing(a.fact.label, b.fact.label));
        if (same && differ(a.fact, b.fact)) report(a.fact, b.fact, '，请核实以哪个为准');
      }
    }
    return drafts;
  },
};

/** A count or amount stated exactly, not for a campaign or a part (期间, 其中 …). */
function isWholeStatement(l: Located): boolean {
  const f = l.fact;
  if ((f.kind !== 'count' && f.kind !== 'money') || f.approximate || f.paragraphId === null) return false;
  return !PART_SCOPE.test(l.sentence.slice(0, Math.max(0, l.at - l.sentenceStart + f.quote.length)));
}

function sameThing(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= MIN_LABEL && long.endsWith(short);
}

function differ(a: Fact, b: Fact): boolean {
  return Math.abs(num(a) - num(b)) > roundingOf(a) + roundingOf(b);
}
