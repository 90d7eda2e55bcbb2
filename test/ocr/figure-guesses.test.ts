// ocr/ppocr/guesses: a figure's characters the recogniser was unsure of are
// settled by its second guess where a figure's grammar wants it, and points
// read from specks are dropped — never a character it did not see taken.
import { describe, expect, test } from 'vitest';
import { settleFigure } from '../../src/ocr/ppocr/guesses.ts';
import type { ReadChar } from '../../src/ocr/ppocr/rec.ts';

/** "2@0.61/≥ 8 个" → characters 20 px apart: ch, then prob (1 when left out), then the second guess. */
function read(spec: string): ReadChar[] {
  return spec.split(' ').map((part, i) => {
    const [head, alt] = part.split('/');
    const [ch, prob] = head!.split('@');
    return { ch: ch === '_' ? ' ' : ch!, x: 20 * i, prob: prob ? Number(prob) : 1, alt: alt ?? '' };
  });
}
const text = (chars: ReadChar[]) => chars.map((c) => c.ch).join('');

describe('settleFigure', () => {
  test('a first digit read unsure whose second guess is a bound: the bound (≥8个, not 28个)', () => {
    expect(text(settleFigure(read('2@0.61/≥ 8 个')))).toBe('≥8个');
    // sure, or a second guess that is no sign: as read
    expect(text(settleFigure(read('2 8 个')))).toBe('28个');
    expect(text(settleFigure(read('2@0.61/3 8 个')))).toBe('28个');
  });

  test('a colon between digits read unsure whose second guess is a point: the decimal point', () => {
    expect(text(settleFigure(read('7 2 0 :@0.89/. 3 0')))).toBe('720.30');
    expect(text(settleFigure(read('1 :@0.99/. 1')))).toBe('1:1');
  });

  test('a mark after a figure whose second guess begins its unit: the unit', () => {
    expect(text(settleFigure(read('8 ↑@0.7/个')))).toBe('8个');
    expect(text(settleFigure(read('8 个@0.9/↑')))).toBe('8个');
  });

  test('points read from specks: after a figure unsure, beside a name unsure, between a figure and its unit', () => {
    expect(text(settleFigure(read('2 0 .@0.75')))).toBe('20');
    expect(text(settleFigure(read('1 0 0 % .@0.61')))).toBe('100%');
    expect(text(settleFigure(read('总 分 .@0.79')))).toBe('总分');
    expect(text(settleFigure(read('.@0.8 机 关')))).toBe('机关');
    expect(text(settleFigure(read(',@0.8/， 服 务')))).toBe('服务');
    expect(text(settleFigure(read('1 2 .@0.98 人 次')))).toBe('12人次');
    expect(text(settleFigure(read('.@0.77 2 0')))).toBe('20');
  });

  test('what is read sure, or could be printed so, stays', () => {
    expect(text(settleFigure(read('3 1 4 . 9 0')))).toBe('314.90');
    expect(text(settleFigure(read('2 0 .')))).toBe('20.');
    expect(text(settleFigure(read('其 中 ：@0.8')))).toBe('其中：');
    // a line of prose ending in a comma read unsure, or a full stop read as a point whose other guess is 。
    expect(text(settleFigure(read('调 查 ,@0.7/，')))).toBe('调查,');
    expect(text(settleFigure(read('调 查 ,@0.7')))).toBe('调查,');
    expect(text(settleFigure(read('调 查 .@0.7/。')))).toBe('调查.');
    expect(text(settleFigure(read('1 2 % ,@0.7/，')))).toBe('12%,');
    // a point before a figure whose other guess was a character: 0.20 or 20 cannot be told
    expect(text(settleFigure(read('.@0.77/0 2 0')))).toBe('.20');
    expect(text(settleFigure(read('1 . 5 万 元')))).toBe('1.5万元');
    // a list's marker before a name that starts like a unit (项)
    expect(text(settleFigure(read('2 . 项 目 资 金')))).toBe('2.项目资金');
  });
});
