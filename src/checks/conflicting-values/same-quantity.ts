// Are two figures one quantity, by their words and their values: labels the same
// but for fillers, alike, or one the end of the other; values that differ beyond
// rounding, or only by a slip of the pen (a digit changed, two swapped).
import type { Fact } from '../../schema/report.ts';
import { num, roundingOf } from '../tolerance.ts';

export const MIN_LABEL = 4;

/** Two values one slip of the pen apart: a digit changed, two adjacent digits swapped, or within 10 %. */
export function slipApart(a: Fact, b: Fact): boolean {
  const [x, y] = [num(a), num(b)];
  return Math.abs(x - y) <= 0.1 * Math.max(Math.abs(x), Math.abs(y)) || misprint(a, b);
}

/** Two figures of three digits or more that differ in one digit, or by two adjacent digits swapped (3560 / 3650). */
export function misprint(a: Fact, b: Fact): boolean {
  const [s, t] = [String(a.value), String(b.value)];
  if (s.length !== t.length || s.replace(/\D/g, '').length < 3) return false;
  const diff = [...s].map((c, i) => (c === t[i] ? -1 : i)).filter((i) => i >= 0);
  return (
    diff.length === 1 ||
    (diff.length === 2 && diff[1] === diff[0]! + 1 && s[diff[0]!] === t[diff[1]!] && s[diff[1]!] === t[diff[0]!])
  );
}

export const norm = (s: string) => s.replace(/[\s（）()“”"、，,。：:]/g, '');

export function sameName(a: string, b: string): boolean {
  const [x, y] = [norm(a), norm(b)];
  if (!x || !y) return false;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short === long || (short.length >= MIN_LABEL && long.includes(short));
}

/** Words a restatement adds or drops that do not change what is counted: 各类, 全年, 我局, 共 … */
const FILLERS = /各类|各项|全年|年度|年末|年底|累计|共计|总计|合计|共|我局|本局|我单位|本单位|全局|实现|完成了|了|的/g;

/** The same words but for fillers, or a word dropped inside (受理劳动人事争议案件 / 受理劳动争议案件). */
export function sameWords(a: string, b: string): boolean {
  const [x, y] = [norm(a).replace(FILLERS, ''), norm(b).replace(FILLERS, '')];
  if (x === y) return true;
  if (x.slice(0, 2) !== y.slice(0, 2) || x.slice(-2) !== y.slice(-2)) return false;
  return lcs(x, y) / Math.max(x.length, y.length) >= 0.75;
}

/** Labels of one thing written a little differently: 受理劳动人事争议案件 / 受理劳动争议案件, 受理消费者投诉举报 / 受理投诉举报. */
export function similar(a: string, b: string): boolean {
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

export function sameThing(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return (
    short.length >= MIN_LABEL && long.endsWith(short) && !PART_WORDS.test(long.slice(0, long.length - short.length))
  );
}

export function distinct(facts: Fact[]): Fact[] {
  const out: Fact[] = [];
  for (const f of facts) if (!out.some((o) => !differ(o, f))) out.push(f);
  return out;
}

export function differ(a: Fact, b: Fact): boolean {
  return Math.abs(num(a) - num(b)) > roundingOf(a) + roundingOf(b) + 1e-9;
}
