// Renders the cover harness (test/support/covers.ts) into test/fixtures/covers/:
// every class in every style by LibreOffice (<class>--<style>--lo.pdf), and the
// first style of three classes by Chromium (<class>--<style>--chromium.pdf, ~80 kB
// each: its CJK glyphs are Type 3 procedures; the test prints every style with
// Chromium again at run time when it is installed). Run after changing covers.ts:
//   npx node scripts/render-covers.ts
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { COVER_CLASSES, coverCases, coverHtml } from '../test/support/covers.ts';
import { renderWithChromium, renderWithLibreOffice } from '../test/support/render-covers.ts';

const out = path.join(import.meta.dirname, '..', 'test', 'fixtures', 'covers');
mkdirSync(out, { recursive: true });
for (const f of readdirSync(out)) if (f.endsWith('.pdf')) rmSync(path.join(out, f));

const cases = coverCases();
const lo = renderWithLibreOffice(new Map(cases.map((c) => [c.name, coverHtml(c.cls, c.style)])));
for (const [name, bytes] of lo) writeFileSync(path.join(out, `${name}--lo.pdf`), bytes);

const KEPT_CHROMIUM = ['budget-three-lines', 'self-evaluation', 'lone-self-evaluation-table'];
const firsts = COVER_CLASSES.filter((cls) => KEPT_CHROMIUM.includes(cls.id)).map((cls) =>
  cases.find((c) => c.cls === cls)!,
);
const chromium = await renderWithChromium(new Map(firsts.map((c) => [c.name, coverHtml(c.cls, c.style)])));
for (const [name, bytes] of chromium) writeFileSync(path.join(out, `${name}--chromium.pdf`), bytes);
console.log(`${lo.size} LibreOffice and ${chromium.size} Chromium PDFs in ${path.relative(process.cwd(), out)}`);
