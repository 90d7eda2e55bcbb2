// What a report read from a fixture gets wrong against the fixture's
// expectations: sections missed or made up (level, marker, ordinal, whole
// title, page), narrative facts missed or made up (kind, value, page), and
// matched facts whose unit, approximation, bound or label differ.
import type { Report } from '../../../src/schema/report.ts';
import type { ExpectedFact, ExpectedSection, Fixture } from './types.ts';

type Section = Report['sections'][number];
type Fact = Report['facts'][number];

export interface Outcome {
  /** the fact read for each expected fact, by its index in the fixture's list */
  matched: Map<number, Fact>;
  sections: { missed: ExpectedSection[]; spurious: Section[] };
  facts: { missed: ExpectedFact[]; spurious: Fact[]; wrong: { expected: ExpectedFact; got: Fact; fields: string[] }[] };
}

/** Whitespace out, full-width forms folded: how a title or marker compares. */
export const fold = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');

const sectionKey = (s: { level: number; marker: string; ordinal: number; title: string; page: number }) =>
  `${s.level}|${fold(s.marker)}|${s.ordinal}|${fold(s.title)}|${s.page}`;

/** Narrative facts: read from a paragraph, not a table cell. */
export function proseFacts(report: Report): Fact[] {
  return report.facts.filter((f) => f.paragraphId !== null);
}

function sameValue(a: number | string, b: number | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return String(a) === String(b);
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
}

function fieldsWrong(e: ExpectedFact, g: Fact): string[] {
  const wrong: string[] = [];
  if (e.kind !== 'date' && g.unit !== e.unit) wrong.push(`unit ${g.unit} ≠ ${e.unit}`);
  if (g.approximate !== (e.approximate ?? false)) wrong.push(`approximate ${g.approximate}`);
  if ((g.comparator ?? null) !== (e.comparator ?? null))
    wrong.push(`comparator ${g.comparator} ≠ ${e.comparator ?? null}`);
  if (e.label !== undefined && g.label !== e.label) wrong.push(`label ${g.label} ≠ ${e.label}`);
  return wrong;
}

export function compare(fixture: Fixture, report: Report): Outcome {
  const got = new Map<string, Section[]>();
  for (const s of report.sections) got.set(sectionKey(s), [...(got.get(sectionKey(s)) ?? []), s]);
  const missedSections: ExpectedSection[] = [];
  for (const e of fixture.sections) {
    const list = got.get(sectionKey(e));
    if (list && list.length > 0) list.shift();
    else if (!e.optional) missedSections.push(e);
  }
  const facts = proseFacts(report);
  const used = new Set<number>();
  const missed: ExpectedFact[] = [];
  const wrong: Outcome['facts']['wrong'] = [];
  const matched = new Map<number, Fact>();
  for (const [index, e] of fixture.facts.entries()) {
    const pages = [e.page, e.pageAlt].filter((p) => p !== undefined);
    const candidates = facts
      .map((g, i) => ({ g, i }))
      .filter(({ g, i }) => !used.has(i) && g.kind === e.kind && sameValue(g.value, e.value) && pages.includes(g.page));
    // Of several with the same value, the one whose other fields agree.
    const best = candidates.find(({ g }) => fieldsWrong(e, g).length === 0) ?? candidates[0];
    if (!best) {
      missed.push(e);
      continue;
    }
    used.add(best.i);
    matched.set(index, best.g);
    const fields = fieldsWrong(e, best.g);
    if (fields.length > 0) wrong.push({ expected: e, got: best.g, fields });
  }
  return {
    matched,
    sections: { missed: missedSections, spurious: [...got.values()].flat() },
    facts: { missed, spurious: facts.filter((_, i) => !used.has(i)), wrong },
  };
}

/** One line per problem, for a test's message and the score's listing. */
export function describe(o: Outcome): { sections: string[]; facts: string[] } {
  const sec = (s: { level: number; marker: string; title: string; page: number }) =>
    `L${s.level} ${s.marker}${s.title} p${s.page}`;
  const fact = (f: { value: unknown; unit: string; kind: string; page: number }) =>
    `${String(f.value)}${f.unit} [${f.kind}] p${f.page}`;
  return {
    sections: [
      ...o.sections.missed.map((s) => `missed   ${sec(s)}`),
      ...o.sections.spurious.map((s) => `spurious ${sec(s)}`),
    ],
    facts: [
      ...o.facts.missed.map((f) => `missed   ${fact(f)} «${f.text}»${f.broken ? ` (broken over a ${f.broken})` : ''}`),
      ...o.facts.spurious.map((f) => `spurious ${fact(f)} «${f.quote}»`),
      ...o.facts.wrong.map((w) => `wrong    ${fact(w.expected)} «${w.expected.text}»: ${w.fields.join(', ')}`),
    ],
  };
}
