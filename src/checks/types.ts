import type { Finding, Report } from '../schema/report.ts';
import type { RuleId } from '../vocab/rules.ts';

/** What the checks read: the whole extracted document but its findings. */
export type CheckInput = Omit<Report, 'findings'>;

/** A finding before the engine numbers it. */
export type Draft = Omit<Finding, 'id' | 'rule'> & { rule: RuleId };

export interface Rule {
  id: RuleId;
  run(doc: CheckInput): Draft[];
}
