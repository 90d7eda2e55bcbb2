import { readFileSync } from 'node:fs';
import { openPdf } from './src/pdf/open.ts';
import { renderGrey } from './src/pdf/render.ts';
import { createOcrPool } from './src/ocr/pool.ts';
import { ocrToPageText } from './src/ocr/page.ts';
import { findTables } from './src/layout/tables.ts';
const [file, pageNo] = [process.argv[2]!, Number(process.argv[3])];
const pdf = await openPdf(new Uint8Array(readFileSync(file)));
const img = await renderGrey(pdf.doc, pageNo, 200);
const vp = (await pdf.doc.getPage(pageNo)).getViewport({ scale: 1 });
const pool = createOcrPool(1, (process.argv[4] ?? 'ppocr') as any);
const t = performance.now();
const r = await pool.recognize(img, img.scale);
console.log('ms', (performance.now() - t).toFixed(0), 'skew', (r.skew! * 180 / Math.PI).toFixed(2), 'rules', r.rules?.filter(x => x.y0 === x.y1).length, r.rules?.filter(x => x.x0 === x.x1).length);
const page = ocrToPageText(r, { number: pageNo, width: vp.width, height: vp.height }, img.scale);
for (const it of page.items) console.log(it.x.toFixed(0), it.y.toFixed(0), (it.confidence ?? 0).toFixed(0), it.str);
const found = findTables({ ...page, method: 'text' });
for (const tb of found.tables) { console.log('TABLE', tb.title, tb.unit); for (const row of tb.rows) console.log('  ', row.join(' | ')); }
await pool.close(); await pdf.destroy();
