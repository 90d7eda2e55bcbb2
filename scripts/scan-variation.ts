// The table harness scanned: each chosen entry's pages drawn to grey images (a
// printed page put through a scanner: a dpi, a small tilt, speckle), wrapped as
// an image-only PDF and read back by OCR, its facts against the same truth the
// typed entry is held to. Reports cells read right, and — worse than a cell
// missed — values read that the table does not hold.
//   npx node scripts/scan-variation.ts                                (grid, sheet, three; LibreOffice)
//   npx node scripts/scan-variation.ts --styles grid,sheet --dpi 150 --tilt 0.8 --json out.json
import { readFileSync, writeFileSync } from 'node:fs';
import { createOcrPool } from '../src/ocr/pool.ts';
import { openPdf } from '../src/pdf/open.ts';
import { renderGrey, type GreyImage } from '../src/pdf/render.ts';
import { extractBytes } from '../src/pipeline/extract.ts';
import { makePdf, type PageSpec } from '../test/support/make-pdf.ts';
import { compareFacts, describe } from '../test/support/variation/compare.ts';
import { expectedOf } from '../test/support/variation/evaluate.ts';
import { FIXTURES, readManifest, type Entry } from '../test/support/variation/manifest.ts';

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

/** The image turned by `deg` degrees about its centre (bilinear, white where nothing was). */
function tilted(img: GreyImage, deg: number): Uint8Array {
  if (deg === 0) return img.pixels;
  const { width: w, height: h, pixels: src } = img;
  const out = new Uint8Array(w * h).fill(255);
  const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
  const [cx, cy] = [w / 2, h / 2];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const sx = c * (x - cx) + s * (y - cy) + cx;
      const sy = -s * (x - cx) + c * (y - cy) + cy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      if (x0 < 0 || y0 < 0 || x0 + 1 >= w || y0 + 1 >= h) continue;
      const [fx, fy] = [sx - x0, sy - y0];
      const at = (xx: number, yy: number) => src[yy * w + xx]!;
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx;
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx;
      out[y * w + x] = Math.round(top * (1 - fy) + bottom * fy);
    }
  return out;
}

/** Speckle as a scanner leaves it: a few dark dots on the paper, seeded so runs compare. */
function speckled(pixels: Uint8Array, seed: number): Uint8Array {
  let r = seed;
  const next = () => ((r = (r * 1103515245 + 12345) & 0x7fffffff), r / 0x7fffffff);
  for (let i = 0; i < pixels.length / 4000; i++) pixels[Math.floor(next() * pixels.length)] = 60;
  return pixels;
}

async function scanned(entry: Entry): Promise<Uint8Array> {
  const pdf = await openPdf(new Uint8Array(readFileSync(`${FIXTURES}${entry.file}`)));
  const pages: PageSpec[] = [];
  try {
    for (let n = entry.pages[0]; n <= entry.pages[1]; n++) {
      const img = await renderGrey(pdf.doc, n, dpi);
      const gray = speckled(tilted(img, n % 2 ? tilt : -tilt), n);
      pages.push({ runs: [], image: { width: img.width, height: img.height, gray } });
    }
  } finally {
    await pdf.destroy();
  }
  return makePdf({ pages });
}

const entries = readManifest().entries.filter(
  (e) => styles.includes(e.style) && e.producer === producer && (!only || e.class === only),
);
const pool = createOcrPool(1);
const rows: Record<string, unknown>[] = [];
let [expected, matched, valueMatched, wrong] = [0, 0, 0, 0];
try {
  for (const entry of entries) {
    const bytes = await scanned(entry);
    if (save) writeFileSync(`${save}/${entry.id.replaceAll('/', '.')}.pdf`, bytes);
    const report = await extractBytes(bytes, `${entry.id}.pdf`, { pool });
    const facts = report.facts.filter((f) => f.kind !== 'date');
    const c = compareFacts(expectedOf(entry), facts);
    const truthValues = new Set(expectedOf(entry).map((e) => e.value));
    const misread = c.extra.filter((f) => typeof f.value === 'number' && !truthValues.has(f.value));
    [expected, matched, valueMatched, wrong] = [
      expected + c.expected,
      matched + c.matched,
      valueMatched + c.valueMatched,
      wrong + misread.length,
    ];
    rows.push({ id: entry.id, expected: c.expected, matched: c.matched, valueMatched: c.valueMatched, misread });
    console.log(
      `${entry.id}: ${c.matched}/${c.expected} cells, by value ${c.valueMatched}, values not in the table ${misread.length}` +
        misread.map((f) => `\n   misread ${f.label} ${f.value}${f.unit} p${f.page}`).join(''),
    );
    if (why) console.log(describe(c));
  }
} finally {
  await pool.close();
}
console.log(
  `\n${entries.length} entries (${producer}, ${dpi} dpi, tilt ±${tilt}°): cells ${matched}/${expected} ` +
    `(recall ${(matched / expected).toFixed(3)}, by value ${(valueMatched / expected).toFixed(3)}), values not in the table ${wrong}`,
);
const json = flag('--json', '');
if (json) writeFileSync(json, JSON.stringify(rows, null, 1));
