// jixiao batch on a real Redis queue: 60 made documents enqueued by two
// coordinators (60 jobs, not 120), read by three worker processes (--jobs 1)
// of which one is SIGKILLed while it holds a job, and one coordinator SIGKILLed
// and started again part-way. Every document ends ok exactly once and both
// manifests, the documents and the tables equal the local batch's.
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { queueName } from '../../src/queue/jobs.ts';
import type { ManifestRecord } from '../../src/writers/manifest.ts';
import { madeReport, writeAll } from '../batch/corpus.ts';
import { parseCsv } from '../batch/csv-read.ts';
import { jixiao, until, type Proc } from './procs.ts';
import { startRedis, type RedisServer, NO_REDIS } from './redis.ts';

const TOTAL = 60;
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-queue-'));
const input = path.join(work, 'in');
const reference = path.join(work, 'reference');
const outA = path.join(work, 'a');
const outB = path.join(work, 'b');
let redis: RedisServer;
let client: Redis;
let queue: Queue;
const workers: Proc[] = [];
let killedWorker = '';
let killedJob = '';
let coordinatorKilledAt = 0;
let resultA: Awaited<Proc['done']>;
let resultB: Awaited<Proc['done']>;

const lines = (out: string) => {
  const f = path.join(out, 'manifest.jsonl');
  return existsSync(f)
    ? readFileSync(f, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
};
const records = (out: string) => lines(out).map((l) => JSON.parse(l) as ManifestRecord);
/** the manifest without what may differ between runs: times and worker names */
const comparable = (rs: ManifestRecord[]) => rs.map(({ seconds: _s, worker: _w, ...r }) => r);
const batchArgs = (out: string) => [
  'batch',
  input,
  '--out',
  out,
  '--queue',
  redis.url,
  '--name',
  'main',
  '--ocr',
  'never',
  '--progress',
  'lines',
];

beforeAll(async () => {
  if (NO_REDIS) return;
  writeAll(
    input,
    Array.from({ length: TOTAL }, (_, i) => ({
      name: `d${String(i).padStart(2, '0')}.pdf`,
      bytes: madeReport(300 + i),
    })),
  );
  // The local batch, for comparison.
  await runBatch({ inputs: [input], out: reference, jobs: 2, progress: 'none', ocr: 'never' });
  redis = await startRedis();
  client = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: null });
  queue = new Queue(queueName('main'), { connection: client, prefix: 'bull' });

  // Two coordinators enqueue the same inputs before any worker runs.
  let a = jixiao(batchArgs(outA));
  await a.waitFor(/60 job\(s\) added; waiting for workers/);
  const b = jixiao(batchArgs(outB));
  await b.waitFor(/0 job\(s\) added, 60 already in the queue/);
  const counts = await queue.getJobCounts('waiting', 'active', 'completed', 'failed', 'delayed');
  expect(Object.values(counts).reduce((x, y) => x + y, 0)).toBe(TOTAL);

  for (let i = 0; i < 3; i++)
    workers.push(jixiao(['worker', '--queue', redis.url, '--name', 'main', '--jobs', '1', '--stall-timeout', '12']));

  // SIGKILL a worker while it holds a job, once some documents are done.
  await until(async () => ((await queue.getJobCounts('completed')).completed ?? 0) >= 8, 120_000, '8 documents done');
  await until(
    async () => {
      const active = (await queue.getJobs(['active'])) as Job[];
      for (const seen of active) {
        const w = workers.find((p) => seen.processedBy === `${os.hostname()}:${p.pid}`);
        if (!w) continue;
        // Frozen first, then read again: a worker that finishes a job takes its next one in the same step,
        // so the job seen active a moment ago may no longer be the one it holds when the kill lands.
        w.child.kill('SIGSTOP');
        const job = (await queue.getJob(seen.id!)) as Job | undefined;
        const holds =
          job !== undefined &&
          (await job.getState()) === 'active' &&
          job.processedBy === seen.processedBy &&
          (await client.exists(`bull:${queueName('main')}:${job.id}:lock`)) === 1;
        if (!holds) {
          w.child.kill('SIGCONT');
          continue;
        }
        w.child.kill('SIGKILL');
        killedWorker = job.processedBy!;
        killedJob = job.id!;
        return true;
      }
      return false;
    },
    60_000,
    'a worker holding a job',
  );

  // SIGKILL coordinator A part-way and start it again: it picks up where the queue stands.
  await until(() => lines(outA).length >= 25, 120_000, 'coordinator A at 25 documents');
  a.child.kill('SIGKILL');
  await a.done;
  coordinatorKilledAt = lines(outA).length;
  a = jixiao(batchArgs(outA));
  [resultA, resultB] = await Promise.all([a.done, b.done]);
}, 240_000);

afterAll(async () => {
  if (NO_REDIS) return;
  for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.done));
  await queue?.close();
  await client?.quit();
  await redis?.close();
  rmSync(work, { recursive: true, force: true });
});

test.skipIf(NO_REDIS)('the kills landed while work was under way', () => {
  expect(killedWorker).not.toBe('');
  expect(coordinatorKilledAt).toBeGreaterThanOrEqual(25);
  expect(coordinatorKilledAt).toBeLessThan(TOTAL);
  expect(resultA.code, resultA.stderr).toBe(0);
  expect(resultB.code, resultB.stderr).toBe(0);
  expect(resultA.stderr).toMatch(/already in the queue/);
});

test.skipIf(NO_REDIS)(
  "all 60 documents ended ok exactly once; the killed worker's job was taken by another",
  async () => {
    const jobs = (await queue.getJobs(['completed', 'failed', 'active', 'waiting', 'delayed'])) as Job[];
    expect(jobs.length).toBe(TOTAL);
    for (const job of jobs) {
      expect(await job.getState(), job.id).toBe('completed');
      if (job.id === killedJob) {
        expect(job.attemptsStarted).toBe(2);
        expect(job.processedBy).not.toBe(killedWorker);
      } else expect(job.attemptsStarted, job.id).toBe(1);
    }
  },
);

test.skipIf(NO_REDIS)("both manifests, the documents and the tables equal the local batch's", () => {
  const ref = records(reference);
  expect(ref.length).toBe(TOTAL);
  for (const out of [outA, outB]) {
    const got = records(out);
    expect(new Set(got.map((r) => r.path)).size).toBe(TOTAL);
    expect(comparable(got)).toEqual(comparable(ref));
    expect(got.every((r) => r.status === 'ok' && typeof r.worker === 'string')).toBe(true);
    const docs = readdirSync(path.join(reference, 'docs')).sort();
    expect(readdirSync(path.join(out, 'docs')).sort()).toEqual(docs);
    for (const d of docs)
      expect(readFileSync(path.join(out, 'docs', d), 'utf8'), d).toBe(
        readFileSync(path.join(reference, 'docs', d), 'utf8'),
      );
    for (const t of ['facts.csv', 'findings.csv', 'facts.jsonl', 'indicators.csv', 'funds.csv'])
      expect(readFileSync(path.join(out, t), 'utf8'), t).toBe(readFileSync(path.join(reference, t), 'utf8'));
    const dropSeconds = (file: string) => parseCsv(readFileSync(file, 'utf8')).map((row) => row.slice(0, -1));
    expect(dropSeconds(path.join(out, 'documents.csv'))).toEqual(dropSeconds(path.join(reference, 'documents.csv')));
    expect(readdirSync(out).sort()).toEqual([
      'docs',
      'documents.csv',
      'facts.csv',
      'facts.jsonl',
      'findings.csv',
      'funds.csv',
      'indicators.csv',
      'manifest.jsonl',
    ]);
  }
});

test.skipIf(NO_REDIS)('queue status: counts, the workers, pages per minute', async () => {
  const s = await jixiao(['queue', 'status', '--queue', redis.url, '--name', 'main', '--json']).done;
  expect(s.code, s.stderr).toBe(0);
  const status = JSON.parse(s.stdout);
  expect(status).toMatchObject({ queue: 'main', waiting: 0, active: 0, done: TOTAL, failed: 0 });
  expect(status.workers.connected.length).toBe(2);
  expect(status.workers.seen.length).toBe(3);
  expect(status.pagesPerMinute.current + status.pagesPerMinute.last).toBeGreaterThan(0);
  const text = await jixiao(['queue', 'status', '--queue', redis.url, '--name', 'main']).done;
  expect(text.stdout).toMatch(/60 done, 0 failed/);
});

test.skipIf(NO_REDIS)('a batch run again reads nothing; the workers stop on SIGTERM', async () => {
  const again = await jixiao(batchArgs(outA)).done;
  expect(again.code).toBe(0);
  expect(again.stderr).toContain(`(${TOTAL} done by an earlier run)`);
  const alive = workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  expect(alive.length).toBe(2);
  for (const w of alive) w.child.kill('SIGTERM');
  for (const w of alive) {
    const r = await w.done;
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stopped: \d+ ok/);
  }
});
