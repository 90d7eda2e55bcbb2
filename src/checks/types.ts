import type { Finding, Report, RuleId } from '../schema/report.ts';
import type { TableHints } from './layout-hints.ts';

/** What the checks read: the whole extracted document but its findings. */
export type CheckInput = Omit<Report, 'findings'> & {
  /** what the layout knows and the report does not keep (row indentation of each table, in the order of `tables`); absent when checking a report read back from JSON */
  hints?: { tables?: TableHints[] };
};

/** A finding before the engine numbers it (built by finding() in finding.ts). */
export type Draft = Omit<Finding, 'id'>;

export interface Rule {
  id: RuleId;
  run(doc: CheckInput): Draft[];
}
