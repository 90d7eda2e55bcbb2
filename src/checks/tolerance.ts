// Rounding as accountants use it: each figure written to d decimals may be off
// by half a unit of its last place; a sum of n parts by n such halves (plus the
// total's own). Anything beyond that is a real difference.
import type { Fact } from '../schema/report.ts';

/** Half a unit of the last written place, in the fact's normalised unit. */
export function roundingOf(fact: Fact): number {
  const valueScale =
    typeof fact.normalized.value === 'number' && typeof fact.value === 'number' && fact.value !== 0
      ? fact.normalized.value / fact.value
      : 1;
  // Things counted one by one (23 个, 13967 家) are exact; 4.5 万人次 is rounded like any figure.
  if (fact.kind === 'count' && valueScale === 1 && fact.decimals === 0) return 0;
  return 0.5 * 10 ** -fact.decimals * valueScale;
}

/** Do a sum of parts and a total agree within the rounding of every figure involved? */
export function sumAgrees(parts: Fact[], total: Fact): boolean {
  const sum = parts.reduce((s, f) => s + num(f), 0);
  const slack = parts.reduce((s, f) => s + roundingOf(f), roundingOf(total));
  return Math.abs(sum - num(total)) <= slack + 1e-9 * Math.max(1, Math.abs(sum));
}

export function num(f: Fact): number {
  return typeof f.normalized.value === 'number' ? f.normalized.value : NaN;
}

/** A rate written to d decimals is compared at that precision. */
export function rateAgrees(stated: Fact, computed: number): boolean {
  return Math.abs(num(stated) - computed) <= roundingOf(stated) + 1e-9;
}

/** The value as the report writes it: "4980.37 万元". */
export function show(f: Fact): string {
  const v = typeof f.value === 'number' ? f.value.toFixed(f.decimals) : f.value;
  return `${v}${/^[0-9]/.test(f.unit) || f.unit === '%' ? '' : ' '}${f.unit}`;
}

/** A normalised amount written back in the unit of `like`: 49803700 元 → "4980.37 万元". */
export function inUnitOf(value: number, like: Fact): number {
  const scale = typeof like.value === 'number' && like.value !== 0 ? num(like) / like.value : 1;
  return Number((value / scale).toFixed(like.decimals));
}
