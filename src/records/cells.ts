// The facts of a report by the cell they were read from, and a cell's text:
// what the records are made of. A record's figures are its cells' facts, so
// that a number is read once (facts/table-facts.ts) and the two never differ.
import type { Fact, Table } from '../schema/report.ts';
import { readCellNumber } from '../text/cell-number.ts';

export class CellFacts {
  private readonly byCell = new Map<string, Fact[]>();

  constructor(facts: readonly Fact[]) {
    for (const f of facts) {
      if (!f.cell) continue;
      const key = keyOf(f.cell.table, f.cell.row, f.cell.col);
      this.byCell.set(key, [...(this.byCell.get(key) ?? []), f]);
    }
  }

  /** Every fact of the cell (a cell of prose may hold several). */
  all(table: string, row: number, col: number | undefined): Fact[] {
    return col === undefined ? [] : (this.byCell.get(keyOf(table, row, col)) ?? []);
  }

  /** The cell's one figure (not a date), or null where it has none or several. */
  number(table: string, row: number, col: number | undefined): Fact | null {
    const numbers = this.all(table, row, col).filter((f) => typeof f.value === 'number' && f.kind !== 'date');
    return numbers.length === 1 ? numbers[0]! : null;
  }

  /** The cell's figure where the cell is one number (a funds row's amounts): a number inside a sentence is none. */
  figure(t: Table, row: number, col: number | undefined): Fact | null {
    return readCellNumber(cellText(t, row, col)) ? this.number(t.id, row, col) : null;
  }
}

const keyOf = (table: string, row: number, col: number) => `${table}\u0000${row}\u0000${col}`;

/** A cell's text, spaces at its ends taken off; '' for a column the row does not reach. */
export function cellText(t: Table, r: number, c: number | undefined): string {
  return c === undefined ? '' : (t.rows[r]?.[c] ?? '').trim();
}

/** A row's name as a record gives it: a list marker (1、 （一） ①) and 其中： taken off. */
export function cleanName(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:[（(]?[0-9一二三四五六七八九十]{1,3}[)）、.．](?![0-9])\s*|[①-⑳]\s*)/, '')
    .replace(/^其中\s*[：:]\s*/, '')
    .trim();
}
