// The label of a fact: the thing measured, in the report's own words, taken
// from the clause before the number (and the noun after its classifier when
// the clause only has a verb), with fillers and time words trimmed.
import { YEAR_AHEAD } from '../text/numbers.ts';
import { BOUND_WORDS_BEFORE } from '../vocab/bounds.ts';
import { tag } from './segment.ts';
import type { RawFact } from './recognise.ts';

const BOUNDARY = /[，。；：！？,;:!?\n]/;
const LEAD = [
  /^(?:\d{4}\s*年度?|\d{1,2}\s*月份?|[0-9]{4}\s*-\s*[0-9]{4}\s*年)\s*/,
  // A list ordinal left at the head of the clause: "1、任务完成率".
  /^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[）)、.．]|[①-⑳])\s*/,
  // Enumerated clauses: 一是完成…, 二是…, 首先/其次/最后.
  /^(?:[一二三四五六七八九十]是|首先|其次|再次|最后)\s*/,
  // 全年 and 年度 stay when they are part of a budget term (全年预算数, 年度预算).
  /^(?:截至目前|截至年底|截至年末|目前|今年以来|今年|全年(?!预算|执行|支出)|本年度(?!支出|收入)|本年(?!支出|收入)|年度(?!预算|执行|支出)|当年|年内|同期|期间|此外|另外|同时|其中|其中就有|先后|还|并|另|共计|共有|共|合计|总计|累计|累次|已经|已|均|分别|就有|一共|全区|全市|全县|全省|该项目|本项目|该单位|在|对|向|给|为|由|通过)\s*/,
  // The unit naming itself stays before a budget term (本单位年初预算数 is the unit's own total).
  /^(?:我局|我单位|本单位|本局|我委|我院|本部门)(?!年初|全年|决算|调整|预算|执行|实际|基本支出|项目支出)\s*/,
];
const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Words that end a clause before its number and are not part of the thing measured (bounds among
 * them: 不低于, ≥). A one-character word is not cut from a word it ends (下达, 审计, 节约, 行为, 附近).
 */
const TRAIL = new RegExp(
  `\\s*(?:${[
    ...BOUND_WORDS_BEFORE.map(escape),
    ...[
      '分别为',
      '分别',
      '共计',
      '共有',
      '合计',
      '总计',
      '累计',
      '累次',
      '将近',
      '接近',
      '超过',
      '高达',
      '以下',
      '如下',
    ],
    '(?<![下到抵传送表转])达',
    '(?<![行作])为',
    '是',
    '共',
    '(?<![设审统会估核])计',
    '(?<![所国私拥])有',
    '了',
    '的',
    '(?<![节制合签预履])约',
    '(?<![附最邻])近',
    '(?<![赶])超',
    '逾',
    '仅',
    '只',
  ].join('|')})$`,
);

export interface LabelContext {
  text: string;
  fact: RawFact;
  /** where the previous fact of the same text ends, or -1 */
  previousEnd: number;
  /** the previous fact is a date (比2021年决算数 …): the label starts after it, as after any lead word */
  previousIsDate?: boolean;
}

/**
 * A "." that ends a sentence (its 。 typed half-width): after a number or a word, with no digit or
 * letter after it — or a year ("0.37.2023年"). A decimal point (3.5) or a dotted name is none.
 */
function typedStop(text: string, i: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '．') return false;
  if (!/[0-9０-９\u4e00-\u9fff]/.test(text[i - 1] ?? '')) return false;
  const next = text.slice(i + 1, i + 6);
  return !/^[0-9０-９A-Za-z]/.test(next) || YEAR_AHEAD.test(next);
}

export function labelFor({ text, fact, previousEnd, previousIsDate = false }: LabelContext): string {
  let from = fact.numberStart;
  while (from > 0 && !BOUNDARY.test(text[from - 1]!) && !typedStop(text, from - 1)) from--;
  const afterPrevious = previousEnd > from && !previousIsDate;
  if (previousEnd > from) from = previousEnd;
  const raw = text.slice(from, fact.numberStart);
  const named = trim(raw) || namedByColon(text, from, previousEnd);
  // A date is named by a colon only as a date (报告日期：…), not by a heading (第二部分：2021年度…).
  const before = fact.kind === 'date' && !trim(raw) && !/日期|时间/.test(named) ? '' : named;
  if (fact.kind === 'date') return before || '日期';
  const after = nounAfter(text, fact.end);
  if (after === '') return before;
  // The counted noun follows the classifier: "的 115 起违法案件", "督促 107 家企业".
  if (before === '' || afterPrevious || /的\s*$/.test(raw) || before.length <= 2 || !hasNoun(before)) return after;
  if (endsWithVerb(before)) return before + after;
  return before;
}

/** Words before a colon that introduce what follows rather than name a figure: 如下：, 其中：, 包括：, a key (年度指标值：). */
const INTRODUCES = /(?:如下|以下|其中|包括|主要有|分别|情况|具体|指标值|目标值)$/;

/**
 * "优良率：101.2%": a number right after a colon is named by the words before the colon (the clause
 * they stand in), unless they introduce a list.
 */
function namedByColon(text: string, from: number, previousEnd: number): string {
  if (!/[：:]/.test(text[from - 1] ?? '')) return '';
  let start = from - 1;
  while (start > 0 && start > previousEnd && !BOUNDARY.test(text[start - 1]!) && !typedStop(text, start - 1)) start--;
  const named = trim(text.slice(start, from - 1));
  return named.length <= 20 && !INTRODUCES.test(named) ? named : '';
}

function trim(s: string): string {
  // An opening quote or bracket, or the number's own minus sign (增长率为－15.6%), is not the label's.
  let t = s
    .replace(/[“‘（(]\s*$/, '')
    // The bracket that opens a total's parts: 编制 52 名（行政 30 名 — the part is 行政.
    .replace(/^\s*[（(](?!.*[）)])/, '')
    .replace(/[-－−]\s*$/, '')
    .trim();
  for (let changed = true; changed;) {
    changed = false;
    for (const re of LEAD) {
      const next = t.replace(re, '');
      // A lead word is trimmed only when a word is left: 在职 stays 在职.
      if (next !== t && next.length >= 2 && !startsWord(t, next)) [t, changed] = [next, true];
      else if (next !== t && next.length === 0) [t, changed] = ['', false];
    }
    const next = t.replace(TRAIL, '');
    if (next !== t) [t, changed] = [next, true];
  }
  // 收入总计、支出总计均为: 均 (both) after names listed is not the thing measured — cut last, so that
  // the names keep their own 总计 (平均, 人均, 年均 are measures).
  t = t.replace(/([、和及与][^、和及与]+?)(?<![平人户日月年周季亩])均$/, '$1');
  return t.replace(/^[、）).．\s]+/, '').trim();
}

/**
 * Whether the one character `next` lacks is the start of a longer word of `t` rather than a word of its own:
 * 在职人员, 在建项目, 对口帮扶, 给水管网 keep their first character; 在全市, 对困难群众 lose it.
 */
function startsWord(t: string, next: string): boolean {
  if (t.trimStart().length - next.length !== 1) return false;
  // Dictionary words only: jieba's guesses join a lone preposition to what follows (对区, 已到).
  const first = tag(t.trimStart(), false)[0]?.word ?? '';
  return first.length > 1;
}

/** The noun phrase right after the unit: "2 家小微企业融资" → 小微企业, "1 个执法大队：" → 执法大队. */
function nounAfter(text: string, end: number): string {
  let stop = end;
  while (stop < text.length && !BOUNDARY.test(text[stop]!) && stop - end < 16) stop++;
  const phrase = text.slice(end, stop).trim();
  if (phrase === '' || /^[、（(“”"]/.test(phrase)) return '';
  const taken: { word: string; tag: string }[] = [];
  const isNoun = (t: { tag: string }) => /^(n|nz|nt|ns|nr|j|eng)/.test(t.tag);
  for (const t of tag(phrase)) {
    if (!/[\u4e00-\u9fffA-Za-z]/.test(t.word) || /^[的在中和及等]$/.test(t.word)) break;
    if (/^(p|u|c|d|r|m|q|f)/.test(t.tag)) break;
    // A verb after the noun is what was done with it (企业加入…): stop there.
    if (t.tag.startsWith('v') && t.tag !== 'vn' && taken.some(isNoun)) break;
    taken.push(t);
  }
  // Keep the nouns: a trailing verbal noun or unknown word is the action (融资, 刻章), not the thing counted.
  while (taken.length > 1 && !isNoun(taken[taken.length - 1]!) && taken.some(isNoun)) taken.pop();
  return taken.map((t) => t.word).join('');
}

function hasNoun(s: string): boolean {
  return tag(s).some((t) => /^(n|nz|nt|ns|nr|l|j|x)/.test(t.tag) && /[\u4e00-\u9fff]/.test(t.word));
}

function endsWithVerb(s: string): boolean {
  const tokens = tag(s);
  const last = tokens[tokens.length - 1];
  return last !== undefined && last.tag.startsWith('v') && last.tag !== 'vn';
}
