// OCR throughput and accuracy, the engines side by side on the same page
// images: the scanned sample's 11 pages (text) and the word-processor
// report's 3 pages rendered (the last holds its ruled self-evaluation table).
//
// - pipeline: pages per minute of the whole OCR path (render + OCR + layout
//   + the rest) on the scanned sample, default engine (PP-OCR), --jobs 1 and
//   --jobs = cores;
// - engines alone on the pre-rendered images (what the CLI is given): PP-OCR
//   and tesseract.js with one worker per core, and the `tesseract` command
//   when installed, one process per core, with OMP_THREAD_LIMIT=1 (its
//   fastest) and as installed;
// - digit recall of each: the share of the typed twin's numbers (digit runs
//   with their decimal point, as multisets, thousands commas ignored) found
//   in the engine's text of the same page, over text pages and table pages;
// - memory per PP-OCR worker (resident set added by a warm worker);
// - where PP-OCR's time goes: each step's milliseconds per page (light,
//   skew, rotate, rules, detection, boxes, crops, recognition, decode, lines),
//   and drawing the pages with each PDF engine (CPU per page);
// - CPU per page side by side (cpuPerPage): on each page in turn, the
//   `tesseract` command (one thread, and as installed) and PP-OCR in this
//   thread: as it is, as it was before its models' operators were fused and
//   its detection cropped to the ink, with either change alone, and with
//   detection in int8, every step timed — the
//   figure issue #26 asks for is PP-OCR's CPU per page against the command's.
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PQueue from 'p-queue';
import { noiseReason } from '../src/ocr/noise.ts';
import { ocrToPageText } from '../src/ocr/page.ts';
import { createOcrPool, type OcrEngineName, type OcrResult } from '../src/ocr/pool.ts';
import { createPpOcrEngine, type Int8Models, type PpOcrEngine, type PpOcrOptions } from '../src/ocr/ppocr/engine.ts';
import { openDocument, type PdfEngineName } from '../src/pdf/document.ts';
import { toPgm, type GreyImage } from '../src/pdf/render.ts';
import type { TextItem } from '../src/pdf/types.ts';
import { extractBytes } from '../src/pipeline/extract.ts';
import { machine } from './extract.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const SCAN = path.join(root, 'samples/yueyanglou-scjg-2023-scan.pdf');
const SCAN_TYPED = path.join(root, 'samples/yueyanglou-scjg-2023.pdf');
const RENDERED = path.join(root, 'test/fixtures/reports/edu-dept.pdf');
const DPI = 200;

interface BenchPage {
  image: GreyImage;
  truth: string[];
  table: boolean;
}

export async function runOcrBench(): Promise<Record<string, unknown>> {
  const cores = os.availableParallelism();
  const result: Record<string, unknown> = { machine: machine(), dpi: DPI };
  const pages = [
    ...(await loadPages(SCAN, SCAN_TYPED, () => false)),
    ...(await loadPages(RENDERED, RENDERED, (n) => n === 3)),
  ];
  result.pages = { text: pages.filter((p) => !p.table).length, table: pages.filter((p) => p.table).length };
  result.renderMsPerPage = await renderTimes([SCAN, RENDERED]);
  result.cpuPerPage = await cpuSideBySide(pages);

  // The whole pipeline, default engine, on the scanned sample.
  const bytes = new Uint8Array(readFileSync(SCAN));
  for (const jobs of [...new Set([1, cores])]) {
    const pool = createOcrPool(jobs);
    // Warm the workers (model load) outside the timing: a batch pays it once.
    await Promise.all(pages.slice(0, jobs).map((p) => pool.recognize(copy(p.image), p.image.scale)));
    const t = performance.now();
    const report = await extractBytes(bytes, SCAN, { ocr: 'always', ocrDpi: DPI, pool });
    const seconds = (performance.now() - t) / 1000;
    await pool.close();
    result[`pipelineJobs${jobs}`] = {
      engine: pool.engine,
      pages: report.pages.length,
      seconds: round(seconds),
      pagesPerMinute: round((report.pages.length / seconds) * 60),
    };
  }

  const engines: Record<string, { pagesPerMinute: number }> = {};
  for (const engine of ['ppocr', 'tesseract'] as OcrEngineName[]) {
    engines[engine] = await engineAlone(engine, pages, cores);
  }
  result.engines = engines;
  result.tesseractCli = await tesseractCli(pages, cores);
  const cli = (result.tesseractCli as { oneThread?: { pagesPerMinute: number } }).oneThread;
  if (cli) {
    result.ratioPpocrVsCliOneThread = round(engines.ppocr!.pagesPerMinute / cli.pagesPerMinute);
    result.ratioPipelineVsCliOneThread = round(
      (result[`pipelineJobs${cores}`] as { pagesPerMinute: number }).pagesPerMinute / cli.pagesPerMinute,
    );
    result.ratioTesseractJsVsCliOneThread = round(engines.tesseract!.pagesPerMinute / cli.pagesPerMinute);
  }
  return result;
}

async function loadPages(file: string, typedFile: string, isTable: (n: number) => boolean): Promise<BenchPage[]> {
  const pdf = await openDocument(new Uint8Array(readFileSync(file)));
  const typed = await openDocument(new Uint8Array(readFileSync(typedFile)));
  try {
    const out: BenchPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const text = await typed.readText(n);
      out.push({ image: await pdf.renderGrey(n, DPI, 'ocr'), truth: numbers(joinRuns(text.items)), table: isTable(n) });
    }
    return out;
  } finally {
    await pdf.destroy();
    await typed.destroy();
  }
}

/** A page's text runs as text: a run that goes on where the last one ended (same baseline, no gap) is joined to it, others set apart. */
function joinRuns(items: TextItem[]): string {
  let out = '';
  let prev: TextItem | null = null;
  for (const it of items) {
    const touching = prev && Math.abs(it.y - prev.y) < 1 && Math.abs(it.x - (prev.x + prev.width)) < 0.25 * it.size;
    out += (prev && !touching ? ' ' : '') + it.str;
    prev = it;
  }
  return out;
}

/** The numbers of a text: digit runs with their decimal point, thousands commas dropped. */
export function numbers(text: string): string[] {
  return (text.replace(/(?<=\d)[,，](?=\d{3})/g, '').match(/\d+(?:\.\d+)?/g) ?? []).filter((n) => n.length > 0);
}

/** Share of the truth's numbers found in the read ones (multisets). */
export function recall(truth: string[], read: string[]): { found: number; total: number } {
  const left = new Map<string, number>();
  for (const n of read) left.set(n, (left.get(n) ?? 0) + 1);
  let found = 0;
  for (const n of truth) {
    const k = left.get(n) ?? 0;
    if (k > 0) {
      found++;
      left.set(n, k - 1);
    }
  }
  return { found, total: truth.length };
}

function digitRecall(pages: BenchPage[], texts: string[]): Record<string, number> {
  const sum = (table: boolean | null) => {
    let found = 0;
    let total = 0;
    pages.forEach((p, i) => {
      if (table !== null && p.table !== table) return;
      const r = recall(p.truth, numbers(texts[i]!));
      found += r.found;
      total += r.total;
    });
    return total === 0 ? 1 : round(found / total, 4);
  };
  return { all: sum(null), text: sum(false), table: sum(true) };
}

const lineText = (r: OcrResult) => r.lines.map((l) => l.words.map((w) => w.text).join(' ')).join('\n');
const copy = (img: GreyImage): GreyImage => ({ ...img, pixels: img.pixels.slice() });

/** One engine's pool on the images alone, `workers` at once; its digit recall; the memory its workers add. */
async function engineAlone(
  engine: OcrEngineName,
  pages: BenchPage[],
  workers: number,
): Promise<{ pagesPerMinute: number } & Record<string, unknown>> {
  const before = process.memoryUsage().rss;
  const pool = createOcrPool(workers, engine);
  try {
    await Promise.all(pages.slice(0, workers).map((p) => pool.recognize(copy(p.image), p.image.scale)));
    const warm = process.memoryUsage().rss;
    const t = performance.now();
    const results = await Promise.all(pages.map((p) => pool.recognize(copy(p.image), p.image.scale)));
    const seconds = (performance.now() - t) / 1000;
    return {
      workers,
      pages: pages.length,
      seconds: round(seconds),
      pagesPerMinute: round((pages.length / seconds) * 60),
      digitRecall: digitRecall(pages, results.map(lineText)),
      ...(results.some((r) => r.steps) && { stepsMsPerPage: meanSteps(results) }),
      memoryPerWorkerMb: round(Math.max(0, warm - before) / workers / 2 ** 20),
    };
  } finally {
    await pool.close();
  }
}

/**
 * The same page images through `tesseract IMG - -l chi_sim`, as many processes
 * at once as cores, twice: with OMP_THREAD_LIMIT=1 (the command at its
 * fastest) and as installed (an OpenMP build starts threads of its own in
 * every process).
 */
async function tesseractCli(pages: BenchPage[], cores: number): Promise<Record<string, unknown>> {
  const probe = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
  if (probe.error) return { skipped: 'tesseract not installed (apt-get install tesseract-ocr tesseract-ocr-chi-sim)' };
  if (!/chi_sim/.test(probe.stdout + probe.stderr))
    return { skipped: 'tesseract has no chi_sim model (apt-get install tesseract-ocr-chi-sim)' };
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  try {
    const files = pages.map((p, i) => {
      const file = path.join(dir, `p${i + 1}.pgm`);
      writeFileSync(file, toPgm(p.image));
      return file;
    });
    const run = promisify(execFile);
    const timed = async (env: NodeJS.ProcessEnv) => {
      const queue = new PQueue({ concurrency: cores });
      const t = performance.now();
      const texts = await Promise.all(
        files.map((f) =>
          queue.add(
            async () =>
              (await run('tesseract', [f, '-', '-l', 'chi_sim', '--dpi', String(DPI)], { env, maxBuffer: 1 << 24 }))
                .stdout,
          ),
        ),
      );
      const seconds = (performance.now() - t) / 1000;
      return {
        processes: cores,
        pages: files.length,
        seconds: round(seconds),
        pagesPerMinute: round((files.length / seconds) * 60),
        digitRecall: digitRecall(pages, texts as string[]),
      };
    };
    const { OMP_THREAD_LIMIT: _, ...asInstalled } = process.env;
    const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    return {
      version,
      oneThread: await timed({ ...asInstalled, OMP_THREAD_LIMIT: '1' }),
      asInstalled: await timed(asInstalled),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each engine step's milliseconds per page, averaged over the pages (src/ocr/ppocr/engine.ts: stepClock). */
function meanSteps(results: OcrResult[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const r of results) for (const [k, v] of Object.entries(r.steps ?? {})) sum[k] = (sum[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(sum).map(([k, v]) => [k, round(v / results.length, 1)]));
}

/**
 * Drawing the pages (${DPI} dpi) with each PDF engine, and for OCR as the pipeline draws them (a page of
 * one scanned image drawn from it, src/pdf/pdfium/scan-image.ts), interleaved page by page: CPU
 * milliseconds per page.
 */
async function renderTimes(files: string[]): Promise<Record<string, number>> {
  const ways: [string, PdfEngineName, 'view' | 'ocr'][] = [
    ['pdfium', 'pdfium', 'view'],
    ['pdfjs', 'pdfjs', 'view'],
    ['forOcr', 'pdfium', 'ocr'],
  ];
  const ms: Record<string, number> = {};
  let pages = 0;
  for (const file of files) {
    const docs = await Promise.all(ways.map(([, e]) => openDocument(new Uint8Array(readFileSync(file)), e)));
    try {
      for (let n = 1; n <= docs[0]!.numPages; n++, pages++)
        for (const [i, doc] of docs.entries()) {
          const [name, , purpose] = ways[i]!;
          const t = process.cpuUsage();
          await doc.renderGrey(n, DPI, purpose);
          const d = process.cpuUsage(t);
          ms[name] = (ms[name] ?? 0) + (d.user + d.system) / 1000;
        }
    } finally {
      await Promise.all(docs.map((d) => d.destroy()));
    }
  }
  return Object.fromEntries(ways.map(([name]) => [name, round(ms[name]! / pages, 1)]));
}

const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

/** One page through PP-OCR in this thread as the pipeline reads it (noise check, engine, page text): its digits and CPU. */
async function ppocrPage(
  engine: PpOcrEngine,
  page: BenchPage,
): Promise<{ text: string; ms: number; steps: Record<string, number> }> {
  const t = process.cpuUsage();
  noiseReason(page.image);
  const r = await engine.recognize(copy(page.image), page.image.scale);
  ocrToPageText(
    r,
    { number: 1, width: page.image.width / page.image.scale, height: page.image.height / page.image.scale },
    page.image.scale,
  );
  return { text: lineText(r), ms: cpuMs(t), steps: r.steps ?? {} };
}

/** The `tesseract` command on one page image file: its text and the CPU (user + system) of its process. */
function tesseractPage(file: string, env: NodeJS.ProcessEnv): { text: string; ms: number } {
  const run = spawnSync(
    '/usr/bin/time',
    ['-f', '%U %S', 'tesseract', file, '-', '-l', 'chi_sim', '--dpi', String(DPI)],
    {
      env,
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  const [user, system] = (run.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { text: run.stdout, ms: ((user ?? NaN) + (system ?? NaN)) * 1000 };
}

/**
 * CPU per page, every reader on each page in turn (so that a busy machine slows them alike):
 * the `tesseract` command with one thread and as installed (an OpenMP build spins threads of
 * its own), and PP-OCR at each precision, one ONNX Runtime thread, in this thread. PP-OCR's
 * figure counts everything from the page image to the page's text items (the drawing is
 * given apart, in renderMsPerPage: the command is handed the drawn image too).
 */
async function cpuSideBySide(pages: BenchPage[]): Promise<Record<string, unknown>> {
  const fp32: Int8Models = { detection: false, recognition: false };
  // fp32: the default; fp32-before: as before 2026-12-08 (the models as exported, detection over the whole page);
  // fp32-unfused, fp32-whole-page: one of the two changes undone.
  const configs: Record<string, Partial<PpOcrOptions>> = {
    fp32: { int8: fp32 },
    'fp32-before': { int8: fp32, unfused: true, wholePage: true },
    'fp32-unfused': { int8: fp32, unfused: true },
    'fp32-whole-page': { int8: fp32, wholePage: true },
    'int8-detection': { int8: { detection: true, recognition: false } },
  };
  // --configs a,b: only those (the command always runs).
  const only = process.argv
    .find((a) => a.startsWith('--configs='))
    ?.slice('--configs='.length)
    .split(',');
  const precisions = Object.keys(configs).filter((c) => !only || only.includes(c));
  const engines = await Promise.all(precisions.map((p) => createPpOcrEngine({ threads: 1, ...configs[p] })));
  const hasTesseract = !spawnSync('tesseract', ['--version']).error && existsSync('/usr/bin/time');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-'));
  const { OMP_THREAD_LIMIT: _, ...asInstalled } = process.env;
  const readers = [
    ...(hasTesseract ? ['tesseractOneThread', 'tesseractAsInstalled'] : []),
    ...precisions.map((p) => `ppocr-${p}`),
  ];
  const ms: Record<string, number> = {};
  const texts: Record<string, string[]> = {};
  const steps: Record<string, Record<string, number>> = {};
  try {
    await Promise.all(engines.map((e) => ppocrPage(e, pages[0]!))); // warm: first inferences allocate
    for (const [i, page] of pages.entries()) {
      const file = path.join(dir, `p${i + 1}.pgm`);
      writeFileSync(file, toPgm(page.image));
      const got: Record<string, { text: string; ms: number; steps?: Record<string, number> }> = {};
      if (hasTesseract) {
        got.tesseractOneThread = tesseractPage(file, { ...asInstalled, OMP_THREAD_LIMIT: '1' });
        got.tesseractAsInstalled = tesseractPage(file, asInstalled);
      }
      // Each page starts with another configuration: the first after the command reads with cold caches.
      for (let j = 0; j < engines.length; j++) {
        const k = (i + j) % engines.length;
        got[`ppocr-${precisions[k]}`] = await ppocrPage(engines[k]!, page);
      }
      for (const [name, r] of Object.entries(got)) {
        ms[name] = (ms[name] ?? 0) + r.ms;
        (texts[name] ??= []).push(r.text);
        const s = (steps[name] ??= {});
        for (const [k, v] of Object.entries(r.steps ?? {})) s[k] = (s[k] ?? 0) + v;
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await Promise.all(engines.map((e) => e.release()));
  }
  const per = (name: string) => round(ms[name]! / pages.length, 0);
  const out: Record<string, unknown> = { pages: pages.length };
  for (const name of readers)
    out[name] = {
      cpuMsPerPage: per(name),
      digitRecall: digitRecall(pages, texts[name]!),
      ...(Object.keys(steps[name]!).length > 0 && {
        stepsMsPerPage: Object.fromEntries(
          Object.entries(steps[name]!).map(([k, v]) => [k, round(v / pages.length, 1)]),
        ),
      }),
    };
  // Pages per CPU-second, PP-OCR's over the command's (≥ 1: PP-OCR reads at least as many pages per CPU-second).
  if (hasTesseract)
    for (const p of precisions) {
      out[`ratio-${p}-vs-tesseractOneThread`] = round(ms.tesseractOneThread! / ms[`ppocr-${p}`]!);
      out[`ratio-${p}-vs-tesseractAsInstalled`] = round(ms.tesseractAsInstalled! / ms[`ppocr-${p}`]!);
    }
  return out;
}

/** A scanned corpus report's typed twin (x-scan.pdf → x.pdf), whose text is the digits' truth; else the file itself. */
function typedTwin(file: string): string {
  const twin = file.replace(/-scan\.pdf$/, '.pdf');
  return twin !== file && existsSync(twin) ? twin : file;
}

function round(v: number, places = 2): number {
  const f = 10 ** places;
  return Math.round(v * f) / f;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--cpu')) {
    // Only the side-by-side CPU figures (and the drawing), on the bench's pages or on the PDFs named.
    const files = process.argv.slice(2).filter((a) => a.endsWith('.pdf'));
    const pages =
      files.length > 0
        ? (await Promise.all(files.map((f) => loadPages(f, typedTwin(f), () => false)))).flat()
        : [
            ...(await loadPages(SCAN, SCAN_TYPED, () => false)),
            ...(await loadPages(RENDERED, RENDERED, (n) => n === 3)),
          ];
    const renderMsPerPage = await renderTimes(files.length > 0 ? files : [SCAN, RENDERED]);
    console.log(
      JSON.stringify(
        { machine: machine(), dpi: DPI, renderMsPerPage, cpuPerPage: await cpuSideBySide(pages) },
        null,
        2,
      ),
    );
  } else console.log(JSON.stringify(await runOcrBench(), null, 2));
}
