// The 类 / 款 / 项 level of each row of a 决算 or 预算 table: from its
// 科目编码 (201 / 20101 / 2010101, in a code column or leading the name), or
// else from how far its name is indented (a table without codes shows its
// levels only so). Total rows are level 0.
import type { BBox } from '../schema/report.ts';
import type { PageText } from '../pdf/types.ts';
import { readCellNumber } from '../text/cell-number.ts';
import { SUBJECT_CODE } from './roles.ts';

const CODE_IN_NAME = /^(\d{3}|\d{5}|\d{7})(?=\s*[\u4e00-\u9fff])/;

/**
 * Where the first line of text in a cell's box stands on its page (a name
 * wrapped in its cell starts its second line at the cell's edge): its left
 * edge, and whether it is set centred in the box (as far from both sides, and
 * not against either) — centred names show no levels. Null when the box is
 * unknown or empty.
 */
export function nameEdge(
  page: PageText | undefined,
  box: BBox | null | undefined,
): { left: number; centred: boolean } | null {
  if (!page || !box) return null;
  const [x0, y0, x1, y1] = box;
  let left = Infinity;
  let right = -Infinity;
  let top = -Infinity;
  for (const it of page.items) {
    if (it.str.trim() === '' || it.x < x0 - 1 || it.x > x1 + 1 || it.y < y0 - 1 || it.y > y1 + 1) continue;
    const lead = it.str.length - it.str.trimStart().length;
    const trail = it.str.length - it.str.trimEnd().length;
    const x = it.x + (lead > 0 ? (it.width * lead) / it.str.length : 0);
    const end = it.x + it.width - (trail > 0 ? (it.width * trail) / it.str.length : 0);
    if (it.y > top + 1) [top, left, right] = [it.y, x, end];
    else if (Math.abs(it.y - top) <= 1) [left, right] = [Math.min(left, x), Math.max(right, end)];
  }
  if (!Number.isFinite(left)) return null;
  const [gapLeft, gapRight] = [left - x0, x1 - right];
  return { left, centred: gapLeft > 2 && gapRight > 2 && Math.abs(gapLeft - gapRight) <= 2 };
}

/** The rows a level is read for: their cells, whether they are a total, the left edge of the name (null when unknown). */
export interface LevelRow {
  cells: string[];
  total: boolean;
  left: number | null;
  /** its name is set centred in its cell */
  centred: boolean;
}

/**
 * Each row's level (1 = 类, 2 = 款, 3 = 项; 0 for a total row), or null for
 * all rows when the rows show no hierarchy: by codes when at least half the
 * rows have one — a 科目编码 in `codeColumns[0]` or leading the name, or the
 * code split over columns 类 | 款 | 项 (the last one written gives the level) —
 * else by the indentation of the names (two to four distinct left edges, 2 pt
 * apart, ranked; `left` measured from the table's left edge on its page).
 */
export function levelsOf(rows: LevelRow[], nameColumn: number, codeColumns: number[]): (number | null)[] | null {
  const byCode = rows.map((r) => codeLevel(r.cells, nameColumn, codeColumns));
  if (byCode.filter((l) => l !== null).length >= Math.max(2, rows.length / 2))
    return rows.map((r, i) => (r.total ? 0 : byCode[i]!));
  // Names set centred in their cells stand apart by their lengths, not by levels; rows of words are no accounts.
  if (2 * rows.filter((r) => r.centred).length > rows.filter((r) => r.left !== null).length) return null;
  const amounts = rows.filter((r) => r.cells.some((cell, c) => c > nameColumn && readCellNumber(cell) !== null));
  if (2 * amounts.length < rows.length) return null;
  const min = Math.min(...rows.flatMap((r) => (r.left === null ? [] : [r.left])));
  const indent = (r: LevelRow) => (r.left === null ? null : Math.round((r.left - min) * 10) / 10);
  const indents = rows.filter((r) => !r.total && r.left !== null).map((r) => indent(r)!);
  if (indents.length < rows.length / 2) return null;
  const steps: number[] = [];
  for (const x of [...indents].sort((a, b) => a - b))
    if (steps.length === 0 || x - steps[steps.length - 1]! > 2) steps.push(x);
  if (steps.length < 2 || steps.length > 4) return null;
  return rows.map((r) => {
    if (r.total) return 0;
    const x = indent(r);
    return x === null ? null : steps.findIndex((s) => Math.abs(x - s) <= 2) + 1 || null;
  });
}

/** The level a row's code gives, or null. */
function codeLevel(cells: string[], nameColumn: number, codeColumns: number[]): number | null {
  const at = (c: number) => (cells[c] ?? '').trim();
  if (codeColumns.length >= 2) {
    const last = codeColumns.findLastIndex((c) => /^\d{1,7}$/.test(at(c)));
    return last < 0 ? null : last + 1;
  }
  const inColumn = codeColumns.length === 1 ? at(codeColumns[0]!) : '';
  const code = SUBJECT_CODE.test(inColumn) ? inColumn : (CODE_IN_NAME.exec(at(nameColumn))?.[1] ?? null);
  return code ? (code.length - 1) / 2 : null;
}
