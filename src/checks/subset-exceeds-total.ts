// A part larger than its whole: "共受理投诉 1.4 万起，其中办结 15000 起",
// "新设市场主体 100 家，净增市场主体 120 家".
import type { Fact } from '../schema/report.ts';
import { PARTS_OF_WHOLES } from '../vocab/parts.ts';
import { locate, wholeAndParts } from './context.ts';
import { num, roundingOf, show } from './tolerance.ts';
import { atPage, finding, valueOf } from './finding.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

/** Pairs of label prefixes where the second counts a subset of the first. */
const SUBSET_PREFIXES: [whole: string, part: string][] = [
  ['受理', '办结'],
  ['受理', '处结'],
  ['检查', '发现问题'],
];

export const subsetExceedsTotal: Rule = {
  id: 'subset-exceeds-total',
  severity: 'error',
  description: 'a part is larger than the whole it belongs to (净增 > 新设, 其中 > 共)',
  descriptionZh: '部分大于其所属的整体（净增 > 新设，其中 > 共）',
  // A part larger than its whole is also a sum that does not add up: the part is named, before sum-mismatch.
  precedence: 40,
  run(doc) {
    const drafts: Draft[] = [];
    // 1. A part after 其中 larger than the total before it. The parts of a change may exceed it (one part
    // rose by more than the whole as another fell): sum-mismatch adds their signs.
    for (const { total, parts } of wholeAndParts(doc)) {
      if (total.change) continue;
      for (const part of parts) {
        if (comparable(total, part) && num(part) > num(total) + roundingOf(part) + roundingOf(total))
          drafts.push(draft(total, part));
      }
    }
    // 2. 净增 X > 新设 X anywhere in the report, 办结 > 受理 for the same thing.
    drafts.push(...netAgainstNew(doc));
    for (const [wholeWord, partWord] of SUBSET_PREFIXES) {
      for (const part of doc.facts) {
        if (!part.label.startsWith(partWord) || part.change) continue;
        const thing = part.label.slice(partWord.length);
        if (thing.length < 2) continue;
        // Anywhere in the report, so only a whole of the same year: 上年受理 is not the whole of this year's 办结.
        const whole = doc.facts.find(
          (f) => f.label === wholeWord + thing && !f.change && comparable(f, part) && sameYear(f, part),
        );
        if (whole && num(part) > num(whole) + roundingOf(part) + roundingOf(whole)) drafts.push(draft(whole, part));
      }
    }
    // 3. The genre's parts and wholes in one sentence: "受理依申请公开 12 件，按时答复 16 件",
    // "承办建议提案 22 件，已全部办结 28 件" (办结 ⊆ 受理/承办, 结案 ⊆ 立案, 整改 ⊆ 发现问题 …).
    // Cases carried over from earlier years can make 办结 exceed 受理: a sentence that says so is left alone.
    const located = locate(doc);
    for (let i = 0; i < located.length; i++) {
      const p = located[i]!;
      const partLabel = p.fact.label.replace(/^(?:已经?|均|全部|共|累计|其中)+/, '');
      if (p.fact.kind !== 'count' || p.fact.change || /结转|上年|往年|历年|以前年度|累计|含/.test(p.sentence)) continue;
      for (const pw of PARTS_OF_WHOLES) {
        const pm = pw.part.exec(partLabel);
        if (!pm) continue;
        const partThing = partLabel.slice(pm[0].length);
        for (let j = i - 1; j >= 0; j--) {
          const w = located[j]!;
          if (w.paragraph !== p.paragraph || w.sentenceStart !== p.sentenceStart) break;
          const wm = pw.whole.exec(w.fact.label);
          if (!wm || w.fact.change || !comparable(w.fact, p.fact)) continue;
          const wholeThing = w.fact.label.slice(wm[0].length);
          if (partThing && !(wholeThing.endsWith(partThing) || partThing.endsWith(wholeThing))) continue;
          if (
            num(p.fact) > num(w.fact) + roundingOf(p.fact) + roundingOf(w.fact) &&
            !drafts.some((d) => d.factIds.includes(p.fact.id))
          )
            drafts.push(draft(w.fact, p.fact));
          break;
        }
      }
    }
    return drafts;
  },
};

function comparable(a: Fact, b: Fact): boolean {
  return (
    (a.kind === 'count' || a.kind === 'money') &&
    a.kind === b.kind &&
    a.normalized.unit === b.normalized.unit &&
    !a.approximate &&
    !b.approximate
  );
}

/**
 * 新设 X (新登记, 新注册, 新增) is the whole of 净增 X (净增加, 净增长), the net being the new less the
 * closed — whichever way round the label puts them (市场主体净增, 新设立各类市场主体) and in any
 * sentence of the same year. 净增 is itself a change; 新设 is not.
 */
const NEW_WORDS = /^(?:新设立?|新登记|新注册|新增(?!加|长))|(?:新设立?|新登记|新注册|新增)$/;
const NET_WORDS = /^净增(?:加|长)?(?:了)?|净增(?:加|长)?(?:了)?$/;
const FILLER = /^(?:各类|各种|了|的)+/;
const LEAD = /^(?:实现|全年|年内|累计|共|已|当年|本年)+/;

function netAgainstNew(doc: CheckInput): Draft[] {
  const drafts: Draft[] = [];
  const thingOf = (written: string, words: RegExp) => {
    const label = written.replace(LEAD, '');
    if (!words.test(label)) return null;
    const thing = label.replace(words, '').replace(FILLER, '');
    return thing.length >= 2 ? thing : null;
  };
  const wholes = doc.facts
    .filter((f) => !f.change && !f.comparator)
    .map((f) => ({ f, thing: thingOf(f.label, NEW_WORDS) }))
    .filter((w) => w.thing);
  for (const part of doc.facts) {
    const thing = thingOf(part.label, NET_WORDS);
    if (!thing || num(part) < 0) continue;
    const same = wholes.filter(
      (w) => w.f !== part && sameThingNamed(w.thing!, thing) && comparable(w.f, part) && sameYear(w.f, part),
    );
    // Two wholes of different values: which one is this net's is not known.
    if (same.length === 0 || same.some((w) => num(w.f) !== num(same[0]!.f))) continue;
    const whole = same[0]!.f;
    if (num(part) > num(whole) + roundingOf(part) + roundingOf(whole)) drafts.push(draft(whole, part));
  }
  return drafts;
}

/** 市场主体 and 各类市场主体, 企业 and 市场主体企业: one name ends the other. */
function sameThingNamed(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return long.endsWith(short);
}

/** Both of one year, or one of no known year (a count of what the unit is). */
function sameYear(a: Fact, b: Fact): boolean {
  return a.year === null || b.year === null || a.year === b.year;
}

function draft(whole: Fact, part: Fact): Draft {
  return finding(subsetExceedsTotal, {
    message: `${part.label} ${show(part)}${atPage(part.page)}大于其总数${whole.label} ${show(whole)}${atPage(whole.page)}`,
    factIds: [whole.id, part.id],
    page: part.page,
    actual: valueOf(part),
  });
}
