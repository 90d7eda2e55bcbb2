import type { Finding, Report, RuleId, Severity } from '../schema/report.ts';

/** What the checks read: the whole extracted document but its findings — the same whether fresh or read back from JSON. */
export type CheckInput = Omit<Report, 'findings'>;

/** A finding before the engine numbers it (built by finding() in finding.ts). */
export type Draft = Omit<Finding, 'id'>;

/** A rule as `jixiao rules` lists it and the library's RULES gives it: all of it but its code. */
export interface RuleInfo {
  /** one of the contract's ids (RULE_IDS, src/schema/report.ts) */
  id: RuleId;
  /** the severity its findings have unless the rule says otherwise */
  severity: Severity;
  /** what it finds, in English */
  description: string;
  /** what it finds, in Chinese */
  descriptionZh: string;
  /**
   * Where rules see one inconsistency, which one names it: the lowest number, the most specific
   * rule (contract, Conventions: "name the most specific"). A finding whose facts are all in a
   * finding of a rule ranked before it, or of the same rule found before it, is not reported again;
   * findings on one page are listed in this order. No two rules share a number; the order of the
   * rule list the engine is given plays no part.
   */
  precedence: number;
}

/** What a finding needs of its rule: its id and default severity. */
export type RuleHead = Pick<RuleInfo, 'id' | 'severity'>;

/** A finding rule: one file of src/checks/ each, listed once in ALL_RULES (src/checks/index.ts). */
export interface Rule extends RuleInfo {
  run(doc: CheckInput): Draft[];
}
