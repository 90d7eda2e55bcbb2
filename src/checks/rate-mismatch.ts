// A stated execution rate that its own numbers deny: 预算执行率 vs 决算数 /
// 全年预算数. Reports compute it against the adjusted budget, some against the
// initial one: either agreeing at the precision written is accepted. And a
// growth rate against its change: in a sentence (比上年增加 X，增长 Y%) or in a
// table of changes (上年数 | 增减额 | 增减率, change-rates.ts).
import type { Fact } from '../schema/report.ts';
import { fundsFacts } from '../records/index.ts';
import { LABEL_JOINER } from '../tables/headers.ts';
import { PLAIN_TERMS as T } from '../vocab/concepts.ts';
import { changeRates } from './change-rates.ts';
import { locate } from './context.ts';
import { num, rateAgrees, roundingOf, show } from './tolerance.ts';
import { atPage, finding, valueOf } from './finding.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

const RATE = /执行率$/;
// The plain terms, and a bare 预算数 / 支出数 / 全年支出 besides: in one sentence with a rate they are its budget and actual.
const BUDGET = new RegExp(`(?:${T.initial}|${T.adjusted}|${T.approved}|预算数)$`);
const ACTUAL = new RegExp(`(?:${T.actual}|支出数|全年支出)$`);
const ADJUSTED = new RegExp(`${T.adjusted}$`);
const OWNER = new RegExp(`^${T.owner}?`);

export const rateMismatch: Rule = {
  id: 'rate-mismatch',
  severity: 'error',
  description: 'a stated rate differs from the one its own numbers give (执行率 vs 决算/预算)',
  descriptionZh: '所述比率与其自身数据算出的比率不符（执行率与决算数/预算数）',
  // A rate against the budget and actual it is computed from: before the same figures read as two statements (conflicting-values).
  precedence: 60,
  run(doc) {
    // A funds row's rate is judged against its own row (fundsRates), not by its concept.
    const checked = new Set(doc.funds.flatMap((f) => (f.rate === null ? [] : [fundsFacts(doc, f).rate?.id ?? ''])));
    const stated = statedRates(doc, checked, []);
    return [
      ...stated,
      ...fundsRates(doc, stated),
      ...sentenceRates(doc, checked),
      ...growthRates(doc),
      ...changeRates(doc, rateMismatch),
    ];
  },
};

/**
 * 1b. A funds row's 执行率 (a self-evaluation table's) against its own 全年执行数 ÷ 全年预算数, or
 * 年初预算数. The text's rate of the same quantity (its concept), wrong the same way, is one finding
 * with it: the stated rate's, which names the table's figures too.
 */
function fundsRates(doc: CheckInput, stated: Draft[]): Draft[] {
  const drafts: Draft[] = [];
  const conceptOf = (id: string) => doc.facts.find((f) => f.id === id)?.concept;
  for (const row of doc.funds) {
    const { rate, executed, adjusted, planned } = fundsFacts(doc, row);
    if (!rate || !executed || rate.kind !== 'percent') continue;
    const budgets = [adjusted, planned].filter((f): f is Fact => f !== null);
    const d = budgets.length === 0 ? null : compare(rate, executed, budgets, adjusted !== null);
    if (!d) continue;
    const same = stated.find(
      (o) =>
        o.actual === d.actual &&
        o.expected === d.expected &&
        rate.concept !== null &&
        o.factIds.some((id) => conceptOf(id) === rate.concept),
    );
    if (same) same.factIds.push(...d.factIds.filter((id) => !same.factIds.includes(id)));
    else drafts.push(d);
  }
  return drafts;
}

/** 1. The unit's (or, in a 项目支出 report, the project's) execution rate against its total budget and actual; adds the rates it checked to `checked`. */
function statedRates(doc: CheckInput, checked: Set<string>, drafts: Draft[]): Draft[] {
  // A table's rate is checked against its own row (a project's table in a department's report is not the unit's).
  const row = (f: Fact) => f.label.split(LABEL_JOINER).slice(0, -1).join(LABEL_JOINER);
  for (const owner of ['budget', 'project'] as const) {
    const rates = doc.facts.filter((f) => f.concept === `${owner}.executionRate`);
    for (const rate of rates) {
      if (checked.has(rate.id)) continue;
      if (
        rate.paragraphId === null &&
        rates.some((o) => o.paragraphId === null && o !== rate && row(o) !== row(rate)) &&
        owner === 'budget'
      )
        continue;
      const pick = (c: string) =>
        doc.facts.find(
          (f) => f.concept === c && (rate.paragraphId !== null ? true : f.paragraphId === null && row(f) === row(rate)),
        );
      for (const scope of owner === 'budget' ? (['total', 'basic'] as const) : (['total'] as const)) {
        const actual = pick(`${owner}.${scope}.actual`);
        const budgets = [pick(`${owner}.${scope}.adjusted`), pick(`${owner}.${scope}.initial`)].filter(
          (f): f is Fact => !!f,
        );
        if (!actual || budgets.length === 0) continue;
        const d = compare(rate, actual, budgets);
        // The same rate in the text and in the table, wrong the same way: one finding.
        const same = d && drafts.find((o) => o.actual === d.actual && o.expected === d.expected);
        if (same) same.factIds.push(...d!.factIds.filter((id) => !same.factIds.includes(id)));
        else if (d) drafts.push(d);
        checked.add(rate.id);
        break;
      }
    }
  }
  return drafts;
}

/** 2. A rate stated in the same sentence as its budget and actual (a project's), unless checked already. */
function sentenceRates(doc: CheckInput, checked: Set<string>): Draft[] {
  const drafts: Draft[] = [];
  const located = locate(doc);
  for (const l of located) {
    if (l.fact.kind !== 'percent' || !RATE.test(l.fact.label) || checked.has(l.fact.id)) continue;
    const same = located.filter(
      (o) => o.paragraph === l.paragraph && o.sentenceStart === l.sentenceStart && o.fact.kind === 'money',
    );
    const actual = same.find((o) => ACTUAL.test(o.fact.label))?.fact;
    // The adjusted budget first: it is the usual denominator, and the one a finding shows.
    const budgets = same
      .filter((o) => BUDGET.test(o.fact.label))
      .map((o) => o.fact)
      .sort((a, b) => Number(ADJUSTED.test(b.label)) - Number(ADJUSTED.test(a.label)));
    if (!actual) continue;
    // The budget stated elsewhere: the report's one 全年预算数 of the same owner.
    if (budgets.length === 0) {
      const owner = OWNER.exec(actual.label)![0];
      const candidates = located.filter(
        (o) =>
          o.fact.kind === 'money' &&
          !o.fact.approximate &&
          !o.fact.comparator &&
          new RegExp(`^${owner}${T.adjusted}$`).test(o.fact.label),
      );
      const values = new Set(candidates.map((o) => num(o.fact)));
      if (values.size === 1) budgets.push(candidates[0]!.fact);
    }
    if (budgets.length === 0) continue;
    const d = compare(l.fact, actual, budgets);
    if (d) drafts.push(d);
    checked.add(l.fact.id);
  }
  return drafts;
}

/** 3. A growth rate against its own change: "本年支出合计 558.45 万元，比上年增加 19.23 万元，增长 9.22%". */
function growthRates(doc: CheckInput): Draft[] {
  const drafts: Draft[] = [];
  const located = locate(doc);
  for (let i = 0; i + 2 < located.length; i++) {
    const [t, d, r] = [located[i]!, located[i + 1]!, located[i + 2]!];
    if (t.paragraph !== r.paragraph || t.sentenceStart !== r.sentenceStart || d.sentenceStart !== t.sentenceStart)
      continue;
    if (
      t.fact.kind !== 'money' ||
      d.fact.kind !== 'money' ||
      r.fact.kind !== 'percent' ||
      [t, d, r].some((x) => x.fact.approximate)
    )
      continue;
    const change =
      /(?:比|较)(?:上年|去年|上年度)(?:同期)?(增加|增长|减少|下降)$/.exec(d.fact.label) ??
      /(?:比|较)(?:上年|去年|上年度)(?:同期)?(增加|增长|减少|下降)/.exec(d.fact.quote);
    const between = t.paragraph.text.slice(d.at + d.fact.quote.length, r.at + r.fact.quote.length);
    const grow =
      /^[，,、\s]*(?:同比)?(增长|下降|增幅|降幅|减少)(?:率)?(?:为|了)?\s*[0-9]/.exec(between) ??
      /^(?:同比)?(增长|下降|增幅|降幅|减少)(?:率)?$/.exec(r.fact.label);
    if (!change || !grow) continue;
    const up = /增/.test(change[1]!);
    if (up !== /增/.test(grow[1]!)) continue;
    // Both signed by their direction (减少 181.54 万元 → −181.54, 下降 11.58% → −11.58): the year before is
    // this year's figure less the change, the rate the change over it.
    const [delta, rate] = [num(d.fact), num(r.fact)];
    if (delta < 0 !== !up || (rate < 0 && up)) continue;
    const before = num(t.fact) - delta;
    if (before <= 0) continue;
    const computed = (delta / before) * 100;
    const slack =
      Math.abs(computed) * (roundingOf(d.fact) / Math.abs(delta) + (roundingOf(t.fact) + roundingOf(d.fact)) / before);
    if (rateAgrees(r.fact, computed) || Math.abs(rate - computed) <= roundingOf(r.fact) + slack) continue;
    const shown = Number(computed.toFixed(Math.max(r.fact.decimals, 2)));
    drafts.push(
      finding(rateMismatch, {
        message: `${r.fact.label} ${show(r.fact)}${atPage(r.fact.page)}与${d.fact.label} ${show(d.fact)} ÷ 上年 ${Number((before / (num(t.fact) / (t.fact.value as number))).toFixed(t.fact.decimals))} ${t.fact.unit} = ${shown}% 不符`,
        factIds: [r.fact.id, d.fact.id, t.fact.id],
        page: r.fact.page,
        expected: shown,
        actual: valueOf(r.fact),
      }),
    );
  }
  return drafts;
}

/** `adjustedKnown`: the first budget is the adjusted one (a funds row's 全年预算数（A）, whatever its label). */
function compare(rate: Fact, actual: Fact, budgets: Fact[], adjustedKnown = false): Draft | null {
  if (rate.approximate) return null;
  const computed = budgets.filter((b) => num(b) > 0).map((b) => ({ b, r: (num(actual) / num(b)) * 100 }));
  if (computed.length === 0) return null;
  // Rounded parts make a rounded rate: widen by the rate error their rounding allows.
  const ok = computed.some(({ b, r }) => {
    const slack = r * (roundingOf(actual) / num(actual) + roundingOf(b) / num(b));
    return rateAgrees(rate, r) || Math.abs(num(rate) - r) <= roundingOf(rate) + slack;
  });
  if (ok) return null;
  const { b, r } = computed[0]!;
  const shown = Number(r.toFixed(Math.max(rate.decimals, 2)));
  // Against the initial budget alone the rate may be one of an adjusted budget the text does not give.
  const adjusted = adjustedKnown || budgets.some((f) => f.concept?.endsWith('.adjusted') || ADJUSTED.test(f.label));
  return finding(rateMismatch, {
    severity: adjusted ? 'error' : 'warning',
    message: `${rate.label} ${show(rate)}${atPage(rate.page)}与${actual.label} ${show(actual)} ÷ ${b.label} ${show(b)} = ${shown}% 不符`,
    factIds: [rate.id, actual.id, b.id],
    page: rate.page,
    expected: shown,
    actual: valueOf(rate),
  });
}
