// A table cell that is one number, with an optional unit written after it
// (98%, 96分, 4980.37万元, 1.2万户). Shared by table detection (which rows are
// body rows) and table facts, so that both agree on what a numeric cell is.
import { boundAtEnd, boundBefore, type Comparator } from '../vocab/bounds.ts';
import { matchUnitAt, YEARS } from '../vocab/units.ts';
import { parseNumberText } from './numbers.ts';
import { toHalfWidth } from './width.ts';
import { memoized } from '../util/memo.ts';

export interface CellNumber {
  value: number;
  approximate: boolean;
  /** digits written after the decimal point */
  decimals: number;
  /** a unit written in the cell itself, as in the units vocabulary; null for a bare number */
  unit: string | null;
  /** a target's bound written in the cell (≥19280人次, 不低于90%, 240人以上); null for a plain figure */
  comparator: Comparator | null;
}

/**
 * The number a cell holds, if it is one. Table detection, table facts, records and checks each ask it of the
 * same cells: read once per distinct text, each caller given a copy of its own.
 */
export function readCellNumber(cell: string): CellNumber | null {
  const n = readKept(cell);
  return n && { ...n };
}

const readKept = memoized(readCell, 16384);

/** A number of years a duration runs: one or two digits, a half year allowed (1.5年). */
const DURATION_YEARS = /^[0-9]{1,2}(?:\.5)?$/;

function readCell(cell: string): CellNumber | null {
  const t = signed(toHalfWidth(cell).replace(/\s+/g, '').replace(/％/g, '%'));
  if (t === '' || t.length > 24) return null;
  const [bounded, comparator] = withoutBound(t);
  let core = bounded;
  let unit: string | null = null;
  const tail = /^(.*[0-9])([^0-9]+)$/.exec(bounded);
  if (tail) {
    const u = matchUnitAt(tail[2]!);
    if (u && u.length === tail[2]!.length) {
      core = tail[1]!;
      unit = u.def.unit;
    } else if (tail[2] === YEARS.unit && DURATION_YEARS.test(tail[1]!)) {
      // ≥6年, 1年: a duration; a year (2023年) has four digits.
      core = tail[1]!;
      unit = YEARS.unit;
    }
  }
  // 4980.37万 with no unit after it: the multiplier would be applied twice with a 万元 header.
  if (/[万亿千]/.test(core)) return null;
  const parsed = parseNumberText(core);
  if (!parsed) return null;
  const dot = /\.([0-9]+)/.exec(core);
  return {
    value: parsed.value,
    approximate: parsed.approximate || comparator !== null,
    decimals: dot ? dot[1]!.length : 0,
    unit,
    comparator,
  };
}

/**
 * A negative figure however a cell signs it, as -: a full-width minus (－22.20), or brackets around
 * an amount written with decimals or thousands separators, as accounts set it ((22.20), （1,234）,
 * (5.28%)); an item number in brackets ((3), （2023）) is no figure. Read as a bare 22.20 it would
 * be a number read wrong.
 */
function signed(t: string): string {
  const bracketed = /^[(（]([0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+\.[0-9]+)(%?)[)）]$/.exec(t);
  if (bracketed) return `-${bracketed[1]}${bracketed[2]}`;
  return t.replace(/^－(?=[0-9])/, '-');
}

/** The cell's text without a bound before its number (≥, 不低于) or after its unit (以上, 以内), and the bound. */
function withoutBound(t: string): [string, Comparator | null] {
  const lead = /^([^0-9]*?)(?=[-−]?[0-9])/.exec(t)?.[1] ?? '';
  const before = lead === '' ? null : boundBefore(lead);
  if (before && before.length === lead.length) return [t.slice(lead.length), before.comparator];
  const after = boundAtEnd(t);
  if (after && /[0-9]/.test(t.slice(0, t.length - after.length)))
    return [t.slice(0, t.length - after.length), after.comparator];
  return [t, null];
}

/**
 * A cell that holds a figure as a table sets it: one number (readCellNumber), or a target written
 * as a range (85%-90%, 90～95分) or bounded on both sides (控制在20万元以内). Table detection reads a
 * row with one as a row of figures; the facts of such a cell are read as prose (the range's upper,
 * the bound).
 */
export const isFigureCell: (cell: string) => boolean = memoized(figureCell, 16384);

function figureCell(cell: string): boolean {
  if (readCellNumber(cell) !== null) return true;
  const t = toHalfWidth(cell).replace(/\s+/g, '').replace(/％/g, '%');
  if (t === '' || t.length > 24) return false;
  const range = /^([^0-9]*[0-9][0-9.,]*[^0-9-~～至到—]*)(?:-|~|～|至|到|—)([0-9][0-9.,]*\D*)$/.exec(t);
  // Years apart (2023-2025, an 实施周期) are a period, not a figure.
  if (range && /^(?:19|20)[0-9]{2}$/.test(range[1]!) && /^(?:19|20)[0-9]{2}年?$/.test(range[2]!)) return false;
  if (range) return readCellNumber(range[1]!) !== null && readCellNumber(range[2]!) !== null;
  const lead = /^([^0-9]*?)(?=[0-9])/.exec(t)?.[1] ?? '';
  const before = lead === '' ? null : boundBefore(lead);
  const after = boundAtEnd(t);
  return (
    before !== null &&
    before.length === lead.length &&
    after !== null &&
    readCellNumber(t.slice(lead.length, t.length - after.length)) !== null
  );
}
