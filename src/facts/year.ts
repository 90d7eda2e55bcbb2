// The fiscal year a figure belongs to (contract 1.2 `year`), read from the
// words of its sentence before it, and growth statements (比上年增长 12.5%,
// 下降 3 个百分点): what grew, against which year (recognise.ts signs a change).
//
// The rule: the last year named before the figure in its sentence decides
// (2022年 → 2022; 上年/上一年度 → year − 1; 下一年度 → year + 1; 本年 → the
// report's year); with none, the report's year. In a change (增长 8.6%, 多
// 800 万元) the words from its comparison on (比2021年…, 同比) name the base,
// not the change's own year. `year` is null for a date (its value is its own
// time), for a count of what the unit is (主要职能 15 项, 内设机构 8 个: not of
// people, in a clause about duties or bodies or under a section on them —
// 职能职责, 机构设置 — naming no year), and wherever
// the report's year is unknown and the sentence names none.
import { memoized } from '../util/memo.ts';
import type { FactKind } from '../schema/report.ts';
import {
  AGAINST_PREVIOUS,
  COMPARISON,
  PEOPLE,
  RELATIVE_YEARS,
  STANDING,
  STANDING_SECTION,
  YEAR_NAMED,
  YEAR_WORDS_IN_LABEL,
} from '../vocab/years.ts';

export interface FigureYear {
  year: number | null;
  /** a growth statement (a percent change): whether its base is the year before, and what grew */
  growth: { againstPrevious: boolean; subjectText: string } | null;
}

export interface YearInput {
  /** the figure's sentence up to its number */
  before: string;
  kind: FactKind;
  /** the normalised unit: % or 百分点 mark a growth statement's figure */
  baseUnit: string;
  /** the figure is a change (增长 12.5%, 比上年多 800 万元: recognise.ts decides it and its direction) */
  change: boolean;
  label: string;
  fiscalYear: number | null | undefined;
  /** the title of the figure's section: counts under 机构设置 or 职能职责 describe the unit */
  sectionTitle?: string | null;
}

export function figureYear(input: YearInput): FigureYear {
  const { before, kind, baseUnit, label, fiscalYear, sectionTitle = null } = input;
  const fy = fiscalYear ?? null;
  if (kind === 'date') return { year: null, growth: null };
  const percentChange = kind === 'percent' && input.change;
  const comparison = lastMatch(before, COMPARISON);
  const change = percentChange || (comparison !== null && (kind === 'money' || kind === 'count') && input.change);
  // Comparisons closed before the figure's clause (…，比2021年增长8.6%，其中…) named their bases, not its year.
  const own = (change && comparison ? before.slice(0, comparison.index) : before).replace(CLOSED_COMPARISON, '');
  const named = yearNamed(own, fy);
  if (
    named === undefined &&
    kind === 'count' &&
    !PEOPLE.test(baseUnit) &&
    (STANDING_SECTION.test(sectionTitle ?? '') ||
      STANDING.test(before.slice(Math.max(...['，', '；', ',', ';'].map((c) => before.lastIndexOf(c))) + 1) + label))
  )
    return { year: null, growth: null };
  const base = comparison ? before.slice(comparison.index) : '';
  const baseYear = comparison ? yearNamed(base, fy) : undefined;
  const stated = named === undefined ? fy : named;
  // A change is of a year after its base: 上年支出 1567.89 万元，比上年增加 … is this year's change.
  const year =
    change && typeof baseYear === 'number' && typeof stated === 'number' && stated <= baseYear ? baseYear + 1 : stated;
  if (!percentChange) return { year, growth: null };
  const againstPrevious =
    comparison !== null &&
    (AGAINST_PREVIOUS.test(base) ||
      (year !== null && baseYear === year - 1 && /^(?:比|较|与)\s*(?:19|20)\d{2}\s*年/.test(base)));
  const cut = label.search(/比|较|与|同比|环比/);
  const subjectText = (cut < 0 ? '' : label.slice(0, cut)).replace(YEAR_WORDS_IN_LABEL, '');
  return { year, growth: { againstPrevious, subjectText } };
}

/** The year the last year word of the text names: undefined when it names none, null when it is relative and the report's year is unknown. */
export function yearNamed(text: string, fy: number | null): number | null | undefined {
  let best: { at: number; year: number | null } | null = null;
  const consider = (at: number, year: number | null) => {
    if (!best || at >= best.at) best = { at, year };
  };
  for (const m of text.matchAll(YEAR_NAMED)) consider(m.index, Number(m[1]));
  for (const { words, offset } of RELATIVE_YEARS)
    for (const m of text.matchAll(words)) consider(m.index, fy === null ? null : fy + offset);
  return best === null ? undefined : (best as { year: number | null }).year;
}

/** The year of a table cell's label (上年决算数, 2022年·决算数): the report's year unless a header names another. */
export function labelYear(label: string, fiscalYear: number | null | undefined): number | null {
  return labelYearKept(`${fiscalYear ?? ''}\u0000${label}`);
}

/** labelYear, kept per report year and label: every cell under a header asks its year again. */
const labelYearKept = memoized((key: string) => {
  const at = key.indexOf('\u0000');
  const fy = at === 0 ? null : Number(key.slice(0, at));
  const named = yearNamed(key.slice(at + 1), fy);
  return named === undefined ? fy : named;
});

/** A concept label without the year words before it: 上年决算数 → 决算数, 比2021年决算数 → 决算数. */
export function withoutYearWords(label: string): string {
  return label.replace(YEAR_WORDS_IN_LABEL, '');
}

const CLOSED_COMPARISON = new RegExp(`(?:${COMPARISON.source})[^，。；,;]*[，；,;]`, 'g');

function lastMatch(text: string, re: RegExp): RegExpMatchArray | null {
  let last: RegExpMatchArray | null = null;
  for (const m of text.matchAll(re)) last = m;
  return last;
}
