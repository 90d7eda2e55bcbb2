// The indicator harness's source of truth: indicator rows and funds rows
// written from the vocabulary with a seeded generator, each with what it
// means (the target's value, unit, bound and range, the actual, the weight
// and score). The tables are drawn from these; the records read from the
// drawn tables are scored against them. Nothing here comes from a run of
// the reader.
import type { Comparator } from '../../../../src/schema/report.ts';
import {
  DATE_ACTUALS,
  DATE_TARGETS,
  DEVIATIONS,
  TARGET_FORMS,
  TEMPLATES,
  WORD_ACTUALS,
  WORD_TARGETS,
  type Measure,
  type Template,
} from './vocab.ts';

export interface TargetTruth {
  text: string;
  value: number | null;
  unit: string | null;
  comparator: Comparator | null;
  upper: number | null;
}

export interface ActualTruth {
  text: string;
  value: number | null;
  unit: string | null;
}

export interface IndicatorTruth {
  project: string | null;
  /** 一级, 二级 */
  path: [string, string];
  name: string;
  target: TargetTruth;
  /** the 实施周期指标值 of a target table (not the record's target: that is the year's) */
  period: TargetTruth | null;
  actual: ActualTruth | null;
  weight: number | null;
  score: number | null;
  deviation: string | null;
}

export interface FundsTruth {
  name: string;
  planned: number | null;
  adjusted: number | null;
  executed: number | null;
  rate: number | null;
  weight: number | null;
  score: number | null;
}

/** mulberry32: the same tables on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** A number as a table prints it: up to `decimals` places, no trailing zeros unless `fixed`. */
export function printed(v: number, decimals: number, fixed = false): string {
  const s = v.toFixed(decimals);
  return fixed || !s.includes('.') ? s : s.replace(/\.?0+$/, '');
}

export interface Options {
  seed: number;
  count: number;
  /** self-evaluation (actual, weight, score) or target table (targets only) */
  selfEvaluation: boolean;
  /** a 实施周期指标值 beside the year's */
  period?: boolean;
  /** share of actuals written without their unit */
  bareActuals?: number;
  /** the weight of all indicators together (90: the funds row holds the other 10) */
  weights?: number;
  project?: string | null;
  year?: number;
}

/** `count` indicators in the genre's order, names distinct. */
export function indicators(o: Options): IndicatorTruth[] {
  const rand = random(o.seed);
  const chosen = new Set<number>();
  while (chosen.size < Math.min(o.count, TEMPLATES.length)) chosen.add(Math.floor(rand() * TEMPLATES.length));
  const templates = [...chosen].sort((a, b) => a - b).map((i) => TEMPLATES[i]!);
  const weights = o.selfEvaluation ? spread(rand, templates.length, o.weights ?? 90) : null;
  return templates.map((tpl, i) => {
    const target = targetOf(rand, tpl, o.year ?? 2023);
    const met = rand() > 0.2;
    const actual = o.selfEvaluation ? actualOf(rand, tpl, target, met, o.bareActuals ?? 0.25) : null;
    const weight = weights ? weights[i]! : null;
    const missed = actual !== null && !met;
    const score = weight === null ? null : missed ? Math.round(weight * (0.5 + rand() * 0.4) * 10) / 10 : weight;
    return {
      project: o.project ?? null,
      path: [tpl.level1, tpl.level2],
      name: tpl.name,
      target,
      period: o.period ? periodOf(rand, tpl, target) : null,
      actual,
      weight,
      score,
      deviation: missed ? pick(rand, DEVIATIONS) : null,
    };
  });
}

/** n weights of whole or half points adding up to total. */
function spread(rand: Rand, n: number, total: number): number[] {
  const halves = total * 2;
  const base = Math.floor(halves / n);
  const out = Array.from({ length: n }, () => base);
  for (let left = halves - base * n; left > 0; left--) out[Math.floor(rand() * n)]! += 1;
  // Whole points where the halves allow it: move a half from one odd weight to the next.
  for (let i = 0; i + 1 < n; i++) if (out[i]! % 2 === 1 && out[i + 1]! % 2 === 1) (out[i]!++, out[i + 1]!--);
  return out.map((h) => h / 2);
}

const UNIT: Partial<Record<Measure, string>> = { rate: '%', lowRate: '%', points: '分' };

/** A value of the template's measure, as printed and as a number. */
function valueOf(rand: Rand, tpl: Template): { v: number; decimals: number } {
  switch (tpl.measure) {
    case 'rate':
      return { v: pick(rand, [80, 85, 90, 95, 96, 98, 99, 100, 97.5]), decimals: 1 };
    case 'lowRate':
      return { v: pick(rand, [0.5, 1, 2, 3, 5]), decimals: 1 };
    case 'points':
      return { v: pick(rand, [85, 90, 95]), decimals: 0 };
    case 'hours':
      return { v: pick(rand, [2, 4, 24, 48]), decimals: 0 };
    case 'cost': {
      const [lo, hi] = tpl.range!;
      const decimals = rand() < 0.5 ? 2 : 0;
      return { v: round(lo + rand() * (hi - lo), decimals), decimals };
    }
    default: {
      const [lo, hi] = tpl.range!;
      const v = lo + rand() * (hi - lo);
      return { v: v > 1000 ? Math.round(v / 10) * 10 : Math.round(v), decimals: 0 };
    }
  }
}

const round = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

function targetOf(rand: Rand, tpl: Template, year: number): TargetTruth {
  if (tpl.measure === 'words') return words(pick(rand, WORD_TARGETS));
  if (tpl.measure === 'date') return words(pick(rand, DATE_TARGETS(year)));
  const { v, decimals } = valueOf(rand, tpl);
  // Nothing is more than 100%: a target of 100% is at least or exactly that.
  const forms = TARGET_FORMS[tpl.measure].filter((f) => !(v >= 100 && tpl.measure === 'rate' && f.comparator === '>'));
  const form = pick(rand, forms);
  const unit = UNIT[tpl.measure] ?? tpl.unit!;
  const value = form.range ? Math.min(v, 90) : v;
  const upper = form.range ? value + 5 : null;
  const text = form.write(printed(value, decimals), unit, upper === null ? '' : printed(upper, decimals));
  return { text, value, unit, comparator: form.comparator, upper };
}

const words = (text: string): TargetTruth => ({ text, value: null, unit: null, comparator: null, upper: null });

/** What was done: a number on the right side of the target (or the wrong one), in its unit or written bare. */
function actualOf(rand: Rand, tpl: Template, target: TargetTruth, met: boolean, bare: number): ActualTruth {
  if (tpl.measure === 'words') return { text: met ? target.text : pick(rand, WORD_ACTUALS), value: null, unit: null };
  if (tpl.measure === 'date') return { text: pick(rand, DATE_ACTUALS), value: null, unit: null };
  const t = target.value!;
  const low = target.comparator === '<=' || target.comparator === '<' || tpl.measure === 'lowRate';
  const percent = target.unit === '%';
  let a: number;
  if (target.comparator === '=') a = met ? t : t * 0.9;
  else if (target.upper !== null) a = met ? t + rand() * (target.upper - t) : t - 1 - rand() * 4;
  else {
    const toward = met !== low ? 1 : -1;
    a = t * (1 + toward * (0.02 + rand() * 0.12));
    if (target.comparator === null && met && !low) a = Math.max(a, t);
  }
  if (percent) a = Math.min(a, 100);
  const decimals = percent || tpl.measure === 'cost' ? (rand() < 0.5 ? 1 : 2) : 0;
  const value = round(a, decimals);
  const text = printed(value, decimals);
  return rand() < bare
    ? { text, value, unit: target.unit }
    : { text: `${text}${target.unit}`, value, unit: target.unit };
}

/** The target over the whole period: a multiple of the year's for counts and costs, the same bound otherwise. */
function periodOf(rand: Rand, tpl: Template, year: TargetTruth): TargetTruth {
  if (year.value === null || (tpl.measure !== 'count' && tpl.measure !== 'cost')) return year;
  const k = pick(rand, [2, 3]);
  const value = year.value * k;
  return { ...year, value, text: year.text.replace(printed(year.value, 2), printed(value, 2)) };
}

/** Funds rows: a total and its parts, the year's budget, what was spent, the rate and the total's weight and score. */
export function fundsRows(seed: number, names: string[], withScores: boolean): FundsTruth[] {
  const rand = random(seed);
  const parts = names.slice(1).map(() => round(50 + rand() * 2000, 2));
  const rows = [parts.reduce((a, b) => a + b, 0), ...parts].map((planned) => {
    const adjusted = round(planned * (1 + rand() * 0.1), 2);
    const executed = round(adjusted * (0.85 + rand() * 0.15), 2);
    return { planned: round(planned, 2), adjusted, executed };
  });
  // The total is the sum of its parts in every column.
  const sum = (k: 'adjusted' | 'executed') =>
    round(
      rows.slice(1).reduce((a, r) => a + r[k], 0),
      2,
    );
  rows[0] = { planned: rows[0]!.planned, adjusted: sum('adjusted'), executed: sum('executed') };
  return rows.map((r, i) => {
    const rate = round((r.executed / r.adjusted) * 100, 2);
    const total = i === 0 && withScores;
    return {
      name: names[i]!,
      ...r,
      rate,
      weight: total ? 10 : null,
      score: total ? round(10 * Math.min(1, rate / 100), 2) : null,
    };
  });
}
