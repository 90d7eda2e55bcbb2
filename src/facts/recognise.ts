// Finds the numeric facts of one text: a numeral, its multiplier and unit,
// approximation words, ranges, lists that share one unit, dates — and leaves
// out what only looks like a fact: list ordinals, years, hotlines, document
// numbers, 附件5, 第三.
import type { FactKind } from '../schema/report.ts';
import { boundAfter, boundBefore, type Comparator } from '../vocab/bounds.ts';
import { COMPARISON, FALL, LESS, MORE, RISE } from '../vocab/years.ts';
import { matchUnitAt, type UnitDef } from '../vocab/units.ts';
import { approximateAround, roundTo, scanNumbers, type NumberToken } from '../text/numbers.ts';
import { toHalfWidth } from '../text/width.ts';
import { chineseCountOk } from './chinese-counts.ts';
import { isoDate, isoMonth } from '../util/dates.ts';

export interface RawFact {
  /** where the fact's words start and end in the text (numeral through unit) */
  start: number;
  end: number;
  /** where the numeral starts (for provenance) */
  numberStart: number;
  kind: FactKind;
  value: number | string;
  unit: string;
  normalized: { value: number | string; unit: string };
  approximate: boolean;
  /** a target's or limit's bound (≥, 不低于, 以上, ≤, 不超过, 以内 …); null for a plain figure */
  comparator: Comparator | null;
  /** the upper bound of a range such as 10—20 个 (value is the lower bound) */
  rangeTo: number | null;
  decimals: number;
  /** index of the list this fact belongs to ("分别为 12、8、5 家"), or null */
  listId: number | null;
  /**
   * A change against another figure, with its direction: 增加 / 增长 / 比上年多 → 1, 减少 / 下降 /
   * 比上年少 → −1 (the value is signed by it); null for a figure stated for itself.
   */
  change: 1 | -1 | null;
}

const DATE_FULL = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/;
// 2022年末/年底 is a date too; 2022年初 is not taken, for 2022年初预算数 is 2022 + 年初预算数.
const YEAR_ONLY = /^((?:19|20)\d{2})\s*(?:年度|年末|年底|年)/;
const RANGE_SEP = /^\s*(?:—|–|-|－|~|～|至|到)\s*$/;
/** A range's first unit written before its dash: the "%" of 5%-10%. */
const UNIT_THEN_SEP = /^\s*(\S{1,3}?)\s*(?:—|–|-|－|~|～|至|到)\s*$/;
/** Words after a number that make it a name, not a quantity: 12315 热线, 110 报警. */
const CODE_AFTER =
  /^\s*(?:热线|投诉|举报|平台|服务热线|指挥中心|号文|号令|号$|号[，。；、]|号）|号\)|工程|计划|行动|专项|战略|条例|规定|办法|号楼|路|街|村|组(?!织))/;
const CODE_BEFORE = /(?:第|附件|附表|编号|代码|电话|热线|拨打|文号|〔|\[|【|No\.?|NO\.?)\s*$/;

/** One text's scan: its numbers, the facts made of them so far, the numbers already taken by a fact. */
interface Scan {
  half: string;
  tokens: NumberToken[];
  facts: RawFact[];
  consumed: Set<number>;
  lists: number;
}

export function recogniseFacts(text: string): RawFact[] {
  const scan: Scan = { half: toHalfWidth(text), tokens: scanNumbers(text), facts: [], consumed: new Set(), lists: 0 };
  for (let k = 0; k < scan.tokens.length; k++) if (!scan.consumed.has(k)) readToken(scan, k);
  const facts = scan.facts.filter((f) => !isOperand(scan.half, f)).sort((a, b) => a.start - b.start);
  respectively(scan, facts);
  changedTogether(scan, facts);
  return facts;
}

/** "较2022年分别下降10.55%、10.87%": the figures listed after a change's word are changes that way too. */
function changedTogether(scan: Scan, facts: RawFact[]): void {
  for (let i = 1; i < facts.length; i++) {
    const [prev, f] = [facts[i - 1]!, facts[i]!];
    if (prev.change === null || f.change !== null || f.unit !== prev.unit || f.rangeTo !== null) continue;
    if (!/^\s*[、和及与]\s*$/.test(scan.half.slice(prev.end, f.start))) continue;
    f.change = prev.change;
    if (prev.change === -1 && typeof f.value === 'number' && f.value > 0 && typeof f.normalized.value === 'number') {
      f.value = -f.value;
      f.normalized = { ...f.normalized, value: -f.normalized.value };
      if (f.comparator) f.comparator = TURNED[f.comparator];
    }
  }
}

/** 分别为, 分别达到, 分别下降 …: the words before a list of figures named in order by the names before them. */
const RESPECTIVELY = /分别(?:为|是|达到?|下降|增长|增加|减少|提高|降低|上升)\s*$/;

/**
 * "基本支出、项目支出分别为 200 万元、150 万元": figures each with its unit, joined by 、 after 分别为,
 * are one list (its members named in order by the names before 分别为).
 */
function respectively(scan: Scan, facts: RawFact[]): void {
  for (let i = 0; i < facts.length; i++) {
    const first = facts[i]!;
    if (first.listId !== null || !RESPECTIVELY.test(endOf(scan.half.slice(0, first.start)))) continue;
    let j = i;
    // (Each with its own unit: 培训人数、覆盖率分别达到1,200人、95%.)
    while (
      facts[j + 1] &&
      facts[j + 1]!.listId === null &&
      /^\s*[、和及与]\s*$/.test(scan.half.slice(facts[j]!.end, facts[j + 1]!.start))
    )
      j++;
    if (j === i) continue;
    const listId = scan.lists++;
    for (let k = i; k <= j; k++) facts[k]!.listId = listId;
    i = j;
  }
}

/** Multiplication and division: a sum (合计=基本支出800万元+项目支出502万元) keeps its parts. */
const OPERATOR = /[×xX*÷/／]/;
/**
 * A number inside a formula is an operand, not a fact: in a clause with an equals sign, a number
 * with a multiplication or division sign, or a bracket of the expression, right beside it
 * (得分=（实际完成率-60%）/（1-60%）×指标分值; 执行率=执行数/预算数×100%). The result after the
 * last equals sign (…=98.5%) is a fact.
 */
function isOperand(half: string, f: RawFact): boolean {
  const from = Math.max(...[...'，。；;,'].map((c) => half.lastIndexOf(c, f.start - 1))) + 1;
  const ends = [...'，。；;,'].map((c) => half.indexOf(c, f.end)).filter((i) => i >= 0);
  const clause = half.slice(from, ends.length > 0 ? Math.min(...ends) : half.length);
  if (!/[=＝]/.test(clause)) return false;
  const before = half.slice(from, f.numberStart).trimEnd();
  const after = half.slice(f.end, from + clause.length).trimStart();
  const prev = before[before.length - 1] ?? '';
  const next = after[0] ?? '';
  return OPERATOR.test(prev) || /[(（]/.test(prev) || OPERATOR.test(next) || /[)）]/.test(next);
}

/** The fact (or facts, for a list) that number k starts, if any: a date, a range, a number with its unit, a list. */
function readToken(scan: Scan, k: number): void {
  const { half, tokens, facts } = scan;
  const tok = tokens[k]!;
  const before = half.slice(0, tok.start);
  if (readDate(scan, k)) return;
  if (isOrdinalOrCode(tok, before, half.slice(tok.end))) return;
  if (readRange(scan, k, before)) return;
  const unit = unitAfter(half, tok);
  if (unit) {
    if (tok.script === 'chinese' && !chineseCountOk(tok, half, unit)) return;
    facts.push(makeFact(tok, unit, before, { end: unit.end, tail: half.slice(unit.end) }));
    return;
  }
  if (tok.percentWords) {
    facts.push(
      makeFact(tok, { def: PERCENT_DEF, multiplier: 1, unitText: '%', end: tok.end, approxAfter: '' }, before, {
        end: tok.end,
        tail: half.slice(tok.end),
      }),
    );
    return;
  }
  readList(scan, k);
  // No unit: not a fact (a bare number is more often a code or an ordinal than a quantity).
}

/** Dates: 2024年5月29日, 2023年度, 2023 年 — facts of kind date, never counts. */
function readDate(scan: Scan, k: number): boolean {
  const { half, tokens, facts } = scan;
  const tok = tokens[k]!;
  if (tok.script !== 'arabic' || tok.decimals !== 0 || tok.value < 1900 || tok.value > 2099) return false;
  const rest = half.slice(tok.start);
  const full = DATE_FULL.exec(rest);
  if (full) {
    const [, y, mo, d] = full;
    const iso = d ? isoDate(+y!, +mo!, +d) : isoMonth(+y!, +mo!);
    if (iso) {
      facts.push(dateFact(tok, tok.start + full[0].length, iso, d ? '日' : '月'));
      // The month and day numerals belong to the date.
      for (let j = k + 1; tokens[j] && tokens[j]!.start < tok.start + full[0].length; j++) scan.consumed.add(j);
      return true;
    }
  }
  const year = YEAR_ONLY.exec(rest);
  if (!year) return false;
  // 2022年初预算数: the 年 is also the start of 年初预算数, and stays with the label.
  const shared = /^年初/.test(rest.slice(year[0].length - 1)) ? 1 : 0;
  facts.push(dateFact(tok, tok.start + year[0].length - shared, year[1]!, '年'));
  return true;
}

/** A range: 10—20 个 → one fact, value the lower bound, rangeTo the upper. */
function readRange(scan: Scan, k: number, before: string): boolean {
  const { half, tokens } = scan;
  const tok = tokens[k]!;
  const next = tokens[k + 1];
  if (!next || next.script !== tok.script) return false;
  const unit = unitAfter(half, next);
  if (!unit) return false;
  // 10—20 个, or with the unit written twice: 5%-10%, 3万元-5万元.
  const between = half.slice(tok.end, next.start);
  const first = UNIT_THEN_SEP.exec(between)?.[1];
  if (!RANGE_SEP.test(between) && !(first && first === unit.unitText)) return false;
  scan.facts.push(makeFact(tok, unit, before, { rangeTo: next.value, end: unit.end, tail: half.slice(unit.end) }));
  scan.consumed.add(k + 1);
  return true;
}

/** A list that shares the unit of its last member: "分别为 12、8、5 家", "1.2、2.5万户". */
function readList(scan: Scan, k: number): void {
  const { half, tokens, facts } = scan;
  const list = listAfter(half, tokens, k);
  if (!list) return;
  const listId = scan.lists++;
  for (const j of list.members) {
    const t = tokens[j]!;
    facts.push(
      makeFact(t, { ...list.unit, end: t.end }, half.slice(0, t.start), {
        end: t.end,
        tail: half.slice(list.unit.end),
        listId,
      }),
    );
    scan.consumed.add(j);
  }
  const last = tokens[list.last]!;
  facts.push(
    makeFact(last, list.unit, half.slice(0, last.start), {
      end: list.unit.end,
      tail: half.slice(list.unit.end),
      listId,
    }),
  );
  scan.consumed.add(list.last);
}

/** A classifier followed by one of these characters starts a word instead: 个人, 人民, 部门, 项目 … */
const UNIT_STARTS_WORD: Record<string, RegExp> = {
  分: /^[别钟之]/,
  个: /^[人体性别转]/,
  人: /^[民大工]/,
  名: /^[称单录额]/,
  部: /^[门署分]/,
  所: /^[有属在得需以]/,
  起: /^[来到草诉]/,
  期: /^[间限末初]/,
  条: /^[件例]/,
  项: /^[目]/,
  家: /^[庭长属]/,
  本: /^[级单部年次位]/,
  // 1对1 帮扶, 3对夫妻 is fine; 对 before a numeral or a verb phrase is the preposition.
  对: /^[0-9一二三两象于此接口标照比外内应策症]/,
  班: /^[子级车组主]/,
  床: /^[位]/,
  双: /^[向方重语边休]/,
};

interface UnitHit {
  def: UnitDef;
  /** 万 or 亿 written between the numeral and a unit that has no multiplier of its own */
  multiplier: number;
  unitText: string;
  end: number;
  approxAfter: string;
}

/** Approximation words after the unit: 50 家以上, 30 人左右. */
const APPROX_TAIL = /^\s*(?:以上|左右|上下|有余|多)/;

const PERCENT_DEF: UnitDef = { unit: '%', kind: 'percent', base: '%', factor: 1 };

/** The unit after a numeral: "万元", "万余份" (3万余份), "余人", " 个百分点". */
function unitAfter(half: string, tok: NumberToken): UnitHit | null {
  let at = tok.end;
  let rest = half.slice(at);
  const lead = rest.length - rest.trimStart().length;
  at += lead;
  rest = rest.trimStart();
  let multiplier = 1;
  let multText = '';
  let approxAfter = '';
  // 3万余份: multiplier, then 余/多, then the unit.
  const m = /^(万|亿)(?=余|多)/.exec(rest);
  if (m) {
    multiplier = m[1] === '万' ? 1e4 : 1e8;
    multText = m[1]!;
    rest = rest.slice(1);
    at += 1;
  }
  const approx = /^(余|多)/.exec(rest);
  if (approx) {
    approxAfter = approx[1]!;
    rest = rest.slice(1);
    at += 1;
  }
  const hit = matchUnitAt(rest);
  if (!hit || hit.length !== hit.def.unit.length) return null;
  // "分" of 分别, "个" of 个人/个体, "人" of 人民: the unit must not run into a word.
  const word = UNIT_STARTS_WORD[hit.def.unit];
  if (word?.test(rest.slice(hit.length))) return null;
  const unitText = multText + approxAfter + hit.def.unit;
  return { def: hit.def, multiplier, unitText, end: at + hit.length, approxAfter };
}

function makeFact(
  tok: NumberToken,
  unit: UnitHit,
  before: string,
  extra: { end: number; tail: string; rangeTo?: number; listId?: number },
): RawFact {
  const comparator =
    extra.rangeTo !== undefined
      ? null
      : ((boundBefore(before, sentenceBefore(before)) ?? boundAfter(extra.tail))?.comparator ?? null);
  const approximate =
    comparator !== null ||
    approximateAround(before, unit.approxAfter) ||
    unit.approxAfter !== '' ||
    APPROX_TAIL.test(extra.tail) ||
    extra.rangeTo !== undefined;
  // A minus sign written before the number (增长率为－6.3%), not a range's dash after another number,
  // with or without that number's unit (5%-10%, 5个-10个).
  const written =
    /(?:^|[^0-9\s])\s*[-－−]\s*$/.test(before) &&
    !/[0-9０-９][^\s0-9０-９]{0,2}\s*[-－−]\s*$/.test(before) &&
    extra.rangeTo === undefined
      ? -1
      : 1;
  const change = extra.rangeTo === undefined ? changeOf(before) : null;
  // A fall is negative (减少 60.30 万元 → −60.30) unless its minus is written (增长率为－6.3% stays −6.3).
  const sign = change === -1 && written === 1 ? -1 : written;
  const value = sign * tok.value * unit.multiplier;
  const def = unit.def;
  // "3万余份" is written 3 万份 with 余: the unit as written keeps the multiplier.
  const writtenUnit = unit.multiplier === 1 ? def.unit : (unit.multiplier === 1e4 ? '万' : '亿') + def.unit;
  return {
    start: tok.start,
    end: extra.end,
    numberStart: tok.start,
    kind: def.kind,
    value: sign * tok.value,
    unit: writtenUnit,
    normalized: { value: roundTo(value * def.factor, tok.decimals + 4), unit: def.base },
    approximate,
    // A bound on a fall turns with its sign: 降低 5% 以上 is a change of at most −5 %.
    comparator: sign === -1 && written === 1 && comparator ? TURNED[comparator] : comparator,
    rangeTo: extra.rangeTo ?? null,
    decimals: tok.decimals,
    listId: extra.listId ?? null,
    change,
  };
}

const TURNED: Record<Comparator, Comparator> = { '>=': '<=', '<=': '>=', '>': '<', '<': '>', '=': '=' };

/**
 * Whether the number is a change, and which way: a rise or fall word right before it (增加 120.50 万元,
 * 同比下降 3.1%, 增长率为－6.3%), or more / less after a comparison in its clause (比上年多 800 万元,
 * 较预算节约 12 万元). 增加至 / 下降到 name the new level, not the change.
 */
function changeOf(before: string): 1 | -1 | null {
  const end = before.slice(-40).replace(/\s*[-－−]?\s*$/, '');
  if (RISE.test(end)) return 1;
  if (FALL.test(end)) return -1;
  const clause = end.slice(Math.max(...[...'，。；,;：:\n'].map((c) => end.lastIndexOf(c))) + 1);
  if (!new RegExp(COMPARISON.source).test(clause)) return null;
  if (MORE.test(clause)) return 1;
  if (LESS.test(clause)) return -1;
  return null;
}

/** The sentence the number stands in, up to the number: where a target may be named (主要指标为：…达到 11100 人次). */
function sentenceBefore(before: string): string {
  const cut = Math.max(...['。', '！', '？', '\n'].map((c) => before.lastIndexOf(c)));
  return before.slice(cut + 1);
}

function dateFact(tok: NumberToken, end: number, iso: string, precision: string): RawFact {
  return {
    start: tok.start,
    end,
    numberStart: tok.start,
    kind: 'date',
    value: iso,
    unit: precision,
    normalized: { value: iso, unit: precision },
    approximate: false,
    comparator: null,
    rangeTo: null,
    decimals: 0,
    listId: null,
    change: null,
  };
}

/** List ordinals (1、 （1） 1.), hotlines and codes, document numbers, 附件5, 第3. */
function isOrdinalOrCode(tok: NumberToken, whole: string, after: string): boolean {
  // The tests below look at what ends `before`: give them its end, as a /…\s*$/ over the whole text before
  // every number costs the length of the paragraph each time (a page of 100,000 items is one paragraph).
  const before = endOf(whole);
  if (CODE_BEFORE.test(before)) return true;
  // "1、办公室" is an ordinal; "12、8、5 家" is a list of quantities.
  if (tok.script === 'arabic' && /^(?:、(?!\s*[0-9０-９])|[.．](?![0-9])|）|\))/.test(after) && tok.decimals === 0)
    return true;
  if (/[（(]\s*$/.test(before) && /^\s*[）)]/.test(after)) return true;
  if (CODE_AFTER.test(after)) return true;
  // A number quoted as a name: “315”, “12345”.
  if (/[“"'‘「]\s*$/.test(before) && /^\s*[”"'’」]/.test(after)) return true;
  // Digits glued to Latin letters: ISO9001, GB2760, 5G.
  if (/[A-Za-z]$/.test(before) || /^[A-Za-z]/.test(after)) return true;
  return false;
}

/** The end of `text`: its trailing whitespace and the 8 characters before it (more than any pattern ending a `before` test needs). */
function endOf(text: string): string {
  let i = text.length;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  return text.slice(Math.max(0, i - 8));
}

/** "12、8、5 家": numerals joined by 、 where only the last carries the unit. */
function listAfter(
  half: string,
  tokens: NumberToken[],
  k: number,
): { members: number[]; last: number; unit: UnitHit } | null {
  const members = [k];
  let j = k;
  while (tokens[j + 1] && /^\s*[、和及与]\s*$/.test(half.slice(tokens[j]!.end, tokens[j + 1]!.start))) {
    j++;
    const unit = unitAfter(half, tokens[j]!);
    if (unit) return members.length >= 1 ? { members, last: j, unit } : null;
    members.push(j);
  }
  return null;
}
