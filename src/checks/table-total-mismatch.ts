// A table's total row (合计, 总计, 总分) that is not the sum of the rows above it,
// column by column, within the rounding of the figures written.
import type { Draft, Rule } from './types.ts';
import { bodyStart, cellNumber, decimalsOf, totalRowIndex, TOTAL_ROW } from './tables.ts';

export const tableTotalMismatch: Rule = {
  id: 'table-total-mismatch',
  run(doc) {
    const drafts: Draft[] = [];
    for (const table of doc.tables) {
      const total = totalRowIndex(table);
      const start = bodyStart(table);
      if (total < 0 || total <= start) continue;
      const rows = table.rows.slice(start, total).filter((r) => !TOTAL_ROW.test((r[0] ?? '').trim()));
      if (rows.length < 2) continue;
      const header = table.rows.slice(0, start);
      const width = Math.max(...table.rows.map((r) => r.length));
      for (let c = 1; c < width; c++) {
        const colName = header.map((h) => h[c] ?? '').filter(Boolean).join('·');
        if (/率|比例|占比|%|％|序号|编号/.test(colName)) continue;
        const stated = cellNumber(table.rows[total]![c]);
        const values = rows.map((r) => cellNumber(r[c]));
        if (stated === null || values.some((v) => v === null)) continue;
        const d = Math.max(decimalsOf(table.rows[total]![c]!), ...rows.map((r) => decimalsOf(r[c] ?? '')));
        const sum = values.reduce((s, v) => s! + v!, 0)!;
        const slack = (rows.length + 1) * 0.5 * 10 ** -d + 1e-9;
        if (Math.abs(sum - stated) <= slack) continue;
        const expected = Number(sum.toFixed(d));
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
