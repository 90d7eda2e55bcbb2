// The facts stage: every numeric fact of the body text with its unit, label,
// concept, page, quote and box.
import type { Span } from '../layout/types.ts';
import type { BBox, Fact, Section } from '../schema/report.ts';
import { BARE_MEASURE, BARE_SCOPE, conceptOf, EARLIER_YEAR, MEASURE_IN_LABEL, SCOPE_WORDS, SUBJECT_MEASURE, THIS_YEAR, YEAR_MENTION, type ConceptContext } from '../vocab/concepts.ts';
import { labelFor } from './labels.ts';
import { recogniseFacts, type RawFact } from './recognise.ts';

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
  const byId = new Map(sections.map((s) => [s.id, s]));
  const facts: Fact[] = [];
  for (const para of paragraphs) {
    if (para.role !== 'body' && para.role !== 'heading') continue;
    const raws = recogniseFacts(para.text);
    const sectionScope = scopeOfSection(para.sectionId, byId);
    let previousEnd = -1;
    let previousIsDate = false;
    let sentenceStart = -1;
    let subject: string | null = null;
    let measured: { measure: string; end: number } | null = null;
    for (const raw of raws) {
      // The subject of a budget sentence carries over to its later clauses.
      const sentence = sentenceStartOf(para.text, raw.numberStart);
      if (sentence !== sentenceStart) [sentenceStart, subject, measured] = [sentence, null, null];
      let label = listLabel(para.text, raw, raws) ?? labelFor({ text: para.text, fact: raw, previousEnd, previousIsDate });
      [previousEnd, previousIsDate] = [raw.end, raw.kind === 'date'];
      // "运行维护费全年预算数为 X，决算数为 Y": what the first budget clause names
      // (基本支出, 运行维护费 …) is the subject of the bare terms after it.
      const measure = MEASURE_IN_LABEL.exec(label);
      // A change of budget (年中追加预算 500 万元) names no item.
      const named = raw.kind === 'money' ? SUBJECT_MEASURE.exec(label) : null;
      const item = named ? label.slice(0, label.length - named[0].length) : '';
      if (item !== '' && !subject && (measure || !BUDGET_CHANGE.test(item))) subject = item;
      if (BARE_MEASURE.test(label) && (subject ?? sectionScope)) label = (subject ?? sectionScope) + label;
      // "（1）某项目：预算安排 X 万元，预算执行数 Y 万元；（2）另一项目：…": an item's figures take its name.
      const title = itemTitleAt(para.text, raw.numberStart);
      if (title && !label.includes(title) && (label.length <= 6 || BARE_MEASURE.test(label) || SUBJECT_MEASURE.test(label))) label = title + label;
      let conceptLabel = label;
      // "年初预算数为 X 万元，其中：基本支出 Y 万元，项目支出 Z 万元": the parts of a budget figure are in its measure.
      if (measured && BARE_SCOPE.test(label) && /其中|包括/.test(para.text.slice(measured.end, raw.numberStart))) conceptLabel = label + measured.measure;
      if (measure && raw.kind === 'money') measured = { measure: measure[1]!, end: raw.end };
      const kind = raw.kind === 'count' && RATIO_LABEL.test(label) ? 'ratio' : raw.kind;
      // Things counted one by one are whole: "1.200 人次" is a misread 1,200 (OCR) or a slip,
      // and which one cannot be told — a number read wrong is worse than one not read.
      if (kind === 'count' && raw.decimals > 0 && raw.normalized.value === raw.value) continue;
      facts.push({
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
        concept: otherYear(para.text.slice(sentence, raw.numberStart), concepts.fiscalYear) ? null : conceptOf(kind, conceptLabel, concepts),
        approximate: raw.approximate,
        comparator: raw.comparator,
        quote: quoteAround(para.text, raw),
        bbox: boxOf(para, raw.numberStart, raw.end),
      });
    }
  }
  return facts;
}

/** A run-in item title: （1）某项目： / 1、某项目： / ①某项目： at the start of a clause. */
const ITEM_TITLE = /(?:^|[。；;：:\n])\s*(?:[（(][0-9一二三四五六七八九十]{1,3}[）)]|[0-9]{1,2}[、．](?![0-9])|[①-⑳])\s*([^：:，,。；;（()）]{2,30})[：:]/g;
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

/**
 * "新设企业、个体工商户、农民专业合作社分别为 12、8、5 家": the named items
 * before 分别 label the list's members in order, when their counts agree.
 */
function listLabel(text: string, raw: RawFact, raws: RawFact[]): string | null {
  if (raw.listId === null) return null;
  const members = raws.filter((r) => r.listId === raw.listId);
  const first = members[0]!;
  const head = /([^，。；：,;:]*?)(?:分别为|分别是|依次为|分别达到|分别达)\s*$/.exec(text.slice(0, first.numberStart));
  if (!head) return null;
  const names = head[1]!.split(/[、和及与]/).map((n) => n.trim()).filter(Boolean);
  if (names.length !== members.length) return null;
  return names[members.indexOf(raw)] ?? null;
}

/** 基本支出 / 项目支出 / 部门整体支出 from the nearest section title that names one. */
function scopeOfSection(id: string | null, byId: Map<string, Section>): string | null {
  for (let s = id ? byId.get(id) : undefined; s; s = s.parentId ? byId.get(s.parentId) : undefined) {
    const m = SCOPE_WORDS.exec(s.title);
    if (m) return m[1]!;
  }
  return null;
}

/**
 * Is the figure that ends this stretch of its sentence about another year
 * than the report's? The last year named before it decides: "2022年决算数
 * 3800万元，比2021年决算数3500万元增长8.6%" — 3500 is 2021's.
 */
function otherYear(before: string, fiscalYear: number | null | undefined): boolean {
  const mentions: { at: number; other: boolean }[] = [];
  for (const m of before.matchAll(YEAR_MENTION)) mentions.push({ at: m.index, other: fiscalYear != null && Number(m[1]) !== fiscalYear });
  for (const m of before.matchAll(EARLIER_YEAR)) mentions.push({ at: m.index, other: true });
  for (const m of before.matchAll(THIS_YEAR)) mentions.push({ at: m.index, other: false });
  return mentions.sort((a, b) => a.at - b.at).pop()?.other ?? false;
}

function sentenceStartOf(text: string, at: number): number {
  let i = at;
  while (i > 0 && !/[。！？!?\n]/.test(text[i - 1]!)) i--;
  return i;
}

function quoteAround(text: string, raw: RawFact): string {
  let from = raw.numberStart;
  while (from > 0 && !/[，。；！？,;!?\n]/.test(text[from - 1]!) && raw.numberStart - from < 40) from--;
  let to = raw.end;
  while (to < text.length && !/[，。；！？,;!?\n]/.test(text[to]!) && to - raw.end < 30) to++;
  return text.slice(from, to).trim();
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
    const [x0, y0, x1, y1] = s.bbox;
    const a = advance(text, Math.max(from, s.start) - s.start);
    const b = advance(text, Math.min(to, s.end) - s.start);
    parts.push([x0 + ((x1 - x0) * a) / len, y0, x0 + ((x1 - x0) * b) / len, y1]);
  }
  if (parts.length === 0) return null;
  const r = (n: number) => Math.round(n * 10) / 10;
  return [r(Math.min(...parts.map((p) => p[0]))), r(Math.min(...parts.map((p) => p[1]))), r(Math.max(...parts.map((p) => p[2]))), r(Math.max(...parts.map((p) => p[3])))];
}
