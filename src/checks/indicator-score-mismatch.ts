// An indicator row of a self-evaluation table scoring more than its weight
// (得分 > 分值), or missing its own target (实际完成值 against 年度指标值 and its
// bound: ≥, 不低于, 以上, ≤, 不超过, ＞ …) yet given the full weight.
//
// A target written without a bound (65000 剂次, 100%) is read as a minimum
// only for counts and rates that are better high; what is better low (发生率,
// 投诉, 成本, 时限 …) or has no number (有效提升) is not judged.
import { readCellNumber } from '../text/cell-number.ts';
import type { Comparator } from '../schema/report.ts';
import { boundAtEnd, boundBefore } from '../vocab/bounds.ts';
import { INDICATOR_TOTAL_ROW } from '../vocab/concepts.ts';
import { unitDef } from '../vocab/units.ts';
import type { Table } from '../schema/report.ts';
import { isHeaderRow, pageOfRow } from '../tables/reading.ts';
import { cellNumber, pathAt, tablesOf } from './tables.ts';
import { atPage, finding } from './finding.ts';
import type { Draft, Rule } from './types.ts';

const TARGET = /^(?:年度)?(?:指标值|目标值|预期值|计划值|年度目标值|预期目标值|绩效目标值)$|^年度指标值|^指标值/;
const ACTUAL = /^(?:实际)?完成值|^实际完成|^实际值|^完成情况值|^全年实际完成值/;
const WEIGHT = /^分值$|^权重|^指标分值/;
const SCORE = /^得分$|^自评得分|^评分$/;
const NAMES = [/^三级指标$/, /^指标名称$/, /^二级指标$/];
/** Indicators where less is better: a bare target is a ceiling, not a floor — not judged. */
const LOWER_BETTER =
  /发生率|事故|投诉|差错|误差|失误|违规|违纪|超支|成本|费用|经费|单价|时限|时间|周期|天数|时长|用时|期限|损失|死亡|伤亡|不合格|空置|闲置|流失|复发|辍学|退出|能耗|排放|浓度|控制/;

export interface Target {
  comparator: Comparator;
  value: number;
  /** the normalised unit, '' when none is written */
  unit: string;
  /** the bound was written (≥, 不低于 …), not assumed */
  written: boolean;
}

/** A target cell: ≥19280人次, 不少于720件, 240人以上, ≤78.53万元, ＞98%, 100%; null for text (有效提升). */
export function readTarget(text: string, name = ''): Target | null {
  const t = text.replace(/\s+/g, '');
  const first = t.search(/[0-9０-９]/);
  if (first < 0) return null;
  const before = boundBefore(t.slice(0, first));
  if (t.slice(0, first).length > (before?.length ?? 0)) return null; // words before the number that are not a bound
  let rest = t.slice(first);
  const after = boundAtEnd(rest);
  if (after) rest = rest.slice(0, rest.length - after.length);
  const n = readNumber(rest);
  if (!n) return null;
  const comparator = before?.comparator ?? after?.comparator ?? null;
  if (comparator) return { comparator, value: n.value, unit: n.unit, written: true };
  if (LOWER_BETTER.test(name)) return null;
  if (n.unit !== '%' && !(n.unit && unitDef(n.unit)?.kind === 'count')) return null;
  return { comparator: '>=', value: n.value, unit: n.unit, written: false };
}

function readNumber(text: string): { value: number; unit: string } | null {
  const n = readCellNumber(text);
  if (!n) return null;
  const def = n.unit ? unitDef(n.unit) : undefined;
  return { value: def ? n.value * def.factor : n.value, unit: def ? def.base : (n.unit ?? '') };
}

export function meets(actual: number, t: Target): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(t.value));
  switch (t.comparator) {
    case '>=':
      return actual >= t.value - eps;
    case '>':
      return actual > t.value + eps;
    case '<=':
      return actual <= t.value + eps;
    case '<':
      return actual < t.value - eps;
    case '=':
      return Math.abs(actual - t.value) <= eps;
  }
}

const SIGN: Record<Comparator, string> = { '>=': '≥', '>': '＞', '<=': '≤', '<': '＜', '=': '=' };

interface Columns {
  target: number;
  actual: number;
  weight: number;
  score: number;
  name: number;
}

export const indicatorScoreMismatch: Rule = {
  id: 'indicator-score-mismatch',
  run(doc) {
    const drafts: Draft[] = [];
    for (const { table, body } of tablesOf(doc)) {
      for (const r of body) {
        const row = table.rows[r]!;
        if (isHeaderRow(table, r) || !row.some((c) => cellNumber(c) !== null)) continue;
        const cols = indicatorColumns(table, r);
        if (!cols || INDICATOR_TOTAL_ROW.test((row[0] ?? '').trim())) continue;
        const draft = rowFinding(row, cols, table.title ?? table.id, pageOfRow(table, r));
        if (draft) drafts.push(draft);
      }
    }
    return drafts;
  },
};

/** The indicator columns of the block row r is in (its segment's or the top header's), or null when it has none. */
function indicatorColumns(t: Table, r: number): Columns | null {
  const paths = t.columns.map((_, c) => pathAt(t, r, c));
  const find = (re: RegExp) => paths.findIndex((p) => p.some((name) => re.test(name)));
  const [target, actual, weight, score] = [find(TARGET), find(ACTUAL), find(WEIGHT), find(SCORE)];
  if (target < 0 || actual < 0 || weight < 0 || score < 0) return null;
  const name = Math.max(
    -1,
    ...NAMES.map(find)
      .filter((i) => i >= 0)
      .slice(0, 1),
  );
  return { target, actual, weight, score, name };
}

/** An indicator row scored above its weight, or given the full weight while its actual misses its target. */
function rowFinding(row: string[], cols: Columns, table: string, page: number): Draft | null {
  const weight = readCellNumber(row[cols.weight] ?? '');
  const score = readCellNumber(row[cols.score] ?? '');
  if (!weight || !score || (row[cols.weight] === row[cols.score] && cols.weight + 1 !== cols.score)) return null;
  const name = indicatorName(row, cols.name, cols.target);
  const where = `表“${table}”${atPage(page)}指标“${name}”`;
  if (score.value > weight.value + 1e-9) {
    return finding('indicator-score-mismatch', {
      message: `${where}得分 ${row[cols.score]!.trim()} 超过其分值 ${row[cols.weight]!.trim()}`,
      page,
      expected: weight.value,
      actual: score.value,
    });
  }
  if (Math.abs(score.value - weight.value) > 1e-9 || weight.value === 0) return null;
  const target = readTarget(row[cols.target] ?? '', name);
  const actualText = (row[cols.actual] ?? '').replace(/\s+/g, '');
  // An actual written as a bound (>23万人次, 满意度>95%) says it met the bound, not by how much.
  if (
    readTarget(actualText)?.written ||
    /[≥≤><＞＜≧≦]|以上|以下|以内|不低于|不少于|不超过|大于|小于|高于|低于/.test(actualText)
  )
    return null;
  const actual = readNumber(actualText);
  if (!target || !actual) return null;
  if (actual.unit !== target.unit && actual.unit !== '' && target.unit !== '') return null;
  if (meets(actual.value, target)) return null;
  return finding('indicator-score-mismatch', {
    // A bound assumed (a bare 65000 剂次 read as ≥) may be read otherwise.
    severity: target.written ? 'error' : 'warning',
    message: `${where}实际完成值 ${row[cols.actual]!.trim()} 未达到年度指标值 ${row[cols.target]!.trim()}${target.written ? '' : `（按 ${SIGN[target.comparator]} 理解）`}，却得满分 ${row[cols.score]!.trim()}`,
    page,
    expected: target.value,
    actual: actual.value,
  });
}

function indicatorName(row: string[], nameCol: number, targetCol: number): string {
  const named = nameCol >= 0 ? (row[nameCol] ?? '').trim() : '';
  if (named && nameCol < targetCol) return named;
  for (let c = targetCol - 1; c >= 0; c--) if ((row[c] ?? '').trim()) return row[c]!.trim();
  return '';
}
