// The scanned sample (image-only, red seal, skew, noise) through OCR gives the
// typed sample's section tree and its numeric facts. About 15 s on 2 cores.
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { createOcrPool } from '../../src/ocr/pool.ts';
import { extractFile } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';

const sample = (name: string) => fileURLToPath(new URL(`../../samples/${name}`, import.meta.url));
let typed: Report;
let scanned: Report;

beforeAll(async () => {
  const pool = createOcrPool(2);
  try {
    [typed, scanned] = await Promise.all([
      extractFile(sample('yueyanglou-scjg-2023.pdf'), { ocr: 'never' }),
      extractFile(sample('yueyanglou-scjg-2023-scan.pdf'), { pool }),
    ]);
  } finally {
    await pool.close();
  }
}, 600_000);

test('every page is image-only, so every page is OCR’d, with its confidence', () => {
  expect(scanned.pages.map((p) => p.method)).toEqual(Array(11).fill('ocr'));
  for (const p of scanned.pages) expect(p.ocrConfidence).toBeGreaterThan(75);
});

test('the same section tree as the typed sample', () => {
  const shape = (r: Report) =>
    r.sections.map((s) => [
      s.level,
      s.marker.trim().replace(/[()]/g, (c) => (c === '(' ? '（' : '）')),
      s.ordinal,
      s.page,
    ]);
  expect(shape(scanned)).toEqual(shape(typed));
  // Titles as read: at most one character in ten differs (OCR noise), most are exact.
  const titles = scanned.sections.map((s, i) => similarity(s.title, typed.sections[i]!.title));
  expect(Math.min(...titles)).toBeGreaterThan(0.85);
  expect(titles.filter((t) => t === 1).length).toBeGreaterThanOrEqual(18);
});

test('at least 95 % of the typed sample’s numeric facts come back with the right values', () => {
  const key = (f: { value: unknown; unit: string; kind: string }) => `${f.kind}:${f.value}${f.unit}`;
  const got = new Map<string, number>();
  for (const f of scanned.facts) got.set(key(f), (got.get(key(f)) ?? 0) + 1);
  let hit = 0;
  for (const f of typed.facts) {
    const n = got.get(key(f)) ?? 0;
    if (n > 0) {
      hit++;
      got.set(key(f), n - 1);
    }
  }
  expect(hit / typed.facts.length).toBeGreaterThanOrEqual(0.95);
  // And the budget concepts, exactly.
  const concepts = (r: Report) => r.facts.filter((f) => f.concept).map((f) => [f.concept, f.value]);
  expect(concepts(scanned)).toEqual(concepts(typed));
});

test('the same findings as the typed sample', () => {
  const brief = (r: Report) => r.findings.map((f) => `${f.rule}:${f.severity}:${f.page}`);
  expect(brief(scanned)).toEqual(brief(typed));
});

function similarity(a: string, b: string): number {
  const dp = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)] as number[]);
  for (let j = 1; j <= b.length; j++) dp[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      dp[i]![j] = Math.min(
        dp[i - 1]![j]! + 1,
        dp[i]![j - 1]! + 1,
        dp[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
  return 1 - dp[a.length]![b.length]! / Math.max(a.length, b.length, 1);
}
