// The word-processor report (fixtures/reports/edu-dept.pdf, a sans-serif font
// unlike the scanned sample's) rendered to page images and read back by OCR:
// the concepts that come back carry the typed values — a figure misread is
// dropped, never reported wrong — and most come back.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { createOcrPool } from '../../src/ocr/pool.ts';
import { openPdf } from '../../src/pdf/open.ts';
import { renderGrey } from '../../src/pdf/render.ts';
import { extractBytes, extractFile } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { makePdf, type PageSpec } from '../support/make-pdf.ts';

const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/reports/edu-dept.pdf');
let typed: Report;
let scanned: Report;

beforeAll(async () => {
  typed = await extractFile(FIXTURE, { ocr: 'never' });
  const pdf = await openPdf(new Uint8Array(readFileSync(FIXTURE)));
  const pages: PageSpec[] = [];
  try {
    for (let n = 1; n <= pdf.doc.numPages; n++) {
      const img = await renderGrey(pdf.doc, n, 200);
      pages.push({ runs: [], image: { width: img.width, height: img.height, gray: img.pixels } });
    }
  } finally {
    await pdf.destroy();
  }
  const pool = createOcrPool(2);
  try {
    scanned = await extractBytes(makePdf({ pages }), 'edu-dept-rendered.pdf', { pool });
  } finally {
    await pool.close();
  }
}, 600_000);

test('every page is OCR’d; metadata and the top-level headings come back', () => {
  expect(scanned.pages.every((p) => p.method === 'ocr')).toBe(true);
  expect(scanned.document).toMatchObject({ title: typed.document.title, fiscalYear: 2022, reportType: '整体支出' });
  const top = (r: Report) => r.sections.filter((s) => s.level === 1).map((s) => s.marker + s.title);
  expect(top(scanned)).toEqual(top(typed));
});

test('the text’s concepts: none with a wrong value, at least 10 of the 13 back', () => {
  // The report's own year (contract 1.2: 比2021年决算数 is budget.total.actual of 2021, and growth statements have concepts too).
  const prose = (r: Report) =>
    r.facts
      .filter((f) => f.concept && f.paragraphId !== null && f.year === 2022 && !f.concept.endsWith('.growth'))
      .map((f) => [f.concept, f.value]);
  const expected = new Map(prose(typed).map(([c, v]) => [c, v]));
  const found = prose(scanned);
  for (const [c, v] of found) expect([c, v]).toEqual([c, expected.get(c as string)]);
  expect(expected.size).toBe(13);
  expect(new Set(found.map(([c]) => c)).size).toBeGreaterThanOrEqual(10);
});

// Once a known gap (#12): the grid built from the image's rules merged the left columns (11 × 6 instead of
// 11 × 9) until thin rules were found as ridges and the pieces of one border merged where they overlap.
test('the ruled self-evaluation table is read from the image as a table: its grid, its cells and its cell facts as typed', () => {
  const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, '');
  expect(typed.tables).toHaveLength(1);
  const t = typed.tables[0]!;
  const s = scanned.tables.find((x) => x.page === t.page);
  expect(s, 'a table on the scanned page').toBeDefined();
  expect([s!.rows.length, s!.rows[0]!.length]).toEqual([t.rows.length, t.rows[0]!.length]);
  const want = t.rows.flat().map(norm);
  const got = s!.rows.flat().map(norm);
  expect(want.filter((c, i) => c === got[i]).length / want.length).toBeGreaterThanOrEqual(0.9);
  const cellFacts = (r: Report) =>
    r.facts.filter((f) => f.paragraphId === null).map((f) => `${norm(f.label)}:${f.value}${f.unit}`);
  const expected = cellFacts(typed);
  const found = new Set(cellFacts(scanned));
  expect(expected.length).toBeGreaterThan(10);
  expect(expected.filter((f) => found.has(f)).length / expected.length).toBeGreaterThanOrEqual(0.9);
});
