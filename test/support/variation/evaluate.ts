// One manifest entry read as the pipeline reads it, its facts against the
// ones its class's source of truth expects in its style.
import { readFileSync } from 'node:fs';
import { extractBytes } from '../../../src/pipeline/extract.ts';
import type { Fact, Finding, Report } from '../../../src/schema/report.ts';
import { CLASSES } from './classes/index.ts';
import { compareFacts, type Comparison } from './compare.ts';
import { layoutGrid } from './grid.ts';
import { FIXTURES, type Entry } from './manifest.ts';
import type { ExpectedFact } from './model.ts';
import { STYLES } from './styles.ts';

const reports = new Map<string, Promise<Report>>();

/** The report of a fixture PDF, read once however many entries it holds. */
export function reportOf(file: string): Promise<Report> {
  let r = reports.get(file);
  if (!r) {
    r = extractBytes(new Uint8Array(readFileSync(`${FIXTURES}${file}`)), file, { ocr: 'never' });
    reports.set(file, r);
  }
  return r;
}

export function expectedOf(entry: Entry): ExpectedFact[] {
  const table = CLASSES.find((c) => c.id === entry.class);
  const style = STYLES.find((s) => s.id === entry.style);
  if (!table || !style) throw new Error(`${entry.id}: no such class or style`);
  return layoutGrid(table, style).facts;
}

/** The facts read on the entry's pages (dates left out: a caption's 2023年度 is not a cell). */
export function factsOf(report: Report, entry: Entry): Fact[] {
  return report.facts.filter((f) => f.page >= entry.pages[0] && f.page <= entry.pages[1] && f.kind !== 'date');
}

/** Findings of severity error on the entry's pages: every table of the harness adds up, so each is false. */
export function errorsOf(report: Report, entry: Entry): Finding[] {
  return report.findings.filter(
    (f) => f.severity === 'error' && f.page !== null && f.page >= entry.pages[0] && f.page <= entry.pages[1],
  );
}

export interface Outcome extends Comparison {
  errors: Finding[];
  pass: boolean;
}

export async function evaluate(entry: Entry): Promise<Outcome> {
  const report = await reportOf(entry.file);
  const c = compareFacts(expectedOf(entry), factsOf(report, entry));
  const errors = errorsOf(report, entry);
  return { ...c, errors, pass: c.missing.length === 0 && c.extra.length === 0 && errors.length === 0 };
}
