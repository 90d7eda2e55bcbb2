// One manifest entry read as the pipeline reads it, its facts against the
// ones its class's source of truth expects in its style.
import { readFileSync } from 'node:fs';
import { extractBytes } from '../../../src/pipeline/extract.ts';
import type { Fact, Finding, Report } from '../../../src/schema/report.ts';
import { CLASSES } from './classes/index.ts';
import { compareFacts, type Comparison } from './compare.ts';
import { layoutGrid } from './grid.ts';
import { FIXTURES, type Entry } from './manifest.ts';
import type { ExpectedFact, LogicalTable, Plant } from './model.ts';
import { STYLES, type Style } from './styles.ts';

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

function classOf(entry: Entry): LogicalTable {
  const table = CLASSES.find((c) => c.id === entry.class);
  if (!table) throw new Error(`${entry.id}: no such class`);
  return table;
}

function styleOf(entry: Entry): Style {
  const style = STYLES.find((s) => s.id === entry.style);
  if (!style) throw new Error(`${entry.id}: no such style`);
  return style;
}

export function expectedOf(entry: Entry): ExpectedFact[] {
  return layoutGrid(classOf(entry), styleOf(entry)).facts;
}

/** The facts read on the entry's pages (dates left out: a caption's 2023年度 is not a cell). */
export function factsOf(report: Report, entry: Entry): Fact[] {
  return report.facts.filter((f) => f.page >= entry.pages[0] && f.page <= entry.pages[1] && f.kind !== 'date');
}

/** Findings of severity error on the entry's pages. */
function errorsOn(report: Report, entry: Entry): Finding[] {
  return report.findings.filter(
    (f) => f.severity === 'error' && f.page !== null && f.page >= entry.pages[0] && f.page <= entry.pages[1],
  );
}

const rulesOf = (p: Plant) => [p.rule, ...(p.alt ?? [])];

/** Whether finding `f` reports plant `p`: its rule, and the planted figure among the figures it names. */
function reportsPlant(report: Report, f: Finding, p: Plant, entry: Entry): boolean {
  if (!rulesOf(p).includes(f.rule)) return false;
  const figure = p.money && styleOf(entry).figures === 'yuan' ? p.figure * 10000 : p.figure;
  const cited = report.facts.filter((x) => f.factIds.includes(x.id)).map((x) => x.value);
  return [f.actual, f.expected, ...cited].some((x) => typeof x === 'number' && Math.abs(x - figure) < 0.005);
}

/**
 * The false errors of an entry: a clean class adds up, so each error is false; in a planted twin
 * an error of a planted rule is the plant's (a total off by the planted figure may be reported at
 * each level it breaks), any other error is false.
 */
export function errorsOf(report: Report, entry: Entry): Finding[] {
  const planted = classOf(entry).planted ?? [];
  return errorsOn(report, entry).filter((f) => !planted.some((p) => rulesOf(p).includes(f.rule)));
}

/** The plants of the entry's class that no error on its pages reports. */
export function missedPlants(report: Report, entry: Entry): Plant[] {
  const errors = errorsOn(report, entry);
  return (classOf(entry).planted ?? []).filter((p) => !errors.some((f) => reportsPlant(report, f, p, entry)));
}

export interface Outcome extends Comparison {
  errors: Finding[];
  /** planted mistakes not found */
  missed: Plant[];
  planted: number;
  pass: boolean;
}

export async function evaluate(entry: Entry): Promise<Outcome> {
  const report = await reportOf(entry.file);
  const c = compareFacts(expectedOf(entry), factsOf(report, entry));
  const errors = errorsOf(report, entry);
  const missed = missedPlants(report, entry);
  const planted = classOf(entry).planted?.length ?? 0;
  const pass = c.missing.length === 0 && c.extra.length === 0 && errors.length === 0 && missed.length === 0;
  return { ...c, errors, missed, planted, pass };
}
