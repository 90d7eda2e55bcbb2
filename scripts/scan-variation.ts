// The table harness scanned: each chosen entry's pages drawn to grey images (a
// printed page put through a scanner: a dpi, a small tilt, speckle), wrapped as
// an image-only PDF and read back by OCR, its facts against the same truth the
// typed entry is held to. Reports cells read right, and — worse than a cell
// missed — values read that the table does not hold.
//   npx node scripts/scan-variation.ts                                (grid, sheet, three; LibreOffice)
//   npx node scripts/scan-variation.ts --styles grid,sheet --dpi 150 --tilt 0.8 --json out.json
//   npx node scripts/scan-variation.ts --seal foot --jpeg 70 --blur 1   (a red seal over the last rows, saved as
//     colour JPEG, soft focus; --seal head|middle|foot — any of the seal's words read back is counted)
// Other options: --producer chromium, --class <id>, --why (each cell missed and why), --save <dir> (the scanned PDFs).
import { writeFileSync } from 'node:fs';
import { createOcrPool } from '../src/ocr/pool.ts';
import { extractBytes } from '../src/pipeline/extract.ts';
import { compareFacts, describe, foreignFigures } from '../test/support/variation/compare.ts';
import { expectedOf } from '../test/support/variation/evaluate.ts';
import { readManifest } from '../test/support/variation/manifest.ts';
import { scannedEntry, sealTextsOf, type ScanOptions } from '../test/support/variation/scan.ts';
import type { SealPlace } from '../test/support/variation/seal.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i < 0 ? fallback : (args[i + 1] ?? fallback);
};
const styles = flag('--styles', 'grid,sheet,three').split(',');
const producer = flag('--producer', 'libreoffice');
const dpi = Number(flag('--dpi', '200'));
const tilt = Number(flag('--tilt', '0.6'));
const only = flag('--class', '');
const why = args.includes('--why');
const save = flag('--save', '');
const options: ScanOptions = {
  dpi,
  tilt,
  seal: (flag('--seal', '') || undefined) as SealPlace | undefined,
  blur: Number(flag('--blur', '0')),
  jpeg: Number(flag('--jpeg', '0')),
};

/**
 * Pieces of the seal's words found in the report's text and not in the table's own (卫生健康 is
 * a seal's 县卫生健康委员会 and a row's 卫生健康支出): three characters of a name, five digits of its code.
 */
function sealLeaks(report: unknown, words: string[], own: unknown): string[] {
  const text = JSON.stringify(report);
  const table = JSON.stringify(own);
  const pieces = words.flatMap((w) => {
    const n = /^[0-9]+$/.test(w) ? 5 : 3;
    return [...Array(Math.max(0, w.length - n + 1)).keys()].map((i) => w.slice(i, i + n));
  });
  return [...new Set(pieces.filter((p) => text.includes(p) && !table.includes(p)))];
}

const entries = readManifest().entries.filter(
  (e) => styles.includes(e.style) && e.producer === producer && (!only || e.class === only),
);
const pool = createOcrPool(1);
const rows: Record<string, unknown>[] = [];
let [expected, matched, valueMatched, wrong, leaks] = [0, 0, 0, 0, 0];
try {
  for (const entry of entries) {
    const bytes = await scannedEntry(entry, options);
    if (save) writeFileSync(`${save}/${entry.id.replaceAll('/', '.')}.pdf`, bytes);
    const report = await extractBytes(bytes, `${entry.id}.pdf`, { pool });
    const facts = report.facts.filter((f) => f.kind !== 'date');
    const c = compareFacts(expectedOf(entry), facts);
    const misread = foreignFigures(expectedOf(entry), c.extra);
    const leaked = sealLeaks(report, sealTextsOf(entry, options), expectedOf(entry));
    leaks += leaked.length;
    [expected, matched, valueMatched, wrong] = [
      expected + c.expected,
      matched + c.matched,
      valueMatched + c.valueMatched,
      wrong + misread.length,
    ];
    rows.push({
      id: entry.id,
      expected: c.expected,
      matched: c.matched,
      valueMatched: c.valueMatched,
      misread,
      leaked,
    });
    console.log(
      `${entry.id}: ${c.matched}/${c.expected} cells, by value ${c.valueMatched}, values not in the table ${misread.length}` +
        (leaked.length ? `, seal words read ${leaked.join(' ')}` : '') +
        misread.map((f) => `\n   misread ${f.label} ${f.value}${f.unit} p${f.page}`).join(''),
    );
    if (why) console.log(describe(c));
  }
} finally {
  await pool.close();
}
console.log(
  `\n${entries.length} entries (${producer}, ${dpi} dpi, tilt ±${tilt}°${conditions()}): cells ${matched}/${expected} ` +
    `(recall ${(matched / expected).toFixed(3)}, by value ${(valueMatched / expected).toFixed(3)}), values not in the table ${wrong}` +
    (options.seal ? `, pieces of the seal's words read ${leaks}` : ''),
);
function conditions(): string {
  const { seal, blur, jpeg } = options;
  return (seal ? `, seal ${seal}` : '') + (blur ? `, blur ${blur} px` : '') + (jpeg ? `, JPEG ${jpeg}` : '');
}
const json = flag('--json', '');
if (json) writeFileSync(json, JSON.stringify(rows, null, 1));
