// Whether an indicator met its target, decided here once for every reader
// (the records, indicator-score-mismatch, the dataset): the actual against the
// target's bound, where both are numbers in one unit.
//
// A target written without a bound (65000 剂次, 100%) is read as a minimum
// (≥) for a count or a percent — unless the indicator is better low (发生率,
// 投诉, 成本, 时限 … : LOWER_BETTER), where it is not judged; a bare amount,
// duration or other measure is not judged either. A range (90%—95%) is met
// inside it. An actual written as a bound (≥95%, 23万人次以上) says it met
// the bound, not by how much: it meets a target its bound implies, else it
// is not judged.
import type { Comparator, Fact } from '../schema/report.ts';
import { LOWER_BETTER } from '../vocab/indicators.ts';

export interface Reading {
  comparator: Comparator;
  /** in the target's normalised unit */
  value: number;
  upper: number | null;
  /** the bound was not written but read by the rule above */
  assumed: boolean;
}

/** How a target is read: its written bound, or the one the rule above gives it; null when it is not judged. */
export function readingOf(target: Fact, name: string): Reading | null {
  if (typeof target.normalized.value !== 'number' || target.kind === 'date') return null;
  const value = target.normalized.value;
  const factor = target.value === 0 ? 1 : value / (target.value as number);
  const upper = target.upper === null ? null : target.upper * factor;
  if (target.comparator) return { comparator: target.comparator, value, upper: null, assumed: false };
  if (upper !== null) return { comparator: '>=', value, upper, assumed: false };
  if (LOWER_BETTER.test(name) || (target.kind !== 'percent' && target.kind !== 'count')) return null;
  return { comparator: '>=', value, upper: null, assumed: true };
}

/** The actual against the target: true / false, or null where they are not two numbers in one unit. */
export function metOf(target: Fact | null, actual: Fact | null, name: string): boolean | null {
  if (!target || !actual || typeof actual.normalized.value !== 'number') return null;
  if (actual.normalized.unit !== target.normalized.unit || actual.kind === 'date') return null;
  const reading = readingOf(target, name);
  if (!reading) return null;
  const a = actual.normalized.value;
  if (actual.comparator && actual.comparator !== '=') return implies(actual.comparator, a, reading) ? true : null;
  if (reading.upper !== null) return meets(a, { ...reading, comparator: '>=' }) && a <= reading.upper + eps(a);
  return meets(a, reading);
}

const eps = (v: number) => 1e-9 * Math.max(1, Math.abs(v));

export function meets(actual: number, t: { comparator: Comparator; value: number }): boolean {
  const e = eps(t.value);
  switch (t.comparator) {
    case '>=':
      return actual >= t.value - e;
    case '>':
      return actual > t.value + e;
    case '<=':
      return actual <= t.value + e;
    case '<':
      return actual < t.value - e;
    case '=':
      return Math.abs(actual - t.value) <= e;
  }
}

/** An actual written as a bound (≥ a) meets a target whose bound it implies (≥ t with a ≥ t). */
function implies(bound: Comparator, a: number, t: Reading): boolean {
  if (t.upper !== null) return false;
  const up = (c: Comparator) => c === '>=' || c === '>';
  const down = (c: Comparator) => c === '<=' || c === '<';
  if (up(bound) && up(t.comparator))
    return t.comparator === '>' && bound === '>=' ? a > t.value : meets(a, { comparator: '>=', value: t.value });
  if (down(bound) && down(t.comparator))
    return t.comparator === '<' && bound === '<=' ? a < t.value : meets(a, { comparator: '<=', value: t.value });
  return false;
}
