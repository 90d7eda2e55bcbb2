// The facts stage: every numeric fact of the body text with its unit, label,
// concept, page, quote and box.
import type { Span } from '../layout/types.ts';
import type { BBox, Fact, Section } from '../schema/report.ts';
import {
  BARE_MEASURE,
  BARE_SCOPE,
  conceptOf,
  MEASURE_IN_LABEL,
  SCOPE_WORDS,
  SUBJECT_MEASURE,
  type ConceptContext,
} from '../vocab/concepts.ts';
import { labelFor } from './labels.ts';
import { quoteAround } from './quote.ts';
import { recogniseFacts, type RawFact } from './recognise.ts';
import { figureYear, withoutYearWords } from './year.ts';
import { roundedUnion, sliceBox } from '../util/geometry.ts';

export interface FactParagraph {
  id: string;
  text: string;
  page: number;
  sectionId: string | null;
  role: 'body' | 'heading' | 'header' | 'footer' | 'page-number';
  spans: Span[];
}

export interface FactsInput {
  paragraphs: FactParagraph[];
  sections: Section[];
  /** what the document is (from its title): decides whose budget a bare 年初预算数 is */
  concepts?: ConceptContext;
}

const BUDGET_CHANGE = /(?:追加|调整|调增|调减|核减|压减|新增|增加|减少|年中|年初|结转|结余)$/;
const RATIO_LABEL = /万人|每万|每百|每千|人均|户均|平均每|均值/;

export function extractFacts({ paragraphs, sections, concepts = {} }: FactsInput): Fact[] {
  const doc: DocumentFacts = { byId: new Map(sections.map((s) => [s.id, s])), concepts, facts: [] };
  for (const para of paragraphs) {
    if (para.role !== 'body' && para.role !== 'heading') continue;
    paragraphFacts(para, doc);
  }
  return doc.facts;
}

/** What every paragraph's facts see: the sections, what the document is, the facts so far. */
interface DocumentFacts {
  byId: Map<string, Section>;
  concepts: ConceptContext;
  facts: Fact[];
}

/** What the facts before this one in the paragraph leave for it: the sentence it is in, and that sentence's subject. */
interface ClauseState {
  previousEnd: number;
  previousIsDate: boolean;
  sentenceStart: number;
  subject: string | null;
  /** the subject of the sentence before, for a sentence that opens on a bare measure (。预算执行率100%) */
  lastSubject: string | null;
  measured: { measure: string; end: number } | null;
  /** the section's scope word (基本支出 …), for bare terms with no subject */
  sectionScope: string | null;
  /** the sentence's first amount named by a thing and no measure (应急资金为280万元): what its bare terms are of */
  named: string | null;
  moneySeen: boolean;
  /** the sentence's figures so far, with their labels: what a trailing 分别 list names */
  earlier: { raw: RawFact; label: string }[];
}

function paragraphFacts(para: FactParagraph, doc: DocumentFacts): void {
  const raws = recogniseFacts(para.text);
  const clause: ClauseState = {
    previousEnd: -1,
    previousIsDate: false,
    sentenceStart: -1,
    subject: null,
    lastSubject: null,
    measured: null,
    sectionScope: scopeOfSection(para.sectionId, doc.byId),
    named: null,
    moneySeen: false,
    earlier: [],
  };
  let previous: { raw: RawFact; fact: Fact } | undefined;
  for (const raw of raws) {
    const read = labelsOf(para, raw, raws, clause);
    const { conceptLabel, sentence } = read;
    const changed = changeOfWhat(read.label, raw, doc.facts, `${para.id}@${sentence}`);
    const label = shareOfWhat(changed, raw, para.text, previous);
    const kind = raw.kind === 'count' && RATIO_LABEL.test(label) ? 'ratio' : raw.kind;
    // Things counted one by one are whole: "1.200 人次" is a misread 1,200 (OCR) or a slip,
    // and which one cannot be told — a number read wrong is worse than one not read.
    if (kind === 'count' && raw.decimals > 0 && raw.normalized.value === raw.value) continue;
    const fact = factOf(para, raw, { label, conceptLabel, sentence, kind }, doc);
    doc.facts.push(fact);
    sentenceOf.set(fact, `${para.id}@${sentence}`);
    previous = { raw, fact };
  }
}

/**
 * A change that names no subject (一般公共预算拨款 8,420.60 万元，较上年减少 152.30 万元) is the change of
 * the figure before it in its sentence, of its kind: 一般公共预算拨款较上年减少.
 */
function changeOfWhat(label: string, raw: RawFact, facts: Fact[], sentence: string): string {
  if (raw.change === null || !/^(?:比|较|同比|环比)/.test(label)) return label;
  const prev = facts[facts.length - 1];
  if (!prev || sentenceOf.get(prev) !== sentence || prev.kind !== raw.kind || prev.change) return label;
  // (Its year words are not the change's: 上年支出 1567.89 万元，比上年增加 … is a change of 支出.)
  return withoutYearWords(prev.label).replace(/[（(].*$/, '') + label;
}

/**
 * A share that names no whole (其中：基本支出1,168.04万元，占56.29%) is the share of the amount just before
 * it, in the same clause: 基本支出占比.
 */
function shareOfWhat(label: string, raw: RawFact, text: string, previous?: { raw: RawFact; fact: Fact }): string {
  if (raw.kind !== 'percent' || !/^占比?$/.test(label) || !previous) return label;
  const { fact } = previous;
  if (fact.kind !== 'money' || fact.change || fact.label === '') return label;
  if (!/^\s*[，,]?\s*占比?为?\s*$/.test(text.slice(previous.raw.end, raw.numberStart))) return label;
  return withoutYearWords(fact.label) + '占比';
}

/** The fact's label in the report's words, and the label its concept is read from; updates the clause state. */
function labelsOf(
  para: FactParagraph,
  raw: RawFact,
  raws: RawFact[],
  clause: ClauseState,
): { label: string; conceptLabel: string; sentence: number } {
  // The subject of a budget sentence carries over to its later clauses.
  const sentence = sentenceStartOf(para.text, raw.numberStart);
  if (sentence !== clause.sentenceStart) {
    [clause.sentenceStart, clause.lastSubject, clause.subject, clause.measured] = [
      sentence,
      clause.subject,
      null,
      null,
    ];
    [clause.named, clause.moneySeen, clause.earlier] = [null, false, []];
  }
  let label =
    listLabel(para.text, raw, raws, clause.earlier) ??
    labelFor({ text: para.text, fact: raw, previousEnd: clause.previousEnd, previousIsDate: clause.previousIsDate });
  [clause.previousEnd, clause.previousIsDate] = [raw.end, raw.kind === 'date'];
  // "运行维护费全年预算数为 X，决算数为 Y": what the first budget clause names
  // (基本支出, 运行维护费 …) is the subject of the bare terms after it.
  const measure = MEASURE_IN_LABEL.exec(label);
  // A change of budget (年中追加预算 500 万元) names no item.
  const named = raw.kind === 'money' ? SUBJECT_MEASURE.exec(label) : null;
  // (Its year words are not: 上年决算数 X，本年决算数 Y — 本年's figure is not 上年's.)
  const item = named ? withoutYearWords(label.slice(0, label.length - named[0].length)) : '';
  if (item !== '' && !clause.subject && (measure || !BUDGET_CHANGE.test(item))) clause.subject = item;
  const scope = clause.subject ?? clause.sectionScope;
  if (BARE_MEASURE.test(label) && scope) label = scope + label;
  // "（1）某项目：预算安排 X 万元，预算执行数 Y 万元；（2）另一项目：…": an item's figures take its name.
  const title = itemTitleAt(para.text, raw.numberStart);
  if (title && !label.includes(title) && (label.length <= 6 || BARE_MEASURE.test(label) || SUBJECT_MEASURE.test(label)))
    label = title + label;
  let conceptLabel = label;
  // "某资金预算1,000万元，实际支出1,131万元。预算执行率100%。": a sentence that opens on a bare
  // measure is about the last one's subject, not the unit's or project's whole.
  const opens = para.text.slice(sentence, raw.numberStart).trim().startsWith(label);
  if (BARE_MEASURE.test(label) && !clause.subject && !clause.sectionScope && clause.lastSubject && opens)
    conceptLabel = clause.lastSubject + label;
  // "年初预算数为 X 万元，其中：基本支出 Y 万元，项目支出 Z 万元": the parts of a budget figure are in its measure.
  const { measured } = clause;
  if (measured && BARE_SCOPE.test(label) && /其中|包括/.test(para.text.slice(measured.end, raw.numberStart)))
    conceptLabel = label + measured.measure;
  // "应急资金为280万元，执行数70万元": a bare term after an amount the sentence names by a thing
  // alone is that thing's (应急资金执行数), not the unit's or the project's whole.
  if (BARE_MEASURE.test(label) && !clause.subject && !clause.sectionScope && clause.named && conceptLabel === label)
    conceptLabel = clause.named + label;
  // (Only the sentence's first amount: 其中：基本支出 Y 万元 after a total names a part, not the subject.)
  if (
    raw.kind === 'money' &&
    !clause.moneySeen &&
    raw.change === null &&
    !measure &&
    !named &&
    !BARE_MEASURE.test(label)
  )
    clause.named = label || null;
  if (raw.kind === 'money') clause.moneySeen = true;
  if (measure && raw.kind === 'money') clause.measured = { measure: measure[1]!, end: raw.end };
  clause.earlier.push({ raw, label });
  return { label, conceptLabel, sentence };
}

/** The fact of one recognised number: its year, its concept (a growth's own), where it stands. */
function factOf(
  para: FactParagraph,
  raw: RawFact,
  read: { label: string; conceptLabel: string; sentence: number; kind: Fact['kind'] },
  doc: DocumentFacts,
): Fact {
  const { label, conceptLabel, sentence, kind } = read;
  const { byId, concepts, facts } = doc;
  // The figure's year (上年决算数 → year − 1); a change's sign is recognise.ts's.
  const before = para.text.slice(sentence, raw.numberStart);
  const { year, growth } = figureYear({
    before,
    kind,
    baseUnit: raw.normalized.unit,
    label,
    fiscalYear: concepts.fiscalYear,
    sectionTitle: para.sectionId ? byId.get(para.sectionId)?.title : null,
    change: raw.change !== null,
  });
  // A change is of a quantity, not the quantity: an amount's change has no concept (a percent's is its .growth).
  const concept = growth
    ? growthConcept(growth, kind, raw.normalized.unit, year, facts, para.id, sentence, concepts)
    : raw.change !== null
      ? null
      : conceptOf(kind, withoutYearWords(conceptLabel), concepts);
  return {
    id: `f${facts.length + 1}`,
    sectionId: para.sectionId,
    paragraphId: para.id,
    page: pageAt(para, raw.numberStart),
    kind,
    value: raw.value,
    unit: raw.unit,
    normalized: raw.normalized,
    decimals: raw.decimals,
    upper: raw.rangeTo,
    label,
    concept,
    year,
    approximate: raw.approximate,
    comparator: raw.comparator,
    change: raw.change !== null,
    quote: quoteAround(para.text, raw),
    bbox: boxOf(para, raw.numberStart, raw.end),
    cell: null,
  };
}

/** A run-in item title: （1）某项目： / 1、某项目： / ①某项目： at the start of a clause. */
const ITEM_TITLE =
  /(?:^|[。；;：:\n])\s*(?:[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[、．](?![0-9])|[①-⑳])\s*([^：:，,。；;（()）]{2,30})[：:]/g;
/** Titles that head a passage rather than name an item: their figures keep the passage's scope. */
const PASSAGE_TITLE = /(?:情况|概况|分析|说明|目标|指标|措施|问题|成效|结论|结果|依据|内容|安排|管理)$/;

/** The name of the run-in item a position falls in, or null. */
function itemTitleAt(text: string, at: number): string | null {
  let title: string | null = null;
  for (const m of text.matchAll(ITEM_TITLE)) {
    if (m.index + m[0].length > at) break;
    title = m[1]!.trim();
  }
  return title && !PASSAGE_TITLE.test(title) && !SCOPE_WORDS.test(title) ? title : null;
}

/** Where each fact of this run stands: its paragraph and sentence (for a growth statement's subject). */
const sentenceOf = new WeakMap<Fact, string>();

/**
 * The concept of a growth statement: `<concept>.growth` of the quantity it is
 * the growth of (named before its comparison: 预算执行率比上年下降 3 个百分点,
 * or the last figure of its sentence and year: 决算数 5000 万元，比上年增长
 * 11.1%), only against the year before, in % for an amount and in 百分点 for a
 * rate. Null otherwise.
 */
function growthConcept(
  growth: NonNullable<ReturnType<typeof figureYear>['growth']>,
  kind: Fact['kind'],
  unit: string,
  year: number | null,
  facts: Fact[],
  paragraphId: string,
  sentence: number,
  context: ConceptContext,
): string | null {
  if (kind !== 'percent' || !growth.againstPrevious) return null;
  let subject: string | null = null;
  if (growth.subjectText)
    subject = conceptOf('money', growth.subjectText, context) ?? conceptOf('percent', growth.subjectText, context);
  if (!subject) {
    const here = `${paragraphId}@${sentence}`;
    for (let i = facts.length - 1; i >= 0 && sentenceOf.get(facts[i]!) === here; i--) {
      const f = facts[i]!;
      if (f.concept && !f.concept.endsWith('.growth') && f.year === year) {
        subject = f.concept;
        break;
      }
    }
  }
  if (!subject) return null;
  const rate = /Rate$/.test(subject);
  // A rate's change is in points; an amount's in % of the year before.
  if (rate !== (unit === '百分点')) return null;
  return `${subject}.growth`;
}

/**
 * "新设企业、个体工商户、农民专业合作社分别为 12、8、5 家": the named items
 * before 分别 label the list's members in order, when their counts agree.
 */
// A comparison before 分别 starts with 较 / 比 / 与 and the year or period compared with (与 between two names
// joins them; 比 inside a name, 占比 or 比例, is the name's), or is 同比 alone.
const COMPARED_WITH = String.raw`(?:同比|(?:较|比|与)(?=上一?年|去年|前一?年|同期|年初|\d{2,4}年|预算|计划|目标))`;
const LIST_HEAD = new RegExp(
  String.raw`([^，。；：,;:]*?)(${COMPARED_WITH}[^，。；：,;:]*?)?(?:分别|依次)(为|是|达到|达|下降|增长|增加|减少|提高|降低|上升)\s*$`,
);

function listLabel(
  text: string,
  raw: RawFact,
  raws: RawFact[],
  earlier: { raw: RawFact; label: string }[],
): string | null {
  if (raw.listId === null) return null;
  const members = raws.filter((r) => r.listId === raw.listId);
  const first = members[0]!;
  // "事故起数和死亡人数较2022年分别下降 10.55%、10.87%": each name's change, 事故起数较2022年下降.
  const head = LIST_HEAD.exec(text.slice(0, first.numberStart));
  if (!head) return null;
  let names = head[1]!
    .split(/[、和及与]/)
    .map((n) => n.trim())
    .filter(Boolean);
  // "催警数为1788起，催警率为0.41%，较2022年分别下降10.55%、10.87%": a change of each figure before it
  // in its sentence, as many as the list has (a change itself, 同比下降20.89%, has no change of its own).
  if (names.length === 0 && raw.change !== null) {
    const before = earlier.filter((e) => e.raw.kind !== 'date' && e.raw.listId !== raw.listId && e.raw.change === null);
    if (before.length === members.length) names = before.map((e) => withoutYearWords(e.label));
  }
  if (names.length !== members.length) return null;
  const name = names[members.indexOf(raw)];
  if (!name) return null;
  return raw.change !== null ? `${name}${head[2] ?? ''}${head[3]}` : name;
}

/** 基本支出 / 项目支出 / 部门整体支出 from the nearest section title that names one. */
function scopeOfSection(id: string | null, byId: Map<string, Section>): string | null {
  for (let s = id ? byId.get(id) : undefined; s; s = s.parentId ? byId.get(s.parentId) : undefined) {
    const m = SCOPE_WORDS.exec(s.title);
    if (m) return m[1]!;
  }
  return null;
}

function sentenceStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0 && !/[。！？!?\n]/.test(text[i - 1]!)) i--;
  return i;
}

function pageAt(para: FactParagraph, at: number): number {
  return para.spans.find((s) => s.start <= at && at < s.end)?.page ?? para.page;
}

/** The box of text[from, to) on the page where it starts, narrowed within each span by character offset. */
/** The width of text[0, n) in ems: half an em for ASCII, a whole one otherwise. */
function advance(text: string, n: number): number {
  let w = 0;
  for (let i = 0; i < n; i++) w += text.charCodeAt(i) < 0x80 ? 0.5 : 1;
  return w;
}

function boxOf(para: FactParagraph, from: number, to: number): BBox | null {
  const page = pageAt(para, from);
  const parts: BBox[] = [];
  for (const s of para.spans) {
    if (s.page !== page || s.end <= from || s.start >= to) continue;
    // Narrowed by glyph widths: a Latin letter or digit is half as wide as a Chinese character.
    const text = para.text.slice(s.start, s.end);
    const len = advance(text, text.length) || 1;
    parts.push(
      sliceBox(
        s.bbox,
        advance(text, Math.max(from, s.start) - s.start),
        advance(text, Math.min(to, s.end) - s.start),
        len,
      ),
    );
  }
  return roundedUnion(parts);
}
