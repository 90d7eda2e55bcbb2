// A fact as a reviewer gave it: their value, unit and label, with the kind,
// the normalised value, the decimals and the concept that follow from them
// (as the reader derives them: vocab/units.ts, vocab/concepts.ts).
import type { FactCorrection } from '../schema/corrections.ts';
import type { Corrected, DocumentMeta, Fact, FactKind } from '../schema/report.ts';
import { labelYear } from '../facts/year.ts';
import { roundTo } from '../text/numbers.ts';
import { conceptOf, type ConceptContext } from '../vocab/concepts.ts';
import { unitDef } from '../vocab/units.ts';

const DATE_UNITS = new Set(['年', '月', '日']);

/** The value of a correction: a number (a string of digits with separators is read as one), or an ISO date for a date unit. */
export function valueOf(c: Pick<FactCorrection, 'value' | 'unit'>): number | string | null {
  if (typeof c.value === 'number') return c.value;
  if (typeof c.value !== 'string') return null;
  const t = c.value.trim();
  if (DATE_UNITS.has(c.unit ?? '') && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(t)) return t;
  const folded = t
    .replace(/[０-９．－]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(folded)) return null;
  return Number(folded);
}

/** Digits after the point as the reviewer wrote the value (a string keeps 999.80's two), or as given. */
function decimalsOf(c: FactCorrection, value: number | string): number {
  if (c.decimals !== undefined) return c.decimals;
  if (typeof value !== 'number') return 0;
  const written = typeof c.value === 'string' ? c.value.trim() : String(value);
  return /[.．](\d+)/.exec(written)?.[1]!.length ?? 0;
}

/** The concepts' context of a report's document, as the reader sets it (pipeline/assemble.ts). */
export function conceptContext(d: DocumentMeta): ConceptContext {
  return {
    fallbackScope: d.reportType === '整体支出' ? 'total' : null,
    projectReport: d.reportType === '项目支出',
    finalAccounts: d.reportType === '决算',
    fiscalYear: d.fiscalYear,
  };
}

/**
 * `fact` with the correction's value, unit and label (those it gives); `by` says who and when. The
 * concept stays while label and kind do; otherwise it is read from the new label (null where none fits).
 */
export function corrected(fact: Fact, c: FactCorrection, value: number | string, document: DocumentMeta): Fact {
  const unit = c.unit ?? fact.unit;
  const label = c.label ?? fact.label;
  const def = typeof value === 'number' ? unitDef(unit) : undefined;
  const kind: FactKind =
    DATE_UNITS.has(unit) && typeof value === 'string' ? 'date' : (def?.kind ?? kindKept(fact, unit));
  const decimals = decimalsOf(c, value);
  const normalized =
    def && typeof value === 'number'
      ? { value: roundTo(value * def.factor, decimals + 6), unit: def.base }
      : { value, unit };
  const sameMeaning = label === fact.label && kind === fact.kind && normalized.unit === fact.normalized.unit;
  const { ocrConfidence: _unsure, corrected: earlier, ...rest } = fact;
  const from: Corrected['from'] =
    earlier !== undefined
      ? earlier.from
      : { value: fact.value, unit: fact.unit, ...(label !== fact.label && { label: fact.label }) };
  return {
    ...rest,
    kind,
    value,
    unit,
    normalized,
    decimals,
    upper: typeof value === 'number' && fact.upper !== null && fact.upper > value ? fact.upper : null,
    label,
    concept: sameMeaning ? fact.concept : conceptOf(kind, label, conceptContext(document)),
    corrected: { from, note: c.note, by: c.by, at: c.at },
  };
}

/** A fact the reviewer added where the reader read none: their box, value, unit and label. */
export function added(id: string, c: FactCorrection, value: number | string, document: DocumentMeta): Fact {
  const blank: Fact = {
    id,
    sectionId: null,
    paragraphId: null,
    page: c.anchor.page,
    kind: 'other',
    value,
    unit: c.unit ?? '',
    normalized: { value, unit: c.unit ?? '' },
    decimals: 0,
    upper: null,
    label: c.label ?? '',
    concept: null,
    year: labelYear(c.label ?? '', document.fiscalYear),
    approximate: false,
    comparator: null,
    change: false,
    quote: c.anchor.quote,
    bbox: c.anchor.bbox,
    cell: null,
  };
  // Built through corrected() so that kind, normalised value and concept follow as for any correction; then marked added.
  const fact = corrected({ ...blank, label: '\u0000' }, c, value, document);
  return { ...fact, corrected: { ...fact.corrected!, from: null } };
}

/** An unknown unit: the fact keeps its kind while the unit is its own, and is 'other' otherwise. */
function kindKept(fact: Fact, unit: string): FactKind {
  return unit === fact.unit ? fact.kind : 'other';
}
