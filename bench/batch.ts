// `jixiao batch` throughput and memory: ≥ 1,000 text-layer documents (made
// reports and variants of the typed sample), run by the real CLI in a child
// process at --jobs 1 and at all cores; documents/s and pages/s from the wall
// time; then `jixiao dataset` over the all-cores run's folder (time, size);
// peak memory as the RSS of the whole process tree (the CLI, its worker
// threads and any child process), sampled from /proc, at 100 and at 1,000 documents.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ManifestRecord } from '../src/writers/manifest.ts';
import { madeReport, sampleVariant, writeAll } from '../test/batch/corpus.ts';
import { machine } from './extract.ts';
import { bin, measured, node, root } from './paths.ts';

export interface BatchRun {
  documents: number;
  jobs: number;
  pages: number;
  seconds: number;
  documentsPerSecond: number;
  pagesPerSecond: number;
  peakRssMiB: number;
  ok: number;
  failed: number;
}

export async function runBatchBench(total = 1000): Promise<object> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-batch-bench-'));
  try {
    // One sample variant (11 pages) in ten, made reports (1–2 pages) for the rest, in two folders.
    const inputs = Array.from({ length: total }, (_, i) =>
      i % 10 === 0
        ? { name: `s${String(i).padStart(5, '0')}.pdf`, bytes: sampleVariant(i) }
        : { name: `m${String(i).padStart(5, '0')}.pdf`, bytes: madeReport(i) },
    );
    const all = path.join(work, 'all');
    const first = path.join(work, 'first100');
    writeAll(all, inputs);
    writeAll(first, inputs.slice(0, 100));
    const cores = os.availableParallelism();
    const runs: Record<string, BatchRun> = {};
    runs[`${total} docs, --jobs 1`] = await timedRun([all], path.join(work, 'out1'), 1);
    runs[`${total} docs, --jobs ${cores}`] = await timedRun([all], path.join(work, 'outN'), cores);
    runs[`100 docs, --jobs ${cores}`] = await timedRun([first], path.join(work, 'out100'), cores);
    const dataset = await timedDataset(
      path.join(work, 'outN'),
      path.join(work, 'dataset.duckdb'),
      path.join(work, 'parquet'),
      runs[`${total} docs, --jobs ${cores}`]!,
    );
    const at100 = runs[`100 docs, --jobs ${cores}`]!.peakRssMiB;
    const at1000 = runs[`${total} docs, --jobs ${cores}`]!.peakRssMiB;
    return {
      machine: machine(),
      measured,
      inputs: {
        documents: total,
        sampleVariants: inputs.filter((f) => f.name.startsWith('s')).length,
        madeReports: inputs.filter((f) => f.name.startsWith('m')).length,
      },
      runs,
      dataset,
      memory: {
        peakRssMiBAt100: at100,
        [`peakRssMiBAt${total}`]: at1000,
        ratio: Math.round((at1000 / at100) * 100) / 100,
        aim: '≤ 1.5',
      },
      speedup:
        Math.round(
          (runs[`${total} docs, --jobs ${cores}`]!.documentsPerSecond /
            runs[`${total} docs, --jobs 1`]!.documentsPerSecond) *
            100,
        ) / 100,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

async function timedRun(inputs: string[], out: string, jobs: number): Promise<BatchRun> {
  mkdirSync(out, { recursive: true });
  const started = performance.now();
  const child = spawn(
    node,
    [bin, 'batch', ...inputs, '--out', out, '--jobs', String(jobs), '--ocr', 'never', '--quiet'],
    { cwd: root, stdio: 'inherit' },
  );
  let peak = 0;
  const sample = () => (peak = Math.max(peak, treeRss(child.pid!)));
  const timer = setInterval(sample, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`batch exited with ${code}`);
  const manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ManifestRecord);
  const pages = manifest.reduce((n, r) => n + (r.pages ?? 0), 0);
  return {
    documents: manifest.length,
    jobs,
    pages,
    seconds: round(seconds),
    documentsPerSecond: round(manifest.length / seconds),
    pagesPerSecond: round(pages / seconds),
    peakRssMiB: Math.round(peak / 1024),
    ok: manifest.filter((r) => r.status === 'ok').length,
    failed: manifest.filter((r) => r.status === 'failed').length,
  };
}

/**
 * `jixiao dataset` over the batch's folder (the real CLI, with --parquet and
 * --check): its time against the batch's own, the database's and the Parquet
 * files' size.
 */
async function timedDataset(batch: string, file: string, parquet: string, of: BatchRun): Promise<object> {
  const started = performance.now();
  const child = spawn(node, [bin, 'dataset', batch, '--out', file, '--parquet', parquet, '--check'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`dataset exited with ${code}`);
  const size = (p: string) => statSync(p).size;
  const parquetBytes = readdirSync(parquet).reduce((n, f) => n + size(path.join(parquet, f)), 0);
  return {
    documents: of.ok,
    seconds: round(seconds),
    documentsPerSecond: round(of.ok / seconds),
    fileMiB: round(size(file) / 2 ** 20),
    parquetMiB: round(parquetBytes / 2 ** 20),
    peakRssMiB: Math.round(peak / 1024),
    batchSeconds: of.seconds,
    shareOfBatch: round(seconds / of.seconds),
    aim: 'well under the batch (the dataset must not be the slow part)',
  };
}

/** Resident memory (KiB) of a process and all its descendants, from /proc (threads share their process's RSS). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      total += m ? Number(m[1]) : 0;
    } catch {
      // ended
    }
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runBatchBench(Number(process.argv[2] ?? 1000)), null, 2));
}
