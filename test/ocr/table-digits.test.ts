// The table digit bench's scoring (bench/ocr-tables.ts): a cell is right only when the figure read
// over its box is its own; a figure read there that is not its own is a misread, and digits are
// counted by edit distance.
import { describe, expect, it } from 'vitest';
import { figures, scoreCells } from '../../bench/ocr-tables.ts';

const cell = (figure: string, cx: number, cy: number) => ({ figure, cx, cy, w: 60, h: 20 });
const read = (text: string, cx: number, cy: number, w = 60) => ({ text, cx, cy, w, h: 20 });

describe('table digit scoring', () => {
  it('reads figures as digits and decimal point, thousands commas and full-width digits aside', () => {
    expect(figures('1,280.40 万元')).toEqual(['1280.40']);
    expect(figures('１２.５%')).toEqual(['12.5']);
    expect(figures('1.280 40')).toEqual(['1.280', '40']);
  });

  it('counts a cell right, misread or missed by what is read over its own box', () => {
    const cells = [cell('1280.40', 100, 100), cell('95.37', 200, 100), cell('6.43', 100, 140)];
    const misreads: string[] = [];
    const s = scoreCells(cells, [read('1,280.40', 101, 102), read('95537', 198, 99), read('6.43', 300, 140)], misreads);
    expect(s).toEqual({ cells: 3, right: 1, misread: 1, digits: 6 + 4 + 3, digitsRight: 6 + 3 });
    expect(misreads).toEqual(['95.37→95537']);
  });

  it('takes the right figure from a line over two cells, and a row below is not the cell’s', () => {
    const s = scoreCells(
      [cell('180.10', 100, 100), cell('260.30', 200, 100)],
      [read('180.10 260.30', 150, 100, 160), read('180.10', 100, 125)],
    );
    expect(s.right).toBe(2);
    expect(scoreCells([cell('180.10', 100, 100)], [read('180.10', 100, 125)]).right).toBe(0);
  });
});
