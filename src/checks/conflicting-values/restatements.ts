// Parts C, D and E of conflicting-values: a figure stated again with another
// value — summed up (经统计，…共 170 件), stated twice in two paragraphs, or an
// item of a numbered list stated again for itself, misprinted.
import type { Fact } from '../../schema/report.ts';
import type { Located } from '../context.ts';
import {
  type Reading,
  exact,
  sameScope,
  specific,
  BARE_MEASURE,
  OWNERLESS,
  inItemSection,
  isStatement,
  otherYear,
  indicatorOf,
} from './figures.ts';
import { slipApart, misprint, sameWords, similar, sameThing, distinct, differ } from './same-quantity.ts';

const WHOLE_YEAR = /今年|全年|本年|年度|(?:19|20)\d{2}\s*年|累计|共计|全区|全市|全县/;

/** The same label this long, stated twice with two values, is one quantity. */
const MIN_EXACT_LABEL = 5;

/**
 * C. A summing-up restatement ("经统计，全年解除矫正共 236 人", "经统计，实有编制数 45 人") of an earlier
 * figure, in the text (a list item too) or the table. Its label may be worded differently (受理消费者投诉
 * 举报 / 受理投诉举报): then only two values a slip of the pen apart (48 / 45, 3560 / 3650) are one
 * quantity — a figure far from it is another thing of a similar name (a part, a subset).
 */
export function summingUp({ located, statements, indicatorCells, ids, report }: Reading): void {
  const earlierText = located.filter(
    (o) => exact(o.fact) && (o.fact.kind === 'count' || o.fact.kind === 'money') && !o.fact.change && specific(o),
  );
  for (const l of statements) {
    const f = l.fact;
    if (f.change || !summingUpClause(l)) continue;
    const earlier = [
      ...earlierText
        .filter((o) => o.fact !== f && o.paragraph !== l.paragraph)
        .map((o) => ({ fact: o.fact, name: o.fact.label })),
      ...indicatorCells.map((c) => ({ fact: c, name: indicatorOf(c.label) })),
    ].filter(
      (o) =>
        o.fact.kind === f.kind &&
        o.fact.normalized.unit === f.normalized.unit &&
        sameScope(o.fact, f, ids) &&
        similar(o.name, f.label),
    );
    const conflict = earlier.find((o) => differ(o.fact, f) && (sameWords(o.name, f.label) || slipApart(o.fact, f)));
    if (conflict && !earlier.some((o) => !differ(o.fact, f) && o.fact.paragraphId !== null))
      report(conflict.fact, f, '，前后统计数不一致');
  }
}

/** The sentence opens by summing up, and the figure is its first or its own clause says 共/计. */
function summingUpClause(l: Located): boolean {
  if (!/^[^，。；]{0,6}?(?:经统计|据统计|经核实|经核查|统计显示|经汇总|经梳理)/.test(l.sentence.trim())) return false;
  const before = l.sentence.slice(0, Math.max(0, l.numberAt - l.sentenceStart));
  const clause = before.split(/[，,；]/).pop() ?? '';
  return /共|计/.test(clause) || !/[0-9０-９]/.test(before.replace(/(?:19|20)\d{2}\s*年度?/g, ''));
}

/**
 * E. An item of a numbered list (1、全年受理投诉举报 3560 件) stated again elsewhere for itself, a
 * misprint of it and its label worded alike: items keep to their list otherwise.
 */
export function misprintedItems({ doc, located, statements, ids, report }: Reading): void {
  const items = located.filter(
    (l) => exact(l.fact) && !l.fact.change && !l.fact.concept && !isStatement(l) && specific(l),
  );
  for (const item of items) {
    const again = statements.find(
      (s) =>
        s.paragraph !== item.paragraph &&
        s.fact.kind === item.fact.kind &&
        s.fact.normalized.unit === item.fact.normalized.unit &&
        !s.fact.change &&
        sameScope(item.fact, s.fact, ids) &&
        !otherYear(item.sentence, s.sentence, doc) &&
        similar(item.fact.label, s.fact.label) &&
        misprint(item.fact, s.fact),
    );
    if (again) report(item.fact, again.fact, '，请核实以哪个为准');
  }
}

/** D. The same thing stated twice in two paragraphs, both of the whole year (or, worded differently, a misprint of it). */
export function statedTwice({ doc, sections, statements, ids, report }: Reading): void {
  const whole = statements.filter((l) => !l.fact.concept);
  const valuesByLabel = new Map<string, Fact[]>();
  for (const l of whole) valuesByLabel.set(l.fact.label, [...(valuesByLabel.get(l.fact.label) ?? []), l.fact]);
  for (let i = 0; i < whole.length; i++) {
    for (let j = i + 1; j < whole.length; j++) {
      const [a, b] = [whole[i]!, whole[j]!];
      if (
        a.paragraph === b.paragraph ||
        a.fact.kind !== b.fact.kind ||
        a.fact.normalized.unit !== b.fact.normalized.unit ||
        a.fact.change !== b.fact.change
      )
        continue;
      if (otherYear(a.sentence, b.sentence, doc) || !sameScope(a.fact, b.fact, ids)) continue;
      // Figures under two numbered item headings ((1) 某项目：…, (2) 另一项目：…) are the items' own.
      // (A label that names its thing — 违法案件 — is the same thing under any heading.)
      if (
        a.fact.sectionId !== b.fact.sectionId &&
        (BARE_MEASURE.test(a.fact.label) || BARE_MEASURE.test(b.fact.label)) &&
        (inItemSection(a.fact, sections) || inItemSection(b.fact, sections))
      )
        continue;
      const same =
        (a.fact.label === b.fact.label && a.fact.label.length >= MIN_EXACT_LABEL) ||
        (WHOLE_YEAR.test(a.sentence) &&
          WHOLE_YEAR.test(b.sentence) &&
          !OWNERLESS.test(a.fact.label) &&
          !OWNERLESS.test(b.fact.label) &&
          sameThing(a.fact.label, b.fact.label)) ||
        // Worded a little differently, and one figure a misprint of the other (1250 / 1205).
        (similar(a.fact.label, b.fact.label) && misprint(a.fact, b.fact));
      if (!same || !differ(a.fact, b.fact)) continue;
      // A label stated with three or more values names items, not one quantity.
      const uses = [
        ...(valuesByLabel.get(a.fact.label) ?? []),
        ...(a.fact.label === b.fact.label ? [] : (valuesByLabel.get(b.fact.label) ?? [])),
      ];
      if (distinct(uses).length > 2) continue;
      report(a.fact, b.fact, '，请核实以哪个为准');
    }
  }
}
