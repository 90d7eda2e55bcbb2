// Header words drawn too close to be parted by the line's gutters (text-header-rows.ts): two cells'
// words a word space apart, or two runs a space apart, cut into a chunk each.
import { isHeaderWord } from '../vocab/header-words.ts';
import { wordsOf, type Chunk, type TextLine } from './chunks.ts';

/**
 * A header line whose chunk is two or more of the genre's header words a word space apart
 * (全年预算数 全年执行数: two cells drawn as one run, padding thinner than a gutter) has a chunk
 * for each word, each then fitted to its own column; so has a chunk of words of two Chinese
 * characters or more a space apart, or drawn in two runs a space apart (绩效指标性 | 本年绩效指标:
 * the first lines of two cells wrapped in narrow columns, their padding all that parts them — Chinese
 * sets no space between the words of one cell); any other chunk is left as it is.
 */
export function headerWordsApart(line: TextLine): TextLine {
  const apart = (c: Chunk): Chunk[] => {
    if (c.pieces.length !== 1) return runsApart(c);
    const words = wordsOf(c.pieces[0]!);
    if (words.length < 2 || !words.every((w) => isHeaderWord(w.str) || WORDS.test(w.str))) return [c];
    return words.map((w) => ({ pieces: [w], text: w.str, x0: w.x0, x1: w.x1, y: c.y, size: c.size }));
  };
  const chunks = line.chunks.flatMap(apart);
  return chunks.length === line.chunks.length ? line : { ...line, chunks };
}

/** Two CJK characters at least: a word of a header cell, not a unit's bracket or a figure. */
const WORDS = /^[\u4e00-\u9fff]{2,}$/;

/**
 * A chunk cut where its pieces change run with a space between them (a fifth of an em or more: one
 * cell's text drawn in two runs, a font change, stands flush), each side words of two characters or
 * more.
 */
function runsApart(c: Chunk): Chunk[] {
  const parts: Chunk['pieces'][] = [[]];
  c.pieces.forEach((p, i) => {
    const prev = c.pieces[i - 1];
    if (prev && prev.item.run !== undefined && p.item.run !== prev.item.run && p.x0 - prev.x1 >= 0.2 * c.size)
      parts.push([]);
    parts[parts.length - 1]!.push(p);
  });
  if (parts.length < 2 || !parts.every((ps) => WORDS.test(ps.map((p) => p.str).join('')))) return [c];
  return parts.map((ps) => ({
    pieces: ps,
    text: ps.map((p) => p.str).join(''),
    x0: ps[0]!.x0,
    x1: Math.max(...ps.map((p) => p.x1)),
    y: c.y,
    size: c.size,
  }));
}
