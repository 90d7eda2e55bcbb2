// Every table class of the harness. Adding a class: write its logical table in a file here and list it.
import type { LogicalTable } from '../model.ts';
import { budgetChange } from './budget-change.ts';
import { budgetSummary } from './budget-summary.ts';
import { budgetTargets } from './budget-targets.ts';
import { deptSelfEval } from './dept-self-eval.ts';
import { finalExpenditure } from './final-expenditure.ts';
import { finalIncome } from './final-income.ts';
import { PLANTED } from './planted.ts';
import { basicEconomic } from './basic-economic.ts';
import { threePublic } from './three-public.ts';
import { projectSelfEval } from './project-self-eval.ts';

export const CLASSES: readonly LogicalTable[] = [
  projectSelfEval,
  deptSelfEval,
  budgetTargets,
  budgetSummary,
  finalIncome,
  finalExpenditure,
  budgetChange,
  threePublic,
  basicEconomic,
  // and their twins with mistakes written in (planted.ts): each must be found in every style
  ...PLANTED,
];
