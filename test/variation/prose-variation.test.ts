// The prose variation harness (test/support/prose-variation/): a 部门整体支出 and
// a 项目支出 self-evaluation report, each written once, set in many styles
// (marker widths, heading alignment, weight and size, indents typed or set,
// justified and letter-spaced lines, landscape pages, running headers and page
// numbers, numbers broken over a line or a page end) by Chromium and by
// LibreOffice. Every rendering must read as the same section tree and the same
// narrative facts — what the source says, not what the code gave once.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { compare, describe as problems } from '../support/prose-variation/compare.ts';
import { planDocument } from '../support/prose-variation/plan.ts';
import { SOURCES } from '../support/prose-variation/source.ts';
import { STYLES } from '../support/prose-variation/styles.ts';
import type { Fixture, Manifest } from '../support/prose-variation/types.ts';

const DIR = path.join(import.meta.dirname, '../fixtures/prose-variation');
const manifest = JSON.parse(readFileSync(path.join(DIR, 'manifest.json'), 'utf8')) as Manifest;

const reports = new Map<string, Promise<Report>>();
function read(f: Fixture): Promise<Report> {
  let r = reports.get(f.file);
  if (!r) {
    r = extractBytes(new Uint8Array(readFileSync(path.join(DIR, f.file))), f.file, { ocr: 'never' });
    reports.set(f.file, r);
  }
  return r;
}

describe('the fixtures', () => {
  test('every class in every style by both producers', () => {
    const have = new Set(manifest.fixtures.map((f) => f.file));
    for (const doc of SOURCES)
      for (const style of STYLES)
        for (const producer of ['chromium', 'libreoffice'])
          expect(have.has(`${doc.id}-${style.id}-${producer}.pdf`), `${doc.id}-${style.id}-${producer}`).toBe(true);
  });

  test('the manifest says what the source says (rendered again after any change to the source or a style)', () => {
    for (const f of manifest.fixtures) {
      const plan = planDocument(
        SOURCES.find((d) => d.id === f.cls)!,
        STYLES.find((s) => s.id === f.style)!,
      );
      expect({ pages: f.pages, sections: f.sections, facts: f.facts }, f.file).toEqual({
        pages: plan.pages.length,
        sections: plan.sections,
        facts: plan.facts,
      });
    }
  });
});

describe.each(manifest.fixtures)('$file', (f) => {
  let report: Report;
  beforeAll(async () => {
    report = await read(f);
  });

  test('the section tree: level, marker, ordinal, title and page of every heading, and nothing else', () => {
    expect(problems(compare(f, report)).sections).toEqual([]);
  });

  test('the narrative facts: kind, value, page, unit, approximation, bound and label where one is right', () => {
    expect(problems(compare(f, report)).facts).toEqual([]);
  });
});

describe('labels', () => {
  test.each(SOURCES.map((d) => d.id))(
    '%s: every fact has the same label in every style and by both producers',
    async (cls) => {
      const fixtures = manifest.fixtures.filter((f) => f.cls === cls);
      const labels = new Map<string, Set<string>>();
      for (const f of fixtures) {
        const o = compare(f, await read(f));
        for (const [i, got] of o.matched) {
          const key = `${i} ${f.facts[i]!.text}`;
          labels.set(key, (labels.get(key) ?? new Set()).add(got.label));
        }
      }
      const unstable = [...labels].filter(([, set]) => set.size > 1).map(([k, set]) => `${k}: ${[...set].join(' | ')}`);
      expect(unstable).toEqual([]);
    },
  );
});
