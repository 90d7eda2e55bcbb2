// Profiling aid: reads one PDF's pages through PP-OCR in this thread (no
// worker, ONNX Runtime on `--threads` threads), so that `node --cpu-prof`
// sees every JavaScript step. Prints each step's CPU per page and the
// process's CPU (user + system) per page.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { noiseReason } from '../src/ocr/noise.ts';
import { ocrToPageText } from '../src/ocr/page.ts';
import { createPpOcrEngine } from '../src/ocr/ppocr/engine.ts';
import { openDocument } from '../src/pdf/document.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { threads: { type: 'string', default: '1' }, dpi: { type: 'string', default: '200' } },
});
const engine = await createPpOcrEngine({ threads: Number(values.threads) });
const totals: Record<string, number> = {};
let pages = 0;
const cpu0 = process.cpuUsage();
for (const file of positionals) {
  const pdf = await openDocument(new Uint8Array(readFileSync(file)));
  try {
    for (let n = 1; n <= pdf.numPages; n++, pages++) {
      const t = process.cpuUsage();
      const text = await pdf.readText(n);
      const image = await pdf.renderGrey(n, Number(values.dpi), 'ocr');
      const r = process.cpuUsage(t);
      totals.render = (totals.render ?? 0) + (r.user + r.system) / 1000;
      const t2 = process.cpuUsage();
      noiseReason(image);
      const r2 = process.cpuUsage(t2);
      totals.noise = (totals.noise ?? 0) + (r2.user + r2.system) / 1000;
      const result = await engine.recognize(image, image.scale);
      for (const [k, v] of Object.entries(result.steps ?? {})) totals[k] = (totals[k] ?? 0) + v;
      const t3 = process.cpuUsage();
      ocrToPageText(result, text, image.scale);
      const r3 = process.cpuUsage(t3);
      totals.pageText = (totals.pageText ?? 0) + (r3.user + r3.system) / 1000;
    }
  } finally {
    await pdf.destroy();
  }
}
const all = process.cpuUsage(cpu0);
console.log(
  JSON.stringify({
    pages,
    cpuMsPerPage: Math.round((all.user + all.system) / 1000 / pages),
    stepsMsPerPage: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Math.round(v / pages)])),
  }),
);
await engine.release();
