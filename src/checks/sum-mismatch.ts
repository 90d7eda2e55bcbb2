// Parts that do not add up to their total: "决算数 4980.37 万元，其中：人员经费
// 4360.55 万元，公用经费 619.82 万元" — within the rounding of every figure.
// Parts that add up to more than the total are certainly wrong; parts that add
// up to less are wrong only for decompositions known to be exhaustive
// (人员经费 + 公用经费 = 基本支出; 基本支出 + 项目支出 = 整体支出), since
// "其中" lists are often partial.
import type { Fact, Severity } from '../schema/report.ts';
import { LABEL_JOINER } from '../tables/headers.ts';
import { wholeAndParts, yearOnYear, type WholeAndParts } from './context.ts';
import { identities } from './identity.ts';
import { inUnitOf, num, show, sumAgrees } from './tolerance.ts';
import { FUNDS_SPLITS, PARTS_OF_WHOLES } from '../vocab/parts.ts';
import { atPage, finding, valueOf } from './finding.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

/** Exhaustive decompositions by concept: total = sum of parts. */
const DECOMPOSITIONS: [string, string[]][] = [
  ['budget.basic.actual', ['budget.basic.personnel', 'budget.basic.public']],
  ['budget.total.actual', ['budget.basic.actual', 'budget.project.actual']],
  ['budget.total.adjusted', ['budget.basic.adjusted', 'budget.project.adjusted']],
  ['budget.total.initial', ['budget.basic.initial', 'budget.project.initial']],
];

export const sumMismatch: Rule = {
  id: 'sum-mismatch',
  severity: 'error',
  description: 'stated parts (其中 …) do not add up to the stated total, beyond rounding',
  descriptionZh: '所列分项（其中……）之和与所述合计不符，超出四舍五入的误差',
  // Parts against their total: after the part larger than its whole (subset-exceeds-total), before rates and repeated figures.
  precedence: 50,
  run(doc) {
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    // 1. Within a sentence: a total, then 其中 and its parts.
    for (const group of wholeAndParts(doc)) {
      const d = groupFinding(group, doc);
      if (!d) continue;
      drafts.push(d);
      seen.add(group.total.id);
    }
    // 2. This year's figure less last year's against the change stated between them (the direction is
    // text-number-contradiction's).
    for (const { now, last, change } of yearOnYear(doc)) {
      const diff = num(now) - num(last);
      if (diff > 0 !== num(change) > 0 || sumAgrees([last, change], now)) continue;
      drafts.push(
        finding(sumMismatch, {
          message: `${now.label} ${show(now)} − ${last.label} ${show(last)} = ${inUnitOf(diff, now)} ${now.unit}，与${change.label} ${show(change)}不符${atPage([now, last, change].map((f) => f.page))}`,
          factIds: [change.id, now.id, last.id],
          page: change.page,
          expected: inUnitOf(diff, now),
          actual: valueOf(change),
        }),
      );
      seen.add(now.id);
    }
    // 3. Across the report: exhaustive decompositions by concept, of one scope of money (the 一般公共预算's
    // 人员经费 and 公用经费 do not make the whole unit's 基本支出; checks/identity.ts).
    const scopeOf = (f: Fact) => identities(doc).get(f.id)?.scope ?? null;
    for (const [totalConcept, partConcepts] of DECOMPOSITIONS) {
      const totals = doc.facts.filter((f) => f.concept === totalConcept && scopeOf(f) !== null);
      // The first total of each scope.
      const firsts = totals.filter((f, i) => totals.findIndex((o) => scopeOf(o) === scopeOf(f)) === i);
      for (const total of firsts) {
        if (seen.has(total.id)) continue;
        const parts = partConcepts.map((c) => doc.facts.find((f) => f.concept === c && scopeOf(f) === scopeOf(total)));
        const d = decomposition(total, parts);
        if (d) drafts.push(d);
      }
    }
    return drafts;
  },
};

/** A total against the parts of its exhaustive decomposition, where all are stated, near one another. */
function decomposition(total: Fact, parts: (Fact | undefined)[]): Draft | null {
  if (parts.some((p) => !p)) return null;
  const ps = parts as Fact[];
  // Stated together (one page or the next): figures far apart may be of other scopes the words do not tell.
  const pages = [total, ...ps].map((f) => f.page);
  if (Math.max(...pages) - Math.min(...pages) > 1) return null;
  if (sumAgrees(ps, total)) return null;
  return draft(
    total,
    ps,
    ps.reduce((s, f) => s + num(f), 0),
  );
}

/**
 * Parts that add up to more than their total are wrong; to less, only where the list is complete (a
 * known decomposition, or a bracket right after the total: then a warning, for a bracket may leave
 * out what it does not name). The changes of a change are signed: a missing part may have gone either
 * way, so only a complete list is checked.
 */
function groupFinding(group: WholeAndParts, doc: CheckInput): Draft | null {
  const { total } = group;
  // A part followed by its own parts (公务用车购置及运行费 150 + … then 公务用车购置费, 公务用车运行费): counted once.
  const parts = collapse(group.parts);
  if (parts.length < 2 || parts.some((p) => p.approximate) || total.approximate) return null;
  if (sumAgrees(parts, total)) return null;
  const sum = parts.reduce((s, f) => s + num(f), 0);
  const complete = group.how === 'summed' || exhaustive(total, parts, doc);
  if (total.change) return complete ? draft(total, parts, sum) : null;
  if (sum > num(total) || complete) return draft(total, parts, sum);
  return group.how === 'bracket' && !nested(parts) ? draft(total, parts, sum, 'warning') : null;
}

/** Parts one of which counts a subset of another (检查企业 320 家（发现问题 45 家、整改 40 家）): no breakdown. */
function nested(parts: Fact[]): boolean {
  return parts.some((p) =>
    parts.some((w) => w !== p && PARTS_OF_WHOLES.some((pw) => pw.part.test(p.label) && pw.whole.test(w.label))),
  );
}

/** Pairs that make up their whole, and a list ending in 其他…: such 其中 lists are complete. */
const COMPLETE_PAIRS: [RegExp, RegExp][] = [
  [/^基本支出/, /^项目支出/],
  [/^人员经费/, /^(?:日常)?公用经费/],
];

const THREE_PUBLIC = [
  /因公出国[（(]?境?[）)]?费?/,
  /公务用车(?:购置及)?运行(?:维护)?费|公务用车购置及运行(?:维护)?费|公务用车购置费/,
  /公务接待费/,
];

const OTHER_FUNDS_CELL = new RegExp(`(?:^|${LABEL_JOINER})其他资金(?:${LABEL_JOINER}|$)`);

function exhaustive(total: Fact, parts: Fact[], doc: CheckInput): boolean {
  const labels = parts.map((p) => p.label.replace(/^其中[：:]?/, ''));
  if (/^其他|^其它/.test(labels[labels.length - 1] ?? '')) return true;
  // A label may have kept words of the sentence before it (主要用于…等公用经费): its tail names it.
  if (
    COMPLETE_PAIRS.some(
      ([a, b]) =>
        labels.length === 2 &&
        a.test(labels[0]!) &&
        (b.test(labels[1]!) || new RegExp(`(?:等|、)${b.source.slice(1)}$`).test(labels[1]!)),
    )
  )
    return true;
  // The funds of a budget: 财政拨款 + 上年结转 (+ 其他资金), when the report gives no other funds.
  const names = labels.map((l) => l.replace(/[（(].*?[）)]$/, ''));
  const split = FUNDS_SPLITS.find(
    (sp) => sp.length === names.length && sp.every((p) => names.filter((n) => p.test(n)).length === 1),
  );
  if (split && /预算|执行|决算|资金总额|支出/.test(total.label)) {
    if (split.length === 3 || names.some((n) => /其他资金/.test(n))) return true;
    const otherFunds = doc.facts.some((f) => f.kind === 'money' && OTHER_FUNDS_CELL.test(f.label) && num(f) > 0);
    if (split.length === 2 && names.some((n) => /上年结转/.test(n)) && !otherFunds) return true;
  }
  // 三公经费 is exactly its three items: a list naming two of them, the third stated as zero, or all three.
  if (/三公/.test(total.label) && labels.every((l) => THREE_PUBLIC.some((p) => p.test(l)))) {
    const named = THREE_PUBLIC.filter((p) => labels.some((l) => p.test(l))).length;
    if (named === 3) return true;
    const sentence = doc.paragraphs.find((p) => p.id === total.paragraphId)?.text ?? '';
    if (
      named === 2 &&
      THREE_PUBLIC.some(
        (p) =>
          !labels.some((l) => p.test(l)) &&
          new RegExp(`(?:${p.source})(?:支出)?(?:为零|为0|为 0|未发生|无)`).test(sentence),
      )
    )
      return true;
  }
  return false;
}

/** Drops the parts of a part: a figure equal to the sum of the figures right after it keeps its place, they go. */
function collapse(parts: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (let i = 0; i < parts.length; i++) {
    out.push(parts[i]!);
    for (let k = i + 2; k < parts.length; k++) {
      const subs = parts.slice(i + 1, k + 1);
      // Sub-items name their part (公务用车购置费 under 公务用车购置及运行费); 8 + 4 = 12 by chance does not make them one.
      const clean = (f: Fact) => f.label.replace(/^[（(“"\s]*(?:其中[：:]?)?/, '');
      const head = clean(parts[i]!).slice(0, 2);
      if (head.length < 2 || !subs.every((f) => clean(f).startsWith(head))) break;
      if (subs.length >= 2 && sumAgrees(subs, parts[i]!)) {
        i = k;
        break;
      }
    }
  }
  return out;
}

function draft(total: Fact, parts: Fact[], sum: number, severity?: Severity): Draft {
  const written = inUnitOf(sum, total);
  return finding(sumMismatch, {
    severity,
    message: `${parts.map((p) => `${p.label} ${show(p)}`).join(' + ')} = ${written} ${total.unit}，与${total.label || '合计'} ${show(total)}不符${atPage([total, ...parts].map((f) => f.page))}`,
    factIds: [total.id, ...parts.map((p) => p.id)],
    page: total.page,
    expected: written,
    actual: valueOf(total),
  });
}
