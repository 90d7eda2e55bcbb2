// Small statistics the stages share (the commonest font size, the header seen
// on most pages): one home, one tie rule — the first value to reach the top count wins.

/** The key with the highest count; on a tie the first in the map's order; undefined for an empty map. */
export function mostCommon<K>(counts: ReadonlyMap<K, number>): K | undefined {
  return mostCommonEntry(counts)?.[0];
}

/** The same with its count. */
export function mostCommonEntry<K>(counts: ReadonlyMap<K, number>): [K, number] | undefined {
  let best: [K, number] | undefined;
  for (const [k, c] of counts) if (!best || c > best[1]) best = [k, c];
  return best;
}

/** Sums of weights per key, in first-seen order. */
export function tally<K>(pairs: Iterable<readonly [K, number]>): Map<K, number> {
  const counts = new Map<K, number>();
  for (const [k, w] of pairs) counts.set(k, (counts.get(k) ?? 0) + w);
  return counts;
}

/** The key with the largest total weight (a mode weighted by, say, characters), or `fallback` when there are none. */
export function weightedMode<K>(pairs: Iterable<readonly [K, number]>, fallback: K): K {
  const best = mostCommonEntry(tally(pairs));
  return best ? best[0] : fallback;
}
