// Numeric table cells as facts: the unit from the column header (年初预算数（万元）,
// 分值, 执行率), the cell itself (95%) or the table's unit line (单位：万元); the
// label joins the row header and the column header with "·".
import type { TableModel } from '../layout/tables.ts';
import type { Fact, FactKind } from '../schema/report.ts';
import { conceptOf } from '../vocab/concepts.ts';
import { unitDef } from '../vocab/units.ts';
import { parseNumberText, roundTo, toHalfWidth } from './numbers.ts';

export const LABEL_JOINER = '·';

const HEADER_UNIT = /[（(]\s*(万元|元|千元|亿元|%|％|分|人|个|家|项|次|人次)\s*[）)]/;

export function tableFacts(table: TableModel, tableId: string, sectionId: string | null): Omit<Fact, 'id'>[] {
  const numeric = table.rows.map((row) => row.map((cell) => cellValue(cell)));
  const bodyStart = numeric.findIndex((row) => row.some((v) => v !== null));
  if (bodyStart < 0) return [];
  const header = table.rows.slice(0, bodyStart);
  const facts: Omit<Fact, 'id'>[] = [];
  for (let r = bodyStart; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const firstNumber = numeric[r]!.findIndex((v) => v !== null);
    const rowHeader = joinDistinct(row.slice(0, Math.max(0, firstNumber)));
    for (let c = Math.max(0, firstNumber); c < row.length; c++) {
      const parsed = numeric[r]![c];
      if (!parsed || table.covered[r]?.[c]) continue; // a merged cell counts once
      const colHeader = joinDistinct(header.map((h) => h[c] ?? ''));
      const unit = unitFor(row[c]!, colHeader, table.unit);
      if (!unit) continue;
      const def = unitDef(unit.unit);
      if (!def) continue;
      const kind: FactKind = def.kind;
      const colName = colHeader.replace(HEADER_UNIT, '').trim();
      const label = [rowHeader, colName].filter(Boolean).join(LABEL_JOINER);
      facts.push({
        sectionId,
        paragraphId: null,
        page: table.page,
        kind,
        value: parsed.value,
        unit: def.unit,
        normalized: { value: roundTo(parsed.value * def.factor, parsed.decimals + 4), unit: def.base },
        decimals: parsed.decimals,
        upper: null,
        label,
        concept: conceptOf(kind, (rowHeader.split(LABEL_JOINER).pop() ?? '') + (colName.split(LABEL_JOINER).pop() ?? '')),
        approximate: parsed.approximate,
        quote: `${table.title ?? tableId}：${label} ${row[c]}`,
        bbox: table.cellBoxes[r]?.[c] ?? null,
      });
    }
  }
  return facts;
}

function cellValue(cell: string): { value: number; approximate: boolean; decimals: number } | null {
  const t = toHalfWidth(cell.trim()).replace(/\s*(%|分|万元|元)$/, '');
  const parsed = parseNumberText(t);
  if (!parsed) return null;
  const m = /\.(\d+)/.exec(t);
  return { ...parsed, decimals: m ? m[1]!.length : 0 };
}

function unitFor(cell: string, colHeader: string, tableUnit: string | null): { unit: string } | null {
  const c = toHalfWidth(cell.trim());
  if (/%$/.test(c)) return { unit: '%' };
  const inHeader = HEADER_UNIT.exec(colHeader);
  if (inHeader) return { unit: inHeader[1] === '％' ? '%' : inHeader[1]! };
  if (/分值|得分|分数|评分/.test(colHeader)) return { unit: '分' };
  if (/率|比例|占比|权重/.test(colHeader)) return { unit: '%' };
  if (/序号|编号|年度|年份/.test(colHeader)) return null;
  if (tableUnit) return { unit: tableUnit };
  return null;
}

function joinDistinct(cells: string[]): string {
  const out: string[] = [];
  for (const c of cells.map((x) => x.trim()).filter(Boolean)) if (out[out.length - 1] !== c) out.push(c);
  return out.join(LABEL_JOINER);
}
