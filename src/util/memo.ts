// A pure function of a string, its answers kept: a word list run over the same
// header, label or character thousands of times a document pays once. At most
// `limit` strings are kept at a time (forgotten all at once past that), so a
// worker reading thousands of documents holds a bounded amount. Only for
// functions whose answer depends on the string alone, and whose callers do not
// change what they get back (it is shared).
export function memoized<T>(fn: (s: string) => T, limit = 4096): (s: string) => T {
  const kept = new Map<string, T>();
  return (s) => {
    const hit = kept.get(s);
    if (hit !== undefined || kept.has(s)) return hit as T;
    if (kept.size >= limit) kept.clear();
    const value = fn(s);
    kept.set(s, value);
    return value;
  };
}
