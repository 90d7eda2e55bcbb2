// The indicator rows of a table, one record each: the block of rows under a
// header naming an indicator (三级指标, 指标名称, 指标内容 …) and its values
// (年度指标值, 实际完成值, 分值, 得分), in every layout the genre uses — the
// MoF 自评表, a 绩效目标表 of one project or of many (项目名称 down its left),
// a 目标表 with its bound and unit in columns of their own (指标性质 | 指标值 |
// 度量单位), one whose 绩效指标 cell runs 一级, 二级 and 三级 together.
import type { BBox, Fact, Indicator, Table } from '../schema/report.ts';
import { boundBefore } from '../vocab/bounds.ts';
import { INDICATOR_TOTAL_ROW } from '../vocab/concepts.ts';
import { isHeaderWord } from '../vocab/header-words.ts';
import {
  LEVEL1_NAMES,
  LEVEL2_NAMES,
  isLevelPiece,
  isOtherLevelName,
  levelsClash,
  type IndicatorField,
} from '../vocab/indicators.ts';
import { pageOfRow } from '../tables/reading.ts';
import { blocksOf, indicatorColumns, rowsOf, type FieldColumns } from './blocks.ts';
import { cellText, cleanName, type CellFacts } from './cells.ts';
import { centredLabels, fillLevels } from './levels.ts';
import { metOf } from './met.ts';

export type RowBox = (t: Table, row: number) => BBox | null;

/** What each indicator row of a table shares. */
interface At {
  t: Table;
  cells: CellFacts;
  cols: FieldColumns<IndicatorField>;
  rowBox: RowBox;
}

export function indicatorsOf(t: Table, cells: CellFacts, rowBox: RowBox): Indicator[] {
  const out: Indicator[] = [];
  for (const block of blocksOf(t)) {
    const cols = indicatorColumns(block.columns);
    if (!cols) continue;
    const at: At = { t, cells, cols, rowBox };
    const rows = rowsOf(t, block);
    const levels = levelsOf(t, rows, cols);
    const projects = projectsOf(t, rows, cols);
    rows.forEach((r, i) => {
      const record = indicatorAt(at, r, projects?.[i] ?? t.project, levels[i]!);
      if (record) out.push(record);
    });
  }
  return out;
}

/**
 * Each row's project where a 项目名称 column runs down the block: a cell merged over a project's rows
 * is printed once per group as the level columns' are — at its top, its foot or its middle — and is
 * laid over its rows as they are (fillLevels), not carried down from the one above (a project set at
 * the foot of its rows would name the rows of the project before it); null where the block has no
 * such column.
 */
function projectsOf(t: Table, rows: number[], cols: FieldColumns<IndicatorField>): (string | null)[] | null {
  if (cols.project === undefined) return null;
  const texts = rows.map((r) => cellText(t, r, cols.project));
  const pages = rows.map((r) => pageOfRow(t, r));
  const laid = fillLevels({ texts, pages, ranges: rows.length ? [[0, rows.length - 1]] : [] });
  // A row none is laid over (a cell cut by the page break before a label that does not show where its
  // group begins) keeps the project above: the cell merged over the break is printed on its first page.
  let above: string | null = null;
  return laid.map((p) => (above = p || above));
}

/**
 * Each row's 一级 and 二级 (fillLevels): the 一级 over the block's indicator rows (a total row and a
 * heading row left out), the 二级 within each run of rows under one 一级.
 */
function levelsOf(t: Table, rows: number[], cols: FieldColumns<IndicatorField>): [string, string][] {
  const within = rows.filter((r) => !notIndicator(t, r, cols));
  const pages = within.map((r) => pageOfRow(t, r));
  const [texts1, texts2] = [cols.level1, cols.level2].map((c) => within.map((r) => cellText(t, r, c)));
  const mode = centredLabels(texts1!, texts2!, pages) ? 'middle' : undefined;
  const l1 = fillLevels({ texts: texts1!, pages, ranges: within.length ? [[0, within.length - 1]] : [], mode });
  const ranges: [number, number][] = [];
  l1.forEach((l, i) => (i > 0 && l === l1[i - 1] ? (ranges[ranges.length - 1]![1] = i) : ranges.push([i, i])));
  const l2 = fillLevels({ texts: texts2!, pages, ranges, mode });
  const printed = (i: number) =>
    cellText(t, within[i]!, cols.level1) !== '' && cellText(t, within[i]!, cols.level2) !== '';
  const at = new Map(within.map((r, i) => [r, sound(l1[i]!, l2[i]!, cols.level1 !== undefined, printed(i))]));
  return rows.map((r) => at.get(r) ?? ['', '']);
}

/**
 * A row's levels as far as they can be given: a label read in pieces (成本指 | 标, 产出数量指标指标 —
 * two narrow cells' wrapped lines run together) is none, a 二级 under no 一级 where the table has a
 * 一级 column is not given alone (the path's first place is the 一级's), and a 一级 and 二级 that
 * cannot stand together (成本指标 › 数量指标: one of them is another row's) are neither — a path left
 * short rather than wrong.
 */
function sound(l1: string, l2: string, hasLevel1: boolean, printed: boolean): [string, string] {
  const a = isLevelPiece(l1) || isOtherLevelName(l1, 1) ? '' : l1;
  const b = isLevelPiece(l2) || isOtherLevelName(l2, 2) ? '' : l2;
  return (hasLevel1 && a === '') || (!printed && levelsClash(a, b)) ? ['', ''] : [a, b];
}

/** A total row or a heading row: no indicator. */
function notIndicator(t: Table, r: number, cols: FieldColumns<IndicatorField>): boolean {
  const printed = cellText(t, r, cols.name);
  return t.rowRoles[r] === 'total' || INDICATOR_TOTAL_ROW.test(printed) || isHeaderWord(printed);
}

/** The record of row r, or null for a row that is no indicator (a total, a heading row, a row without values). */
function indicatorAt(
  { t, cells, cols, rowBox }: At,
  r: number,
  project: string | null,
  levels: [string, string],
): Indicator | null {
  if (notIndicator(t, r, cols)) return null;
  const printed = cellText(t, r, cols.name);
  const values = (['target', 'actual', 'weight', 'score'] as const).map((f) => cellText(t, r, cols[f]));
  if (values.every((v) => v === '')) return null;
  const { path, name } = pathAndName(
    levels,
    cleanName(printed),
    cols.level1 === undefined && cols.level2 === undefined,
  );
  if (name === '') return null;
  // A target or actual written as sentences (…授课任务，卫校招生789人，…) states no one value: a
  // number among its clauses is the prose's, not the indicator's (a figure in a phrase is: 实际支付1392.20万元).
  const fact = (f: IndicatorField) =>
    (f === 'target' || f === 'actual') && SENTENCES.test(cellText(t, r, cols[f]))
      ? null
      : cells.number(t.id, r, cols[f]);
  const [target, actual, weight, score] = [fact('target'), fact('actual'), fact('weight'), fact('score')];
  const deviation = cellText(t, r, cols.deviation);
  const named = (['target', 'actual', 'weight', 'score'] as const).flatMap((f) => cells.all(t.id, r, cols[f]));
  return {
    id: `${t.id}.r${r + 1}`,
    table: t.id,
    row: r,
    page: pageOfRow(t, r),
    bbox: rowBox(t, r),
    project,
    path,
    name,
    target:
      values[0] === ''
        ? null
        : { text: values[0]!, ...numberOf(target), ...boundOf(target, t, r, cols), upper: target?.upper ?? null },
    actual: values[1] === '' ? null : { text: values[1]!, ...numberOf(actual) },
    weight: valueOf(weight),
    score: valueOf(score),
    deviation: deviation === '' ? null : deviation,
    met: metOf(target, actual, name),
    factIds: [...new Set(named.map((f) => f.id))],
  };
}

/** Clauses of a sentence: a full-width comma, stop or semicolon between words. */
const SENTENCES = /[\u4e00-\u9fff][，。；;]\s*[\u4e00-\u9fff]/;

/**
 * The groups above the indicator as printed, each once and not the name itself; where the table
 * has no 一级/二级 columns, the 一级 and 二级 words a merged 绩效指标 cell starts with.
 */
function pathAndName(levels: string[], name: string, split: boolean): { path: string[]; name: string } {
  const path = [...new Set(levels.filter((l) => l !== '' && l !== name))];
  if (!split) return { path, name };
  const l1 = LEVEL1_NAMES.exec(name)?.[0];
  const rest1 = l1 ? name.slice(l1.length) : name;
  const l2 = LEVEL2_NAMES.exec(rest1)?.[0];
  const rest = l2 ? rest1.slice(l2.length) : rest1;
  if (!l1 || rest.trim() === '') return { path, name };
  return { path: [l1, ...(l2 ? [l2] : [])], name: rest.trim() };
}

const valueOf = (f: Fact | null) => (f && typeof f.value === 'number' ? f.value : null);

function numberOf(f: Fact | null): { value: number | null; unit: string | null } {
  const value = valueOf(f);
  return { value, unit: value === null ? null : f!.unit };
}

/** The target's bound: its fact's, else a 指标性质 cell of the row that is only a sign (≥ | 95 where 95 has no unit). */
function boundOf(target: Fact | null, t: Table, r: number, cols: FieldColumns<IndicatorField>) {
  if (target?.comparator) return { comparator: target.comparator };
  const sign = cellText(t, r, cols.comparator);
  const hit = sign === '' ? null : boundBefore(sign);
  return { comparator: hit && hit.length === sign.length ? hit.comparator : null };
}
