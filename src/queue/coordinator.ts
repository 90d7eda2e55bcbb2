// `jixiao batch INPUT... --out DIR --queue redis://…`: the batch's documents
// are read by `jixiao worker` processes anywhere that reach the same Redis.
// This process plans the batch exactly as the local batch does (src/batch/run.ts:
// hashes, resume from DIR/manifest.jsonl, duplicates), enqueues one job per
// document still to read, then collects the results as jobs end: each report
// is written into docs/ atomically and its manifest line appended and fsync'd,
// through the same code as the local batch; the tables are rebuilt at the end.
//
// Enqueuing is idempotent (job id = content hash + tool version + output-changing
// options), so a second coordinator, or this one started again after it died,
// finds the jobs where the queue has them: done ones are collected, running
// ones awaited, missing ones added.
import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import PQueue from 'p-queue';
import {
  BatchSetupError,
  ENVIRONMENTAL,
  failedRecord,
  okRecord,
  runWith,
  type BatchItem,
  type BatchOptions,
  type BatchPlan,
  type BatchResult,
  type DocumentRunner,
  type ResolvedBatchOptions,
} from '../batch/run.ts';
import { tempPath, writeAtomic } from '../writers/files.ts';
import type { ManifestRecord } from '../writers/manifest.ts';
import { TOOL_VERSION } from '../version.ts';
import {
  closeRedis,
  connectRedis,
  maskSecret,
  parseRedisUrl,
  QueueSetupError,
  type RedisTarget,
} from './connection.ts';
import {
  checkName,
  DEFAULT_ATTEMPTS,
  DEFAULT_QUEUE_NAME,
  INLINE_MAX_BYTES,
  jobId,
  KEEP_SECONDS,
  parseFailure,
  PREFIX,
  queueName,
  reportKey,
  type DocJobData,
  type DocJobResult,
} from './jobs.ts';

const gunzipAsync = promisify(gunzip);

export interface QueueBatchOptions extends BatchOptions {
  /** redis://HOST:PORT/DB */
  queue: string;
  /** the queue's name (default "jixiao"): batches and workers with the same name share work */
  name?: string;
  /** put each file's bytes (up to 16 MB) in its job: workers need not see the inputs' folder */
  inline?: boolean;
  /** a document whose worker died (or whose reader crashed) this many times ends failed (default 3) */
  attempts?: number;
  /** how often job states are looked at, ms (default 500) */
  pollMs?: number;
  log?: (line: string) => void;
}

export async function runQueueBatch(options: QueueBatchOptions): Promise<BatchResult> {
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const problem = checkName(name);
  if (problem) throw new BatchSetupError(problem);
  // Queue jobs are shared by content and options across runs: a report with times in it would be handed to runs that did not ask.
  if (options.timings) throw new BatchSetupError('--timings is for local batches, not with --queue');
  if (options.pageImages)
    throw new BatchSetupError(
      '--page-images is for local batches, not with --queue (run `jixiao report DIR` to draw them)',
    );
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  if (!Number.isInteger(attempts) || attempts < 1)
    throw new BatchSetupError(`--attempts must be a positive integer (got ${attempts})`);
  let target: RedisTarget;
  try {
    target = parseRedisUrl(options.queue);
  } catch (err) {
    throw new BatchSetupError((err as Error).message);
  }
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  return runWith(options, (opts) =>
    queueRunner(opts, { target, name, inline: !!options.inline, attempts, pollMs: options.pollMs ?? 500, log }),
  );
}

interface QueueSettings {
  target: RedisTarget;
  name: string;
  inline: boolean;
  attempts: number;
  pollMs: number;
  log: (line: string) => void;
}

/** What the parts of a queue batch share. */
interface QueueRun {
  opts: ResolvedBatchOptions;
  q: QueueSettings;
  client: Redis | null;
  queue: Queue<DocJobData, DocJobResult> | null;
  /** job id → the item it reads (one per distinct content: the batch's duplicates never reach here) */
  pending: Map<string, BatchItem>;
}

type Finished = (item: BatchItem, record: ManifestRecord) => Promise<void>;

const WHO = 'jixiao batch';

function queueRunner(opts: ResolvedBatchOptions, q: QueueSettings): DocumentRunner {
  const run: QueueRun = { opts, q, client: null, queue: null, pending: new Map() };
  return {
    async start(plan: BatchPlan) {
      try {
        run.client = await connectRedis(q.target, {
          log: q.log,
          who: WHO,
          connectionName: `jixiao-batch-${process.pid}`,
        });
      } catch (err) {
        throw new BatchSetupError(err instanceof QueueSetupError ? err.message : String(err));
      }
      run.queue = new Queue<DocJobData, DocJobResult>(queueName(q.name), { connection: run.client, prefix: PREFIX });
      run.queue.on('error', () => {}); // connection trouble is reported by connectRedis
      await enqueue(run, plan);
    },
    async run(plan: BatchPlan, finished: Finished) {
      if (!run.queue || !run.client) return;
      let round = 0;
      while (run.pending.size > 0 && !opts.signal?.aborted) {
        await poll(run, plan, finished, round++ % 20 === 19);
        if (run.pending.size > 0) await sleep(q.pollMs, opts.signal);
      }
    },
    async close() {
      await run.queue?.close().catch(() => {});
      if (run.client) await closeRedis(run.client);
    },
  };
}

async function dataFor(run: QueueRun, item: BatchItem, inlineNotes: { big: number }): Promise<DocJobData> {
  const { opts, q } = run;
  const data: DocJobData = {
    v: 1,
    file: item.file,
    path: path.resolve(item.file),
    ...(item.raw && { pathBytes: absoluteBytes(item.raw).toString('hex') }),
    sha256: item.sha256!,
    bytes: item.bytes!,
    tool: TOOL_VERSION,
    ocr: opts.ocr,
    ocrDpi: opts.ocrDpi,
    maxPages: opts.maxPages,
    timeoutSeconds: opts.timeoutSeconds,
    maxMemoryMb: opts.maxMemoryMb,
    attempts: q.attempts,
  };
  if (q.inline) {
    if ((item.bytes ?? 0) <= INLINE_MAX_BYTES) data.inline = (await readFile(item.raw ?? item.file)).toString('base64');
    else inlineNotes.big++;
  }
  return data;
}

/** A path's bytes made absolute (the working folder's own bytes before a relative one). */
function absoluteBytes(raw: Buffer): Buffer {
  return raw[0] === 0x2f ? raw : Buffer.concat([Buffer.from(process.cwd() + path.sep), raw]);
}

function jobOptions(q: QueueSettings, id: string) {
  return {
    jobId: id,
    attempts: q.attempts,
    backoff: { type: 'fixed' as const, delay: 1000 },
    removeOnComplete: { age: KEEP_SECONDS },
    removeOnFail: { age: KEEP_SECONDS },
  };
}

/** Whether a job that ended failed in an earlier run stands for this batch, as the local batch decides for its manifest lines. */
function failureStands({ opts, q }: QueueRun, job: Job<DocJobData>): boolean {
  if (opts.retryFailed || opts.force) return false;
  const { code } = parseFailure(job.failedReason);
  if (ENVIRONMENTAL.has(code)) return false;
  const d = job.data;
  return (
    d.timeoutSeconds === opts.timeoutSeconds &&
    d.maxMemoryMb === opts.maxMemoryMb &&
    d.maxPages === opts.maxPages &&
    d.attempts === q.attempts
  );
}

async function removeJob(run: QueueRun, job: Job): Promise<void> {
  await job.remove();
  await run.client!.del(reportKey(run.queue!, job.id!));
}

/** Adds a job for each document to read that the queue does not hold already (or holds finished in a way that does not stand). */
async function enqueue(run: QueueRun, plan: BatchPlan): Promise<void> {
  const { opts, q, pending } = run;
  const queue = run.queue!;
  const notes = { big: 0, added: 0, present: 0, redo: 0 };
  const toAdd: { item: BatchItem; id: string }[] = [];
  const look = new PQueue({ concurrency: 16 });
  await look.addAll(
    plan.toRun.map((item) => async () => {
      const id = jobId(item.sha256!, opts.ocr, opts.ocrDpi);
      pending.set(id, item);
      const job = await queue.getJob(id);
      if (!job) return void toAdd.push({ item, id });
      const state = await job.getState();
      const redo =
        (state === 'completed' && opts.force) || (state === 'failed' && !failureStands(run, job as Job<DocJobData>));
      if (redo) {
        try {
          await removeJob(run, job);
          notes.redo++;
          return void toAdd.push({ item, id });
        } catch {
          // taken by a worker meanwhile: its fresh result will do
        }
      }
      notes.present++;
    }),
  );
  for (let i = 0; i < toAdd.length; i += 200) {
    const chunk = toAdd.slice(i, i + 200);
    const jobs = await Promise.all(
      chunk.map(async ({ item, id }) => ({
        name: 'doc',
        data: await dataFor(run, item, notes),
        opts: jobOptions(q, id),
      })),
    );
    await queue.addBulk(jobs);
    notes.added += chunk.length;
  }
  if (notes.big > 0)
    q.log(
      `${WHO}: ${notes.big} file(s) over ${INLINE_MAX_BYTES / 1024 / 1024} MB go by path, not --inline: workers must see them`,
    );
  if (opts.progress !== 'none') {
    q.log(
      `${WHO}: queue ${q.name} at ${q.target.shown}: ${notes.added} job(s) added` +
        `${notes.present > 0 ? `, ${notes.present} already in the queue` : ''}${notes.redo > 0 ? ` (${notes.redo} redone)` : ''}; waiting for workers (jixiao worker --queue …)`,
    );
  }
}

/** One look at every pending job: those that ended are collected; with `checkExists`, those removed from the queue are added again. */
async function poll(run: QueueRun, plan: BatchPlan, finished: Finished, checkExists: boolean): Promise<void> {
  const { opts, q, pending } = run;
  const c = run.client!;
  const qu = run.queue!;
  const completedKey = qu.toKey('completed');
  const failedKey = qu.toKey('failed');
  const ids = [...pending.keys()];
  for (let i = 0; i < ids.length && !opts.signal?.aborted; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const p = c.pipeline();
    for (const id of chunk) {
      p.zscore(completedKey, id);
      p.zscore(failedKey, id);
      if (checkExists) p.exists(qu.toKey(id));
    }
    const replies = (await p.exec()) ?? [];
    const per = checkExists ? 3 : 2;
    // Reports are fetched and written several at a time; the manifest writer keeps its lines whole and in order of arrival.
    const work = new PQueue({ concurrency: 8 });
    const tasks: Promise<unknown>[] = [];
    for (let k = 0; k < chunk.length; k++) {
      const id = chunk[k]!;
      const item = pending.get(id)!;
      const completed = replies[k * per]?.[1] !== null;
      const failed = replies[k * per + 1]?.[1] !== null;
      if (completed || failed)
        tasks.push(work.add(() => collect(run, plan, finished, id, item, completed ? 'completed' : 'failed')));
      else if (checkExists && replies[k * per + 2]?.[1] === 0) {
        // Removed from the queue by someone (obliterate, clean): add it again.
        tasks.push(work.add(async () => qu.add('doc', await dataFor(run, item, { big: 0 }), jobOptions(q, id))));
      }
    }
    await Promise.all(tasks);
  }
}

/** A job that ended: its manifest line, and for one that was read its report written into docs/. */
async function collect(
  run: QueueRun,
  plan: BatchPlan,
  finished: Finished,
  id: string,
  item: BatchItem,
  state: 'completed' | 'failed',
): Promise<void> {
  const { q, pending } = run;
  const qu = run.queue!;
  const job = (await qu.getJob(id)) as Job<DocJobData, DocJobResult> | undefined;
  if (!job) return; // gone between the look and now: the existence check re-adds it
  const worker = job.processedBy;
  const seconds = job.finishedOn && job.processedOn ? Math.round(job.finishedOn - job.processedOn) / 1000 : 0;
  if (state === 'failed') {
    const { code, reason } = parseFailure(job.failedReason);
    await finished(item, {
      ...failedRecord(item, plan.base, code, maskSecret(reason, q.target)),
      seconds,
      ...(worker ? { worker } : {}),
    });
    pending.delete(id);
    return;
  }
  const result = job.returnvalue;
  const gz = await run.client!.getBuffer(reportKey(qu, id));
  if (!result || result.status !== 'ok' || !gz) {
    // Kept past its time, or removed: read it again.
    q.log(`${WHO}: the report of ${item.file} is no longer in Redis; queued again`);
    await removeJob(run, job).catch(() => {});
    await qu.add('doc', await dataFor(run, item, { big: 0 }), jobOptions(q, id));
    return;
  }
  let text = (await gunzipAsync(gz)).toString('utf8');
  // The job may have been added by another batch that named the same content by another path.
  const report = JSON.parse(text) as { source: { path: string } };
  if (report.source.path !== item.file) {
    report.source.path = item.file;
    text = JSON.stringify(report) + '\n';
  }
  await writeAtomic(item.target, text, tempPath(item.target), false);
  await finished(item, { ...okRecord(item, plan.base, result.summary, result.seconds), worker: result.worker });
  pending.delete(id);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
