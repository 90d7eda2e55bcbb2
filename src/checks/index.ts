// The checks stage: every rule over the extracted document; findings numbered
// c1…cn in page order. Where rules overlap the most specific one is kept, as
// each rule's `precedence` ranks them.
//
// ALL_RULES is the one registry of rules: each rule is one file of this folder
// carrying its id, severity, descriptions and precedence. The contract's
// RULE_IDS (src/schema/findings.ts, a lower layer that cannot import this one),
// the JSON Schema and the contract's rule table are held to it by
// test/checks/registry.test.ts.
import type { Finding } from '../schema/report.ts';
import { conflictingValues } from './conflicting-values.ts';
import { enumerationCount } from './enumeration-count.ts';
import { headingSequence } from './heading-sequence.ts';
import { indicatorScoreMismatch } from './indicator-score-mismatch.ts';
import { percentOutOfRange } from './percent-out-of-range.ts';
import { rateMismatch } from './rate-mismatch.ts';
import { scoreMismatch } from './score-mismatch.ts';
import { subsetExceedsTotal } from './subset-exceeds-total.ts';
import { sumMismatch } from './sum-mismatch.ts';
import { tableTotalMismatch } from './table-total-mismatch.ts';
import { textNumberContradiction } from './text-number-contradiction.ts';
import type { CheckInput, Draft, Rule } from './types.ts';
import { yearMismatch } from './year-mismatch.ts';

/** Every rule; which one wins where two overlap is their `precedence`'s to say, not this list's order. */
export const ALL_RULES: Rule[] = [
  tableTotalMismatch,
  indicatorScoreMismatch,
  scoreMismatch,
  subsetExceedsTotal,
  sumMismatch,
  rateMismatch,
  percentOutOfRange,
  textNumberContradiction,
  enumerationCount,
  conflictingValues,
  yearMismatch,
  headingSequence,
];

export function runChecks(input: CheckInput, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const doc = sameYear(input);
  const drafts: Draft[] = [];
  const claimed = new Set<string>();
  for (const rule of byPrecedence(rules)) {
    for (const d of rule.run(doc)) {
      // A fact set already explained by a more specific rule (or by this rule's own earlier finding) is not reported twice.
      if (d.factIds.length > 0 && d.factIds.every((id) => claimed.has(id))) continue;
      d.factIds.forEach((id) => claimed.add(id));
      drafts.push(d);
    }
  }
  drafts.sort((a, b) => (a.page ?? 0) - (b.page ?? 0));
  return drafts.map((d, i) => ({ id: `c${i + 1}`, ...readByOcr(d, doc) }));
}

/** The rules most specific first (lowest `precedence`), whatever order they were given in. */
export function byPrecedence(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.precedence - b.precedence);
  sorted.forEach((r, i) => {
    const prev = sorted[i - 1];
    // Two rules of one rank would be run in the order given: which one names an inconsistency both see would depend on it.
    if (prev && prev.precedence === r.precedence && prev.id !== r.id)
      throw new RangeError(`rules ${prev.id} and ${r.id} share precedence ${r.precedence}`);
  });
  return sorted;
}

/**
 * Arithmetic read from an OCR'd page is never certain: one misread digit or a
 * header cell read as two makes a sum fail. Its errors are warnings, said to
 * come from OCR, for a reviewer to check against the image.
 */
function readByOcr(d: Draft, doc: CheckInput): Draft {
  if (d.severity !== 'error' || d.page === null) return d;
  const pages = new Set([d.page, ...d.factIds.map((id) => doc.facts.find((f) => f.id === id)?.page)]);
  const ocr = doc.pages.some((p) => pages.has(p.number) && p.method === 'ocr');
  return ocr ? { ...d, severity: 'warning', message: `${d.message}（OCR 识别页，请对照原件核实）` } : d;
}

/**
 * The rules compare figures of the report's own year: a figure of another year
 * (上年决算数 is budget.total.actual of year − 1, contract 1.2) keeps its concept
 * in the report, but no rule reads it as the same quantity as this year's.
 */
function sameYear(doc: CheckInput): CheckInput {
  const fy = doc.document.fiscalYear;
  if (!doc.facts.some((f) => f.concept && f.year !== null && f.year !== fy)) return doc;
  return {
    ...doc,
    facts: doc.facts.map((f) => (f.concept && f.year !== null && f.year !== fy ? { ...f, concept: null } : f)),
  };
}
