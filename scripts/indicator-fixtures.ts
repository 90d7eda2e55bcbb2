// Renders the indicator harness's fixtures: for each class of
// test/support/variation/indicators/classes.ts and each producer one PDF
// holding the class in every style that applies (each after a page naming
// the style), and test/fixtures/variation-indicators/manifest.json.
// Needs LibreOffice (soffice) and Chromium; the tests need neither.
//   npm run fixtures:indicators                 (all classes)
//   npm run fixtures:indicators -- fujian-dept  (one)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPdf } from '../src/pdf/open.ts';
import { readPageText } from '../src/pdf/text.ts';
import { separator } from '../test/support/variation/html.ts';
import { INDICATOR_CLASSES } from '../test/support/variation/indicators/classes.ts';
import {
  fileName,
  FIXTURES,
  htmlOf,
  pagesOf,
  sha256,
  type Entry,
  type Manifest,
} from '../test/support/variation/indicators/manifest.ts';
import {
  chromium,
  libreoffice,
  libreofficeVersion,
  PRODUCERS,
  type Producer,
} from '../test/support/variation/producers.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-indicators-'));
const only = process.argv.slice(2);
const classes = INDICATOR_CLASSES.filter((c) => only.length === 0 || only.includes(c.id)).map((c) => c.id);

/** Prints one HTML per class with a producer; returns the PDF paths and the producer's name. */
async function print(producer: Producer): Promise<{ pdfs: Map<string, string>; name: string }> {
  const dir = path.join(work, producer);
  mkdirSync(dir, { recursive: true });
  const pdfs = new Map<string, string>();
  for (const cls of classes) {
    writeFileSync(path.join(dir, `${cls}.html`), htmlOf(cls, producer));
    pdfs.set(cls, path.join(dir, `${cls}.pdf`));
  }
  const html = classes.map((cls) => path.join(dir, `${cls}.html`));
  if (producer === 'libreoffice') {
    libreoffice(html, dir);
    return { pdfs, name: libreofficeVersion() };
  }
  const name = await chromium(classes.map((cls, k) => ({ html: html[k]!, pdf: pdfs.get(cls)! })));
  return { pdfs, name };
}

/** Each style's pages: those between its separator page and the next. */
async function pagesOfStyles(pdfPath: string, styles: string[]): Promise<Map<string, [number, number]>> {
  const pdf = await openPdf(new Uint8Array(readFileSync(pdfPath)));
  try {
    const texts: string[] = [];
    for (let n = 1; n <= pdf.doc.numPages; n++)
      texts.push(
        (await readPageText(pdf.doc, n)).items
          .map((i) => i.str)
          .join('')
          .replace(/\s+/g, ''),
      );
    const sep = (style: string) => texts.indexOf(separator({ id: style } as never)) + 1;
    const out = new Map<string, [number, number]>();
    styles.forEach((style, i) => {
      const from = sep(style) + 1;
      const next = i + 1 < styles.length ? sep(styles[i + 1]!) : texts.length + 1;
      if (from <= 1 || next <= from) throw new Error(`${pdfPath}: the pages of ${style} not found`);
      out.set(style, [from, next - 1]);
    });
    return out;
  } finally {
    await pdf.destroy();
  }
}

async function main(): Promise<void> {
  mkdirSync(FIXTURES, { recursive: true });
  let old: Manifest | null = null;
  try {
    old = JSON.parse(readFileSync(path.join(FIXTURES, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    old = null;
  }
  const manifest: Manifest = {
    note: 'Written by scripts/indicator-fixtures.ts (npm run fixtures:indicators); the source of truth is test/support/variation/indicators/.',
    producers: { libreoffice: '', chromium: '' },
    files: Object.fromEntries(Object.entries(old?.files ?? {}).filter(([, f]) => !classes.includes(f.class))),
    entries: (old?.entries ?? []).filter((e) => !classes.includes(e.class)),
  };
  for (const producer of PRODUCERS) {
    const { pdfs, name } = await print(producer);
    manifest.producers[producer] = name;
    for (const cls of classes) {
      const file = fileName(cls, producer);
      writeFileSync(path.join(FIXTURES, file), readFileSync(pdfs.get(cls)!));
      manifest.files[file] = { class: cls, producer, source: sha256(htmlOf(cls, producer)) };
      const styles = pagesOf(cls).map((p) => p.style.id);
      const pages = await pagesOfStyles(pdfs.get(cls)!, styles);
      for (const style of styles) {
        const entry: Entry = {
          id: `${cls}/${style}/${producer}`,
          class: cls,
          style,
          producer,
          file,
          pages: pages.get(style)!,
        };
        if (entry.pages[1] === entry.pages[0]) console.warn(`${entry.id}: the table is on one page`);
        manifest.entries.push(entry);
      }
    }
  }
  manifest.entries.sort((a, b) => a.id.localeCompare(b.id));
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
