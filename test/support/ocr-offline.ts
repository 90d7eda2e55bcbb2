// Run by test/ocr/per-page.test.ts with network access refused: OCR one page
// of the scanned sample (copied into a one-page PDF) with the engine named on
// the command line (default PP-OCR) and print its money facts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../../src/pdf/open.ts';
import { renderGrey } from '../../src/pdf/render.ts';
import type { OcrEngineName } from '../../src/ocr/types.ts';
import { extractBytes } from '../../src/pipeline/extract.ts';
import { makePdf } from './make-pdf.ts';

const scan = fileURLToPath(new URL('../../samples/yueyanglou-scjg-2023-scan.pdf', import.meta.url));
const pdf = await openPdf(new Uint8Array(readFileSync(scan)));
const img = await renderGrey(pdf.doc, 4, 150);
await pdf.destroy();
const onePage = makePdf({ pages: [{ runs: [], image: { width: img.width, height: img.height, gray: img.pixels } }] });
const report = await extractBytes(onePage, 'page4.pdf', {
  ocr: 'auto',
  ocrWorkers: 1,
  ocrEngine: (process.argv[2] ?? 'ppocr') as OcrEngineName,
});
console.log(
  report.facts
    .filter((f) => f.kind === 'money')
    .map((f) => `${f.value}${f.unit}`)
    .join(' '),
);
