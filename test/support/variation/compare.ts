// Expected facts against the facts a report gives: each expected fact must be
// matched by one fact of the same value, unit, kind and comparator whose label
// holds the row's and the column's names in order and no name foreign to the
// cell; every fact left over is a fact too many. A check is one entry of
// CHECKS (the cell, when facts name theirs, is one more).
import type { Fact } from '../../../src/schema/report.ts';
import type { ExpectedFact } from './model.ts';

type Check = (e: ExpectedFact, f: Fact) => boolean;

/** The label's names: split at the joiner, list markers and 其中 already taken out by the reader. */
const parts = (label: string) =>
  label
    .split('·')
    .map((p) => p.trim())
    .filter(Boolean);

/** The names the fact must have in order, and no others than those it may have. */
export function labelFits(e: ExpectedFact, label: string): boolean {
  const got = parts(label);
  let at = 0;
  for (const p of got) {
    if (at < e.need.length && p === e.need[at]) at++;
    else if (!e.may.includes(p)) return false;
  }
  return at === e.need.length;
}

export const CHECKS: Record<string, Check> = {
  value: (e, f) => typeof f.value === 'number' && Math.abs(e.value - f.value) < 1e-9,
  unit: (e, f) => e.unit === f.unit,
  kind: (e, f) => e.kind === f.kind,
  comparator: (e, f) => e.comparator === (f.comparator ?? null),
  label: (e, f) => labelFits(e, f.label),
};

export interface Comparison {
  expected: number;
  matched: number;
  /** expected facts matched when the label is not asked for (as the corpus scorer counts table cells: kind and value) */
  valueMatched: number;
  /** expected facts no fact matched, each with the nearest fact by value (what went wrong) */
  missing: { expected: ExpectedFact; nearest: Fact | null; failed: string[] }[];
  /** facts no expected fact matched */
  extra: Fact[];
}

export function compareFacts(expected: ExpectedFact[], facts: Fact[]): Comparison {
  const free = [...facts];
  const missing: Comparison['missing'] = [];
  let matched = 0;
  for (const e of expected) {
    const i = free.findIndex((f) => Object.values(CHECKS).every((check) => check(e, f)));
    if (i >= 0) {
      free.splice(i, 1);
      matched++;
      continue;
    }
    const nearest = free.find((f) => CHECKS.value!(e, f)) ?? null;
    const failed = nearest ? Object.keys(CHECKS).filter((k) => !CHECKS[k]!(e, nearest)) : ['no fact of this value'];
    missing.push({ expected: e, nearest, failed });
  }
  const loose = [...facts];
  let valueMatched = 0;
  for (const e of expected) {
    const i = loose.findIndex((f) => CHECKS.value!(e, f) && CHECKS.unit!(e, f) && CHECKS.kind!(e, f));
    if (i >= 0) (loose.splice(i, 1), valueMatched++);
  }
  return { expected: expected.length, matched, valueMatched, missing, extra: free };
}

/** One line per problem, for a failing test's message. */
export function describe(
  c: Comparison & { errors?: { rule: string; message: string }[]; missed?: { rule: string; what: string }[] },
): string {
  const lines = c.missing.map(
    ({ expected: e, nearest, failed }) =>
      `missing ${e.need.join('·')} ${e.value}${e.unit} (${e.kind}${e.comparator ? ` ${e.comparator}` : ''}) at r${e.at.row}c${e.at.col}` +
      (nearest
        ? ` — nearest: ${nearest.label} ${nearest.value}${nearest.unit} ${nearest.kind} [${failed.join(', ')}]`
        : ` — ${failed[0]}`),
  );
  for (const f of c.extra) lines.push(`extra ${f.label} ${f.value}${f.unit} (${f.kind}) p${f.page}`);
  for (const f of c.errors ?? []) lines.push(`false error ${f.rule}: ${f.message}`);
  for (const p of c.missed ?? []) lines.push(`planted ${p.rule} not found: ${p.what}`);
  return lines.join('\n');
}

/** Facts left over whose figure the table does not hold at all: a figure misread, worse than a cell missed. */
export function foreignFigures(expected: ExpectedFact[], extra: Fact[]): Fact[] {
  const held = new Set(expected.map((e) => e.value));
  return extra.filter((f) => typeof f.value === 'number' && !held.has(f.value));
}
