// Every error and warning names the facts it compares (`factIds`), facts of
// the report itself: the review site highlights them, an auditor follows them
// to the page. Checked on the typed development corpus when it is present
// (every report read end to end); the checks harness (variation/harness.ts,
// expectFound) checks the same of every planted finding of its made reports.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { RuleId } from '../../src/schema/report.ts';

const CORPUS = '/work/shared/corpus';
const typed = existsSync(CORPUS) ? readdirSync(CORPUS).filter((f) => f.endsWith('.pdf') && !f.includes('-scan')) : [];

/**
 * Rules whose findings may not name their facts yet (none today). Listed so
 * that the list stays true: a rule here that names its facts fails the test
 * until it is taken off.
 */
const PENDING: ReadonlySet<RuleId> = new Set<RuleId>([]);

describe.skipIf(typed.length === 0)(`the typed development corpus (${CORPUS}, ${typed.length} reports)`, () => {
  test('every error and warning names facts of its report', { timeout: 600_000 }, async () => {
    const unnamed: string[] = [];
    const pending = new Map<RuleId, number>();
    let named = 0;
    for (const name of typed) {
      const report = await extractBytes(new Uint8Array(readFileSync(path.join(CORPUS, name))), name, {
        ocr: 'never',
      });
      const ids = new Set(report.facts.map((f) => f.id));
      for (const f of report.findings.filter((x) => x.severity !== 'info')) {
        const ok = f.factIds.length > 0 && f.factIds.every((id) => ids.has(id));
        if (PENDING.has(f.rule)) {
          pending.set(f.rule, (pending.get(f.rule) ?? 0) + (ok ? 0 : 1));
          if (ok) unnamed.push(`${name}: ${f.rule} names its facts now — take it off PENDING`);
        } else if (ok) named++;
        else unnamed.push(`${name} ${f.id} ${f.rule}: ${f.message} (${f.factIds.join(', ') || 'no facts'})`);
      }
    }
    expect(unnamed).toEqual([]);
    expect(named).toBeGreaterThan(0);
  });
});
if (typed.length === 0) console.warn(`names-facts: ${CORPUS} not found, the corpus is not checked`);
