// The published PDFs' findings as a regression list (findings.json): every
// finding jixiao gives on them was read against its page and confirmed, and no
// other may appear. The PDFs are not in the repository: read them once with
//
//   jixiao batch ../shared/published/*.pdf ../shared/samples/yueyanglou-scjg-2023.pdf --out DIR
//
// and run this with JIXIAO_PUBLISHED_DOCS=DIR/docs; the rules run again over
// those reports, so a change to a rule shows here without reading them again.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { check } from '../../../src/api/check.ts';
import type { Report } from '../../../src/schema/report.ts';

interface Listed {
  file: string;
  sha256?: string;
  findings: { rule: string; severity: string; page: number; message: string; verdict: string }[];
}

const DOCS = process.env.JIXIAO_PUBLISHED_DOCS;
const list = (JSON.parse(readFileSync(new URL('findings.json', import.meta.url), 'utf8')) as { documents: Listed[] })
  .documents;

test('every finding listed was read against its page', () => {
  for (const d of list) for (const f of d.findings) expect(f.verdict).toMatch(/^confirmed/);
});

describe.skipIf(!DOCS)('the published PDFs give exactly the confirmed findings', () => {
  for (const d of list) {
    const json = path.join(DOCS ?? '', d.file.replace(/\.pdf$/, '.json'));
    test.skipIf(!existsSync(json))(d.file, () => {
      const report = JSON.parse(readFileSync(json, 'utf8')) as Report;
      if (d.sha256) expect(report.source.sha256).toBe(d.sha256);
      const findings = check(report);
      const found = findings.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        page: f.page,
        message: f.message,
      }));
      expect(found).toEqual(d.findings.map(({ verdict: _v, ...f }) => f));
      // Each error and warning names the facts it compares, facts of the report.
      const ids = new Set(report.facts.map((f) => f.id));
      for (const f of findings.filter((x) => x.severity !== 'info'))
        expect([f.rule, f.factIds.length > 0 && f.factIds.every((id) => ids.has(id))]).toEqual([f.rule, true]);
    });
  }
});
