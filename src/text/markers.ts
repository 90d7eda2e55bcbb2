// Reads the heading marker at the start of a paragraph (一、 （二） 3. ④) with
// the marker families of vocab/markers.ts: which family, and the numeral's value.
import { MARKER_FAMILIES, type MarkerFamily } from '../vocab/markers.ts';
import { parseCircled, parseCnInteger } from './cn-numerals.ts';
import { toHalfWidth } from './width.ts';

export interface MarkerMatch {
  family: MarkerFamily;
  marker: string;
  ordinal: number;
  /** text after the marker, leading spaces removed */
  rest: string;
  /** offset of `rest` in the text */
  restStart: number;
}

/** The value of a marker's numeral as its family writes numerals (３ and 3 alike); null if it is none. */
function ordinalOf(family: MarkerFamily, numeral: string): number | null {
  if (family.numerals === 'chinese') return parseCnInteger(numeral);
  if (family.numerals === 'circled') return parseCircled(numeral);
  if (family.numerals === 'arabic') {
    const digits = toHalfWidth(numeral);
    return /^\d+$/.test(digits) ? Number(digits) : null;
  }
  return null;
}

export function matchMarker(text: string): MarkerMatch | null {
  const t = text.trimStart();
  const lead = text.length - t.length;
  for (const family of MARKER_FAMILIES) {
    const m = family.pattern.exec(t);
    if (!m) continue;
    const ordinal = ordinalOf(family, m[1]!);
    if (ordinal === null || ordinal === 0) continue;
    let after = t.slice(m[0].length);
    let skipped = m[0].length;
    const sep = family.separator?.exec(after);
    if (sep) {
      after = after.slice(sep[0].length);
      skipped += sep[0].length;
    }
    const rest = after.trimStart();
    // The marker as written, without the spaces justification put inside it.
    return {
      family,
      marker: m[0].replace(/\s+/g, ''),
      ordinal,
      rest,
      restStart: lead + skipped + (after.length - rest.length),
    };
  }
  return null;
}
