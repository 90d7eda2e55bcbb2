// One quantity stated twice with two values:
// A. the same concept (budget.total.actual …) with exactly two values;
// B. a figure of the narrative and the same figure in the self-evaluation
//    table: an indicator's 实际完成值 (the text's 全年实际完成 8705 人 under the
//    indicator's heading), or the project's funds (项目全年执行数 vs the table's
//    年度资金总额 · 全年执行数);
// C. a summing-up restatement ("经统计，全年受理劳动争议案件共 170 件") of a
//    figure stated before, in the text or the table, with another value;
// D. the same thing under the same label in two paragraphs, both of the whole
//    year — or worded a little differently, one figure a misprint of the
//    other (45678 / 45687);
// E. an item of a numbered list stated again for itself, misprinted;
// F. a budget measure of one scope and stage (checks/identity.ts: 一般公共预算
//    基本支出 in the text and the 一般公共预算基本支出表's 合计) with two values.
// What a figure is includes its scope of money (一般公共预算, 政府性基金, "三公"
// 经费 …, or the unit's whole): figures of two scopes, or of one not known,
// are never one quantity, however alike their words (支出预算 1260 万元 and
// 财政拨款支出预算 1230 万元; a 支出总表's 基本支出 and a 政府性基金 table's 0.00).
// Precision first: a figure for a campaign (期间, 专项) or a part (其中), an item
// of a list (用于：…, 如…, （1）某项目：预算安排 …), a sentence of another year,
// and a label used for three or more different values (a generic label such as
// 预算安排 that does not carry its item) are never "one quantity stated twice".
//
// This file is the rule and its parts A and F; the others and what they share
// are in conflicting-values/: figures.ts (the figures compared), same-quantity.ts
// (labels and values of one quantity), text-against-table.ts (B),
// restatements.ts (C, D, E).
import type { Fact } from '../schema/report.ts';
import { WHOLE_SCOPE } from '../vocab/scopes.ts';
import { show } from './tolerance.ts';
import { atPage, finding, valueOf } from './finding.ts';
import type { Draft, Rule } from './types.ts';
import { summingUp, misprintedItems, statedTwice } from './conflicting-values/restatements.ts';
import {
  ITEM_START,
  type Report,
  type Reading,
  exact,
  reading,
  BARE_MEASURE,
  SCOPED,
  inItemSection,
} from './conflicting-values/figures.ts';
import { distinct, differ } from './conflicting-values/same-quantity.ts';
import { textAgainstTable } from './conflicting-values/text-against-table.ts';

export const conflictingValues: Rule = {
  id: 'conflicting-values',
  severity: 'warning',
  description: 'one quantity is stated twice with different values',
  descriptionZh: '同一数量在两处所述的数值不同',
  // Any quantity stated twice: what is left once the rules that know why two figures differ have spoken.
  precedence: 100,
  run(doc) {
    const drafts: Draft[] = [];
    const r = reading(doc, reporter(drafts));
    // In this order: a fact in one finding is in no other.
    sameConcept(r);
    sameIdentity(r);
    textAgainstTable(r);
    summingUp(r);
    statedTwice(r);
    misprintedItems(r);
    return drafts;
  },
};

/** Each pair once, and each fact in one finding only. */
function reporter(drafts: Draft[]): Report {
  const reported = new Set<string>();
  return (a, b, why) => {
    const key = [a.id, b.id].sort().join('|');
    if (reported.has(key) || reported.has(a.id) || reported.has(b.id)) return;
    reported.add(key);
    reported.add(a.id);
    reported.add(b.id);
    drafts.push(
      finding(conflictingValues, {
        message: `同一数量前后不一致：${a.label} ${show(a)}${atPage(a.page)}与${b.label} ${show(b)}${atPage(b.page)}${why}`,
        factIds: [a.id, b.id],
        page: b.page,
        expected: valueOf(a),
        actual: valueOf(b),
      }),
    );
  };
}

/** A. The same concept of one scope with two values (three or more: the concept is not one quantity here). */
function sameConcept({ doc, at, sections, ids, report }: Reading): void {
  // A narrative figure counts only where it speaks for the unit: its label names its scope, or nothing stands before it in its sentence.
  const forTheUnit = (f: Fact) => {
    if (f.paragraphId === null) return true;
    const l = at.get(f.id);
    if (!l || ITEM_START.test(l.paragraph.text) || ITEM_START.test(l.sentence) || inItemSection(f, sections))
      return false;
    if (SCOPED.test(f.label) || !BARE_MEASURE.test(f.label)) return true;
    return !/[0-9０-９]/.test(
      l.sentence.slice(0, Math.max(0, l.at - l.sentenceStart)).replace(/(?:19|20)\d{2}\s*年度?/g, ''),
    );
  };
  const byConcept = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    // Money by the scope its place gives it (unknown: no finding); a score or a count by its label's.
    const scope = f.kind === 'money' ? ids.get(f.id)?.scope : (ids.get(f.id)?.labelScope ?? WHOLE_SCOPE);
    if (!f.concept || !scope || !exact(f) || !forTheUnit(f)) continue;
    const key = `${f.concept}|${scope}`;
    byConcept.set(key, [...(byConcept.get(key) ?? []), f]);
  }
  reportTwoValued(byConcept, report);
}

/** Each group of one quantity with exactly two values: the first figure against the first that differs. */
function reportTwoValued(groups: Map<string, Fact[]>, report: Report): void {
  for (const facts of groups.values()) {
    if (distinct(facts).length !== 2) continue;
    const b = facts.find((f) => differ(facts[0]!, f))!;
    report(facts[0]!, b, '');
  }
}

/**
 * F. One budget measure of one scope at one stage (the 一般公共预算's 基本支出 in the
 * text, in the 一般公共预算支出表, in the 财政拨款收支总表) with two values.
 */
function sameIdentity({ doc, ids, report }: Reading): void {
  const byKey = new Map<string, Fact[]>();
  for (const f of doc.facts) {
    const key = ids.get(f.id)?.key;
    if (key && exact(f)) byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  reportTwoValued(byKey, report);
}
