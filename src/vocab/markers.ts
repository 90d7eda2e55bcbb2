// Heading marker families of Chinese official documents, as data. The order
// here means nothing: a document's own nesting decides each family's level.
// text/markers.ts reads a marker with them.
import { CN_NUMERAL_CHARS } from './numerals.ts';

export interface MarkerFamily {
  id: string;
  /** Matches a marker at the start of a paragraph; group 1 is the numeral. */
  pattern: RegExp;
  /** How the numeral is written; 'none' for a family that has none (a report's title), which never matches. */
  numerals: 'chinese' | 'arabic' | 'circled' | 'none';
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

export const MARKER_FAMILIES: MarkerFamily[] = [
  // 第一部分：标题, 第一部分 标题, 第一部分　标题 and 第一章: the colon belongs to the marker, not the title.
  {
    id: 'part',
    pattern: new RegExp(`^第(${cn})(?:部分|章|篇)(?![的中和])`),
    numerals: 'chinese',
    listProne: false,
    rank: 0,
    separator: /^\s*[：:]/,
  },
  {
    id: 'cn-dun',
    pattern: new RegExp(`^(${cn})(?:\\s*、|[，．.])(?![${CN_NUMERAL_CHARS}]级)`),
    numerals: 'chinese',
    listProne: false,
    rank: 1,
  },
  { id: 'cn-paren', pattern: new RegExp(`^[（(]\\s*(${cn})\\s*[）)]`), numerals: 'chinese', listProne: false, rank: 2 },
  {
    id: 'num-dun',
    pattern: /^([0-9０-９]{1,2})(?:\s*、|\s*[.．](?!\s*[0-9０-９]))/,
    numerals: 'arabic',
    listProne: true,
    rank: 3,
  },
  // Justified text can space out a marker: （ 3 ）.
  { id: 'num-paren', pattern: /^[（(]\s*([0-9０-９]{1,2})\s*[）)]/, numerals: 'arabic', listProne: true, rank: 4 },
  { id: 'num-rparen', pattern: /^([0-9０-９]{1,2})[）)]/, numerals: 'arabic', listProne: true, rank: 4 },
  { id: 'circled', pattern: /^([①-⑳])/, numerals: 'circled', listProne: true, rank: 5 },
];
