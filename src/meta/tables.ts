// What a report's tables say about the report itself: their captions (a report
// with no cover opens on a table: 部门整体预算绩效目标申报表, 预算01表 收支总表)
// and their cover rows (部门名称 | 某某局, 部门（单位）名称 | 某某局 …).
import { SEAL_NOTE, UNIT_FIELDS } from '../vocab/covers.ts';
import { squeezed } from './cover-text.ts';

/** The part of a table the document block reads. */
export interface CoverTable {
  page: number;
  title: string | null;
  rows: string[][];
}

export interface FieldValue {
  value: string;
  rank: number;
}

/** A table's cover rows are among its first few. */
const COVER_ROWS = 4;

/** The unit fields of a table's first rows: a key cell (部门名称) and the next cell that differs from it. */
export function tableUnitFields(table: CoverTable): FieldValue[] {
  const out: FieldValue[] = [];
  for (const row of table.rows.slice(0, COVER_ROWS)) {
    const cells = row.map((c) => squeezed(c));
    for (let c = 0; c < cells.length; c++) {
      const key = cells[c]!.replace(/[：:]$/, '').replace(SEAL_NOTE, '');
      // A bare 单位 or 部门 heads a column of units of measure or of departments, not a cover row.
      const rank = /^(?:单位|部门)$/.test(key) ? undefined : UNIT_FIELDS.find((f) => f.key.test(key))?.rank;
      if (rank === undefined) continue;
      const value = cells.slice(c + 1).find((v) => v !== '' && v !== cells[c]);
      if (value) out.push({ value, rank });
    }
  }
  return out;
}
