// The narrative asserting what the numbers deny: "X预算与决算存在差距" while the
// report's own budget and actual for X are equal. Decided only when the report
// states both figures for the thing named; otherwise it stays silent.
import type { Fact } from '../schema/report.ts';
import { LABEL_JOINER as J } from '../tables/headers.ts';
import { PLAIN_TERMS as T } from '../vocab/concepts.ts';
import { locate, yearOnYear } from './context.ts';
import { atPage, finding, pageRef, valueOf } from './finding.ts';
import { inUnitOf, num, roundingOf, show } from './tolerance.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

const CLAIM =
  /([\u4e00-\u9fff]{2,16}?)(?:开支|支出|资金)?(?:的)?预算(?:数)?与(?:实际)?(?:决算|支出|执行)(?:数)?(?:之间)?存在(?:一定|较大|明显)?(?:的)?(?:差距|差异|偏差)/;
const BUDGET = new RegExp(`(?:${T.adjusted}|${T.initial}|${T.approved})$`);
const ACTUAL = new RegExp(`${T.actual}$`);

export const textNumberContradiction: Rule = {
  id: 'text-number-contradiction',
  severity: 'warning',
  description: 'the narrative asserts something the numbers deny',
  descriptionZh: '文字表述与报告自身的数据相矛盾',
  // The narrative against the figures: after the figures' own arithmetic.
  precedence: 80,
  run(doc) {
    const drafts: Draft[] = [];
    for (const para of doc.paragraphs) {
      if (para.role !== 'body') continue;
      const m = CLAIM.exec(para.text);
      if (!m) continue;
      const item = m[1]!.replace(/^(?:\d+[、.．]|[（(]?[一二三四五六七八九十]+[）)、])/, '');
      const named = doc.facts.filter((f) => f.kind === 'money' && f.label.startsWith(item));
      const budget =
        named.find((f) => BUDGET.test(f.label) && !/年初/.test(f.label)) ?? named.find((f) => BUDGET.test(f.label));
      const actual = named.find((f) => ACTUAL.test(f.label));
      if (!budget || !actual) continue; // the report does not give both: undecidable
      if (Math.abs(num(budget) - num(actual)) > roundingOf(budget) + roundingOf(actual)) continue;
      drafts.push(draft(para.page, m[0], item, budget, actual));
    }
    drafts.push(...unadjusted(doc), ...direction(doc), ...changeDirection(doc), ...noneSpent(doc));
    return drafts;
  },
};

function draft(page: number, claim: string, item: string, budget: Fact, actual: Fact): Draft {
  return finding(textNumberContradiction, {
    message: `${pageRef(page)}称“${claim}”，但报告中${item}的${budget.label} ${show(budget)}${atPage(budget.page)}与${actual.label} ${show(actual)}${atPage(actual.page)}相等`,
    factIds: [budget.id, actual.id],
    page,
  });
}

// "年初预算与全年预算一致，未进行预算调整" while the report's own 年初预算数 and 全年预算数 differ.
const NOT_ADJUSTED =
  /(?:年初预算(?:数)?与全年预算(?:数)?|全年预算(?:数)?与年初预算(?:数)?)(?:保持)?一致|未(?:进行|作|做|发生)?(?:过)?预算调整|预算未(?:作|做|进行)?调整|无预算调整|没有(?:进行)?预算调整/;
const INITIAL = new RegExp(`^(?:${T.owner}|${T.fundsTotal})?${T.initial}$`);
// 调整后 in full here, where the plain terms also take 调整预算数: kept as it was (which is meant is not known).
const ADJUSTED_TOTAL = new RegExp(`^(?:${T.owner}|${T.fundsTotal})?(?:全年预算数?|调整后预算数?)$`);
const FUNDS_CELL = new RegExp(`(?:^|${J})${T.fundsTotal}${J}`);

function unadjusted(doc: CheckInput): Draft[] {
  const claim = doc.paragraphs
    .filter((p) => p.role === 'body')
    .map((p) => ({ p, m: NOT_ADJUSTED.exec(p.text) }))
    .find((x) => x.m);
  if (!claim) return [];
  const money = doc.facts.filter((f) => f.kind === 'money' && !f.approximate && !f.comparator);
  const pick = (concepts: string[], label: RegExp) =>
    money.find((f) => f.concept && concepts.includes(f.concept)) ??
    money.find((f) => f.paragraphId !== null && label.test(f.label)) ??
    onlyOne(
      money.filter(
        (f) =>
          f.paragraphId === null &&
          FUNDS_CELL.test(f.label) &&
          label.test(
            f.label
              .split(J)
              .pop()!
              .replace(/[（(].*$/, ''),
          ),
      ),
    );
  const initial = pick(['budget.total.initial', 'project.total.initial'], INITIAL);
  const adjusted = pick(['budget.total.adjusted', 'project.total.adjusted'], ADJUSTED_TOTAL);
  if (!initial || !adjusted || Math.abs(num(initial) - num(adjusted)) <= roundingOf(initial) + roundingOf(adjusted))
    return [];
  return [
    finding(textNumberContradiction, {
      message: `${pageRef(claim.p.page)}称“${claim.m![0]}”，但${initial.label} ${show(initial)}${atPage(initial.page)}与${adjusted.label} ${show(adjusted)}${atPage(adjusted.page)}不同`,
      factIds: [initial.id, adjusted.id],
      page: claim.p.page,
      expected: valueOf(initial),
      actual: valueOf(adjusted),
    }),
  ];
}

// "本年支出合计 1543.34 万元，上年支出合计 1267.28 万元，总体有所下降": a direction its own two figures deny.
const DIRECTION =
  /(?:总体|整体|总的来看|略|有所|明显|大幅|较大幅度|稍有)(?:有所|略有)?(增长|增加|上升|提高|下降|减少|降低|下滑)/;
const LAST_YEAR = /^(?:上年|上一年|去年|上年度|(?:19|20)\d{2}\s*年)/;

function direction(doc: CheckInput): Draft[] {
  const drafts: Draft[] = [];
  const located = locate(doc);
  for (let i = 0; i + 1 < located.length; i++) {
    const [a, b] = [located[i]!, located[i + 1]!];
    if (
      a.paragraph !== b.paragraph ||
      a.sentenceStart !== b.sentenceStart ||
      a.fact.kind !== 'money' ||
      b.fact.kind !== 'money'
    )
      continue;
    // One figure of this year and one of last year, in either order.
    const lastA = LAST_YEAR.test(a.fact.quote) && /上年|上一年|去年/.test(a.fact.quote);
    const lastB = /^(?:上年|上一年|去年|上年度)/.test(b.fact.quote) || /^上年/.test(b.fact.label);
    if (lastA === lastB) continue;
    const [now, last] = lastB ? [a.fact, b.fact] : [b.fact, a.fact];
    const after = a.paragraph.text.slice(b.at + b.fact.quote.length, a.sentenceStart + a.sentence.length);
    const m = DIRECTION.exec(after);
    if (!m || /[0-9０-９]/.test(after.slice(0, m.index))) continue;
    const up = /增长|增加|上升|提高/.test(m[1]!);
    const diff = num(now) - num(last);
    if (Math.abs(diff) <= roundingOf(now) + roundingOf(last) || up === diff > 0) continue;
    drafts.push(
      finding(textNumberContradiction, {
        // Two figures of the report's own say the direction is the other: certain, unlike a claim of a 差距.
        severity: 'error',
        message: `${pageRef(now.page)}称“${m[0]}”，但${now.label} ${show(now)}${diff > 0 ? '高于' : '低于'}${last.label} ${show(last)}`,
        factIds: [now.id, last.id],
        page: now.page,
        expected: valueOf(last),
        actual: valueOf(now),
      }),
    );
  }
  return drafts;
}

/** The one fact of its kind (a document with a funds table per project has no one 年初预算数). */
function onlyOne(facts: Fact[]): Fact | undefined {
  return facts.length === 1 ? facts[0] : undefined;
}

/**
 * "本年支出合计 1386.35 万元，上年支出合计 1567.89 万元，比上年增加 181.54 万元": a stated change whose
 * direction its own two figures deny (an error: the report's own numbers; a wrong size with the right
 * direction is sum-mismatch's).
 */
function changeDirection(doc: CheckInput): Draft[] {
  const drafts: Draft[] = [];
  for (const { now, last, change } of yearOnYear(doc)) {
    const diff = num(now) - num(last);
    if (Math.abs(diff) <= roundingOf(now) + roundingOf(last) || diff > 0 === num(change) > 0) continue;
    drafts.push(
      finding(textNumberContradiction, {
        severity: 'error',
        message: `${change.label} ${show(change)}${atPage(change.page)}，但${now.label} ${show(now)}${diff > 0 ? '高于' : '低于'}${last.label} ${show(last)}`,
        factIds: [change.id, now.id, last.id],
        page: change.page,
        expected: valueOf(now) === null ? null : inUnitOf(diff, now),
        actual: valueOf(change),
      }),
    );
  }
  return drafts;
}

/** "未发生因公出国（境）费用", "公务接待费为零": a spending the text says did not happen. */
const NONE_BEFORE =
  /(?:未发生|没有发生|未产生|(?<=^|[，。；：,;:\s]|年度?)无)((?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{1,3}[）)]){3,20}?)(?:支出|费用|经费)?(?=[，。；,;]|$)/g;
const NONE_AFTER =
  /((?:[\u4e00-\u9fff]|[（(][\u4e00-\u9fff]{1,3}[）)]){3,20}?)(?:支出|费用|经费)?(?:为零|为0|为 0|未发生|均未发生)(?=[，。；,;]|$)/g;
/** A figure of a plan is no spending: 预算 X is not contradicted by 未发生 X. */
const PLANNED = /预算|计划|安排|年初|调整|控制数|目标|指标/;

/**
 * A spending the text says did not happen (本年度未发生因公出国（境）费用) while the report gives a
 * figure above zero for it, of its own year and not of a budget: what its label names is the claim's
 * item, with or without 费 / 支出 / 经费.
 */
function noneSpent(doc: CheckInput): Draft[] {
  const drafts: Draft[] = [];
  const money = doc.facts.filter(
    (f) => f.kind === 'money' && !f.change && !f.comparator && num(f) > 0 && f.year === doc.document.fiscalYear,
  );
  for (const para of doc.paragraphs) {
    if (para.role !== 'body') continue;
    for (const m of [...para.text.matchAll(NONE_BEFORE), ...para.text.matchAll(NONE_AFTER)]) {
      const sentence = para.text.slice(Math.max(0, para.text.lastIndexOf('。', m.index) + 1), m.index);
      // 上年未发生, 预算未安排: a claim about another year or a plan.
      if (/上年|去年|以前年度|预算|计划/.test(sentence + m[0])) continue;
      const item = itemName(m[1]!.replace(/^(?:本年度?|今年|全年|年度|当年|部门|本单位|我局|均)+/, ''));
      if (item.length < 3) continue;
      const spent = money.filter(
        (f) =>
          f.label.split(J).some((part) => !PLANNED.test(part) && itemName(part) === item) && !PLANNED.test(f.label),
      );
      if (spent.length === 0) continue;
      const f = spent[0]!;
      drafts.push(
        finding(textNumberContradiction, {
          message: `${pageRef(para.page)}称“${m[0]}”，但${f.label} ${show(f)}${atPage(f.page)}`,
          factIds: spent.map((x) => x.id),
          page: para.page,
          expected: 0,
          actual: valueOf(f),
        }),
      );
    }
  }
  return drafts;
}

/** An item's name without what every spending name may end in: 因公出国（境）费用 → 因公出国（境）. */
function itemName(s: string): string {
  return s
    .replace(/[（(](?:境)[）)]/g, '境')
    .replace(/(?:支出|费用|经费|费|决算数?|实际支出|执行数)+$/, '')
    .replace(/[\s（）()]/g, '');
}
