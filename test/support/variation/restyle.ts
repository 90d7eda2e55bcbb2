// A logical table as a style writes its figures: amounts with thousands
// separators or in 元, empty number cells as a dash, negative figures as the
// style signs them, the 合计 row first.
// The expected facts are derived from the table this returns, so a style
// that writes 5,200,000.00 元 expects 5200000 元.
import type { Cell, LogicalTable, Row, Segment } from './model.ts';
import { totalLast, type Style } from './styles.ts';

const NUMBER_MEASURES = new Set(['money', 'score', 'percent']);

/** 4680.50 → 4,680.50; in 元, 520.00 万元 → 5,200,000.00. */
function amount(text: string, figures: Style['figures']): string {
  const t = text.trim();
  if (figures === 'plain' || !/^-?\d+(\.\d+)?$/.test(t)) return text;
  const value = figures === 'yuan' ? Math.round(Number(t) * 1_000_000) / 100 : Number(t);
  const decimals = figures === 'yuan' ? 2 : (t.split('.')[1] ?? '').length;
  return value.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function cellOf(cell: Cell, measure: string, style: Style): Cell {
  if (typeof cell !== 'string' || !NUMBER_MEASURES.has(measure)) return cell;
  if (cell.trim() === '') return style.empty;
  return negative(measure === 'money' ? amount(cell, style.figures) : cell, style.negative);
}

/** -22.20 as the style writes a negative figure: −22.20, －22.20, (22.20). */
function negative(text: string, sign: Style['negative']): string {
  const m = /^-(\d.*)$/.exec(text.trim());
  if (!m || sign === '-') return text;
  return sign === '()' ? `(${m[1]})` : `${sign}${m[1]}`;
}

function rowOf(row: Row, segment: Segment, style: Style): Row {
  if (row.spans) {
    // A row with merged cells: each cell's measure is that of the first column it covers.
    let c = 0;
    const cells = row.cells.map((cell, i) => {
      const out = cellOf(cell, segment.columns[c]!.measure, style);
      c += row.spans![i]!;
      return out;
    });
    return { ...row, cells };
  }
  return { ...row, cells: row.cells.map((cell, i) => cellOf(cell, segment.columns[i]!.measure, style)) };
}

export function restyle(table: LogicalTable, style: Style): LogicalTable {
  const segments = table.segments.map((segment) => {
    let rows = segment.rows.map((r) => rowOf(r, segment, style));
    const total = style.totalFirst ? totalLast(segment) : null;
    if (total !== null) rows = [rows[total]!, ...rows.slice(0, total)];
    return { ...segment, rows };
  });
  return { ...table, unit: style.figures === 'yuan' ? '元' : table.unit, segments };
}
