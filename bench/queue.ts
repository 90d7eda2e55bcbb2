// The queue's cost: documents per second through `jixiao batch --queue` with
// 1, 2 and 4 worker processes (`jixiao worker --jobs 1`, started and warm before
// the clock starts) against the local batch (`--jobs 1, 2, 4`: the same total
// parallelism) on the same made documents, on a Redis started here. The
// difference, per document, is the queue's overhead: enqueueing, the job's
// round trips, the report through Redis (gzip'd) and the coordinator writing it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ManifestRecord } from '../src/writers/manifest.ts';
import { madeReport, sampleVariant, writeAll } from '../test/batch/corpus.ts';
import { jixiao, type Proc } from '../test/queue/procs.ts';
import { haveRedis, startRedis } from '../test/queue/redis.ts';
import { machine } from './extract.ts';

interface Run {
  processes: number;
  seconds: number;
  documentsPerSecond: number;
  pagesPerSecond: number;
  /** wall time × processes / documents: what one document costs one of the processes */
  msPerDocumentPerProcess: number;
  /** of which reading it (the manifest's seconds: the document thread's time) */
  readMsPerDocument: number;
}

export async function runQueueBench(total = 200): Promise<object> {
  if (!haveRedis()) return { skipped: 'redis-server is not installed' };
  const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-queue-bench-'));
  const redis = await startRedis();
  try {
    // As bench/batch.ts: one sample variant (11 pages) in ten, made reports (1–2 pages) for the rest.
    const input = path.join(work, 'in');
    writeAll(
      input,
      Array.from({ length: total }, (_, i) =>
        i % 10 === 0
          ? { name: `s${String(i).padStart(5, '0')}.pdf`, bytes: sampleVariant(i) }
          : { name: `m${String(i).padStart(5, '0')}.pdf`, bytes: madeReport(i) },
      ),
    );
    const local: Record<string, Run> = {};
    const queue: Record<string, Run> = {};
    const overhead: Record<string, number> = {};
    for (const n of [1, 2, 4]) {
      local[`--jobs ${n}`] = await timed(
        n,
        jixiao([
          'batch',
          input,
          '--out',
          path.join(work, `local${n}`),
          '--jobs',
          String(n),
          '--ocr',
          'never',
          '--quiet',
        ]),
        path.join(work, `local${n}`),
      );
      const workers: Proc[] = [];
      for (let i = 0; i < n; i++)
        workers.push(jixiao(['worker', '--queue', redis.url, '--name', `bench${n}`, '--jobs', '1']));
      await Promise.all(workers.map((w) => w.waitFor(/taking jobs/)));
      queue[`${n} worker${n > 1 ? 's' : ''}`] = await timed(
        n,
        jixiao([
          'batch',
          input,
          '--out',
          path.join(work, `queue${n}`),
          '--queue',
          redis.url,
          '--name',
          `bench${n}`,
          '--ocr',
          'never',
          '--quiet',
        ]),
        path.join(work, `queue${n}`),
      );
      if (n === 1) {
        // The coordinator alone: the same batch again into a new folder, every job already done — how fast one coordinator
        // collects reports and writes them (the ceiling of a many-machine run, whatever the number of workers).
        queue['collect only (all jobs done)'] = await timed(
          0,
          jixiao([
            'batch',
            input,
            '--out',
            path.join(work, 'collect'),
            '--queue',
            redis.url,
            '--name',
            'bench1',
            '--ocr',
            'never',
            '--quiet',
          ]),
          path.join(work, 'collect'),
        );
      }
      for (const w of workers) w.child.kill('SIGTERM');
      await Promise.all(workers.map((w) => w.done));
      const l = local[`--jobs ${n}`]!;
      const q = queue[`${n} worker${n > 1 ? 's' : ''}`]!;
      // Extra wall time per document, and the same as busy time of one of the n processes (what each document costs a worker).
      overhead[`${n}`] = Math.round(((q.seconds - l.seconds) / total) * 1000 * 10) / 10;
      console.error(`queue bench: ${n}: local ${l.documentsPerSecond} docs/s, queue ${q.documentsPerSecond} docs/s`);
    }
    return {
      machine: machine(),
      documents: total,
      local,
      queue,
      overheadMsPerDocument: overhead,
      note: 'workers are started and warm before the clock starts; both sides end with the tables written',
    };
  } finally {
    await redis.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function timed(processes: number, p: Proc, out: string): Promise<Run> {
  const started = performance.now();
  const r = await p.done;
  const seconds = (performance.now() - started) / 1000;
  if (r.code !== 0 && r.code !== 1) throw new Error(`batch exited with ${r.code}: ${r.stderr}`);
  const manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ManifestRecord);
  const pages = manifest.reduce((n, m) => n + (m.pages ?? 0), 0);
  const read = manifest.reduce((n, m) => n + m.seconds, 0) / manifest.length;
  return {
    processes,
    seconds: round(seconds),
    documentsPerSecond: round(manifest.length / seconds),
    pagesPerSecond: round(pages / seconds),
    msPerDocumentPerProcess: round((seconds * Math.max(1, processes) * 1000) / manifest.length),
    readMsPerDocument: round(read * 1000),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runQueueBench(Number(process.argv[2] ?? 200)), null, 2));
}
