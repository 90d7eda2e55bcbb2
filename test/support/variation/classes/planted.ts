// Twins of the clean classes with inconsistencies written into them, as the
// genre's own mistakes look: a 执行率 its amounts deny, a total that is not the
// sum of its rows, a full score on a missed target, a score over its weight,
// a 总分 that is not the sum of the scores. Every style must find each one —
// and nothing else: the rest of the twin still adds up. The corpus plants the
// same mistakes in its few layouts; this proves the checks read them in all.
import { t, type Cell, type LogicalTable, type Plant } from '../model.ts';
import { basicEconomic } from './basic-economic.ts';
import { budgetChange } from './budget-change.ts';
import { budgetSummary } from './budget-summary.ts';
import { budgetTargets } from './budget-targets.ts';
import { deptSelfEval } from './dept-self-eval.ts';
import { finalExpenditure } from './final-expenditure.ts';
import { finalIncome } from './final-income.ts';
import { projectSelfEval } from './project-self-eval.ts';
import { threePublic } from './three-public.ts';

/** A cell changed: its segment, row and column (cells as written in the row, spans counted once). */
interface Edit {
  at: [segment: number, row: number, col: number];
  to: Cell;
}

/** The twin of `base` with its cells edited, named `<base>-planted`. */
function twin(base: LogicalTable, edits: Edit[], planted: Plant[]): LogicalTable {
  const out = structuredClone(base);
  for (const { at, to } of edits) {
    const row = out.segments[at[0]]?.rows[at[1]];
    if (!row || at[2] >= row.cells.length) throw new Error(`${base.id}: no cell at ${at.join('.')}`);
    row.cells[at[2]] = to;
  }
  return { ...out, id: `${base.id}-planted`, title: `${base.title}（错误已植入）`, planted };
}

export const PLANTED: readonly LogicalTable[] = [
  twin(
    projectSelfEval,
    [
      { at: [0, 2, 5], to: '58.00%' },
      { at: [2, 4, 4], to: t('425元', 425, '元', 'money') },
      { at: [2, 7, 2], to: '96.5' },
    ],
    [
      { rule: 'rate-mismatch', figure: 58, what: '上年结转资金 执行率 58.00%, its amounts give 85%' },
      { rule: 'indicator-score-mismatch', figure: 425, what: '人均服务成本 425元 against ≤400元, full score 10' },
      { rule: 'score-mismatch', figure: 96.5, what: '总分 96.5, the scores sum to 97.5' },
    ],
  ),
  twin(
    deptSelfEval,
    [
      { at: [0, 0, 1], to: '4690.50' },
      { at: [1, 2, 6], to: '22' },
      { at: [1, 3, 6], to: '27' },
    ],
    [
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 4690.5,
        money: true,
        what: '年度资金总额 年初预算数 4690.50, its 其中 rows sum to 4680.50',
      },
      { rule: 'indicator-score-mismatch', figure: 22, what: '营商环境 得分 22 over its 分值 20 (总分 still the sum)' },
    ],
  ),
  twin(
    budgetTargets,
    [{ at: [0, 2, 2], to: '20.00' }],
    [
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 20,
        money: true,
        what: '其他资金 年度 20.00: 财政拨款 110.00 + 20.00 ≠ 资金总额 120.00',
      },
    ],
  ),
  twin(
    budgetSummary,
    [{ at: [0, 2, 3], to: '390.40' }],
    [
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 3806.4,
        money: true,
        what: '社会保障和就业支出 390.40: the 支出 rows sum to 3816.40, 本年支出合计 3806.40',
      },
    ],
  ),
  twin(
    finalIncome,
    [{ at: [0, 4, 2], to: '309.80' }],
    [
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 309.8,
        money: true,
        what: '2013804 本年收入合计 309.80: its columns sum to 299.80, and 款 20138 is 1280.40',
      },
    ],
  ),
  twin(
    finalExpenditure,
    [{ at: [0, 7, 2], to: '180.20' }],
    [
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 180.2,
        money: true,
        what: '职业年金 人员经费 180.20: 本年支出合计 170.20, and 款 行政事业单位养老支出 520.30',
      },
    ],
  ),
  twin(
    budgetChange,
    [{ at: [0, 2, 4], to: '-18.12%' }],
    [{ rule: 'rate-mismatch', figure: -18.12, what: '卫生健康支出 增减率 -18.12%: -3.10 ÷ 38.20 is -8.12%' }],
  ),
  twin(
    threePublic,
    [
      { at: [0, 0, 5], to: '26.20' },
      { at: [0, 1, 1], to: '81.90' },
    ],
    [
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 26.2,
        money: true,
        what: '上年 公务用车运行费 26.20: 购置费 30.00 + 26.20 ≠ 小计 58.20',
      },
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 81.9,
        money: true,
        what: '本年 合计 81.90: 10.00 + 56.70 + 13.20 = 79.90',
      },
    ],
  ),
  twin(
    basicEconomic,
    [{ at: [0, 8, 2], to: '55.80' }],
    [
      {
        rule: 'table-total-mismatch',
        alt: ['sum-mismatch'],
        figure: 55.8,
        money: true,
        what: '30211 差旅费 55.80: its 公用经费 45.80, and 302 is 260.30',
      },
    ],
  ),
];
