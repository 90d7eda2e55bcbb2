// A hand-made CheckInput completed as the pipeline completes a report: the
// facts of its tables' cells (facts/table-facts.ts, numbered after the facts
// given) and the records built from them (records/), so that rules reading
// indicators, funds rows and scorecards see what a PDF of the same tables gives.
import type { CheckInput } from '../../src/checks/types.ts';
import { tableFacts } from '../../src/facts/table-facts.ts';
import { buildRecords } from '../../src/records/index.ts';
import type { Fact } from '../../src/schema/report.ts';

type Partial = Omit<CheckInput, 'indicators' | 'funds' | 'scorecards'>;

/** The input with its tables' cell facts (unless `cellFacts` is false) and its records. */
export function withRecords(doc: Partial, cellFacts = true): CheckInput {
  const facts: Fact[] = [...doc.facts];
  const concepts = {
    fiscalYear: doc.document.fiscalYear,
    projectReport: doc.document.reportType === '项目支出',
    finalAccounts: doc.document.reportType === '决算',
    budget: doc.document.reportType === '预算',
    fallbackScope: doc.document.reportType === '整体支出' ? ('total' as const) : null,
  };
  if (cellFacts)
    for (const t of doc.tables)
      for (const f of tableFacts(t, null, concepts)) facts.push({ ...f, id: `f${facts.length + 1}` });
  return { ...doc, facts, ...buildRecords({ tables: doc.tables, facts }) };
}
