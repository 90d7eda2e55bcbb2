// A poisoned document — one whose worker dies every time it reads it — ends
// failed with its reason after the configured attempts while the rest of the
// batch completes; --retry-failed then redoes only it, --force all. Files go
// in the jobs (--inline): the workers never read the input folder.
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { queueName } from '../../src/queue/jobs.ts';
import type { ManifestRecord } from '../../src/writers/manifest.ts';
import { madeReport, sampleVariant, writeAll } from '../batch/corpus.ts';
import { jixiao, type Proc } from './procs.ts';
import { startRedis, type RedisServer, NO_REDIS } from './redis.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-poison-'));
const input = path.join(work, 'in');
const out = path.join(work, 'out');
const POISON = 'poison.pdf';
let redis: RedisServer;
let client: Redis;
let queue: Queue;
let first: Awaited<Proc['done']>;
const workers = new Set<Proc>();
let kills = 0;
let supervising = true;
let killing = true;

const records = () =>
  readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ManifestRecord);
const batch = (...extra: string[]) =>
  jixiao([
    'batch',
    input,
    '--out',
    out,
    '--queue',
    redis.url,
    '--name',
    'poison',
    '--inline',
    '--attempts',
    '2',
    '--ocr',
    'never',
    '--progress',
    'lines',
    ...extra,
  ]).done;
const poisonPath = () => path.resolve(input, POISON);
const startWorker = () => {
  const w = jixiao([
    'worker',
    '--queue',
    redis.url,
    '--name',
    'poison',
    '--jobs',
    '1',
    '--stall-timeout',
    '3',
    '--verbose',
  ]);
  workers.add(w);
  // The poison: a worker that starts reading this document dies at once, as in a native crash or the kernel's OOM killer.
  let seen = '';
  w.child.stderr!.on('data', (d: Buffer) => {
    seen += d.toString();
    if (
      killing &&
      seen.includes(`reading ${poisonPath()} `) &&
      w.child.exitCode === null &&
      w.child.signalCode === null
    ) {
      w.child.kill('SIGKILL');
      kills++;
      seen = '';
    }
  });
  void w.done.then(() => {
    workers.delete(w);
    if (supervising) startWorker(); // like a service manager: a dead worker is started again
  });
};

beforeAll(async () => {
  if (NO_REDIS) return;
  redis = await startRedis();
  client = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: null });
  queue = new Queue(queueName('poison'), { connection: client, prefix: 'bull' });
  writeAll(input, [
    ...Array.from({ length: 5 }, (_, i) => ({ name: `ok${i}.pdf`, bytes: madeReport(700 + i) })),
    { name: POISON, bytes: sampleVariant(99) },
  ]);
  startWorker();
  startWorker();
  first = await batch();
  killing = false;
}, 120_000);

afterAll(async () => {
  if (NO_REDIS) return;
  supervising = false;
  killing = false;
  for (const w of workers) w.child.kill('SIGTERM');
  await Promise.all([...workers].map((w) => w.done));
  await queue?.close();
  await client?.quit();
  await redis?.close();
  rmSync(work, { recursive: true, force: true });
});

test.skipIf(NO_REDIS)('the poisoned document ends failed with its reason after 2 attempts; the rest complete', () => {
  expect(first.code, first.stderr).toBe(1);
  expect(kills).toBe(2);
  const rs = records();
  expect(rs.length).toBe(6);
  const p = rs.find((r) => r.path.endsWith(POISON))!;
  expect(p).toMatchObject({ status: 'failed', code: 'crashed', doc: null });
  expect(p.reason).toMatch(/on each of 2 attempts/);
  expect(rs.filter((r) => r.status === 'ok').length).toBe(5);
  expect(first.stderr).toMatch(/6 documents: 5 ok, 1 failed/);
});

test.skipIf(NO_REDIS)(
  "--retry-failed redoes only the failed document; --force redoes all, read from the jobs' bytes (--inline)",
  async () => {
    const again = await batch();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('(6 done by an earlier run)');

    const retried = await batch('--retry-failed');
    expect(retried.code, retried.stderr).toBe(0);
    expect(retried.stderr).toContain('(5 done by an earlier run)');
    expect(retried.stderr).toMatch(/1 job\(s\) added \(1 redone\)/);
    expect(records().length).toBe(6);
    expect(records().every((r) => r.status === 'ok')).toBe(true);

    // --force with no worker running; once the jobs are in, the input folder goes away: workers have only the jobs' bytes.
    supervising = false;
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all([...workers].map((w) => w.done));
    const forced = jixiao([
      'batch',
      input,
      '--out',
      out,
      '--queue',
      redis.url,
      '--name',
      'poison',
      '--inline',
      '--attempts',
      '2',
      '--ocr',
      'never',
      '--progress',
      'lines',
      '--force',
    ]);
    await forced.waitFor(/6 job\(s\) added \(6 redone\)/);
    renameSync(input, `${input}-away`);
    try {
      supervising = true;
      startWorker();
      const r = await forced.done;
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).not.toContain('done by an earlier run');
    } finally {
      renameSync(`${input}-away`, input);
    }
    const rs = records();
    expect(rs.length).toBe(6);
    expect(rs.every((r) => r.status === 'ok')).toBe(true);
    expect(existsSync(path.join(out, 'docs', 'poison.json'))).toBe(true);
    const jobs = (await queue.getJobs(['completed'])) as Job[];
    expect(jobs.length).toBe(6);
    for (const j of jobs) expect(Buffer.from(j.data.inline, 'base64').length).toBe(j.data.bytes);
  },
);
