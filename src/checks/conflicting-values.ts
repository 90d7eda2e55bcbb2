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
import type { Fact, Section } from '../schema/report.ts';
import { LABEL_JOINER } from '../tables/headers.ts';
import { PLAIN_TERMS } from '../vocab/concepts.ts';
import { WHOLE_SCOPE } from '../vocab/scopes.ts';
import { locate, type Located } from './context.ts';
import { identities, type Identity } from './identity.ts';
import { num, roundingOf, show } from './tolerance.ts';
import { atPage, finding, valueOf } from './finding.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

const WHOLE_YEAR = /今年|全年|本年|年度|(?:19|20)\d{2}\s*年|累计|共计|全区|全市|全县/;
const PART_SCOPE = /期间|其中|专项|活动中|行动中|以来|同比|上年(?!结转)|去年|分别|平均|每|用于|包括|例如|比如|[如：:]/;
const ITEM_START =
  /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]+\s*[)）]|[0-9]+\s*[、.．]|[①-⑳]|[一二三四五六七八九十]+是)/;
const MIN_LABEL = 4;
/** The same label this long, stated twice with two values, is one quantity. */
const MIN_EXACT_LABEL = 5;
/** A label that says only that something was done, not what: 实际完成, 完成值. */
const BARE = /^(?:全年|年度|本年)?(?:实际)?(?:完成(?:值|数|情况)?|达到|为|是)$/;
const ACTUAL_COLUMN = /^(?:实际)?完成值$|^实际完成|^实际值$/;

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

type Report = (a: Fact, b: Fact, why: string) => void;

/** What the four parts read: the document's facts located once, and where to report. */
interface Reading {
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

const exact = (f: Fact) => !f.approximate && !f.comparator && typeof f.normalized.value === 'number';

function reading(doc: CheckInput, report: Report): Reading {
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

/**
 * Two figures may be one quantity only if they are of one scope: money by the
 * scope its table, sentence or section gives it (and known), anything else by
 * the scope its label names (受理投诉 is of no scope, wherever it stands); and,
 * where both are budget measures, of one measure and stage.
 */
function sameScope(a: Fact, b: Fact, ids: Map<string, Identity>): boolean {
  const [x, y] = [ids.get(a.id), ids.get(b.id)];
  if (!x || !y) return false;
  // Two budget measures known to differ (本年收入 and 收入总计, worded alike) are two quantities.
  if (x.key && y.key && x.key !== y.key) return false;
  if (a.kind === 'money' || b.kind === 'money') return x.scope !== null && x.scope === y.scope;
  return x.labelScope === y.labelScope;
}

/** B. The narrative against the self-evaluation table: an indicator's 实际完成值, the project's funds. */
function textAgainstTable({ doc, located, sections, cells, indicatorCells, report }: Reading): void {
  const fundsCells = cells.filter((f) => FUNDS_CELL.test(f.label));
  for (const l of located) {
    const f = l.fact;
    if (!exact(f) || f.change || !isStatement(l)) continue;
    const name = indicatorName(l, f.sectionId ? sections.get(f.sectionId) : undefined);
    if (name) {
      const same = indicatorCells.filter(
        (c) => c.normalized.unit === f.normalized.unit && sameName(indicatorOf(c.label), name),
      );
      if (same.length === 1 && differ(f, same[0]!)) report(f, same[0]!, '，正文与自评表不一致');
    }
    const measure = fundsMeasure(f.label, doc);
    if (measure && f.kind === 'money') {
      const same = fundsCells.filter((c) =>
        lastPart(c.label)
          .replace(/[（(].*$/, '')
          .endsWith(measure),
      );
      if (same.length === 1 && differ(f, same[0]!)) report(f, same[0]!, '，正文与自评表不一致');
    }
  }
}

/**
 * C. A summing-up restatement ("经统计，全年解除矫正共 236 人", "经统计，实有编制数 45 人") of an earlier
 * figure, in the text (a list item too) or the table. Its label may be worded differently (受理消费者投诉
 * 举报 / 受理投诉举报): then only two values a slip of the pen apart (48 / 45, 3560 / 3650) are one
 * quantity — a figure far from it is another thing of a similar name (a part, a subset).
 */
function summingUp({ located, statements, indicatorCells, ids, report }: Reading): void {
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

/** A figure that says what it counts: a list item's too, when its label is not a bare budget term. */
function specific(l: Located): boolean {
  if (isStatement(l)) return true;
  const label = l.fact.label;
  const item = ITEM_START.test(l.paragraph.text) || ITEM_START.test(l.sentence);
  const scoped = PART_SCOPE.test(l.sentence.replace(ITEM_START, '').slice(0, Math.max(0, l.at - l.sentenceStart)));
  return item && !scoped && norm(label).length >= MIN_LABEL && !BARE_MEASURE.test(label) && !OWNERLESS.test(label);
}

/** Two values one slip of the pen apart: a digit changed, two adjacent digits swapped, or within 10 %. */
function slipApart(a: Fact, b: Fact): boolean {
  const [x, y] = [num(a), num(b)];
  return Math.abs(x - y) <= 0.1 * Math.max(Math.abs(x), Math.abs(y)) || misprint(a, b);
}

/** Two figures of three digits or more that differ in one digit, or by two adjacent digits swapped (3560 / 3650). */
function misprint(a: Fact, b: Fact): boolean {
  const [s, t] = [String(a.value), String(b.value)];
  if (s.length !== t.length || s.replace(/\D/g, '').length < 3) return false;
  const diff = [...s].map((c, i) => (c === t[i] ? -1 : i)).filter((i) => i >= 0);
  return (
    diff.length === 1 ||
    (diff.length === 2 && diff[1] === diff[0]! + 1 && s[diff[0]!] === t[diff[1]!] && s[diff[1]!] === t[diff[0]!])
  );
}

/**
 * E. An item of a numbered list (1、全年受理投诉举报 3560 件) stated again elsewhere for itself, a
 * misprint of it and its label worded alike: items keep to their list otherwise.
 */
function misprintedItems({ doc, located, statements, ids, report }: Reading): void {
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
function statedTwice({ doc, sections, statements, ids, report }: Reading): void {
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

/** A change that does not name what changed (比上年增加, 较上年减少, 同比下降): it is of whatever its sentence is about. */
const UNNAMED_CHANGE = /^(?:比|较|同比|环比|与)|^(?:增加|增长|减少|下降|提高|降低|上升)/;

/** A budget measure with no owner (实际支出, 预算执行数): the sentence's subject, if any, is its owner. */
const BARE_MEASURE =
  /^(?:年初|全年|调整后?)?(?:预算(?:安排|数)?|决算数?|执行数|实际支出(?:数)?|支出(?:数)?|预算执行数|资金)$/;
/** A budget figure's measure alone (支出决算, 年初预算数): whose it is, the sentence says — no label of a thing to match by its end. */
const OWNERLESS = /^(?:年初|全年|本年|调整后?)?(?:收入|支出)?(?:预算|决算)(?:数|安排)?$/;
const SCOPED =
  /部门整体|本单位|本部门|整体支出|基本支出|项目支出|人员经费|公用经费|三公|本?项目(?:全年|年初|预算|执行)|年度资金总额|自评/;

/** A fact under a numbered item heading ((1) 某项目：…, 1、某项目, ①). */
function inItemSection(f: Fact, sections: Map<string, Section>): boolean {
  const s = f.sectionId ? sections.get(f.sectionId) : undefined;
  return !!s && /[0-9０-９①-⑳]/.test(s.marker);
}

/** A figure stated for itself: not a part, a campaign, an item of a list, or a sentence's second clause about another thing. */
function isStatement(l: Located): boolean {
  const f = l.fact;
  if (f.paragraphId === null || (f.kind !== 'count' && f.kind !== 'money')) return false;
  if (ITEM_START.test(l.paragraph.text) || ITEM_START.test(l.sentence)) return false;
  return !PART_SCOPE.test(l.sentence.slice(0, Math.max(0, l.at - l.sentenceStart + f.quote.length)));
}

/** Two sentences that name different years (2019年… / 2020年…) speak of different things. */
function otherYear(a: string, b: string, doc: CheckInput): boolean {
  const years = (s: string) => new Set([...s.matchAll(/((?:19|20)\d{2})\s*年/g)].map((m) => Number(m[1])));
  const [ya, yb] = [years(a), years(b)];
  const own = doc.document.fiscalYear;
  const other = (ys: Set<number>) => [...ys].some((y) => y !== own);
  if (ya.size === 0 && yb.size === 0) return false;
  if ([...ya].some((y) => yb.has(y))) return false;
  return other(ya) || other(yb);
}

const FUNDS_CELL = new RegExp(`(?:^|${LABEL_JOINER})${PLAIN_TERMS.fundsTotal}${LABEL_JOINER}`);
const lastPart = (label: string) => label.split(LABEL_JOINER).pop() ?? label;
/** The indicator a table cell's label names: the part before its column (产出指标·数量指标·培训后取得证书人数·实际完成值). */
const indicatorOf = (label: string) => {
  const parts = label.split(LABEL_JOINER);
  return parts[parts.length - 2] ?? '';
};

/** The indicator a narrative figure is about: its label, or for a bare 实际完成 the run-in title before it or its section's title. */
function indicatorName(l: Located, section: Section | undefined): string | null {
  const f = l.fact;
  if (f.kind !== 'count' && f.kind !== 'money' && f.kind !== 'other') return null;
  if (!BARE.test(f.label)) return null;
  const before = l.paragraph.text.slice(0, l.sentenceStart).replace(/[。：:\s]+$/, '');
  const runIn = before.replace(ITEM_START, '').trim();
  if (runIn && runIn.length <= 24 && !/[0-9０-９，,；]/.test(runIn)) return runIn;
  if (section) return section.title.replace(/[。：:\s]+$/, '').trim() || null;
  return null;
}

/** The funds measure a narrative money label states for the unit or project as a whole: 项目全年执行数 → 全年执行数. */
function fundsMeasure(label: string, doc: CheckInput): string | null {
  const owner =
    doc.document.reportType !== '整体支出'
      ? '(?:本?项目(?:资金)?|年度资金总额)?'
      : '(?:部门整体支出|本单位|本部门|年度资金总额)?';
  const m = new RegExp(`^${owner}(年初预算数|全年预算数|全年执行数)$`).exec(label);
  return m ? m[1]! : null;
}

const norm = (s: string) => s.replace(/[\s（）()“”"、，,。：:]/g, '');

function sameName(a: string, b: string): boolean {
  const [x, y] = [norm(a), norm(b)];
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short === long || (short.length >= MIN_LABEL && long.includes(short));
}

/** Words a restatement adds or drops that do not change what is counted: 各类, 全年, 我局, 共 … */
const FILLERS = /各类|各项|全年|年度|年末|年底|累计|共计|总计|合计|共|我局|本局|我单位|本单位|全局|实现|完成了|了|的/g;

/** The same words but for fillers, or a word dropped inside (受理劳动人事争议案件 / 受理劳动争议案件). */
function sameWords(a: string, b: string): boolean {
  const [x, y] = [norm(a).replace(FILLERS, ''), norm(b).replace(FILLERS, '')];
  if (x === y) return true;
  if (x.slice(0, 2) !== y.slice(0, 2) || x.slice(-2) !== y.slice(-2)) return false;
  return lcs(x, y) / Math.max(x.length, y.length) >= 0.75;
}

/** Labels of one thing written a little differently: 受理劳动人事争议案件 / 受理劳动争议案件, 受理消费者投诉举报 / 受理投诉举报. */
function similar(a: string, b: string): boolean {
  const [x, y] = [norm(a).replace(FILLERS, ''), norm(b).replace(FILLERS, '')];
  if (x.length < MIN_LABEL || y.length < MIN_LABEL) return false;
  if (x === y || x.endsWith(y) || y.endsWith(x)) return true;
  if (x.slice(0, 2) !== y.slice(0, 2)) return false;
  const common = lcs(x, y);
  // All of the shorter but a character, in order, and most of the longer.
  return common >= Math.min(x.length, y.length) - 1 && common / Math.max(x.length, y.length) >= 0.6;
}

function lcs(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  return dp[a.length]![b.length]!;
}

/** A label that ends with another names the same thing, unless what it adds makes it a part (项目支出预算 of 支出预算). */
const PART_WORDS = /基本|项目|人员|公用|专项|一般公共|政府性基金|财政拨款|其他|上年|结转|其中|部分|新增|累计|当年/;
function sameThing(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (
    short.length >= MIN_LABEL && long.endsWith(short) && !PART_WORDS.test(long.slice(0, long.length - short.length))
  );
}

function distinct(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) if (!out.some((o) => !differ(o, f))) out.push(f);
  return out;
}

function differ(a: Fact, b: Fact): boolean {
  return Math.abs(num(a) - num(b)) > roundingOf(a) + roundingOf(b) + 1e-9;
}
