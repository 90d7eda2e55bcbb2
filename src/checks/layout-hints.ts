// What the checks need from a table's geometry that the report's cell text
// does not keep: how far each row's name is indented. A 决算 table without
// 科目编码 shows its 类 / 款 / 项 levels only by indentation.
import type { PageText } from '../pdf/types.ts';
import type { TableModel } from '../tables/find.ts';

export interface TableHints {
  /** per row: the left edge of the text in the row's name column, in points from the column's leftmost such text; null when the cell is empty */
  indent: (number | null)[];
  /** the column whose cells name the rows (the first that is text in the body rows) */
  nameColumn: number;
}

/** One entry per table, in the order of `tables`. `pages` are the pages as read, before the tables' text left them. */
export function tableHints(tables: TableModel[], pages: PageText[]): TableHints[] {
  const byNumber = new Map(pages.map((p) => [p.number, p]));
  return tables.map((t) => {
    const page = byNumber.get(t.page);
    const nameColumn = nameColumnOf(t.rows, t.headerRows);
    const lefts = t.rows.map((row, r) => {
      const text = row[nameColumn] ?? '';
      if (!page || text.trim() === '') return null;
      const box = t.cellBoxes[r]?.[nameColumn];
      if (!box) return null;
      const [x0, y0, x1, y1] = box;
      // The first line's left edge: a name wrapped in its cell starts its second line at the cell's edge.
      let left = Infinity;
      let top = -Infinity;
      for (const it of page.items) {
        if (it.str.trim() === '' || it.x < x0 - 1 || it.x > x1 + 1 || it.y < y0 - 1 || it.y > y1 + 1) continue;
        const lead = it.str.length - it.str.trimStart().length;
        const x = it.x + (lead > 0 ? (it.width * lead) / it.str.length : 0);
        if (it.y > top + 1) {
          top = it.y;
          left = x;
        } else if (Math.abs(it.y - top) <= 1) left = Math.min(left, x);
      }
      return Number.isFinite(left) ? left : null;
    });
    const known = lefts.filter((x, r): x is number => x !== null && r >= t.headerRows);
    const min = known.length > 0 ? Math.min(...known) : 0;
    return { indent: lefts.map((x) => (x === null ? null : Math.round((x - min) * 10) / 10)), nameColumn };
  });
}

function nameColumnOf(rows: string[][], headerRows: number): number {
  const body = rows.slice(headerRows);
  const width = rows[0]?.length ?? 0;
  for (let c = 0; c < width; c++) {
    const texts = body.filter((r) => /[\u4e00-\u9fff]/.test(r[c] ?? '')).length;
    if (texts >= body.length / 2) return c;
  }
  return 0;
}
