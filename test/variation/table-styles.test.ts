// The variation harness: every table class of the genre, drawn in every style
// that applies and printed by LibreOffice and by Chromium, must give exactly
// the facts its source of truth names (value, unit, kind, comparator, label)
// and no false error. The PDFs are fixtures (scripts/variation-fixtures.ts
// prints them); docs/variation-harness.md says how to add a class or a style.
// Entries that still fail are listed in known-failures.ts, each with its
// reason, and run as test.fails: one that starts passing fails here, so that
// the list is kept true.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { CLASSES } from '../support/variation/classes/index.ts';
import { describe as problems } from '../support/variation/compare.ts';
import { evaluate } from '../support/variation/evaluate.ts';
import { fileName, FIXTURES, htmlOf, readManifest, sha256 } from '../support/variation/manifest.ts';
import { PRODUCERS } from '../support/variation/producers.ts';
import { applies, STYLES } from '../support/variation/styles.ts';
import { KNOWN_FAILURES, REASONS } from './known-failures.ts';

const manifest = readManifest();
const known = new Map(
  Object.entries(KNOWN_FAILURES).flatMap(([key, ids]) =>
    ids.map((id) => [id, REASONS[key as keyof typeof REASONS]] as const),
  ),
);

describe('the fixtures', () => {
  test('are printed from the source of truth as it stands (else: npm run fixtures:variation)', () => {
    for (const [file, f] of Object.entries(manifest.files)) {
      const fillers = new Map(manifest.entries.filter((e) => e.file === file).map((e) => [e.style, e.filler]));
      expect(sha256(htmlOf(f.class, f.producer, (s) => fillers.get(s) ?? 0)), file).toBe(f.source);
      expect(readFileSync(`${FIXTURES}${file}`).subarray(0, 5).toString('latin1'), file).toBe('%PDF-');
    }
  });

  test('hold every class in every style that applies, from each producer', () => {
    const want = CLASSES.flatMap((c) =>
      STYLES.filter((s) => applies(s, c)).flatMap((s) => PRODUCERS.map((p) => `${c.id}/${s.id}/${p}`)),
    );
    expect(manifest.entries.map((e) => e.id).sort()).toEqual(want.sort());
    for (const e of manifest.entries) expect(e.file).toBe(fileName(e.class, e.producer));
  });

  test('known failures name entries that exist', () => {
    const ids = new Set(manifest.entries.map((e) => e.id));
    expect([...known.keys()].filter((id) => !ids.has(id))).toEqual([]);
  });
});

describe.each(CLASSES.map((c) => [c.id, c.title] as const))('%s (%s)', (cls) => {
  for (const entry of manifest.entries.filter((e) => e.class === cls)) {
    const reason = known.get(entry.id);
    const name = `${entry.style} / ${entry.producer}${reason ? ` — known failure: ${reason}` : ''}`;
    (reason ? test.fails : test)(name, async () => {
      const outcome = await evaluate(entry);
      expect(problems(outcome), `${entry.id}, pages ${entry.pages.join('–')} of ${entry.file}`).toBe('');
    });
  }
});
