// A reviewer's corrections applied to a report: facts corrected, struck out
// ("not a fact") or added, found by their anchors; the checks run again on
// the corrected facts; decisions set on the findings they are about. Always
// applied to the report as the machine read it (asRead undoes an earlier
// application), so that applying the same file twice gives the same report.
import type { Correction, FactCorrection, FindingDecision } from '../schema/corrections.ts';
import { isFindingDecision } from '../schema/corrections.ts';
import type { Fact, Finding, Report, Unmatched } from '../schema/report.ts';
import { matchFact, matchFindings, readInside } from './anchor.ts';
import { added, corrected, valueOf } from './fact-value.ts';
import { checkAgain, recordsAgain, type CellPatch } from './recheck.ts';

/** The report as the machine read it: an earlier application of corrections undone. */
export function asRead(report: Report): Report {
  const { review, ...rest } = report;
  if (!review) return report;
  const originals = new Map(review.asRead.facts.map((f) => [f.id, f]));
  const facts = report.facts
    .filter((f) => originals.has(f.id) || f.corrected?.from !== null)
    .map((f) => originals.get(f.id) ?? f);
  const kept = new Set(facts.map((f) => f.id));
  for (const f of review.asRead.facts) if (!kept.has(f.id)) facts.push(f);
  facts.sort((a, b) => idNumber(a.id) - idNumber(b.id));
  return { ...rest, facts, ...recordsAgain(report, report.tables, facts), findings: review.asRead.findings };
}

/** The corrections of this report's document (by SHA-256), applied to it as read. */
export function applyCorrections(report: Report, all: readonly Correction[]): Report {
  const base = asRead(report);
  const mine = all.filter((c) => c.document === base.source.sha256);
  if (mine.length === 0) return base;
  const unmatched: Unmatched[] = [];
  const miss = (c: Correction, reason: string) => unmatched.push({ correction: { ...c }, reason });
  const facts = applyFactCorrections(
    base,
    mine.filter((c): c is FactCorrection => !isFindingDecision(c)),
    miss,
  );
  const findings = facts.changed ? checkAgain(base, facts.facts, facts.patches) : base.findings;
  const decided = decide(findings, mine.filter(isFindingDecision), miss);
  return {
    ...base,
    facts: facts.facts,
    ...(facts.changed ? recordsAgain(base, base.tables, facts.facts) : {}),
    findings: decided.findings,
    review: {
      applied: facts.applied + decided.applied,
      unmatched,
      asRead: { facts: facts.originals, findings: base.findings },
    },
  };
}

interface FactsApplied {
  facts: Fact[];
  /** the facts as read that corrections changed or removed */
  originals: Fact[];
  patches: CellPatch[];
  applied: number;
  changed: boolean;
}

/** Each fact correction in file order, found among the facts as the lines before it left them. */
function applyFactCorrections(
  base: Report,
  lines: FactCorrection[],
  miss: (c: Correction, reason: string) => void,
): FactsApplied {
  let facts = [...base.facts];
  const asRead = new Map(base.facts.map((f) => [f.id, f]));
  const originals = new Map<string, Fact>();
  const patches: CellPatch[] = [];
  let applied = 0;
  let addedCount = 0;
  for (const c of lines) {
    const value = c.notAFact ? null : valueOf(c);
    if (!c.notAFact && value === null) {
      miss(c, `数值「${String(c.value)}」不是数字`);
      continue;
    }
    const target = c.fact === null ? readInside(facts, c.anchor.page, c.anchor.bbox!, value!) : null;
    if (c.fact === null && !target) {
      if (!base.pages.some((p) => p.number === c.anchor.page)) {
        miss(c, `报告没有第 ${c.anchor.page} 页`);
        continue;
      }
      facts = insertInPageOrder(facts, added(`fr${++addedCount}`, c, value!, base.document));
      applied++;
      continue;
    }
    const m = target ? { found: target } : matchFact(c.anchor, facts);
    if (!('found' in m)) {
      miss(c, m.reason);
      continue;
    }
    const fact = m.found;
    const original = asRead.get(fact.id);
    if (original && !originals.has(fact.id)) originals.set(fact.id, original);
    patches.push({ fact: original ?? fact, value: c.notAFact ? null : value });
    facts = c.notAFact
      ? facts.filter((f) => f !== fact)
      : facts.map((f) => (f === fact ? corrected(fact, c, value!, base.document) : f));
    applied++;
  }
  const sorted = [...originals.values()].sort((a, b) => idNumber(a.id) - idNumber(b.id));
  return { facts, originals: sorted, patches, applied, changed: applied > 0 };
}

/** Decisions in file order: the last about a finding stands. */
function decide(
  findings: Finding[],
  lines: FindingDecision[],
  miss: (c: Correction, reason: string) => void,
): { findings: Finding[]; applied: number } {
  const out = findings.map((f) => ({ ...f }));
  let applied = 0;
  for (const d of lines) {
    const m = matchFindings(d, out);
    if (!('found' in m)) {
      miss(d, m.reason);
      continue;
    }
    for (const f of m.found) f.review = { decision: d.decision, note: d.note, by: d.by, at: d.at };
    applied++;
  }
  return { findings: out, applied };
}

function insertInPageOrder(facts: Fact[], fact: Fact): Fact[] {
  const at = facts.findIndex((f) => f.page > fact.page);
  return at < 0 ? [...facts, fact] : [...facts.slice(0, at), fact, ...facts.slice(at)];
}

/** f12 → 12: the reader numbers facts in page order, so the number restores its order. */
function idNumber(id: string): number {
  const m = /^f(\d+)$/.exec(id);
  return m ? Number(m[1]) : Number.MAX_SAFE_INTEGER;
}

/** Findings a reviewer has not dismissed: what `check` prints and `--fail-on` counts. */
export function openFindings(report: Pick<Report, 'findings'>): Finding[] {
  return report.findings.filter((f) => f.review?.decision !== 'dismissed');
}
