// OCR throughput: pages per minute of the pipeline's OCR path (render + OCR +
// layout of every page of the scanned sample) at --jobs 1 and --jobs = cores;
// the tesseract.js engine alone on the rendered page images; and, when it is
// installed, the `tesseract` command on the same images, one process per page,
// as installed and with OMP_THREAD_LIMIT=1.
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
  const images = await renderAll(bytes);
  result.engineOnly = await engineOnly(images, cores);
  result.tesseractCli = await tesseractReference(images, cores);
  const ours = result[`jobs${cores}`] as { pagesPerMinute: number };
  const engine = result.engineOnly as { pagesPerMinute: number };
  const ref = result.tesseractCli as { asInstalled?: { pagesPerMinute: number }; oneThread?: { pagesPerMinute: number } };
  if (ref.asInstalled && ref.oneThread) {
    // Pipeline (render + OCR + layout) and engine alone, against the CLI as installed and at its fastest.
    result.ratioVsCliAsInstalled = ours.pagesPerMinute / ref.asInstalled.pagesPerMinute;
    result.ratioVsCliOneThread = ours.pagesPerMinute / ref.oneThread.pagesPerMinute;
    result.engineRatioVsCliOneThread = engine.pagesPerMinute / ref.oneThread.pagesPerMinute;
  }
  return result;
}

async function renderAll(bytes: Uint8Array): Promise<Buffer[]> {
  const pdf = await openPdf(bytes);
  try {
    const images: Buffer[] = [];
    for (let n = 1; n <= pdf.doc.numPages; n++) images.push(toPgm(await renderGrey(pdf.doc, n, DPI)));
    return images;
  } finally {
    await pdf.destroy();
  }
}

/** The page images alone through the tesseract.js pool: the engine's share of the pipeline, on exactly the input the CLI gets. */
async function engineOnly(images: Buffer[], cores: number): Promise<Record<string, unknown>> {
  const pool = createOcrPool(cores);
  try {
    await Promise.all(images.slice(0, cores).map((img) => pool.recognize(img, DPI)));
    const t = performance.now();
    await Promise.all(images.map((img) => pool.recognize(img, DPI)));
    const seconds = (performance.now() - t) / 1000;
    return { workers: cores, pages: images.length, seconds, pagesPerMinute: (images.length / seconds) * 60 };
  } finally {
    await pool.close();
  }
}

/**
 * The same page images through `tesseract IMG - -l chi_sim`, as many processes
 * at once as cores, twice: as installed (an OpenMP build starts threads of its
 * own in every process) and with OMP_THREAD_LIMIT=1, the CLI at its fastest.
 */
async function tesseractReference(images: Buffer[], cores: number): Promise<Record<string, unknown>> {
  const probe = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (probe.error) return { skipped: 'tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)' };
  if (!/chi_sim/.test(probe.stdout + probe.stderr)) return { skipped: 'tesseract has no chi_sim model (apt-get install tesseract-ocr-chi-sim)' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  try {
    const files = images.map((img, i) => {
      const file = path.join(dir, `p${i + 1}.pgm`);
      writeFileSync(file, img);
      return file;
    });
    const run = promisify(execFile);
    const timed = async (env: NodeJS.ProcessEnv) => {
      const queue = new PQueue({ concurrency: cores });
      const t = performance.now();
      await Promise.all(files.map((f) => queue.add(() => run('tesseract', [f, '-', '-l', 'chi_sim'], { env }))));
      const seconds = (performance.now() - t) / 1000;
      return { processes: cores, pages: files.length, seconds, pagesPerMinute: (files.length / seconds) * 60 };
    };
    const { OMP_THREAD_LIMIT: _, ...asInstalled } = process.env;
    const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    return { version, asInstalled: await timed(asInstalled), oneThread: await timed({ ...asInstalled, OMP_THREAD_LIMIT: '1' }) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runOcrBench(), null, 2));
}
