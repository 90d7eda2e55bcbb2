// `jixiao worker --queue redis://…`: takes document jobs from the queue, reads
// each in a document worker process (src/batch/pool.ts: the same time and memory
// limits as the local batch), and stores the report in Redis for the batch's
// coordinator to write into its output folder.
//
// Nothing lost: a job is held under a lock the worker renews; a worker that dies
// (SIGKILL, machine gone) stops renewing, BullMQ's stalled-job check in the other
// workers moves the job back to waiting and another worker takes it. A document
// that has killed its worker on every one of its attempts ends failed.
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import os from 'node:os';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { DocumentPool } from '../batch/pool.ts';
import { round3 } from '../batch/run.ts';
import { TOOL_VERSION } from '../version.ts';
import { closeRedis, connectRedis, maskSecret, parseRedisUrl, QueueSetupError } from './connection.ts';
import {
  checkName,
  DEFAULT_QUEUE_NAME,
  formatFailure,
  KEEP_SECONDS,
  pagesKey,
  PREFIX,
  queueName,
  reportKey,
  RETRYABLE,
  workersKey,
  type DocJobData,
  type DocJobResult,
  type WorkerBeat,
} from './jobs.ts';
import { messageOf } from '../util/errors.ts';

const gzipAsync = promisify(gzip);

export interface WorkerOptions {
  url: string;
  name?: string;
  /** documents at once (default: the cores) */
  jobs?: number;
  /** how long a silent worker keeps its job before it goes to another (lock duration and stalled-check interval), s */
  stallSeconds?: number;
  /** after SIGTERM: how long running documents may go on before their jobs are released, s */
  graceSeconds?: number;
  /** one line per document */
  verbose?: boolean;
  log?: (line: string) => void;
  /** aborted: stop taking jobs, finish the running ones within the grace time, release the rest */
  signal?: AbortSignal;
  /** aborted: release running jobs now */
  releaseSignal?: AbortSignal;
}

export interface WorkerSummary {
  name: string;
  done: number;
  failed: number;
  pages: number;
  released: number;
}

/** What the parts of one worker process share. */
interface WorkerContext {
  options: WorkerOptions;
  log: (line: string) => void;
  /** documents at once */
  jobs: number;
  /** host:pid */
  workerName: string;
  /** how log lines name this worker */
  who: string;
  client: Awaited<ReturnType<typeof connectRedis>>;
  poolFor: (d: DocJobData) => Promise<DocumentPool>;
  pools: Map<string, DocumentPool>;
  stats: Omit<WorkerSummary, 'name'>;
  started: number;
  /** job id → how to release it to another worker */
  running: Map<string, { job: Job; token: string | undefined; release: () => void }>;
  seq: number;
  worker: Worker | null;
}

export async function runWorker(options: WorkerOptions): Promise<WorkerSummary> {
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const jobs = options.jobs ?? os.availableParallelism();
  const stallMs = (options.stallSeconds ?? 30) * 1000;
  const name = options.name ?? DEFAULT_QUEUE_NAME;
  const nameProblem = checkName(name);
  if (nameProblem) throw new QueueSetupError(nameProblem);
  if (!Number.isInteger(jobs) || jobs < 1) throw new QueueSetupError(`--jobs must be a positive integer (got ${jobs})`);
  const target = parseRedisUrl(options.url);
  const workerName = `${os.hostname()}:${process.pid}`;
  const who = `jixiao worker ${workerName}`;
  const client = await connectRedis(target, { log, who, connectionName: `jixiao-worker-${process.pid}` });

  const ocrWorkers = Math.max(1, Math.floor(os.availableParallelism() / jobs));
  const { pools, poolFor } = documentPools(jobs, ocrWorkers);
  const ctx: WorkerContext = {
    options,
    log,
    jobs,
    workerName,
    who,
    client,
    poolFor,
    pools,
    stats: { done: 0, failed: 0, pages: 0, released: 0 },
    started: Date.now(),
    running: new Map(),
    seq: 0,
    worker: null,
  };
  const worker = bullWorker(ctx, name, stallMs, target);
  ctx.worker = worker;
  try {
    return await serve(ctx, worker, `queue ${name} (jixiao ${TOOL_VERSION}) at ${target.shown}`);
  } finally {
    await worker.close(true).catch(() => {});
    await Promise.all([...pools.values()].map((p) => p.close()));
    await closeRedis(client);
  }
}

/** One pool per set of limits the jobs ask for (nearly always one): the batch's limits apply wherever it runs. */
function documentPools(jobs: number, ocrWorkers: number) {
  const pools = new Map<string, DocumentPool>();
  const poolFor = async (d: DocJobData) => {
    const key = `${d.timeoutSeconds}|${d.maxMemoryMb}`;
    let pool = pools.get(key);
    if (!pool) {
      pool = new DocumentPool({
        size: jobs,
        timeoutMs: d.timeoutSeconds * 1000,
        maxMemoryMb: d.maxMemoryMb,
        ocrWorkers,
      });
      pools.set(key, pool);
      await pool.start();
    }
    return pool;
  };
  return { pools, poolFor };
}

/** The BullMQ worker over the queue, not yet running; its errors logged once each. */
function bullWorker(
  ctx: WorkerContext,
  name: string,
  stallMs: number,
  target: ReturnType<typeof parseRedisUrl>,
): Worker<DocJobData, DocJobResult> {
  const worker = new Worker<DocJobData, DocJobResult>(queueName(name), (job, token) => processJob(ctx, job, token), {
    connection: ctx.client,
    prefix: PREFIX,
    concurrency: ctx.jobs,
    name: ctx.workerName,
    lockDuration: stallMs,
    stalledInterval: stallMs,
    // Our own limit (job.data.attempts, checked when a job starts) decides when a document that kills workers ends.
    maxStalledCount: 1_000_000,
    autorun: false,
  });
  let lastError = '';
  worker.on('error', (err) => {
    // Connection trouble is reported once by connectRedis; anything else once per distinct message.
    const text = maskSecret(err.message, target);
    if (/ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|connect/i.test(text) || text === lastError)
      return;
    lastError = text;
    ctx.log(`${ctx.who}: ${text}`);
  });
  return worker;
}

/** The worker's record in Redis, for `jixiao queue status`. */
async function beat(ctx: WorkerContext, stopped = false): Promise<void> {
  if (!ctx.worker) return;
  const b: WorkerBeat = {
    name: ctx.workerName,
    jobs: ctx.jobs,
    started: ctx.started,
    lastSeen: Date.now(),
    ...ctx.stats,
    ...(stopped ? { stopped } : {}),
  };
  await ctx.client.hset(workersKey(ctx.worker), ctx.workerName, JSON.stringify(b));
}

/** Takes jobs until the signal; then finishes the running ones within the grace time and releases the rest. */
async function serve(ctx: WorkerContext, worker: Worker, from: string): Promise<WorkerSummary> {
  const { options, log, who, running } = ctx;
  // A set-up problem (the pipeline cannot load) shows now, not as failed documents.
  try {
    await ctx.poolFor({ timeoutSeconds: 600, maxMemoryMb: 2048 } as DocJobData);
  } catch (err) {
    throw new QueueSetupError(`cannot start a document worker: ${messageOf(err)}`);
  }
  await beat(ctx);
  const heartbeat = setInterval(() => void beat(ctx).catch(() => {}), 5000);
  heartbeat.unref();
  log(`${who}: taking jobs from ${from}, ${ctx.jobs} at a time`);

  const stop = new Promise<void>((resolve) => {
    if (options.signal?.aborted) resolve();
    options.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  const runPromise = worker.run();
  await Promise.race([stop, runPromise]);
  // Stop: no new jobs; running ones finish within the grace time or are released to other workers.
  const releaseAll = () => {
    for (const r of running.values()) r.release();
  };
  const grace = setTimeout(releaseAll, (options.graceSeconds ?? 60) * 1000);
  options.releaseSignal?.addEventListener('abort', releaseAll, { once: true });
  if (running.size > 0)
    log(
      `${who}: stopping: finishing ${running.size} running document(s) (another signal releases them to other workers)`,
    );
  await worker.close();
  clearTimeout(grace);
  clearInterval(heartbeat);
  await beat(ctx, true).catch(() => {});
  await runPromise.catch(() => {});
  return { name: ctx.workerName, ...ctx.stats };
}

/** A job that cannot be read here: made by another jixiao version, or one that has killed its worker on every attempt. */
function refuseJob(ctx: WorkerContext, job: Job<DocJobData, DocJobResult>): void {
  const d = job.data;
  if (d.v !== 1 || d.tool !== TOOL_VERSION) {
    throw new UnrecoverableError(
      formatFailure('error', `a job for jixiao ${d.tool} reached a worker of jixiao ${TOOL_VERSION}`),
    );
  }
  // attemptsStarted counts every start, including those whose worker died: past the limit, the document is the likely cause.
  if (job.attemptsStarted > d.attempts) {
    ctx.stats.failed++;
    throw new UnrecoverableError(
      formatFailure(
        'crashed',
        `the worker reading it stopped without an answer (killed, out of memory or crashed) on each of ${d.attempts} attempts`,
      ),
    );
  }
}

/**
 * One job: the document read in a document worker process, its report stored in Redis for the coordinator.
 * Nothing touches this machine's disk: an inline PDF goes to the worker in memory, the report comes back in memory.
 */
async function processJob(
  ctx: WorkerContext,
  job: Job<DocJobData, DocJobResult>,
  token?: string,
): Promise<DocJobResult> {
  const { options, log, who } = ctx;
  const d = job.data;
  refuseJob(ctx, job);
  const t0 = performance.now();
  const id = ++ctx.seq;
  const hold = holdJob(ctx, job, token);
  try {
    const pool = await ctx.poolFor(d);
    if (options.verbose) log(`${who}: reading ${d.file} (attempt ${job.attemptsStarted} of ${d.attempts})`);
    const result = await Promise.race([
      pool.run({
        id,
        file: d.file,
        ...(d.inline !== undefined
          ? { data: new Uint8Array(Buffer.from(d.inline, 'base64')) }
          : { source: d.pathBytes ? new Uint8Array(Buffer.from(d.pathBytes, 'hex')) : d.path }),
        ocr: d.ocr,
        ocrDpi: d.ocrDpi,
        maxPages: d.maxPages,
      }),
      hold.releasing.then(() => null),
    ]);
    if (hold.released() || result === null) {
      // Shutting down: the job goes back to waiting for another worker; this one does not finish it.
      await job.moveToWait(token);
      ctx.stats.released++;
      throw new WaitingError();
    }
    const seconds = round3((performance.now() - t0) / 1000);
    if (!result.ok) {
      if (options.verbose) log(`${who}: ${d.file}: ${result.code}: ${result.reason}`);
      if (RETRYABLE.has(result.code)) throw new Error(formatFailure(result.code, result.reason));
      ctx.stats.failed++;
      throw new UnrecoverableError(formatFailure(result.code, result.reason));
    }
    await storeReport(ctx, job, result.json!, result.summary.pages);
    if (options.verbose) log(`${who}: ${d.file}: ok, ${result.summary.pages} pages in ${seconds} s`);
    return { status: 'ok', summary: result.summary, seconds, worker: ctx.workerName };
  } finally {
    ctx.running.delete(job.id!);
  }
}

/** Registers a running job so that a stop can release it; `releasing` resolves when it does. */
function holdJob(
  ctx: WorkerContext,
  job: Job,
  token: string | undefined,
): { releasing: Promise<void>; released: () => boolean } {
  let released = false;
  const releasing = new Promise<void>((resolve) => {
    ctx.running.set(job.id!, {
      job,
      token,
      release: () => {
        released = true;
        resolve();
      },
    });
  });
  return { releasing, released: () => released };
}

/** The report, gzipped, where the coordinator takes it from; the pages counted for this minute's rate. */
async function storeReport(ctx: WorkerContext, job: Job, json: string, pages: number): Promise<void> {
  const { client, worker } = ctx;
  await client.set(reportKey(worker!, job.id!), await gzipAsync(json), 'EX', KEEP_SECONDS);
  const minute = Math.floor(Date.now() / 60_000);
  await client.multi().incrby(pagesKey(worker!, minute), pages).expire(pagesKey(worker!, minute), 7200).exec();
  ctx.stats.done++;
  ctx.stats.pages += pages;
}
