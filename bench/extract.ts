// Text-layer extraction speed: pages per second for the whole pipeline over
// the typed samples, the share of each stage, peak memory, and poppler's
// `pdftotext -layout` on the same files side by side when it is installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { layoutPages } from '../src/layout/index.ts';
import { openPdf } from '../src/pdf/open.ts';
import { assembleReport } from '../src/pipeline/assemble.ts';
import { readPages } from '../src/pipeline/read-pages.ts';
import { buildSectionTree } from '../src/sections/tree.ts';

export const TEXT_SAMPLES = ['samples/yueyanglou-scjg-2023.pdf'].map((f) => fileURLToPath(new URL(`../${f}`, import.meta.url)));

export interface ExtractBench {
  machine: string;
  files: number;
  rounds: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  stageShare: Record<string, number>;
  peakRssMiB: number;
  pdftotext: { pagesPerSecond: number; seconds: number; ratio: number } | { skipped: string };
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

export async function runExtractBench(rounds = 20): Promise<ExtractBench> {
  const buffers = TEXT_SAMPLES.map((f) => new Uint8Array(readFileSync(f)));
  const t = { read: 0, layout: 0, sections: 0, assemble: 0 };
  let pages = 0;
  for (let r = 0; r < rounds; r++) {
    for (const [i, bytes] of buffers.entries()) {
      let at = performance.now();
      const pdf = await openPdf(bytes);
      let pageTexts;
      try {
        pageTexts = await readPages(pdf, { ocr: 'never', ocrDpi: 300 });
      } finally {
        await pdf.destroy();
      }
      t.read += performance.now() - at;
      pages += pageTexts.length;
      // The stages timed one by one, then the full assembly (which repeats them plus facts and checks).
      at = performance.now();
      const layout = layoutPages(pageTexts);
      t.layout += performance.now() - at;
      at = performance.now();
      buildSectionTree(layout);
      t.sections += performance.now() - at;
      at = performance.now();
      assembleReport({ path: TEXT_SAMPLES[i]!, bytes }, pageTexts);
      t.assemble += performance.now() - at;
    }
  }
  // The pipeline's own time: reading plus one full assembly (layout and sections are inside it).
  const pipelineMs = t.read + t.assemble;
  const pagesPerSecond = pages / (pipelineMs / 1000);
  const reference = pdftotextReference(rounds, pages);
  return {
    machine: machine(),
    files: buffers.length,
    rounds,
    pages,
    seconds: pipelineMs / 1000,
    pagesPerSecond,
    stageShare: {
      'read (pdf.js)': t.read / pipelineMs,
      layout: t.layout / pipelineMs,
      sections: t.sections / pipelineMs,
      'facts, checks, validation': Math.max(0, t.assemble - t.layout - t.sections) / pipelineMs,
    },
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    pdftotext: 'skipped' in reference ? reference : { ...reference, ratio: pagesPerSecond / reference.pagesPerSecond },
  };
}

function pdftotextReference(rounds: number, pages: number): ExtractBench['pdftotext'] {
  const probe = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (probe.error) return { skipped: 'pdftotext not installed (apt-get install poppler-utils)' };
  const started = performance.now();
  for (let r = 0; r < rounds; r++) {
    for (const file of TEXT_SAMPLES) {
      const run = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (run.status !== 0) return { skipped: `pdftotext failed: ${run.stderr}` };
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const pagesPerSecond = pages / seconds;
  return { pagesPerSecond, seconds, ratio: NaN };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runExtractBench(Number(process.argv[2] ?? 20));
  console.log(JSON.stringify(result, null, 2));
}
