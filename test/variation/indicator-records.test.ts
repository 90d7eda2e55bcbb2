// The indicator harness: self-evaluation and target tables of the genre's
// layouts (≈280 indicator rows, test/support/variation/indicators/), drawn in
// every style that applies and printed by LibreOffice and by Chromium, each
// carried over pages. Every indicator row must come out as one record whose
// name, target (value, unit, bound, range), actual (value, unit), weight and
// score are those the table was written from, with no record too many, and
// every funds row likewise (planned, adjusted, executed, rate, weight,
// score). The PDFs are fixtures (npm run fixtures:indicators); entries that
// still fail are listed in indicator-known-failures.ts with their reason and
// run as test.fails, so that one that starts passing comes off the list.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { INDICATOR_CLASSES } from '../support/variation/indicators/classes.ts';
import {
  FIXTURES,
  fileName,
  htmlOf,
  readManifest,
  sha256,
  stylesOf,
} from '../support/variation/indicators/manifest.ts';
import { describe as problems, evaluate } from '../support/variation/indicators/score.ts';
import { PRODUCERS } from '../support/variation/producers.ts';
import { INDICATOR_KNOWN_FAILURES, INDICATOR_REASONS } from './indicator-known-failures.ts';

const manifest = readManifest();
const known = new Map(
  Object.entries(INDICATOR_KNOWN_FAILURES).flatMap(([key, ids]) =>
    ids.map((id) => [id, INDICATOR_REASONS[key as keyof typeof INDICATOR_REASONS]] as const),
  ),
);

describe('the indicator fixtures', () => {
  test('are printed from the source of truth as it stands (else: npm run fixtures:indicators)', () => {
    for (const [file, f] of Object.entries(manifest.files)) {
      expect(sha256(htmlOf(f.class, f.producer)), file).toBe(f.source);
      expect(readFileSync(`${FIXTURES}${file}`).subarray(0, 5).toString('latin1'), file).toBe('%PDF-');
    }
  });

  test('hold every class in every style that applies, from each producer, each table over two pages or more', () => {
    const want = INDICATOR_CLASSES.flatMap((c) =>
      stylesOf(c).flatMap((s) => PRODUCERS.map((p) => `${c.id}/${s.id}/${p}`)),
    );
    expect(manifest.entries.map((e) => e.id).sort()).toEqual(want.sort());
    for (const e of manifest.entries) {
      expect(e.file).toBe(fileName(e.class, e.producer));
      expect(e.pages[1], e.id).toBeGreaterThan(e.pages[0]);
    }
  });

  test('about 280 indicator rows in the genre layouts', () => {
    const rows = INDICATOR_CLASSES.reduce((n, c) => n + c.indicators.length, 0);
    expect(rows).toBeGreaterThanOrEqual(270);
  });

  test('known failures name entries that exist', () => {
    const ids = new Set(manifest.entries.map((e) => e.id));
    expect([...known.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe.each(INDICATOR_CLASSES.map((c) => [c.id, c.title] as const))('%s: %s', (cls) => {
  for (const entry of manifest.entries.filter((e) => e.class === cls)) {
    const reason = known.get(entry.id);
    const name = `${entry.style} / ${entry.producer}${reason ? ` — known failure: ${reason}` : ''}`;
    (reason ? test.fails : test)(name, async () => {
      const outcome = await evaluate(entry);
      const wrong = problems({
        ...outcome,
        wrong: outcome.wrong.filter((w) => w.fields.some((f) => !f.startsWith('~'))),
      });
      expect(wrong, `${entry.id}, pages ${entry.pages.join('–')} of ${entry.file}`).toBe('');
    });
  }
});
