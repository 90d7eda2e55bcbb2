// A table's total row (合计, 总计, 总分) that is not the sum of the rows above it,
// column by column, within the rounding of the figures written.
import type { Draft, Rule } from './types.ts';
import type { Table } from '../schema/report.ts';
import { isSegmentHeader } from '../layout/table-headers.ts';
import { bodyStart, cellNumber, columnName, decimalsOf, headersByRow, totalRowIndex, TOTAL_ROW } from './tables.ts';

export const tableTotalMismatch: Rule = {
  id: 'table-total-mismatch',
  run(doc) {
    const drafts: Draft[] = [];
    for (const table of doc.tables) {
      const total = totalRowIndex(table);
      const start = bodyStart(table);
      // Without a header the table's top is elsewhere (a fragment, a part carried over from
      // the page before): the rows here need not be all the total adds up.
      if (total < 0 || total <= start || start === 0) continue;
      // The total adds up its own segment: the rows since the last header row above it.
      let segment = start;
      const inner = new Set([...Array(total - start).keys()].map((i) => start + i).filter((r) => isSegmentHeader(table.rows, r)));
      for (const r of inner) segment = Math.max(segment, r + 1);
      const bodyRows = (from: number) => [...Array(total - from).keys()].map((i) => from + i).filter((r) => !inner.has(r) && !TOTAL_ROW.test((table.rows[r]![0] ?? '').trim()));
      const rows = bodyRows(segment).map((r) => table.rows[r]!);
      if (rows.length < 2) continue;
      const headers = headersByRow(table);
      const width = Math.max(...table.rows.map((r) => r.length));
      for (let c = 1; c < width; c++) {
        const colName = columnName(table, headers, total, c);
        if (/率|比例|占比|%|％|序号|编号/.test(colName)) continue;
        const stated = cellNumber(table.rows[total]![c]);
        const values = rows.map((r) => cellNumber(r[c]));
        if (stated === null || values.some((v) => v === null)) continue;
        const d = Math.max(decimalsOf(table.rows[total]![c]!), ...rows.map((r) => decimalsOf(r[c] ?? '')));
        const sum = values.reduce((s, v) => s! + v!, 0)!;
        const slack = (rows.length + 1) * 0.5 * 10 ** -d + 1e-9;
        if (Math.abs(sum - stated) <= slack) continue;
        // A self-evaluation table's 总分 adds every segment's 分值/得分 (budget execution 10 + indicators 90).
        const whole = segment > start && /分值|得分/.test(colName) ? sameNamedSum(table, headers, bodyRows(start), colName) : null;
        if (whole !== null && Math.abs(whole - stated) <= slack * 2) continue;
        const expected = Number((whole ?? sum).toFixed(d));
        drafts.push({
          rule: 'table-total-mismatch',
          severity: 'error',
          message: `表“${table.title ?? table.id}”（第${table.page}页）“${colName || `第${c + 1}列`}”列：各项之和为 ${expected}，${table.rows[total]![0] || '合计'}行却为 ${table.rows[total]![c]}`,
          factIds: [],
          sectionIds: [],
          page: table.page,
          expected,
          actual: stated,
        });
      }
    }
    return drafts;
  },
};

/** The sum of every number in the given rows under a column of the same name, whichever segment it is in. */
function sameNamedSum(table: Table, headers: number[][], rows: number[], name: string): number {
  let sum = 0;
  for (const r of rows) {
    table.rows[r]!.forEach((cell, c) => {
      const v = cellNumber(cell);
      if (v !== null && columnName(table, headers, r, c) === name && (c === 0 || table.rows[r]![c - 1] !== cell || columnName(table, headers, r, c - 1) !== name)) sum += v;
    });
  }
  return sum;
}
