// The table harness scanned: a ruled table, one without rules and a 三线表,
// drawn at 200 dpi askew and specked, read back by OCR — the cells come back
// as the typed entry's do, and no figure comes back that the table does not
// hold (a cell border or a speck read as 丨, 「 or a minus sign; two cells a
// padding apart read as one number). scripts/scan-variation.ts measures the
// whole harness this way (docs/ocr.md).
import { afterAll, expect, test } from 'vitest';
import { createOcrPool } from '../../src/ocr/pool.ts';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { compareFacts, describe, foreignFigures } from '../support/variation/compare.ts';
import { expectedOf } from '../support/variation/evaluate.ts';
import { readManifest } from '../support/variation/manifest.ts';
import { scannedEntry } from '../support/variation/scan.ts';

const ENTRIES = [
  'final-income/grid/libreoffice',
  'final-income/sheet/libreoffice',
  'budget-targets/three/libreoffice',
  'dept-self-eval/grid/libreoffice',
];
const pool = createOcrPool(1);
afterAll(() => pool.close());

for (const id of ENTRIES) {
  test(`${id}, scanned: cells read as typed, no figure the table does not hold`, async () => {
    const entry = readManifest().entries.find((e) => e.id === id)!;
    const report = await extractBytes(await scannedEntry(entry, { dpi: 200, tilt: 0.6 }), `${id}.pdf`, { pool });
    const expected = expectedOf(entry);
    const c = compareFacts(
      expected,
      report.facts.filter((f) => f.kind !== 'date'),
    );
    const foreign = foreignFigures(expected, c.extra);
    expect(foreign.map((f) => `${f.label} ${f.value}${f.unit}`)).toEqual([]);
    expect(c.matched / c.expected, describe(c)).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
}
