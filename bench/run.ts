// npm run bench: every benchmark of the project, one JSON report on stdout.
// Figures are absolute and, where a reference tool is installed, ratios
// against it measured side by side on the same machine.
import { existsSync } from 'node:fs';
import { runExtractBench } from './extract.ts';

const results: Record<string, unknown> = { extract: await runExtractBench() };
console.error('extract done');
for (const [name, file, fn] of [
  ['ocr', './ocr.ts', 'runOcrBench'],
  // table digit recall on made scanned tables: PP-OCR against the tesseract command, per cell and per digit, CPU per page
  ['ocrTables', './ocr-tables.ts', 'runOcrTablesBench'],
  // the typed path against pdftotext -layout, side by side: CPU per page, parallel efficiency by CPU
  ['engines', './engines.ts', 'runEnginesBench'],
  // the first review site against its batch, by default and with batch --finding-page-images
  ['site', './site.ts', 'runSiteBench'],
  ['batch', './batch.ts', 'runBatchBench'],
  // --jobs 1 pinned to one core against --jobs 2 on two: parallel efficiency by wall and by CPU
  ['parallel', './parallel.ts', 'runParallelBench'],
  ['queue', './queue.ts', 'runQueueBench'],
  ['faults', './faults.ts', 'runFaultsBench'],
] as const) {
  if (!existsSync(new URL(file, import.meta.url))) continue;
  const mod = (await import(file)) as Record<string, () => Promise<unknown>>;
  results[name] = await mod[fn]!();
  console.error(`${name} done`);
}
console.log(JSON.stringify(results, null, 2));
