// check(report): the finding rules over a report, e.g. one read back from JSON or edited.
import { ALL_RULES, byPrecedence, runChecks } from '../checks/index.ts';
import type { RuleInfo } from '../checks/types.ts';
import type { Finding, Report, RuleId } from '../schema/report.ts';

export type { RuleInfo } from '../checks/types.ts';
export type { RuleId } from '../schema/report.ts';

/** Every rule by its id — severity, descriptions, precedence — in order of precedence, most specific first. */
export const RULES: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(
  byPrecedence(ALL_RULES).map(({ id, severity, description, descriptionZh, precedence }) => [
    id,
    { id, severity, description, descriptionZh, precedence },
  ]),
) as Record<RuleId, RuleInfo>;

export interface CheckOptions {
  /** only these rules (default: all) */
  rules?: readonly RuleId[];
}

/**
 * The findings of a report, numbered c1…cn in page order; the report's own
 * `findings` are ignored. Give it a Report as extracted, or parse JSON first:
 * `check(Report.parse(JSON.parse(text)))`.
 */
export function check(report: Omit<Report, 'findings'>, options: CheckOptions = {}): Finding[] {
  const rules = options.rules ? ALL_RULES.filter((r) => options.rules!.includes(r.id)) : ALL_RULES;
  if (options.rules) {
    const unknown = options.rules.filter((id) => !ALL_RULES.some((r) => r.id === id));
    if (unknown.length > 0) throw new RangeError(`unknown rule: ${unknown.join(', ')}`);
  }
  const { findings: _ignored, ...doc } = report as Report;
  return runChecks(doc, rules);
}
