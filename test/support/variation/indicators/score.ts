// The records read from one entry's pages against the truth its class was
// drawn from. Records and truth rows are paired in order by name (the longest
// common sequence of names), so a row split in two or two rows run together
// shows as a truth row missing and records too many. A row is exact when its
// name, its target's value, unit, bound and range, its actual's value and
// unit, its weight and its score are; its path, project and the texts as
// printed are counted apart.
import { readFileSync } from 'node:fs';
import { extractBytes } from '../../../../src/pipeline/extract.ts';
import type { FundsRow, Indicator, Report } from '../../../../src/schema/report.ts';
import { classOf, FIXTURES, type Entry } from './manifest.ts';
import type { FundsTruth, IndicatorTruth } from './truth.ts';

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

export interface Wrong<T, R> {
  truth: T;
  record: R | null;
  fields: string[];
}

export interface Outcome {
  indicators: number;
  exact: number;
  /** rows whose path ([一级, 二级]) is right too, and whose project is */
  paths: number;
  projects: number;
  wrong: Wrong<IndicatorTruth, Indicator>[];
  extra: Indicator[];
  funds: number;
  fundsExact: number;
  fundsWrong: Wrong<FundsTruth, FundsRow>[];
  fundsExtra: FundsRow[];
  pass: boolean;
}

const near = (a: number | null | undefined, b: number | null | undefined) =>
  (a ?? null) === null || (b ?? null) === null ? (a ?? null) === (b ?? null) : Math.abs(a! - b!) < 1e-9;

/** The fields of an indicator that are wrong: the exact ones first, then path and project (prefixed ~). */
export function indicatorFields(t: IndicatorTruth, r: Indicator): string[] {
  const out: string[] = [];
  const target = r.target;
  if (!target) out.push('target');
  else {
    if (!near(t.target.value, target.value)) out.push('target.value');
    if (t.target.value !== null && t.target.unit !== target.unit) out.push('target.unit');
    if (t.target.comparator !== target.comparator) out.push('target.comparator');
    if (!near(t.target.upper, target.upper)) out.push('target.upper');
  }
  if ((t.actual === null) !== (r.actual === null)) out.push('actual');
  else if (t.actual && r.actual) {
    if (!near(t.actual.value, r.actual.value)) out.push('actual.value');
    if (t.actual.value !== null && t.actual.unit !== r.actual.unit) out.push('actual.unit');
  }
  if (!near(t.weight, r.weight)) out.push('weight');
  if (!near(t.score, r.score)) out.push('score');
  if (t.path.join('|') !== r.path.join('|')) out.push('~path');
  if (t.project !== r.project) out.push('~project');
  return out;
}

function fundsFields(t: FundsTruth, r: FundsRow): string[] {
  const keys = ['planned', 'adjusted', 'executed', 'rate', 'weight', 'score'] as const;
  return keys.filter((k) => !near(t[k], r[k]));
}

/** Pairs of indices (truth, record) with equal names, in order, as many as can be. */
export function align(truth: string[], records: string[]): [number, number][] {
  const n = truth.length;
  const m = records.length;
  const L = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      L[i]![j] = truth[i] === records[j] ? L[i + 1]![j + 1]! + 1 : Math.max(L[i + 1]![j]!, L[i]![j + 1]!);
  const out: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m;) {
    if (truth[i] === records[j]) (out.push([i, j]), i++, j++);
    else if (L[i + 1]![j]! >= L[i]![j + 1]!) i++;
    else j++;
  }
  return out;
}

/** Each truth row with its record (or none), and the records no truth row took. */
function pair<T extends { name: string }, R extends { name: string }>(truth: T[], records: R[]) {
  const pairs = align(
    truth.map((t) => t.name),
    records.map((r) => r.name),
  );
  const byTruth = new Map(pairs);
  const taken = new Set(pairs.map(([, j]) => j));
  return {
    rows: truth.map((t, i) => ({ truth: t, record: byTruth.has(i) ? records[byTruth.get(i)!]! : null })),
    extra: records.filter((_, j) => !taken.has(j)),
  };
}

const onPages = (e: Entry) => (x: { page: number }) => x.page >= e.pages[0] && x.page <= e.pages[1];
const inOrder = (a: { page: number; row: number }, b: { page: number; row: number }) =>
  a.page - b.page || a.row - b.row;

export async function evaluate(entry: Entry): Promise<Outcome> {
  const report = await reportOf(entry.file);
  const cls = classOf(entry.class);
  const found = report.indicators.filter(onPages(entry)).sort(inOrder);
  const ind = pair(cls.indicators, found);
  const wrong = ind.rows.flatMap(({ truth, record }) => {
    const fields = record ? indicatorFields(truth, record) : ['missing'];
    return fields.length > 0 ? [{ truth, record, fields }] : [];
  });
  const exactWrong = wrong.filter((w) => w.fields.some((f) => !f.startsWith('~')));
  const fundsFound = report.funds.filter(onPages(entry)).sort(inOrder);
  const funds = pair(cls.funds, fundsFound);
  const fundsWrong = funds.rows.flatMap(({ truth, record }) => {
    const fields = record ? fundsFields(truth, record) : ['missing'];
    return fields.length > 0 ? [{ truth, record, fields }] : [];
  });
  const n = cls.indicators.length;
  const outcome = {
    indicators: n,
    exact: n - exactWrong.length,
    paths: n - wrong.filter((w) => w.fields.includes('~path') || w.fields.includes('missing')).length,
    projects: n - wrong.filter((w) => w.fields.includes('~project') || w.fields.includes('missing')).length,
    wrong,
    extra: ind.extra,
    funds: cls.funds.length,
    fundsExact: cls.funds.length - fundsWrong.length,
    fundsWrong,
    fundsExtra: funds.extra,
  };
  const pass =
    outcome.exact === n && outcome.extra.length === 0 && fundsWrong.length === 0 && outcome.fundsExtra.length === 0;
  return { ...outcome, pass };
}

const brief = (t: IndicatorTruth) =>
  `${t.name} [${t.target.text}${t.actual ? ` / ${t.actual.text}` : ''}${t.weight !== null ? ` ${t.weight}/${t.score}` : ''}]`;
const got = (r: Indicator) =>
  `${r.name} [${r.target?.text ?? '∅'} → ${r.target?.value ?? '∅'}${r.target?.unit ?? ''} ${r.target?.comparator ?? ''}` +
  `${r.actual ? ` / ${r.actual.text} → ${r.actual.value ?? '∅'}${r.actual.unit ?? ''}` : ''} ${r.weight ?? '∅'}/${r.score ?? '∅'}] p${r.page} ${r.path.join('›')}`;

/** One line per problem, for a failing test's message. */
export function describe(o: Outcome): string {
  const lines = o.wrong.map(
    (w) => `${w.fields.join(',')}: ${brief(w.truth)}${w.record ? ` — read ${got(w.record)}` : ''}`,
  );
  for (const r of o.extra) lines.push(`extra record ${got(r)}`);
  for (const w of o.fundsWrong)
    lines.push(
      `funds ${w.fields.join(',')}: ${w.truth.name}` +
        (w.record
          ? ` — read ${[w.record.planned, w.record.adjusted, w.record.executed, w.record.rate, w.record.weight, w.record.score].join(' | ')}`
          : ''),
    );
  for (const r of o.fundsExtra) lines.push(`extra funds record ${r.name} p${r.page}`);
  return lines.join('\n');
}
