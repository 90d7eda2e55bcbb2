// Renders the variation harness's fixtures: for each table class and producer
// one PDF holding the class in every style that applies (each on its own
// pages, after a page naming the style), and test/fixtures/variation/manifest.json.
// Needs LibreOffice (soffice) and Chromium; the tests need neither.
//   npm run fixtures:variation            (all classes)
//   npm run fixtures:variation -- dept-self-eval budget-summary
// The page-break styles get prose above the table so that it runs over the
// page's foot halfway down its last block of rows (found by bisection).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPdf } from '../src/pdf/open.ts';
import { readPageText } from '../src/pdf/text.ts';
import { CLASSES } from '../test/support/variation/classes/index.ts';
import { separator } from '../test/support/variation/html.ts';
import {
  fileName,
  FIXTURES,
  htmlOf,
  pagesOf,
  sha256,
  type Entry,
  type Manifest,
} from '../test/support/variation/manifest.ts';
import {
  chromium,
  libreoffice,
  libreofficeVersion,
  PRODUCERS,
  type Producer,
} from '../test/support/variation/producers.ts';
import type { Grid } from '../test/support/variation/grid.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-variation-'));
const only = process.argv.slice(2);
const classes = CLASSES.filter((c) => only.length === 0 || only.includes(c.id)).map((c) => c.id);

let chromiumName = '';

/** Prints one HTML per class with a producer; returns the PDF paths. */
async function print(
  producer: Producer,
  docs: { cls: string; html: string }[],
  tag: string,
): Promise<Map<string, string>> {
  const dir = path.join(work, `${tag}-${producer}`);
  mkdirSync(dir, { recursive: true });
  const out = new Map<string, string>();
  for (const d of docs) {
    writeFileSync(path.join(dir, `${d.cls}.html`), d.html);
    out.set(d.cls, path.join(dir, `${d.cls}.pdf`));
  }
  if (producer === 'libreoffice')
    libreoffice(
      docs.map((d) => path.join(dir, `${d.cls}.html`)),
      dir,
    );
  else
    chromiumName = await chromium(docs.map((d) => ({ html: path.join(dir, `${d.cls}.html`), pdf: out.get(d.cls)! })));
  return out;
}

interface Layout {
  /** per style: the table's pages, and how many items with a digit stand on its last page */
  [style: string]: { pages: [number, number]; digitsOnLast: number };
}

/** Where each style's table landed: the pages between its separator page and the next. */
async function layoutOf(pdfPath: string, styles: string[]): Promise<Layout> {
  const pdf = await openPdf(new Uint8Array(readFileSync(pdfPath)));
  try {
    const texts: string[][] = [];
    for (let n = 1; n <= pdf.doc.numPages; n++) texts.push((await readPageText(pdf.doc, n)).items.map((i) => i.str));
    const sepPage = (style: string) =>
      texts.findIndex((items) => items.join('').replace(/\s+/g, '') === separator({ id: style } as never)) + 1;
    const out: Layout = {};
    styles.forEach((style, i) => {
      const from = sepPage(style) + 1;
      const next = i + 1 < styles.length ? sepPage(styles[i + 1]!) : texts.length + 1;
      if (from <= 1 || next <= from) throw new Error(`${pdfPath}: the pages of ${style} not found`);
      const last = next - 1;
      out[style] = { pages: [from, last], digitsOnLast: texts[last - 1]!.filter((s) => /[0-9]/.test(s)).length };
    });
    return out;
  } finally {
    await pdf.destroy();
  }
}

/** Number cells in the rows of the last block that should run over: its second half. */
function target(grid: Grid): number {
  const start = grid.segmentStarts[grid.segmentStarts.length - 1]!;
  const rows = grid.rows.length - start;
  const from = start + Math.floor(rows / 2);
  return grid.rows
    .slice(from)
    .flat()
    .filter((c) => /[0-9]/.test(c.text)).length;
}

/** Fillers for the page-break styles, by bisection on the digits found on the table's second page. */
async function calibrate(producer: Producer): Promise<Map<string, number>> {
  const key = (cls: string, style: string) => `${cls}/${style}`;
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const breaking = (cls: string) => pagesOf(cls, () => 0).filter((p) => p.style.pageBreak !== 'none');
  for (const cls of classes)
    for (const p of breaking(cls)) (lo.set(key(cls, p.style.id), 0), hi.set(key(cls, p.style.id), 64));
  for (let round = 0; round < 7; round++) {
    const mid = (k: string) => Math.floor((lo.get(k)! + hi.get(k)!) / 2);
    const docs = classes.map((cls) => ({
      cls,
      html: htmlOf(cls, producer, (s) => (lo.has(key(cls, s)) ? mid(key(cls, s)) : 0)),
    }));
    const pdfs = await print(producer, docs, `probe${round}`);
    for (const cls of classes) {
      const pages = pagesOf(cls, () => 0);
      const layout = await layoutOf(
        pdfs.get(cls)!,
        pages.map((p) => p.style.id),
      );
      for (const p of breaking(cls)) {
        const k = key(cls, p.style.id);
        const l = layout[p.style.id]!;
        const over = l.pages[1] > l.pages[0] ? l.digitsOnLast : 0;
        // Enough carried over (or the whole table pushed to the next page): less filler.
        if (over >= target(p.grid)) hi.set(k, mid(k));
        else lo.set(k, mid(k) + 1);
      }
    }
  }
  return new Map([...hi.entries()]);
}

async function main(): Promise<void> {
  mkdirSync(FIXTURES, { recursive: true });
  const old = (() => {
    try {
      return JSON.parse(readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as Manifest;
    } catch {
      return null;
    }
  })();
  const manifest: Manifest = {
    note: 'Written by scripts/variation-fixtures.ts (npm run fixtures:variation); the source of truth is test/support/variation/.',
    producers: { libreoffice: libreofficeVersion(), chromium: '' },
    files: Object.fromEntries(Object.entries(old?.files ?? {}).filter(([, f]) => !classes.includes(f.class))),
    entries: (old?.entries ?? []).filter((e) => !classes.includes(e.class)),
  };
  for (const producer of PRODUCERS) {
    const fillers = await calibrate(producer);
    const filler = (cls: string) => (style: string) => fillers.get(`${cls}/${style}`) ?? 0;
    const docs = classes.map((cls) => ({ cls, html: htmlOf(cls, producer, filler(cls)) }));
    const pdfs = await print(producer, docs, 'final');
    if (producer === 'chromium') manifest.producers.chromium = chromiumName;
    for (const { cls, html } of docs) {
      const file = fileName(cls, producer);
      writeFileSync(path.join(FIXTURES, file), readFileSync(pdfs.get(cls)!));
      manifest.files[file] = { class: cls, producer, source: sha256(html) };
      const pages = pagesOf(cls, filler(cls));
      const layout = await layoutOf(
        pdfs.get(cls)!,
        pages.map((p) => p.style.id),
      );
      for (const p of pages) {
        const l = layout[p.style.id]!;
        const span = l.pages[1] - l.pages[0] + 1;
        if (span !== (p.style.pageBreak === 'none' ? 1 : 2))
          console.warn(`${cls}/${p.style.id}/${producer}: the table is on ${span} page(s) (filler ${p.filler})`);
        const entry: Entry = {
          id: `${cls}/${p.style.id}/${producer}`,
          class: cls,
          style: p.style.id,
          producer,
          file,
          pages: l.pages,
          filler: p.filler,
        };
        manifest.entries.push(entry);
      }
    }
  }
  manifest.entries.sort((a, b) => a.id.localeCompare(b.id));
  // One line per entry, so that a diff shows which entries changed.
  const { entries, ...rest } = manifest;
  const head = JSON.stringify(rest, null, 2).replace(/\n}$/, '');
  const body = entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  writeFileSync(path.join(FIXTURES, 'manifest.json'), `${head},\n  "entries": [\n${body}\n  ]\n}\n`);
  console.log(`${manifest.entries.length} entries in ${Object.keys(manifest.files).length} PDFs → ${FIXTURES}`);
}

try {
  await main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
