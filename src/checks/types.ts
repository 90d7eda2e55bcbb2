import type { Finding, Report, RuleId } from '../schema/report.ts';

/** What the checks read: the whole extracted document but its findings — the same whether fresh or read back from JSON. */
export type CheckInput = Omit<Report, 'findings'>;

/** A finding before the engine numbers it (built by finding() in finding.ts). */
export type Draft = Omit<Finding, 'id'>;

export interface Rule {
  id: RuleId;
  run(doc: CheckInput): Draft[];
}
