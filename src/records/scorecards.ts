// What a self-evaluation or target table says of itself as a whole: the
// year's goal (年度总体目标: 预期目标 and 实际完成情况, as text), the 总分 row's
// 分值 and 得分, and its grade (评价等级) where it states one.
import type { Fact, Indicator, Scorecard, Table } from '../schema/report.ts';
import { SCORE_TOTAL_ROW } from '../vocab/concepts.ts';
import {
  GOAL_ACTUAL,
  GOAL_LABEL,
  GOAL_PLANNED,
  GRADE_LABEL,
  GRADE_WORD,
  headerName,
  type IndicatorField,
} from '../vocab/indicators.ts';
import { blocksOf, indicatorColumns, rowsOf, type FieldColumns } from './blocks.ts';
import { cellText, type CellFacts } from './cells.ts';

/** The scorecard of a table with indicators or funds rows (none for any other table). */
export function scorecardOf(t: Table, cells: CellFacts, indicators: Indicator[], hasFunds: boolean): Scorecard | null {
  if (indicators.length === 0 && !hasFunds) return null;
  const rows = new Set(indicators.map((i) => i.row));
  const total = totalOf(t, cells);
  return {
    table: t.id,
    page: t.page,
    project: t.project,
    goal: goalOf(
      t,
      rows,
      indicators.some((i) => i.actual !== null),
    ),
    weight: valueOf(total?.weight ?? null),
    score: valueOf(total?.score ?? null),
    grade: gradeOf(t, total?.row ?? null),
    factIds: [total?.weight, total?.score].flatMap((f) => (f ? [f.id] : [])),
  };
}

const valueOf = (f: Fact | null) => (f && typeof f.value === 'number' ? f.value : null);
const squash = (s: string) => s.replace(/\s+/g, '');

/** The 总分 (合计) row of an indicator block: its 分值 and 得分 facts. */
function totalOf(t: Table, cells: CellFacts): { row: number; weight: Fact | null; score: Fact | null } | null {
  for (const block of blocksOf(t)) {
    const cols: FieldColumns<IndicatorField> | null = indicatorColumns(block.columns);
    if (!cols || (cols.weight === undefined && cols.score === undefined)) continue;
    for (const r of rowsOf(t, block)) {
      const first = squash(t.rows[r]!.find((c) => c.trim() !== '') ?? '');
      if (!SCORE_TOTAL_ROW.test(first) && !SCORE_TOTAL_ROW.test(squash(cellText(t, r, cols.name)))) continue;
      const weight = cells.number(t.id, r, cols.weight);
      const score = cells.number(t.id, r, cols.score);
      if (weight || score) return { row: r, weight, score };
    }
  }
  return null;
}

/**
 * The 年度总体目标: under a row of 预期目标 | 实际完成情况 cells, the texts of the row below in their
 * columns; else the texts of a row labelled 年度总体目标 (two in a self-evaluation table: the goal
 * and what was done; in a target table, the goal).
 */
function goalOf(t: Table, indicatorRows: Set<number>, selfEvaluation: boolean): Scorecard['goal'] {
  for (let r = 0; r + 1 < t.rows.length; r++) {
    const row = t.rows[r]!;
    const planned = row.flatMap((c, k) => (GOAL_PLANNED.test(headerName(c)) ? [k] : []));
    const actual = row.flatMap((c, k) => (GOAL_ACTUAL.test(headerName(c)) ? [k] : []));
    if (planned.length === 0 || actual.length === 0) continue;
    const under = (ks: number[]) => distinct(ks.map((k) => t.rows[r + 1]![k] ?? '')).join('\n') || null;
    const goal = { planned: under(planned), actual: under(actual) };
    if (goal.planned || goal.actual) return goal;
  }
  for (let r = 0; r < t.rows.length; r++) {
    if (indicatorRows.has(r)) continue;
    const row = t.rows[r]!;
    if (!GOAL_LABEL.test(headerName(row.find((c) => c.trim() !== '') ?? ''))) continue;
    const texts = distinct(row.filter((c) => !GOAL_LABEL.test(headerName(c))));
    if (texts.length === 0) continue;
    if (selfEvaluation && texts.length === 2) return { planned: texts[0]!, actual: texts[1]! };
    return { planned: texts.join('\n'), actual: null };
  }
  return null;
}

/** The grade: the text beside a 评价等级 cell, else a grade word in the 总分 row (总分 | 100 | 96 | 优). */
function gradeOf(t: Table, totalRow: number | null): string | null {
  for (const row of t.rows) {
    const k = row.findIndex((c) => GRADE_LABEL.test(headerName(c)));
    if (k < 0) continue;
    const value = distinct(row.slice(k + 1)).find((c) => !GRADE_LABEL.test(headerName(c)));
    if (value && value.length <= 12) return value;
  }
  if (totalRow === null) return null;
  return distinct(t.rows[totalRow]!).find((c) => GRADE_WORD.test(c)) ?? null;
}

function distinct(cells: string[]): string[] {
  return [...new Set(cells.map((c) => c.trim()).filter(Boolean))];
}
