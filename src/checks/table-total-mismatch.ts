// A table's total that is not the sum of its parts, read as the table means it:
// - a code hierarchy (决算 tables: 类 201 / 款 20101 / 项 2010101, or names
//   indented by level) adds up level by level — a 类 row is the sum of its 款
//   rows, a 款 row of its 项 rows, the 合计 row of the 类 rows; never all rows;
// - a total column adds up the columns its header names as its parts
//   (本年支出合计 = 基本支出 + 项目支出, 小计 = 人员经费 + 公用经费), row by row;
// - a self-evaluation table's 年度资金总额 is the sum of its 其中 rows, column by
//   column, and its 总分's 分值 the sum of its items' weights — read from its
//   records (self-evaluation.ts; the 得分 against 总分 is score-mismatch's);
// - any other table's total row is the sum of the rows above it.
// Amounts in 万元 are rounded from 元, so each figure may be off by half a unit
// of its last place. A table that may go on over the page is not judged on its
// last group.
import { COLUMN_FAMILIES } from '../vocab/parts.ts';
import { LABEL_JOINER } from '../tables/headers.ts';
import { nameColumn, pageOfRow } from '../tables/reading.ts';
import {
  agrees,
  amount,
  cellNumber,
  decimals,
  isSelfEvaluation,
  pathAt,
  round,
  tablesOf,
  written,
  type TableRows,
} from './tables.ts';
import { atPage, finding } from './finding.ts';
import { fundsTotals, weightTotals } from './self-evaluation.ts';
import type { CheckInput, Draft, Rule } from './types.ts';

const NOT_SUMMED = /率|比例|占比|%|％|序号|编号|代码|编码|排名|人数|单价/;
/** A row's name that closes a group of rows: a subtotal. */
const SUBTOTAL = /合\s*计|小\s*计|总\s*计/;

/** A table as this rule reads it: its body rows' cells, and the page each is on. */
interface Grid extends TableRows {
  /** the body rows' cells (body[i] is rows[i] of the table) */
  cells: string[][];
  width: number;
  nameColumn: number;
}

export const tableTotalMismatch: Rule = {
  id: 'table-total-mismatch',
  severity: 'error',
  description: "a table's total row or column does not equal the sum of its parts",
  descriptionZh: '表格的合计行或合计列不等于其各分项之和',
  // A table's own arithmetic: what the table says is wrong is known without reading the text — before every other rule.
  precedence: 10,
  run(doc) {
    const drafts: Draft[] = [];
    const factsAt = cellFacts(doc);
    for (const t of tablesOf(doc)) {
      const g = gridOf(t);
      const seen = new Set<string>();
      const report: Report = (i, c, expected, what, { parts, names }) => {
        const key = `${i}:${c}`;
        if (seen.has(key)) return;
        seen.add(key);
        const { table } = g;
        const r = g.body[i]!;
        const cells = table.rows[r]!;
        const page = pageOfRow(table, r);
        const stated = cellNumber(cells[c])!;
        const name = names?.row ?? rowName(g, i);
        const col = names?.col ?? (pathAt(table, r, c).join(LABEL_JOINER) || `第${c + 1}列`);
        // The total's cell first, then its parts' (the facts read from them: a cell read as no fact names none).
        const at = (row: number, col: number) => factsAt.get(`${table.id}:${g.body[row]}:${col}`) ?? [];
        drafts.push(
          finding(tableTotalMismatch, {
            message: `${table.title ? `表“${table.title}”` : '表'}${atPage(page)}“${name}”行“${col}”列为 ${cells[c]!.trim()}，${what}为 ${expected}`,
            factIds: [...new Set([...at(i, c), ...parts.flatMap(([pr, pc]) => at(pr, pc))])],
            page,
            expected,
            actual: stated,
          }),
        );
      };
      // A self-evaluation table's arithmetic is read from its records (self-evaluation.ts), below.
      if (isSelfEvaluation(g.table) || doc.funds.some((f) => f.table === g.table.id)) continue;
      const levels = g.table.rowLevels ? g.body.map((r) => g.table.rowLevels![r] ?? null) : null;
      if (levels) hierarchy(g, levels, report);
      totalColumns(g, report);
      if (!levels && !looksHierarchical(g)) flatTotal(g, report);
    }
    return [...drafts, ...fundsTotals(doc, tableTotalMismatch), ...weightTotals(doc, tableTotalMismatch)];
  },
};

/** The facts read from each table cell, by `table:row:col` (rows of the table, not of its body). */
function cellFacts(doc: CheckInput): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of doc.facts) {
    if (!f.cell || f.paragraphId !== null) continue;
    const key = `${f.cell.table}:${f.cell.row}:${f.cell.col}`;
    out.set(key, [...(out.get(key) ?? []), f.id]);
  }
  return out;
}

export function gridOf(t: TableRows): Grid {
  return {
    ...t,
    cells: t.body.map((r) => t.table.rows[r]!),
    width: t.table.columns.length,
    nameColumn: nameColumn(t.table),
  };
}

/** A cell of the table's body: [body row, column]. */
type At = [number, number];

/** A finding at body row i, column c: the cells it sums, and the names to give it where the row and column headers are not them. */
type Report = (
  i: number,
  c: number,
  expected: number,
  what: string,
  how: { parts: At[]; names?: { row: string; col: string } },
) => void;

const isTotal = (g: Grid, i: number) => g.table.rowRoles[g.body[i]!] === 'total';

function rowName(g: Grid, i: number): string {
  const cells = g.cells[i]!;
  return (
    [
      ...new Set(
        cells
          .slice(0, g.nameColumn + 1)
          .map((c) => c.trim())
          .filter(Boolean),
      ),
    ].join(' ') || `第${i + 1}行`
  );
}

/** Columns holding amounts: a number in some body row, and a header that is not a rate or a code (nor a column of codes, names, ordinals or percentages). */
function amountColumns(g: Grid): number[] {
  return [...Array(g.width).keys()].filter(
    (c) =>
      c !== g.nameColumn &&
      !['code', 'ordinal', 'name'].includes(g.table.columns[c]?.role ?? '') &&
      g.cells.some((r) => written(r[c])) &&
      !NOT_SUMMED.test(topPath(g, c).join('')) &&
      // Rates, whatever the header says (or where it was not read): 5.28% is no part of a sum.
      !g.cells.some((r) => /[%％]\s*$/.test(r[c] ?? '')) &&
      !g.cells.every((r) => /^\d{3,7}$/.test((r[c] ?? '').trim()) || !written(r[c])),
  );
}

function hierarchy(g: Grid, levels: (number | null)[], report: Report): void {
  if (levels.some((l, i) => l === null && !isBlank(g.cells[i]!, g))) return; // a row of unknown level: the tree is not certain
  const cols = amountColumns(g);
  const n = g.cells.length;
  const children = (from: number, to: number): number[] => {
    const inside = [...Array(Math.max(0, to - from)).keys()].map((k) => from + k).filter((i) => (levels[i] ?? 0) > 0);
    if (inside.length === 0) return [];
    const top = Math.min(...inside.map((i) => levels[i]!));
    return inside.filter((i) => levels[i] === top);
  };
  // A row found wrong is known by what its parts give: its parent is judged on that too, so
  // that one wrong 类 row is not also reported as a wrong 合计.
  const fixed = new Map<string, number>();
  // Findings wait until the whole tree is checked: a tree most of whose rows do not add up was not read as printed.
  const pending: [number, number, number, string, At[]][] = [];
  const checkedRows = new Set<number>();
  const failedRows = new Set<number>();
  const valueOf = (r: number, c: number) => fixed.get(`${r}:${c}`) ?? amount(g.cells[r]![c]);
  const check = (parent: number, kids: number[], what: string) => {
    for (const c of cols) {
      if (!written(g.cells[parent]![c])) continue;
      const parts = kids.map((k) => amount(g.cells[k]![c]));
      if (parts.some((p) => p === null) || !kids.some((k) => written(g.cells[k]![c]))) continue;
      checkedRows.add(parent);
      const d = decimals([g.cells[parent]![c], ...kids.map((k) => g.cells[k]![c])]);
      const total = cellNumber(g.cells[parent]![c])!;
      if (agrees(total, parts as number[], d)) continue;
      const known = kids.map((k) => valueOf(k, c)!);
      if (agrees(total, known, d)) continue;
      const sum = round(
        known.reduce((s, v) => s + v, 0),
        d,
      );
      fixed.set(`${parent}:${c}`, sum);
      failedRows.add(parent);
      pending.push([parent, c, sum, what, kids.map((k): At => [k, c])]);
    }
  };
  // Each row with rows of a deeper level after it (up to the next row of its level or above), deepest first.
  for (let i = n - 1; i >= 0; i--) {
    const l = levels[i];
    if (!l) continue;
    let end = i + 1;
    while (end < n && (levels[end] === null || levels[end]! > l)) end++;
    const kids = children(i + 1, end);
    if (kids.length === 0) continue;
    // Its children may go on over the page.
    if (end === n && g.mayContinue) continue;
    check(i, kids, `其下级${kids.length}行之和`);
  }
  // The total row: the rows of the top level.
  const totals = levels.flatMap((l, i) => (l === 0 ? [i] : []));
  if (totals.length === 1 && !g.mayContinue) {
    const t = totals[0]!;
    const kids = children(0, n).filter((k) => k !== t);
    if (kids.length > 0) check(t, kids, `各${kids.length > 1 ? '类' : ''}级次之和`);
  }
  if (checkedRows.size < 3 || failedRows.size > Math.max(1, Math.floor(checkedRows.size / 4))) return;
  for (const [r, c, sum, what, parts] of pending) report(r, c, sum, what, { parts });
}

/** The header path of column c under the table's top header, spaces taken out. */
function topPath(g: Grid, c: number): string[] {
  return pathAt(g.table, 0, c);
}

function isBlank(cells: string[], g: Grid): boolean {
  return cells.every((c, i) => i === g.nameColumn || c.trim() === '');
}

/** A column that its header names as the total of others: 本年支出合计 = 基本支出 + 项目支出, row by row. */
function totalColumns(g: Grid, report: Report): void {
  const cols = amountColumns(g);
  const paths = new Map(cols.map((c) => [c, topPath(g, c)]));
  for (const c of cols) {
    const path = paths.get(c)!;
    const name = path[path.length - 1] ?? '';
    const parent = path.slice(0, -1);
    const family = COLUMN_FAMILIES.find(
      (f) => f.total.test(name) && (f.group ? f.group.test(parent[parent.length - 1] ?? '') : true),
    );
    if (!family) continue;
    // The columns under the same parent, one per sub-group (its 小计 when it has one).
    const scope = cols.filter(
      (o) =>
        o !== c &&
        paths.get(o)!.join('|') !== path.join('|') &&
        parent.every((p, i) => paths.get(o)![i] === p) &&
        paths.get(o)!.length > parent.length,
    );
    const { parts, names } = partColumns(scope, paths, parent.length);
    if (parts.length < 2 || !names.every((n) => family.parts.some((p) => p.test(n)))) continue;
    g.cells.forEach((row, r) => {
      if (!written(row[c])) return;
      const values = parts.map((p) => amount(row[p]));
      if (values.some((v) => v === null) || !parts.some((p) => written(row[p]))) return;
      const d = decimals([row[c], ...parts.map((p) => row[p])]);
      if (!agrees(cellNumber(row[c])!, values as number[], d))
        report(
          r,
          c,
          round(
            (values as number[]).reduce((s, v) => s + v, 0),
            d,
          ),
          names.join(' + '),
          { parts: parts.map((p): At => [r, p]) },
        );
    });
  }
}

/** The parts a total column sums: one column per sub-group of `scope` (its 小计 when it has one, else each member). */
function partColumns(
  scope: number[],
  paths: Map<number, string[]>,
  depth: number,
): { parts: number[]; names: string[] } {
  const last = (o: number) => paths.get(o)![paths.get(o)!.length - 1]!;
  const groups = new Map<string, number[]>();
  for (const o of scope) {
    const key = paths.get(o)![depth]!;
    groups.set(key, [...(groups.get(key) ?? []), o]);
  }
  const parts: number[] = [];
  const names: string[] = [];
  for (const [key, members] of groups) {
    if (members.length === 1) {
      parts.push(members[0]!);
      names.push(key);
      continue;
    }
    const sub = members.find((o) => /^(小计|合计)$/.test(last(o)));
    if (sub !== undefined) {
      parts.push(sub);
      names.push(key);
    } else {
      for (const o of members) {
        parts.push(o);
        names.push(last(o));
      }
    }
  }
  return { parts, names };
}

/** Rows that are the sum of the rows right after them: a hierarchy the table does not mark. */
function looksHierarchical(g: Grid): boolean {
  const cols = amountColumns(g);
  if (cols.length === 0) return false;
  const value = (r: number, c: number) => amount(g.cells[r]![c]) ?? NaN;
  for (let i = 0; i + 1 < g.cells.length; i++) {
    if (isTotal(g, i)) continue;
    let sums = cols.map(() => 0);
    for (let j = i + 1; j < g.cells.length && !isTotal(g, j); j++) {
      sums = sums.map((s, k) => s + value(j, cols[k]!));
      const d = decimals(cols.map((c) => g.cells[i]![c]));
      if (
        cols.every((c, k) => Math.abs(sums[k]! - value(i, c)) <= (j - i + 1) * 0.5 * 10 ** -d + 1e-9) &&
        cols.some((c) => value(i, c) !== 0)
      )
        return true;
    }
  }
  return false;
}

/** Any other table: its total row against the rows since the header (or since the total row at the top, to the end). */
function flatTotal(g: Grid, report: Report): void {
  const totals = g.cells.flatMap((_, i) => (isTotal(g, i) ? [i] : []));
  const header = g.table.rowRoles.slice(0, g.table.headerRows).some((role) => role !== 'blank');
  if (totals.length !== 1 || !header) return;
  const t = totals[0]!;
  const rows =
    t === 0 ? (g.mayContinue ? [] : [...Array(g.cells.length - 1).keys()].map((k) => k + 1)) : [...Array(t).keys()];
  // A row among them that closes a group of its own (本年收入合计 above 年初结转和结余 and 总计 in a
  // 收入支出决算总表): the total is no sum of every row, and which rows it sums the table does not say.
  if (rows.length < 2 || rows.some((r) => g.cells[r]!.some((cell) => !written(cell) && SUBTOTAL.test(cell)))) return;
  for (const c of amountColumns(g)) {
    if (!written(g.cells[t]![c])) continue;
    const values = rows.map((r) => cellNumber(g.cells[r]![c]));
    if (values.some((v) => v === null)) continue;
    const d = decimals([g.cells[t]![c], ...rows.map((r) => g.cells[r]![c])]);
    if (!agrees(cellNumber(g.cells[t]![c])!, values as number[], d))
      report(
        t,
        c,
        round(
          (values as number[]).reduce((s, v) => s + v, 0),
          d,
        ),
        '各项之和',
        { parts: rows.map((r): At => [r, c]) },
      );
  }
}
