// Text geometry for table finding: items grouped into lines by baseline, and
// each line cut into chunks where a gap of about an em or more separates text
// (a column gutter), never inside a run of justified prose.
import { GAP_EMS } from '../pdf/run-gaps.ts';
import type { TextItem } from '../pdf/types.ts';
import { joinLines, joinPieces, tidySpaces } from '../text/cjk.ts';

/** A piece of a text item: items with runs of spaces inside are cut there. */
export interface Piece {
  item: TextItem;
  str: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

export interface Chunk {
  pieces: Piece[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/**
 * Where a cell's text stands: its lowest and highest baselines, its type size, the left and right
 * edges of its lowest line, and the width of its widest line (whether a line was wrapped: carry.ts).
 */
export type Extent = [low: number, high: number, size: number, lastX0: number, lastX1: number, widest: number];

export interface TextLine {
  y: number;
  size: number;
  chunks: Chunk[];
}

/** A gap this many ems wide or more separates two chunks of a line. */
const GUTTER_EMS = 1;
/**
 * Between two cells' text this many ems are enough: a table without borders, set as spreadsheets
 * export it, leaves only the cells' padding between a number set right and the next cell (10 | 97.62%
 * read as 1097.62%; 3560.80 | 一、一般公共服务支出), or between two texts set left (分值 | 执行率,
 * 年度预算 | 项目支出). Two cells are two runs of the drawing (where it was read: items marked with their
 * run) or, with a number on either side, two items; a word space or the space between a number and
 * its unit is narrower, and a name spread over its cell is one run.
 */
const CELL_GUTTER_EMS = GAP_EMS;
const ENDS_NUMBER = /[0-9０-９%％]$/;
const STARTS_NUMBER = /^[0-9０-９≥≤＞＜>]/;

function gutter(last: Chunk, p: Piece): boolean {
  const gap = p.x0 - last.x1;
  const em = Math.min(last.size, p.size);
  if (gap >= GUTTER_EMS * em) return true;
  if (gap < CELL_GUTTER_EMS * em) return false;
  const prev = last.pieces[last.pieces.length - 1]!;
  if (prev.item.run !== undefined && p.item.run !== undefined) return prev.item.run !== p.item.run;
  return prev.item !== p.item && (ENDS_NUMBER.test(prev.str) || STARTS_NUMBER.test(p.str));
}

/** Items' pieces grouped into lines, top to bottom, each cut into chunks. */
export function textLines(items: TextItem[]): TextLine[] {
  return groupLines(items.flatMap(piecesOf)).map((g) => {
    const chunks: Chunk[] = [];
    for (const p of g) {
      const last = chunks[chunks.length - 1];
      if (last && !gutter(last, p)) {
        last.pieces.push(p);
        last.x1 = Math.max(last.x1, p.x1);
        last.size = Math.max(last.size, p.size);
      } else chunks.push({ pieces: [p], text: '', x0: p.x0, x1: p.x1, y: p.y, size: p.size });
    }
    for (const c of chunks) c.text = lineText(c.pieces);
    return {
      y: g[0]!.y,
      size: g.reduce((m, p) => Math.max(m, p.size), -Infinity),
      chunks: chunks.filter((c) => c.text !== ''),
    };
  });
}

/** Pieces grouped by baseline, top to bottom, each line left to right. */
export function groupLines(pieces: Piece[]): Piece[][] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const groups: Piece[][] = [];
  for (const p of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(last[0]!.y - p.y) <= 0.3 * Math.min(last[0]!.size, p.size)) last.push(p);
    else groups.push([p]);
  }
  for (const g of groups) g.sort((a, b) => a.x0 - b.x0);
  return groups;
}

/** The text of pieces on one line, left to right: no space next to Chinese. */
function lineText(pieces: Piece[]): string {
  let text = '';
  let prev: Piece | null = null;
  // Joined from the last character, not the whole text: indexing the growing text copies it each time (quadratic on a line of 100,000 items).
  let lastChar = '';
  for (const p of pieces) {
    text = prev ? text + joinPieces(lastChar, p.str, p.x0 - prev.x1 > 0.2 * p.size).slice(lastChar.length) : p.str;
    if (p.str !== '') lastChar = p.str[p.str.length - 1]!;
    prev = p;
  }
  return tidySpaces(text);
}

/** The text of a cell: its lines top to bottom, joined without spaces between Chinese (a wrapped cell is one text). */
export function cellText(pieces: Piece[]): string {
  let text = '';
  for (const line of groupLines(pieces)) {
    const t = lineText(line);
    if (t !== '') text = text === '' ? t : joinLines(text, t);
  }
  return text;
}

/** An item cut at runs of two or more spaces (a gutter written as spaces); widths shared out by glyph width. */
export function piecesOf(item: TextItem): Piece[] {
  if (item.str.trim() === '') return [];
  const whole = (str: string, x0: number, x1: number): Piece => ({ item, str, x0, x1, y: item.y, size: item.size });
  if (!/\S[\s\u3000]{2,}\S/.test(item.str)) return [whole(item.str.trim(), item.x, item.x + item.width)];
  const total = ems(item.str);
  const scale = total > 0 ? item.width / total : 0;
  const out: Piece[] = [];
  const re = /[^\s\u3000]+(?:[\s\u3000][^\s\u3000]+)*/g;
  for (let m = re.exec(item.str); m; m = re.exec(item.str)) {
    const x0 = item.x + ems(item.str.slice(0, m.index)) * scale;
    out.push(whole(m[0], x0, x0 + ems(m[0]) * scale));
  }
  return out;
}

/** A piece cut into its words at single spaces, widths shared out by glyph width (for a run that crosses a cell border). */
export function wordsOf(p: Piece): Piece[] {
  if (!/\S[\s\u3000]+\S/.test(p.str)) return [p];
  const total = ems(p.str);
  const scale = total > 0 ? (p.x1 - p.x0) / total : 0;
  const out: Piece[] = [];
  for (const m of p.str.matchAll(/[^\s\u3000]+/g)) {
    const x0 = p.x0 + ems(p.str.slice(0, m.index)) * scale;
    out.push({ ...p, str: m[0], x0, x1: x0 + ems(m[0]) * scale });
  }
  return out;
}

/** Width in ems as these fonts set it: CJK one em, ASCII half. */
function ems(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}
