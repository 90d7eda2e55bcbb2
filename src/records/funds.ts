// The funds rows of a self-evaluation or target table, one record each: the
// block under 年初预算数 | 全年预算数 | 全年执行数 | 执行率 | 分值 | 得分 (or a
// 目标表's 年度资金总额, a 部门整体 table's 全年预算数 › 总额 | 财政拨款 …, a
// Fujian table's ①…⑦ columns) and its rows: 年度资金总额 and its 其中 rows, or
// the tasks a 部门整体 table lists with their money.
import type { Column, Fact, FundsRow, Table } from '../schema/report.ts';
import { FUNDS_SPLITS, FUNDS_TOTAL } from '../vocab/parts.ts';
import { pageOfRow } from '../tables/reading.ts';
import { blocksOf, fundsColumns, indicatorColumns, rowsOf, type FieldColumns } from './blocks.ts';
import { cleanName, type CellFacts } from './cells.ts';
import type { FundsField } from '../vocab/indicators.ts';

/** A table whose blocks of amounts are funds rows: a performance table, not a 决算 or 预算 table of accounts. */
const PERFORMANCE_TITLE = /绩效|自评|评分|评价|目标/;

/** A row name of the funds vocabulary: 年度资金总额, 财政拨款, 上年结转资金, 其他资金, 基本支出, 项目支出 …. */
export function isFundsName(name: string): boolean {
  const bare = name.replace(/[（(].*?[）)]$/, '');
  return FUNDS_TOTAL.test(bare) || FUNDS_SPLITS.some((s) => s.some((p) => p.test(bare)));
}

export function fundsOf(t: Table, cells: CellFacts): FundsRow[] {
  const blocks = blocksOf(t);
  const performance = PERFORMANCE_TITLE.test(t.title ?? '') || blocks.some((b) => indicatorColumns(b.columns) !== null);
  if (!performance) return [];
  const out: FundsRow[] = [];
  for (const block of blocks) {
    const cols = fundsColumns(block.columns);
    if (!cols || indicatorColumns(block.columns)) continue;
    const first = Math.min(...Object.values(cols));
    const rows = rowsOf(t, block).flatMap((r) => fundsAt(t, cells, { cols, columns: block.columns }, first, r) ?? []);
    const amounts = (['planned', 'adjusted', 'executed'] as const).filter((f) => cols[f] !== undefined);
    // One column of amounts is a funds block only where its rows are named as funds are.
    if (amounts.length < 2 && !rows.some((row) => isFundsName(row.name))) continue;
    out.push(...rows);
  }
  return out;
}

/** The record of row r, or null for a row that is no funds row (a row of words across the block). */
function fundsAt(
  t: Table,
  cells: CellFacts,
  { cols, columns }: { cols: FieldColumns<FundsField>; columns: Column[] },
  first: number,
  r: number,
): FundsRow | null {
  const name = cleanName(nameOf(t.rows[r]!.slice(0, first), columns));
  if (name === '') return null;
  // A figure of its own cell: a number in a sentence across the block (the goal's 100%) is no funds figure.
  const fact = (f: FundsField) => cells.figure(t, r, cols[f]);
  const facts = {
    planned: fact('planned'),
    adjusted: fact('adjusted'),
    executed: fact('executed'),
    rate: fact('rate'),
    weight: fact('weight'),
    score: fact('score'),
  };
  const money = [facts.planned, facts.adjusted, facts.executed].filter((f): f is Fact => f !== null);
  if (money.length === 0 && facts.rate === null && !isFundsName(name)) return null;
  const unit = money[0]?.unit ?? null;
  return {
    id: `${t.id}.r${r + 1}`,
    table: t.id,
    row: r,
    page: pageOfRow(t, r),
    project: t.project,
    name,
    planned: inUnit(facts.planned, unit),
    adjusted: inUnit(facts.adjusted, unit),
    executed: inUnit(facts.executed, unit),
    rate: valueOf(facts.rate),
    weight: valueOf(facts.weight),
    score: valueOf(facts.score),
    unit,
    factIds: Object.values(facts).flatMap((f) => (f ? [f.id] : [])),
  };
}

/**
 * The row's name: the last distinct text left of its amounts (项目资金（万元） | 年度资金总额 → 年度资金总额),
 * in the columns of names where the block has them (任务名称 | 主要内容 | 完成情况 | 全年预算数 …).
 */
function nameOf(cells: string[], columns: Column[]): string {
  const texts = (own: boolean) =>
    cells
      .filter((_, c) => !own || columns[c]?.role === 'name')
      .map((c) => c.trim())
      .filter((c) => c !== '' && !/^[-—–－/\d.,%]+$/.test(c));
  return (texts(true).at(-1) ?? texts(false).at(-1)) || '';
}

const valueOf = (f: Fact | null) => (f && typeof f.value === 'number' ? f.value : null);

/** An amount in the row's unit; null for one written in another (a row of 万元 and 元 together is not read). */
function inUnit(f: Fact | null, unit: string | null): number | null {
  return f && f.unit === unit ? valueOf(f) : null;
}
