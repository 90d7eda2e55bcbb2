// The figures conflicting-values compares (its parts read them from here): the
// document's facts located once, table cells read as exact figures, the
// self-evaluation table's 实际完成值 cells, and narrative figures stated for
// themselves — not a part, a campaign, an item of a list — with what makes two
// of them two things: another scope, another year, an item heading.
import type { Fact, Section } from '../../schema/report.ts';
import { LABEL_JOINER } from '../../tables/headers.ts';
import { locate, type Located } from '../context.ts';
import { identities, type Identity } from '../identity.ts';
import type { CheckInput } from '../types.ts';
import { MIN_LABEL, norm } from './same-quantity.ts';

const PART_SCOPE = /期间|其中|专项|活动中|行动中|以来|同比|上年(?!结转)|去年|分别|平均|每|用于|包括|例如|比如|[如：:]/;

export const ITEM_START =
  /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*[、.．]|[①-⑳]|[一二三四五六七八九十]+是)/;

const ACTUAL_COLUMN = /^(?:实际)?完成值$|^实际完成|^实际值$/;

export type Report = (a: Fact, b: Fact, why: string) => void;

/** What the four parts read: the document's facts located once, and where to report. */
export interface Reading {
  doc: CheckInput;
  located: Located[];
  at: Map<string, Located>;
  sections: Map<string, Section>;
  /** the table cells read as exact figures */
  cells: Fact[];
  /** the self-evaluation table's 实际完成值 cells */
  indicatorCells: Fact[];
  /** narrative counts and amounts stated for themselves */
  statements: Located[];
  /** what each fact is: its scope of money, and the budget measure it states */
  ids: Map<string, Identity>;
  report: Report;
}

export const exact = (f: Fact) => !f.approximate && !f.comparator && typeof f.normalized.value === 'number';

export function reading(doc: CheckInput, report: Report): Reading {
  const located = locate(doc);
  const cells = doc.facts.filter((f) => f.paragraphId === null && exact(f));
  return {
    doc,
    located,
    at: new Map(located.map((l) => [l.fact.id, l])),
    sections: new Map(doc.sections.map((s) => [s.id, s])),
    cells,
    indicatorCells: cells.filter((f) => ACTUAL_COLUMN.test(lastPart(f.label))),
    statements: located.filter(
      (l) =>
        exact(l.fact) &&
        (l.fact.kind === 'count' || l.fact.kind === 'money') &&
        (!l.fact.change || !UNNAMED_CHANGE.test(l.fact.label)) &&
        isStatement(l),
    ),
    ids: identities(doc),
    report,
  };
}

/**
 * Two figures may be one quantity only if they are of one scope: money by the
 * scope its table, sentence or section gives it (and known), anything else by
 * the scope its label names (受理投诉 is of no scope, wherever it stands); and,
 * where both are budget measures, of one measure and stage.
 */
export function sameScope(a: Fact, b: Fact, ids: Map<string, Identity>): boolean {
  const [x, y] = [ids.get(a.id), ids.get(b.id)];
  if (!x || !y) return false;
  // Two budget measures known to differ (本年收入 and 收入总计, worded alike) are two quantities.
  if (x.key && y.key && x.key !== y.key) return false;
  if (a.kind === 'money' || b.kind === 'money') return x.scope !== null && x.scope === y.scope;
  return x.labelScope === y.labelScope;
}

/** A figure that says what it counts: a list item's too, when its label is not a bare budget term. */
export function specific(l: Located): boolean {
  if (isStatement(l)) return true;
  const label = l.fact.label;
  const item = ITEM_START.test(l.paragraph.text) || ITEM_START.test(l.sentence);
  const scoped = PART_SCOPE.test(l.sentence.replace(ITEM_START, '').slice(0, Math.max(0, l.at - l.sentenceStart)));
  return item && !scoped && norm(label).length >= MIN_LABEL && !BARE_MEASURE.test(label) && !OWNERLESS.test(label);
}

/** A change that does not name what changed (比上年增加, 较上年减少, 同比下降): it is of whatever its sentence is about. */
const UNNAMED_CHANGE = /^(?:比|较|同比|环比|与)|^(?:增加|增长|减少|下降|提高|降低|上升)/;

/** A budget measure with no owner (实际支出, 预算执行数): the sentence's subject, if any, is its owner. */
export const BARE_MEASURE =
  /^(?:年初|全年|调整后?)?(?:预算(?:安排|数)?|决算数?|执行数|实际支出(?:数)?|支出(?:数)?|预算执行数|资金)$/;

/** A budget figure's measure alone (支出决算, 年初预算数): whose it is, the sentence says — no label of a thing to match by its end. */
export const OWNERLESS = /^(?:年初|全年|本年|调整后?)?(?:收入|支出)?(?:预算|决算)(?:数|安排)?$/;

export const SCOPED =
  /部门整体|本单位|本部门|整体支出|基本支出|项目支出|人员经费|公用经费|三公|本?项目(?:全年|年初|预算|执行)|年度资金总额|自评/;

/** A fact under a numbered item heading ((1) 某项目：…, 1、某项目, ①). */
export function inItemSection(f: Fact, sections: Map<string, Section>): boolean {
  const s = f.sectionId ? sections.get(f.sectionId) : undefined;
  return !!s && /[0-9０-９①-⑳]/.test(s.marker);
}

/** A figure stated for itself: not a part, a campaign, an item of a list, or a sentence's second clause about another thing. */
export function isStatement(l: Located): boolean {
  const f = l.fact;
  if (f.paragraphId === null || (f.kind !== 'count' && f.kind !== 'money')) return false;
  if (ITEM_START.test(l.paragraph.text) || ITEM_START.test(l.sentence)) return false;
  return !PART_SCOPE.test(l.sentence.slice(0, Math.max(0, l.at - l.sentenceStart + f.quote.length)));
}

/** Two sentences that name different years (2019年… / 2020年…) speak of different things. */
export function otherYear(a: string, b: string, doc: CheckInput): boolean {
  const years = (s: string) => new Set([...s.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1])));
  const [ya, yb] = [years(a), years(b)];
  const own = doc.document.fiscalYear;
  const other = (ys: Set<number>) => [...ys].some((y) => y !== own);
  if (ya.size === 0 && yb.size === 0) return false;
  if ([...ya].some((y) => yb.has(y))) return false;
  return other(ya) || other(yb);
}

export const lastPart = (label: string) => label.split(LABEL_JOINER).pop() ?? label;

/** The indicator a table cell's label names: the part before its column (产出指标·数量指标·培训后取得证书人数·实际完成值). */
export const indicatorOf = (label: string) => {
  const parts = label.split(LABEL_JOINER);
  return parts[parts.length - 2] ?? '';
};
