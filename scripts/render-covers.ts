// Renders the cover harness (test/support/covers.ts) into test/fixtures/covers/:
// every class in every style by LibreOffice (<class>--<style>--lo.pdf), and a
// few cases by Chromium (<class>--<style>--chromium.pdf, ~80 kB each: its CJK
// glyphs are Type 3 procedures; the test prints every style with Chromium again
// at run time when it is installed). Run after changing covers.ts:
//   npx node scripts/render-covers.ts                 every class
//   npx node scripts/render-covers.ts <class id> …    only these classes (the others' fixtures kept)
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { coverCases, coverHtml } from '../test/support/covers.ts';
import { renderWithChromium, renderWithLibreOffice } from '../test/support/render-covers.ts';

/** The cases kept as Chromium fixtures: a few of each shape, and those only Chromium's layout got wrong. */
const KEPT_CHROMIUM = [
  'budget-three-lines--one-line',
  'self-evaluation--one-line',
  'lone-self-evaluation-table--two-lines',
  'red-header-letter--same-size',
  'finance-bureau-report--same-size',
  'self-year-in-words--white-circle',
];

const only = process.argv.slice(2);
const out = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'covers');
mkdirSync(out, { recursive: true });
const cases = coverCases().filter((c) => only.length === 0 || only.includes(c.cls.id));
const ofCase = (f: string) => f.replace(/--(?:lo|chromium)\.pdf$/, '');
for (const f of readdirSync(out))
  if (f.endsWith('.pdf') && (only.length === 0 || cases.some((c) => c.name === ofCase(f)))) rmSync(path.join(out, f));

const lo = renderWithLibreOffice(new Map(cases.map((c) => [c.name, coverHtml(c.cls, c.style)])));
for (const [name, bytes] of lo) writeFileSync(path.join(out, `${name}--lo.pdf`), bytes);

const kept = cases.filter((c) => KEPT_CHROMIUM.includes(c.name));
const chromium = await renderWithChromium(new Map(kept.map((c) => [c.name, coverHtml(c.cls, c.style)])));
for (const [name, bytes] of chromium) writeFileSync(path.join(out, `${name}--chromium.pdf`), bytes);
console.log(`${lo.size} LibreOffice and ${chromium.size} Chromium PDFs in ${path.relative(process.cwd(), out)}`);
