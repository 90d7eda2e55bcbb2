// One value per concept and year in a document (beyond rounding), unless the
// report itself states conflicting values and a finding of the report cites
// them; no planned figure of a 预算 given as an actual: over the PDFs kept in the repository, and over folders of report JSON
// named in JIXIAO_SOUNDNESS_OUTPUTS (colon-separated; e.g. a batch run of the
// development corpus and the published PDFs), when set.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { plannedAsActual, unsoundConcepts } from '../support/concept-soundness.ts';

const KEPT = [
  'samples/yueyanglou-scjg-2023.pdf',
  'test/fixtures/reports/edu-dept.pdf',
  'test/fixtures/reports/dept-parts.pdf',
];

describe('concepts are sound in the PDFs kept here', () => {
  for (const file of KEPT) {
    test(file, async () => {
      const report = await extractBytes(new Uint8Array(readFileSync(file)), file, { ocr: 'never' });
      expect(unsoundConcepts(report)).toEqual([]);
      expect(plannedAsActual(report)).toEqual([]);
    });
  }
});

const folders = (process.env.JIXIAO_SOUNDNESS_OUTPUTS ?? '').split(':').filter(Boolean);

describe.skipIf(folders.length === 0)('concepts are sound in JIXIAO_SOUNDNESS_OUTPUTS', () => {
  test('every report', () => {
    const unsound: Record<string, unknown> = {};
    for (const folder of folders)
      for (const name of readdirSync(folder).filter((n) => n.endsWith('.json'))) {
        const report = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as Report;
        const problems = [...unsoundConcepts(report), ...plannedAsActual(report)];
        if (problems.length > 0) unsound[name] = problems;
      }
    expect(unsound).toEqual({});
  });
});
