// The classes of misreading the scanned table harness found, one entry each,
// scanned and read back by OCR: each must come back as typed (≥ 95 % of its
// cells) with no figure the table does not hold and none of a seal's words.
// Each failed on the code before the fix its line names (docs/ocr.md, "Seals
// and what a recogniser is unsure of").
import { afterAll, expect, test } from 'vitest';
import { createOcrPool } from '../../src/ocr/pool.ts';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { compareFacts, describe, foreignFigures } from '../support/variation/compare.ts';
import { expectedOf } from '../support/variation/evaluate.ts';
import { readManifest } from '../support/variation/manifest.ts';
import { scannedEntry, sealTextsOf, type ScanOptions } from '../support/variation/scan.ts';

const PLAIN: ScanOptions = { dpi: 200, tilt: 0.6 };
const CASES: { id: string; scan: ScanOptions; why: string }[] = [
  {
    id: 'dept-self-eval/three/libreoffice',
    scan: PLAIN,
    why: 'a 三线表 header set a third of an em apart (全年预算数全年执行数分值 was one cell, its figures in 分)',
  },
  {
    id: 'final-expenditure/sheet/libreoffice',
    scan: PLAIN,
    why: 'points read from specks (260.30. 314.90.) and a decimal point read as a colon (720:30)',
  },
  {
    id: 'project-self-eval/grid/chromium',
    scan: PLAIN,
    why: '≥ read unsure as 2 (≥8个 came back 28个, a figure the table does not hold)',
  },
  {
    id: 'final-income/three/libreoffice',
    scan: { ...PLAIN, seal: 'foot', jpeg: 75 },
    why: "a red seal over the last rows, saved as JPEG: its stroke over 120.20's 1 was read 值 and dropped (20.20)",
  },
];
const pool = createOcrPool(1);
afterAll(() => pool.close());

for (const { id, scan, why } of CASES) {
  test(`${id} scanned${scan.seal ? `, sealed at the ${scan.seal}` : ''}: ${why}`, async () => {
    const entry = readManifest().entries.find((e) => e.id === id)!;
    const report = await extractBytes(await scannedEntry(entry, scan), `${id}.pdf`, { pool });
    const expected = expectedOf(entry);
    const c = compareFacts(
      expected,
      report.facts.filter((f) => f.kind !== 'date'),
    );
    expect(foreignFigures(expected, c.extra).map((f) => `${f.label} ${f.value}${f.unit}`)).toEqual([]);
    const text = JSON.stringify(report);
    expect(sealTextsOf(entry, scan).filter((w) => text.includes(w))).toEqual([]);
    expect(c.matched / c.expected, describe(c)).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
}
