// One scanned page for the fault tests: page 4 of the scanned sample (23 lines
// of text, amounts) drawn at 150 dpi into a one-page PDF of its own — a page
// PP-OCR reads in a few seconds, so that a stop lands while it runs.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openPdf } from '../../src/pdf/open.ts';
import { renderGrey } from '../../src/pdf/render.ts';
import { makePdf } from './make-pdf.ts';

const scan = fileURLToPath(new URL('../../samples/yueyanglou-scjg-2023-scan.pdf', import.meta.url));

/** A one-page scanned PDF; `tag` (any text) makes copies of distinct content, so a batch reads each. */
export async function scannedPage(tag = ''): Promise<Uint8Array> {
  const pdf = await openPdf(new Uint8Array(readFileSync(scan)));
  try {
    const img = await renderGrey(pdf.doc, 4, 150);
    const bytes = makePdf({ pages: [{ runs: [], image: { width: img.width, height: img.height, gray: img.pixels } }] });
    return tag ? Buffer.concat([bytes, Buffer.from(`\n%${tag}\n`)]) : bytes;
  } finally {
    await pdf.destroy();
  }
}
