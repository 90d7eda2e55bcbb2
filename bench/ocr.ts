// OCR throughput: pages per minute of the pipeline's OCR path (render + OCR +
// layout of every page of the scanned sample) at --jobs 1 and --jobs = cores,
// and the `tesseract` command on the same page images, one process per page
// with its default settings, side by side when it is installed.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { createOcrPool } from '../src/ocr/pool.ts';
import { openPdf } from '../src/pdf/open.ts';
import { renderGrey, toPgm } from '../src/pdf/render.ts';
import { extractBytes } from '../src/pipeline/extract.ts';
import { machine } from './extract.ts';

const SCAN = fileURLToPath(new URL('../samples/yueyanglou-scjg-2023-scan.pdf', import.meta.url));
const DPI = 200;

export async function runOcrBench(): Promise<Record<string, unknown>> {
  const bytes = new Uint8Array(readFileSync(SCAN));
  const cores = os.availableParallelism();
  const result: Record<string, unknown> = { machine: machine(), file: path.basename(SCAN), dpi: DPI };
  for (const jobs of [...new Set([1, cores])]) {
    const pool = createOcrPool(jobs);
    // Warm the workers (model load) outside the timing: a batch pays it once.
    await extractBytes(bytes, SCAN, { ocr: 'always', ocrDpi: DPI, pool });
    const t = performance.now();
    const report = await extractBytes(bytes, SCAN, { ocr: 'always', ocrDpi: DPI, pool });
    const seconds = (performance.now() - t) / 1000;
    await pool.close();
    result[`jobs${jobs}`] = { pages: report.pages.length, seconds, pagesPerMinute: (report.pages.length / seconds) * 60 };
  }
  result.tesseractCli = await tesseractReference(bytes, cores);
  const ours = result[`jobs${cores}`] as { pagesPerMinute: number };
  const ref = result.tesseractCli as { pagesPerMinute?: number };
  if (ref.pagesPerMinute) result.ratioAtAllCores = ours.pagesPerMinute / ref.pagesPerMinute;
  return result;
}

/** The same page images through `tesseract IMG - -l chi_sim`, as many processes at once as cores. */
async function tesseractReference(bytes: Uint8Array, cores: number): Promise<Record<string, unknown>> {
  const probe = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (probe.error) return { skipped: 'tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)' };
  if (!/chi_sim/.test(probe.stdout + probe.stderr)) return { skipped: 'tesseract has no chi_sim model (apt-get install tesseract-ocr-chi-sim)' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  try {
    const pdf = await openPdf(bytes);
    const files: string[] = [];
    try {
      for (let n = 1; n <= pdf.doc.numPages; n++) {
        const file = path.join(dir, `p${n}.pgm`);
        writeFileSync(file, toPgm(await renderGrey(pdf.doc, n, DPI)));
        files.push(file);
      }
    } finally {
      await pdf.destroy();
    }
    const queue = new PQueue({ concurrency: cores });
    const t = performance.now();
    const run = promisify(execFile);
    // One thread per process, as many processes as cores: the fair way to use all cores with the CLI.
    await Promise.all(files.map((f) => queue.add(() => run('tesseract', [f, '-', '-l', 'chi_sim'], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } }))));
    const seconds = (performance.now() - t) / 1000;
    const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    return { version, processes: cores, pages: files.length, seconds, pagesPerMinute: (files.length / seconds) * 60 };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runOcrBench(), null, 2));
}
