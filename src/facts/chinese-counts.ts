// Whether a Chinese numeral before a unit is a count (十五个, 两项, 一百二十家) or part of a word, an idiom,
// a slogan or a phase (一对一, 一次性, “四个意识”, 两节两会, （二期）): precision first, a slogan counted is a
// quantity nobody reported.
import type { NumberToken } from '../text/numbers.ts';
import type { UnitDef } from '../vocab/units.ts';
import { tag } from './segment.ts';

/**
 * Chinese numerals count only in plain counts: 十五个, 两项, 一百二十家 — not 一对一, 一次性, 两会.
 * `unit`: the unit read after the numeral, and where it ends in `half`.
 */
export function chineseCountOk(tok: NumberToken, half: string, unit: { def: UnitDef; end: number }): boolean {
  if (unit.def.kind !== 'count' && unit.def.kind !== 'other') return false;
  if (tok.value === 1 && half.slice(tok.start, tok.end) === '一') return false; // 一个, 一次: too often idiom
  const before = half.slice(Math.max(0, tok.start - 1), tok.start);
  if (/[第每统唯万千百逐]/.test(before)) return false;
  const following = half.slice(unit.end, unit.end + 1);
  if (/[一性体化式样级]/.test(following)) return false;
  // A slogan quoted as a name counts nothing: “四个意识”, “两个维护”, ‘三个一’.
  if (/[“‘「"]/.test(before) && /^[^\s，。；、：,;:“”"]{0,6}[”’」"]/.test(half.slice(unit.end))) return false;
  // 两节两会, 三会一课, 三严三实: a slogan of two numbered words names occasions or virtues, not amounts.
  if (slogan(half, tok.start, unit.end)) return false;
  // （二期） after a project's name is its phase.
  if (unit.def.unit === '期' && /[（(]/.test(before)) return false;
  // 智能交通三期 is a project's phase, named after its noun; 举办三期 counts (after a verb).
  if (unit.def.unit === '期' && /[\u4e00-\u9fff]$/.test(before)) {
    const words = tag(half.slice(Math.max(0, tok.start - 6), tok.start));
    if (words[words.length - 1]?.tag.startsWith('n')) return false;
  }
  return true;
}

const SLOGAN = /^[一二两三四五六七八九十][\u4e00-\u9fff][一二两三四五六七八九十][\u4e00-\u9fff]$/;

/** Whether a one-numeral count (start → end: 两节) is a half of a four-character slogan of two such. */
function slogan(half: string, start: number, end: number): boolean {
  if (end - start !== 2) return false;
  return SLOGAN.test(half.slice(start, start + 4)) || SLOGAN.test(half.slice(start - 2, end));
}
