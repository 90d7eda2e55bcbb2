// Bounds: the words and signs by which a report writes a target or a limit
// rather than a figure (≥19280人次, 不低于90%, 240人以上, ≤78.53万元, 控制在20个工作日以内).
// A bound becomes a fact's `comparator`; it is not an exact figure, so the
// fact is also `approximate` (no sum or equality check treats it as stated).

import type { Comparator } from '../schema/report.ts';

export type { Comparator };

/** Written right before the number (after any 为/是/：). Longer words first, so 不低于 wins over 低于. */
const BEFORE: [Comparator, string[]][] = [
  [
    '>=',
    ['大于或等于', '大于等于', '不得低于', '不得少于', '不低于', '不少于', '不小于', '至少', '≥', '≧', '>=', '＞＝'],
  ],
  [
    '<=',
    [
      '小于或等于',
      '小于等于',
      '低于或等于',
      '不得超过',
      '不得高于',
      '不超过',
      '不高于',
      '不大于',
      '不多于',
      '控制在',
      '≤',
      '≦',
      '<=',
      '＜＝',
    ],
  ],
  ['>', ['高于', '大于', '多于', '>', '＞']],
  ['<', ['低于', '小于', '少于', '<', '＜']],
  ['=', ['=', '＝']],
];

/** Written after the number and its unit. */
const AFTER: [Comparator, string[]][] = [
  ['>=', ['及以上', '以上']],
  ['<=', ['及以下', '以下', '以内', '之内']],
];

/** 达到 is a bound only where a target is being stated (目标, 指标, 计划 …), not in an account of what was done. */
const REACH = '达到';
export const TARGET_CONTEXT = /目标|指标|计划|预期|要求|任务|标准/;

const byLength = (table: [Comparator, string[]][]) =>
  table.flatMap(([c, words]) => words.map((w) => [c, w] as const)).sort((a, b) => b[1].length - a[1].length);
const BEFORE_WORDS = byLength(BEFORE);
const AFTER_WORDS = byLength(AFTER);

export interface BoundHit {
  comparator: Comparator;
  /** characters the bound takes in the text it was found in */
  length: number;
}

/** A bound that ends the text before a number (spaces allowed between). `sentence` decides whether 达到 states a target. */
export function boundBefore(before: string, sentence = ''): BoundHit | null {
  const t = before.replace(/[\s\u3000]+$/, '');
  const pad = before.length - t.length;
  for (const [comparator, word] of BEFORE_WORDS) if (t.endsWith(word)) return { comparator, length: word.length + pad };
  if (t.endsWith(REACH) && TARGET_CONTEXT.test(sentence)) return { comparator: '>=', length: REACH.length + pad };
  return null;
}

/** A bound that starts the text after a number's unit. */
export function boundAfter(after: string): BoundHit | null {
  const t = after.replace(/^[\s\u3000]+/, '');
  const pad = after.length - t.length;
  for (const [comparator, word] of AFTER_WORDS)
    if (t.startsWith(word)) return { comparator, length: word.length + pad };
  return null;
}

/** A bound that ends a cell's text after its number and unit (7400人以上). */
export function boundAtEnd(text: string): BoundHit | null {
  for (const [comparator, word] of AFTER_WORDS) if (text.endsWith(word)) return { comparator, length: word.length };
  return null;
}

/** Every bound word, for trimming them off the end of a label (…满意度不低于 → …满意度). */
export const BOUND_WORDS_BEFORE: string[] = BEFORE_WORDS.map(([, w]) => w).concat(REACH);
