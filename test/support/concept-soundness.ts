// Whether a report's concepts are sound as a dataset needs them: one value per
// (concept, year) in a document, beyond rounding — unless the report itself
// states conflicting values, which its own findings then cite (a finding on a
// project's 全年执行数 covers its 执行率 too: a rate of two stated amounts differs with them).
import type { Fact, Report } from '../../src/schema/report.ts';

export interface Conflict {
  concept: string;
  year: number | null;
  values: { value: number; page: number; label: string }[];
}

/** The (concept, year) pairs with more than one value that no finding of the report cites. */
export function unsoundConcepts(report: Pick<Report, 'facts' | 'findings'>): Conflict[] {
  const cited = new Set(report.findings.flatMap((f) => f.factIds));
  const family = (f: Fact) => `${f.concept!.split('.')[0]}\u0000${f.year}`;
  const citedFamilies = new Set(report.facts.filter((f) => f.concept && cited.has(f.id)).map(family));
  const byKey = new Map<string, Fact[]>();
  for (const f of report.facts) {
    if (!f.concept || f.concept.endsWith('.growth') || f.approximate || typeof f.normalized.value !== 'number')
      continue;
    const key = `${f.concept}\u0000${f.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), f]);
  }
  const out: Conflict[] = [];
  for (const facts of byKey.values()) {
    const values = facts.map((f) => f.normalized.value as number);
    const [low, high] = [Math.min(...values), Math.max(...values)];
    // Rounding: the coarsest precision any of them is written to, in the base unit.
    const step = Math.max(...facts.map((f) => roundingOf(f)));
    if (high - low <= step + 1e-9 || citedFamilies.has(family(facts[0]!))) continue;
    out.push({
      concept: facts[0]!.concept!,
      year: facts[0]!.year,
      values: facts.map((f) => ({ value: f.value as number, page: f.page, label: f.label })),
    });
  }
  return out;
}

/** One unit of the last digit written, in the normalised unit (4980.4 万元 → 1000 元): two roundings apart. */
function roundingOf(f: Fact): number {
  const factor = typeof f.value === 'number' && f.value !== 0 ? (f.normalized.value as number) / f.value : 1;
  return Math.abs(10 ** -f.decimals * factor);
}

/** Facts of a 预算 given as spent or adjusted in the report's own year: a planned figure read as an actual. */
export function plannedAsActual(report: Pick<Report, 'facts' | 'document'>): string[] {
  if (report.document.reportType !== '预算') return [];
  return report.facts
    .filter((f) => /^budget\..*\.(?:actual|adjusted)$/.test(f.concept ?? '') && f.year === report.document.fiscalYear)
    .map((f) => `p${f.page} ${f.label} ${f.value} ${f.concept}`);
}
