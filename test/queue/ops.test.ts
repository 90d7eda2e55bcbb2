// Operating the queue: clear errors for a wrong or unreachable Redis URL, no
// password in any message, a lost connection retried and reported in one line,
// a worker stopped by SIGTERM releasing the job it cannot finish in time.
import { Queue, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { maskUrl, parseRedisUrl } from '../../src/queue/connection.ts';
import { queueName } from '../../src/queue/jobs.ts';
import { sampleVariant, writeAll } from '../batch/corpus.ts';
import { jixiao, sleep, until } from './procs.ts';
import { freePort, startRedis, type RedisServer, NO_REDIS } from './redis.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-queue-ops-'));
let redis: RedisServer;

beforeAll(async () => {
  if (NO_REDIS) return;
  redis = await startRedis({ password: 'hunter2' });
  writeAll(path.join(work, 'in'), [{ name: 'a.pdf', bytes: sampleVariant(1) }]);
});

afterAll(async () => {
  if (NO_REDIS) return;
  await redis?.close();
  rmSync(work, { recursive: true, force: true });
});

test('URLs: parsed, checked, the password masked', () => {
  expect(parseRedisUrl('redis://127.0.0.1:6380/2').options).toMatchObject({ host: '127.0.0.1', port: 6380, db: 2 });
  expect(parseRedisUrl('redis://:pa%40ss@h/0').options).toMatchObject({
    host: 'h',
    port: 6379,
    db: 0,
    password: 'pa@ss',
  });
  expect(maskUrl('redis://user:hunter2@h:1/0')).toBe('redis://user:***@h:1/0');
  expect(maskUrl('redis://:hunter2@h:1/0')).toBe('redis://:***@h:1/0');
  expect(() => parseRedisUrl('http://h:1')).toThrow(/must start with redis:\/\//);
  expect(() => parseRedisUrl('redis://h:1/x')).toThrow(/database must be a number/);
  expect(() => parseRedisUrl('not a url :hunter2@')).toThrow(/not a URL/);
  process.env.JIXIAO_REDIS_PASSWORD = 'from-env';
  try {
    expect(parseRedisUrl('redis://h/0').options.password).toBe('from-env');
    expect(parseRedisUrl('redis://:inurl@h/0').options.password).toBe('inurl');
  } finally {
    delete process.env.JIXIAO_REDIS_PASSWORD;
  }
});

test.skipIf(NO_REDIS)(
  'a wrong or unreachable URL is a clear set-up error (exit 2) that never shows the password',
  async () => {
    const closed = await freePort();
    const input = path.join(work, 'in');
    const runs = await Promise.all([
      jixiao(['batch', input, '--out', path.join(work, 'o1'), '--queue', `redis://:hunter2@127.0.0.1:${closed}/0`])
        .done,
      jixiao(['worker', '--queue', `redis://:hunter2@127.0.0.1:${closed}/0`]).done,
      jixiao(['queue', 'status', '--queue', 'http://127.0.0.1:1']).done,
      jixiao(['worker', '--queue', `redis://:hunter2@127.0.0.1:${redis.port}/0`, '--name', 'a:b']).done,
      jixiao(['queue', 'status', '--queue', `redis://:nopeXYZ@127.0.0.1:${redis.port}/0`]).done,
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toContain('hunter2');
      expect(r.stderr).not.toContain('nopeXYZ');
      expect(r.stderr.trim().split('\n').length).toBe(1);
    }
    expect(runs[0]!.stderr).toContain(
      `jixiao batch: cannot reach Redis at redis://:***@127.0.0.1:${closed}/0: connect ECONNREFUSED`,
    );
    expect(runs[1]!.stderr).toContain(`jixiao worker: cannot reach Redis at redis://:***@127.0.0.1:${closed}/0`);
    expect(runs[2]!.stderr).toContain('must start with redis:// or rediss://');
    expect(runs[3]!.stderr).toContain('--name "a:b"');
    expect(runs[4]!.stderr).toContain(
      `jixiao queue: cannot reach Redis at redis://:***@127.0.0.1:${redis.port}/0: authentication failed`,
    );
  },
);

test.skipIf(NO_REDIS)(
  'a lost connection is retried with back-off and reported once; SIGTERM releases a job that does not finish in the grace time',
  async () => {
    const url = redis.url.replace('redis://', 'redis://:hunter2@');
    const worker = jixiao([
      'worker',
      '--queue',
      url,
      '--name',
      'ops',
      '--jobs',
      '1',
      '--grace',
      '1',
      '--stall-timeout',
      '5',
    ]);
    await worker.waitFor(/taking jobs/);
    await redis.stop();
    await worker.waitFor(/lost the connection/);
    await sleep(2500); // several reconnection attempts
    await redis.restart();
    await worker.waitFor(/connected to Redis at .* again after/, 30_000);
    expect(worker.stderr().match(/lost the connection/g)!.length).toBe(1);

    // A document that takes long (the sample with OCR forced, PP-OCR): SIGTERM with a 1 s grace hands it back to the
    // queue, and the worker exits 0 — its document process killed, nothing torn down under ONNX Runtime (which
    // aborted the whole worker, Napi::Error, while documents were threads).
    const client = new Redis(redis.port, '127.0.0.1', { maxRetriesPerRequest: null, password: 'hunter2' });
    const queue = new Queue(queueName('ops'), { connection: client, prefix: 'bull' });
    try {
      const batch = jixiao([
        'batch',
        path.join(work, 'in'),
        '--out',
        path.join(work, 'o2'),
        '--queue',
        url,
        '--name',
        'ops',
        '--ocr',
        'always',
        '--progress',
        'lines',
      ]);
      await until(async () => ((await queue.getJobCounts('active')).active ?? 0) === 1, 30_000, 'the job taken');
      await sleep(3000); // its PP-OCR sessions up and reading
      worker.child.kill('SIGTERM');
      const w = await worker.done;
      expect(w.stderr).not.toMatch(/terminate called|Napi::Error/);
      expect(w.code, w.stderr).toBe(0);
      expect(w.stderr).toMatch(/stopped: 0 ok, 0 failed, 0 pages, 1 released to other workers/);
      expect(w.stderr).not.toContain('hunter2');
      const [job] = (await queue.getJobs(['waiting'])) as Job[];
      expect(job).toBeDefined();
      expect(await job!.getState()).toBe('waiting');
      batch.child.kill('SIGINT');
      const b = await batch.done;
      expect(b.code).toBe(130);
      expect(b.stderr).toMatch(/interrupted; .*the queue keeps the rest/);
      expect(b.stderr).not.toContain('hunter2');
    } finally {
      await queue.close();
      await client.quit();
    }
  },
  90_000,
);

test.skipIf(NO_REDIS)(
  'a worker whose documents are stopped by --timeout while PP-OCR reads them goes on: both jobs fail (timeout), it exits 0',
  async () => {
    const url = redis.url.replace('redis://', 'redis://:hunter2@');
    writeAll(path.join(work, 'in-ocr'), [
      { name: 'a.pdf', bytes: sampleVariant(2) },
      { name: 'b.pdf', bytes: sampleVariant(3) },
    ]);
    const worker = jixiao(['worker', '--queue', url, '--name', 'ops-timeout', '--jobs', '1']);
    await worker.waitFor(/taking jobs/);
    const batch = jixiao([
      'batch',
      path.join(work, 'in-ocr'),
      '--out',
      path.join(work, 'o-timeout'),
      '--queue',
      url,
      '--name',
      'ops-timeout',
      '--ocr',
      'always',
      '--timeout',
      '6',
      '--quiet',
    ]);
    const b = await batch.done;
    expect(b.code, b.stderr).toBe(1);
    const records = readFileSync(path.join(work, 'o-timeout', 'manifest.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; worker: string });
    expect(records.map((r) => r.code)).toEqual(['timeout', 'timeout']);
    // One worker process read both: the first stop did not end it.
    expect(new Set(records.map((r) => r.worker)).size).toBe(1);
    worker.child.kill('SIGTERM');
    const w = await worker.done;
    expect(w.stderr).not.toMatch(/terminate called|Napi::Error/);
    expect(w.code, w.stderr).toBe(0);
  },
  300_000,
);
