// Where a fact stands in its paragraph: the sentence around it, for rules that
// read the words near a number (其中, 分别为, 今年, 期间 …).
import type { Fact, Paragraph } from '../schema/report.ts';
import { recogniseFacts } from '../facts/recognise.ts';
import type { CheckInput } from './types.ts';

export interface Located {
  fact: Fact;
  paragraph: Paragraph;
  /** offset of the fact's quote in the paragraph text */
  at: number;
  /** where the fact's number starts and its unit ends in the paragraph text */
  numberAt: number;
  end: number;
  sentence: string;
  sentenceStart: number;
}

const LOCATED = new WeakMap<CheckInput, Located[]>();

/** Every narrative fact in its sentence, once per document (most rules read them). */
export function locate(doc: CheckInput): Located[] {
  let cached = LOCATED.get(doc);
  if (!cached) LOCATED.set(doc, (cached = locateAll(doc)));
  return cached;
}

function locateAll(doc: CheckInput): Located[] {
  const paras = new Map(doc.paragraphs.map((p) => [p.id, p]));
  const out: Located[] = [];
  const cursor = new Map<string, number>();
  const spans = new Map<string, Span[]>();
  for (const fact of doc.facts) {
    const paragraph = fact.paragraphId ? paras.get(fact.paragraphId) : undefined;
    if (!paragraph) continue;
    const from = cursor.get(paragraph.id) ?? 0;
    let at = paragraph.text.indexOf(fact.quote, Math.max(0, from - fact.quote.length));
    if (at < 0) at = paragraph.text.indexOf(fact.quote);
    if (at < 0) continue;
    cursor.set(paragraph.id, at + 1);
    let s = at;
    while (s > 0 && !/[。！？!?]/.test(paragraph.text[s - 1]!)) s--;
    let e = at;
    while (e < paragraph.text.length && !/[。！？!?]/.test(paragraph.text[e]!)) e++;
    if (!spans.has(paragraph.id)) spans.set(paragraph.id, numberSpans(paragraph.text));
    const { numberAt, end } = nextSpan(spans.get(paragraph.id)!, fact, at) ?? {
      numberAt: at,
      end: at + fact.quote.length,
    };
    out.push({ fact, paragraph, at, numberAt, end, sentence: paragraph.text.slice(s, e + 1), sentenceStart: s });
  }
  return out;
}

interface Span {
  numberAt: number;
  end: number;
  value: number | string;
  unit: string;
  taken: boolean;
}

/** Where each number of a paragraph stands, as the facts stage read them (its facts are these, in order). */
function numberSpans(text: string): Span[] {
  return recogniseFacts(text).map((r) => ({
    numberAt: r.numberStart,
    end: r.end,
    value: r.value,
    unit: r.unit,
    taken: false,
  }));
}

/** The first number not yet taken, inside the fact's quote, with the fact's value and unit. */
function nextSpan(spans: Span[], fact: Fact, at: number): Span | null {
  const span = spans.find(
    (x) =>
      !x.taken && x.numberAt >= at && x.end <= at + fact.quote.length && x.value === fact.value && x.unit === fact.unit,
  );
  if (span) span.taken = true;
  return span ?? null;
}

export interface WholeAndParts {
  total: Fact;
  parts: Fact[];
  /**
   * list: after 其中, 包括, 用于 … (often partial); bracket: in brackets right after the total, its
   * breakdown (编制 52 名（行政 30 名、事业 20 名）); summed: the parts first, then 合计 / 共计 / 总计
   * their total (the report says they make it up).
   */
  how: 'list' | 'bracket' | 'summed';
}

/** Words that introduce a total's parts after it: 其中, 包括, 主要用于, 分别为 (after the names: 基本支出、项目支出分别为) … */
const INTRO =
  /^[^。；;]{0,8}?(?:其中|包括|包含|分别为|具体为|主要(?:用于|是|有|为)|用于)|^[^。；;]{0,40}?分别(?:为|是)/;
/** The total after its parts: 基本支出 200 万元，项目支出 150 万元，合计 350 万元. */
const SUMMED = /(?:合计|共计|总计)(?:为|达|是)?[：:]?\s*$/;
/** An item of a numbered list: （1）, 1、, 1., ①, 一是. */
const ITEM =
  /^\s*(?:[（(]\s*[0-9一二三四五六七八九十]{1,3}\s*[)）]|[0-9]{1,2}\s*[、.．](?![0-9])|[①-⑳]|[一二三四五六七八九十]是)/;

/**
 * "X 为 4980.37 万元，其中：A 4360.55 万元，B 619.82 万元": a total followed in
 * its sentence by 其中 (包括, 用于 …) and the facts of the same kind and unit
 * after it, or by a bracket of them; or a total whose paragraph ends in
 * "其中：" / "主要用于：" over numbered paragraphs of one figure each. The
 * changes of a change are its parts (signed: 增加 120.50 万元，其中 A 减少 60.30
 * 万元 …); a change is never a part of an amount.
 */
export function wholeAndParts(doc: CheckInput): WholeAndParts[] {
  const located = locate(doc);
  // The text's paragraphs in order: a running header or page number between two items is no break.
  const order = new Map(doc.paragraphs.filter((p) => p.role === 'body' || p.role === 'heading').map((p, k) => [p, k]));
  const groups: WholeAndParts[] = [];
  for (let i = 0; i < located.length; i++) {
    const total = located[i]!;
    if (total.fact.kind !== 'money' && total.fact.kind !== 'count') continue;
    const after = total.paragraph.text.slice(total.end);
    const group = /^\s*[（(]/.test(after)
      ? bracketParts(located, i)
      : INTRO.test(after) || /^[^。；]{0,6}?其中/.test(total.paragraph.text.slice(total.at + total.fact.quote.length))
        ? (listedParts(located, i) ?? itemParts(located, i, order))
        : null;
    if (group && group.parts.length > 0) groups.push(group);
    const summed = summedParts(located, i);
    if (summed) groups.push(summed);
  }
  return groups;
}

/** The figures before a 合计 / 共计 / 总计 in its sentence, back to one with parts of its own (其中). */
function summedParts(located: Located[], i: number): WholeAndParts | null {
  const total = located[i]!;
  const text = total.paragraph.text;
  if (!SUMMED.test(text.slice(total.sentenceStart, total.numberAt))) return null;
  const parts: Fact[] = [];
  for (let j = i - 1; j >= 0; j--) {
    const p = located[j]!;
    if (p.paragraph !== total.paragraph || p.sentenceStart !== total.sentenceStart) break;
    const ok = fits(total.fact, p.fact);
    if (ok === 'stop' || /^[^。；]{0,6}?其中/.test(text.slice(p.end))) break;
    if (ok === 'yes') parts.unshift(p.fact);
  }
  return parts.length >= 2 ? { total: total.fact, parts, how: 'summed' } : null;
}

/** Can this figure be a part of that total: the same kind and unit, a change of a change only. */
function fits(total: Fact, p: Fact): 'yes' | 'skip' | 'stop' {
  if (p.kind !== total.kind || p.normalized.unit !== total.normalized.unit) return 'stop';
  // 一般公共预算拨款 8420.60 万元，较上年减少 152.30 万元: the change is passed over.
  if (p.change !== total.change) return total.change ? 'stop' : 'skip';
  return 'yes';
}

/** The figures in the bracket right after the total; 其中 or 等 inside make it a partial list. */
function bracketParts(located: Located[], i: number): WholeAndParts | null {
  const total = located[i]!;
  const text = total.paragraph.text;
  const open = text.slice(total.end).search(/[（(]/) + total.end;
  const close = text.slice(open).search(/[）)]/);
  if (close < 0) return null;
  const inside = text.slice(open + 1, open + close);
  const parts: Fact[] = [];
  for (let j = i + 1; j < located.length; j++) {
    const p = located[j]!;
    if (p.paragraph !== total.paragraph || p.numberAt > open + close) break;
    const ok = fits(total.fact, p.fact);
    if (ok === 'stop') return null;
    if (ok === 'yes') parts.push(p.fact);
  }
  return { total: total.fact, parts, how: /其中|包括|含|等|如/.test(inside) ? 'list' : 'bracket' };
}

/** The parts after 其中 (包括 …) in the total's sentence. */
function listedParts(located: Located[], i: number): WholeAndParts | null {
  const total = located[i]!;
  const text = total.paragraph.text;
  const parts: Fact[] = [];
  for (let j = i + 1; j < located.length; j++) {
    const p = located[j]!;
    if (p.paragraph !== total.paragraph || p.sentenceStart !== total.sentenceStart) break;
    const ok = fits(total.fact, p.fact);
    if (ok === 'stop') break;
    if (ok === 'skip') continue;
    // "；实有人员 10887 人，其中…": a clause break, or a part that has parts of its own, starts another
    // whole — unless the items are numbered ("；（2）B 项目 120 万元").
    const prev = located[j - 1]!;
    const between = text.slice(prev.end, p.numberAt);
    if (/[；;]/.test(between) && !ITEM.test(between.slice(between.search(/[；;]/) + 1))) break;
    if (/^[^。；]{0,6}?其中/.test(text.slice(p.end))) break;
    // "…，合计 1000 万元": the sum of what came before closes the list.
    if (SUMMED.test(text.slice(prev.end, p.numberAt))) break;
    // "预算 500 万元，用于购置设备 300 万元，实际支出 480 万元": after 用于 (包括 …), not 其中, another
    // measure of the whole is not a part.
    if (!/其中/.test(text.slice(total.end, p.numberAt)) && otherMeasure(total.fact, p.fact)) break;
    parts.push(p.fact);
  }
  return parts.length > 0 ? { total: total.fact, parts, how: 'list' } : null;
}

const MEASURES = ['预算', '决算', '执行', '实际', '到位', '完成', '拨付'];

/** A figure naming a budget measure its total does not: the whole's own other figure. */
function otherMeasure(total: Fact, p: Fact): boolean {
  return MEASURES.some((m) => p.label.includes(m) && !total.label.includes(m));
}

/** "主要用于以下项目：" ending the total's paragraph, over numbered paragraphs of one figure each. */
function itemParts(located: Located[], i: number, order: Map<Paragraph, number>): WholeAndParts | null {
  const total = located[i]!;
  if (!/[：:]\s*$/.test(total.paragraph.text.slice(total.end))) return null;
  if (located[i + 1]?.paragraph === total.paragraph) return null;
  const parts: Fact[] = [];
  let last = order.get(total.paragraph)!;
  for (let j = i + 1; j < located.length;) {
    const paragraph = located[j]!.paragraph;
    // The items follow one another: a paragraph without a figure between them ends the list.
    if (!ITEM.test(paragraph.text) || order.get(paragraph) !== last + 1) break;
    last += 1;
    const own: Fact[] = [];
    for (; j < located.length && located[j]!.paragraph === paragraph; j++) {
      const ok = fits(total.fact, located[j]!.fact);
      if (ok === 'yes') own.push(located[j]!.fact);
    }
    // An item with two figures of the kind (预算 100 万元，执行 95 万元): which one is its part is not known.
    if (own.length !== 1) return null;
    parts.push(own[0]!);
  }
  return parts.length >= 2 ? { total: total.fact, parts, how: 'list' } : null;
}

export interface YearOnYear {
  now: Fact;
  last: Fact;
  /** the stated change, signed (比上年减少 181.54 万元 → −181.54) */
  change: Fact;
}

/** Year words and a total's word, which do not change what a figure measures: 本年支出合计 → 支出. */
const YEAR_AND_TOTAL = /^(?:本年度?|上年度?|上一年度?|今年|去年|当年|(?:19|20)\d{2}\s*年度?)|(?:合计|总计|总额|数)$/g;

/**
 * "本年支出合计 1386.35 万元，上年支出合计 1567.89 万元，比上年增加 181.54 万元": a figure of the
 * report's year, the same measure's of the year before and the change between them, in one sentence.
 */
export function yearOnYear(doc: CheckInput): YearOnYear[] {
  const out: YearOnYear[] = [];
  const located = locate(doc);
  const measure = (f: Fact) => f.label.replace(YEAR_AND_TOTAL, '');
  for (let i = 0; i < located.length; i++) {
    const c = located[i]!;
    const change = c.fact;
    if (!change.change || (change.kind !== 'money' && change.kind !== 'count') || change.year === null) continue;
    if (!/(?:比|较)(?:上年|去年|上一年度?|上年度)|同比/.test(c.sentence.slice(0, c.numberAt - c.sentenceStart)))
      continue;
    const same = located.filter(
      (o) =>
        o.paragraph === c.paragraph &&
        o.sentenceStart === c.sentenceStart &&
        !o.fact.change &&
        !o.fact.approximate &&
        o.fact.kind === change.kind &&
        o.fact.normalized.unit === change.normalized.unit,
    );
    const now = same.filter((o) => o.fact.year === change.year && o.numberAt < c.numberAt);
    const last = same.filter((o) => o.fact.year === change.year! - 1);
    if (now.length !== 1 || last.length !== 1) continue;
    const [n, l] = [now[0]!.fact, last[0]!.fact];
    // One measure: 本年支出 / 上年支出, or the year before named only by its year (上年 1267.28 万元).
    if (measure(l) !== '' && measure(n) !== measure(l)) continue;
    out.push({ now: n, last: l, change });
  }
  return out;
}
