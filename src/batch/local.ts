// The local batch: each document read in a child process of this machine's pool (pool.ts), `jobs` at once,
// its manifest line made as it ends.
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import PQueue from 'p-queue';
import { inside, tempPath } from '../util/files.ts';
import { writeOtherFormats } from '../writers/index.ts';
import type { Report } from '../schema/report.ts';
import { DEFAULT_DPI } from '../writers/page-images.ts';
import { asEnvironmentError, BatchSetupError } from './errors.ts';
import { DocumentPool } from './pool.ts';
import type { Job, JobResult } from './protocol.ts';
import { failedRecord, okRecord, round3 } from './records.ts';
import type { BatchItem, BatchPlan, DocumentRunner, Finished, ResolvedBatchOptions } from './types.ts';

/** The local batch: documents read by document processes of this machine. */
export function localRunner(opts: ResolvedBatchOptions): DocumentRunner {
  let pool: DocumentPool | null = null;
  let size = 0;
  const makePool = (documents: number) => {
    size = Math.min(opts.jobs, Math.max(1, documents));
    return new DocumentPool({
      size,
      timeoutMs: opts.timeoutSeconds * 1000,
      maxMemoryMb: opts.maxMemoryMb,
      recycleAfter: opts.recycleAfter,
      // Together no more OCR workers than cores: each document worker gets its share.
      ocrWorkers: Math.max(1, Math.floor(os.availableParallelism() / size)),
    });
  };
  return {
    prepare(expected) {
      // Every worker starts now, loading while the inputs are hashed (on 2 cores the set-up was a second and more
      // of one core busy and the other idle, before the first document).
      pool = makePool(expected);
      pool.warm();
    },
    async start(plan) {
      // Fewer documents than workers started (the rest were done before): a pool of the right size instead.
      if (pool && size !== Math.min(opts.jobs, Math.max(1, plan.toRun.length))) {
        await pool.close();
        pool = null;
      }
      pool ??= makePool(plan.toRun.length);
      try {
        await pool.start();
      } catch (err) {
        throw new BatchSetupError(
          `cannot start a document worker: ${err instanceof Error ? err.message : String(err)}`,
        );
      }
    },
    async run(plan, finished) {
      if (pool) await readOnPool(pool, plan, finished);
    },
    async close() {
      await pool?.close();
    },
  };
}

/**
 * Reads the plan's documents on the pool, `jobs` at once; stops early on the signal or on an error of the machine.
 * A document's process takes the next document as soon as it answers: its manifest line (an fsync) and its rows are
 * recorded meanwhile, at most `jobs` documents behind.
 */
async function readOnPool(p: DocumentPool, plan: BatchPlan, finished: Finished): Promise<void> {
  const { opts } = plan;
  const queue = new PQueue({ concurrency: opts.jobs });
  // A stop (the signal) or an error of the machine (a full disk): no document starts, the running ones are cut short.
  let failure: unknown = null;
  const halted = () => !!opts.signal?.aborted || failure !== null;
  const halt = () => {
    queue.clear();
    void p.close();
  };
  const fail = (err: unknown) => {
    failure ??= err;
    halt();
  };
  opts.signal?.addEventListener('abort', halt, { once: true });
  /** documents answered whose lines are being recorded */
  const recording = new Set<Promise<void>>();
  const record = async (item: BatchItem, tmp: string, result: JobResult, seconds: number) => {
    if (result.ok) {
      // The worker wrote the report JSON; the other formats of a document are rendered from it here (before its line).
      await writeOtherFormats(inside(plan.root, 'docs'), item.name, async () => parsed(item.target));
      return finished(item, okRecord(item, plan.base, result.summary, seconds), result.parts);
    }
    await rm(tmp, { force: true });
    // The worker could not write (or open) a file for want of space, quota, descriptors: not the document's fault.
    if (result.code === 'environment') {
      const where = result.path ?? item.target;
      throw await asEnvironmentError({ code: result.errno }, where, where === item.file ? 'reading' : 'writing');
    }
    await finished(item, { ...failedRecord(item, plan.base, result.code, result.reason), seconds });
  };
  let id = 0;
  const read = async (item: BatchItem) => {
    if (halted()) return;
    opts.onEvent?.({ type: 'started', index: item.index, path: item.file });
    const t0 = performance.now();
    const job = jobOf(++id, item, plan);
    const result = await p.run(job);
    // A stopped run records nothing for the documents it cut short: the next run redoes them.
    if (halted()) return;
    const seconds = round3((performance.now() - t0) / 1000);
    const done = record(item, job.tmp!, result, seconds).catch(fail);
    recording.add(done);
    void done.finally(() => recording.delete(done));
    // Recording slower than reading (a slow disk): the processes wait rather than answers pile up.
    while (recording.size > opts.jobs) await Promise.race(recording);
  };
  try {
    await queue.addAll(plan.toRun.map((item) => () => read(item).catch(fail)));
  } catch (err) {
    // p-queue's clear() rejects the tasks it drops (AbortError): a stop, not a failure. The running ones end with their worker.
    if (!halted()) throw err;
  } finally {
    await queue.onIdle();
    await Promise.all(recording);
    opts.signal?.removeEventListener('abort', halt);
  }
  if (failure) throw failure;
}

async function parsed(file: string): Promise<Report> {
  return JSON.parse(await readFile(file, 'utf8')) as Report;
}

/** What a document worker is told to do with one input. */
function jobOf(id: number, item: BatchItem, plan: BatchPlan): Job {
  const { opts } = plan;
  return {
    id,
    file: item.file,
    ...(item.raw && { source: new Uint8Array(item.raw) }),
    target: item.target,
    tmp: tempPath(item.target),
    doc: item.doc,
    ocr: opts.ocr,
    ocrDpi: opts.ocrDpi,
    ocrEngine: opts.ocrEngine,
    maxPages: opts.maxPages,
    timings: opts.timings,
    ...(opts.pageImages && {
      pageImages: { dir: inside(plan.root, item.pagesDir), dpi: DEFAULT_DPI, all: opts.pageImages !== 'findings' },
    }),
  };
}
