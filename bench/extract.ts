// Text-layer extraction speed: pages per second for the whole pipeline over
// the typed samples, the share of each stage (from the pipeline's own stage
// timings, tool.timings), peak memory, and poppler's
// `pdftotext -layout` on the same files side by side when it is installed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { extractBytes } from '../src/pipeline/extract.ts';

export const TEXT_SAMPLES = ['samples/yueyanglou-scjg-2023.pdf'].map((f) =>
  fileURLToPath(new URL(`../${f}`, import.meta.url)),
);

export interface ExtractBench {
  machine: string;
  files: number;
  rounds: number;
  pages: number;
  seconds: number;
  pagesPerSecond: number;
  /** each stage's share of the wall time, by the stage names of tool.timings */
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
  // Each stage's time as the pipeline itself measures it (tool.timings), summed over all rounds and files.
  const stageMs = new Map<string, number>();
  let wallMs = 0;
  let pages = 0;
  for (let r = 0; r < rounds; r++) {
    for (const [i, bytes] of buffers.entries()) {
      const at = performance.now();
      const report = await extractBytes(bytes, TEXT_SAMPLES[i]!, { ocr: 'never', ocrDpi: 300, timings: true });
      wallMs += performance.now() - at;
      pages += report.pages.length;
      for (const t of report.tool.timings ?? []) stageMs.set(t.stage, (stageMs.get(t.stage) ?? 0) + t.ms);
    }
  }
  const pagesPerSecond = pages / (wallMs / 1000);
  const reference = pdftotextReference(rounds, pages);
  return {
    machine: machine(),
    files: buffers.length,
    rounds,
    pages,
    seconds: wallMs / 1000,
    pagesPerSecond,
    stageShare: Object.fromEntries([...stageMs].map(([stage, ms]) => [stage, ms / wallMs])),
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
