// Heading marker families of Chinese official documents, as data. The order
// here means nothing: a document's own nesting decides each family's level.
import { CN_NUMERAL_CHARS, parseCircled, parseCnInteger } from '../text/cn-numerals.ts';

export interface MarkerFamily {
  id: string;
  /** Matches a marker at the start of a paragraph; group 1 is the numeral. */
  pattern: RegExp;
  ordinal(numeral: string): number | null;
  /** Families whose items are often plain list items rather than headings. */
  listProne: boolean;
  /**
   * The usual seniority (GB/T 9704: 一、 > （一） > 1. > （1）). Only used when a
   * senior family first appears below junior ones, as in a report that opens
   * at （三）; otherwise the document's own nesting decides.
   */
  rank: number;
  /** punctuation that may follow the marker before the title (第一部分：标题) */
  separator?: RegExp;
}

const cn = `[${CN_NUMERAL_CHARS}]{1,4}`;
const toInt = (s: string) => (/^\d+$/.test(s) ? Number(s) : null);
const fullToHalf = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

export const MARKER_FAMILIES: MarkerFamily[] = [
  // 第一部分：标题, 第一部分 标题, 第一部分　标题 and 第一章: the colon belongs to the marker, not the title.
  { id: 'part', pattern: new RegExp(`^第(${cn})(?:部分|章|篇)(?![的中和])`), ordinal: parseCnInteger, listProne: false, rank: 0, separator: /^\s*[：:]/ },
  { id: 'cn-dun', pattern: new RegExp(`^(${cn})(?:\\s*、|[，．.])(?![${CN_NUMERAL_CHARS}]级)`), ordinal: parseCnInteger, listProne: false, rank: 1 },
  { id: 'cn-paren', pattern: new RegExp(`^[（(]\\s*(${cn})\\s*[）)]`), ordinal: parseCnInteger, listProne: false, rank: 2 },
  { id: 'num-dun', pattern: /^([0-9０-９]{1,2})(?:\s*、|\s*[.．](?!\s*[0-9０-９]))/, ordinal: (s) => toInt(fullToHalf(s)), listProne: true, rank: 3 },
  // Justified text can space out a marker: （ 3 ）.
  { id: 'num-paren', pattern: /^[（(]\s*([0-9０-９]{1,2})\s*[）)]/, ordinal: (s) => toInt(fullToHalf(s)), listProne: true, rank: 4 },
  { id: 'num-rparen', pattern: /^([0-9０-９]{1,2})[）)]/, ordinal: (s) => toInt(fullToHalf(s)), listProne: true, rank: 4 },
  { id: 'circled', pattern: /^([①-⑳])/, ordinal: parseCircled, listProne: true, rank: 5 },
];

export interface MarkerMatch {
  family: MarkerFamily;
  marker: string;
  ordinal: number;
  /** text after the marker, leading spaces removed */
  rest: string;
  /** offset of `rest` in the text */
  restStart: number;
}

export function matchMarker(text: string): MarkerMatch | null {
  const t = text.trimStart();
  const lead = text.length - t.length;
  for (const family of MARKER_FAMILIES) {
    const m = family.pattern.exec(t);
    if (!m) continue;
    const ordinal = family.ordinal(m[1]!);
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
    return { family, marker: m[0].replace(/\s+/g, ''), ordinal, rest, restStart: lead + skipped + (after.length - rest.length) };
  }
  return null;
}
