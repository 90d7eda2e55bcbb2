// `jixiao batch`: many PDFs, in parallel, resumable, every input accounted
// for. The order of things is what makes a killed run lose nothing:
//   docs/<name>.json (and any other format of DOCUMENT_WRITERS) is renamed
//   into place → then its manifest line is appended and fsync'd → a run
//   started again skips inputs whose line (same content hash, tool version
//   and output-changing options) and files exist.
// At the end the writers of RUN_WRITERS write the run's files: the manifest
// rewritten with one line per input, in input order, the tables rebuilt. Planning is plan.ts,
// the local reading local.ts, the manifest lines records.ts.
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { DEFAULT_OPTIONS } from '../pipeline/options.ts';
import { DEFAULT_ENGINE } from '../ocr/types.ts';
import type { TableCounts, TableInput } from '../writers/csv.ts';
import { inside } from '../util/files.ts';
import { RUN_WRITERS, type RunWritten } from '../writers/index.ts';
import { ManifestWriter, type ManifestRecord } from '../writers/manifest.ts';
import type { Report } from '../schema/report.ts';
import { honourCorrections, type CorrectionsDone } from './corrections.ts';
import { asEnvironmentError, BatchEnvironmentError, BatchSetupError } from './errors.ts';
import { prepareOutput } from './folder.ts';
import { expandInputs } from './inputs.ts';
import { localRunner } from './local.ts';
import { lockFolder } from './lock.ts';
import { planBatch } from './plan.ts';
import { InOrderWriters } from './in-order.ts';
import { Progress, type ProgressMode, type ProgressState } from './progress.ts';
import { duplicateRecord, round3 } from './records.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import type { BatchItem, BatchOptions, BatchPlan, BatchResult, DocumentRunner, ResolvedBatchOptions } from './types.ts';

export type {
  BatchEvent,
  BatchItem,
  BatchOptions,
  BatchPlan,
  BatchResult,
  DocumentRunner,
  ResolvedBatchOptions,
  RunBase,
} from './types.ts';
export { ENVIRONMENTAL } from './plan.ts';
export { failedRecord, keyOf, okRecord, round3 } from './records.ts';

export { BatchEnvironmentError, BatchSetupError };

export const DEFAULTS = {
  ...DEFAULT_LIMITS,
  ocr: DEFAULT_OPTIONS.ocr,
  ocrDpi: DEFAULT_OPTIONS.ocrDpi,
  ocrEngine: DEFAULT_ENGINE,
} as const;

export async function runBatch(options: BatchOptions): Promise<BatchResult> {
  return runWith(options, (opts) => localRunner(opts));
}

/** Runs a batch whose documents are read by the runner `makeRunner` returns: plan, run, finish. */
export async function runWith(
  options: BatchOptions,
  makeRunner: (opts: ResolvedBatchOptions) => DocumentRunner,
): Promise<BatchResult> {
  const started = performance.now();
  const opts = resolveOptions(options);
  const { files, raws, problems } = await expandInputs(opts.inputs);
  if (problems.length > 0) throw new BatchSetupError(problems.join('\n'));
  if (files.length === 0) throw new BatchSetupError('no PDF files found in the inputs');

  const root = await prepareOutput(opts.out);
  const unlock = await lockFolder(root);
  try {
    const runner = makeRunner(opts);
    // The runner's set-up (document processes starting) overlaps the hashing, once work is expected.
    const plan = await planBatch(opts, root, files, raws, (n) => runner.prepare?.(n)).catch(async (err: unknown) => {
      await runner.close();
      throw err;
    });
    const inOrder = await InOrderWriters.open(plan).catch(async (err: unknown) => {
      await runner.close();
      throw (await asEnvironmentError(err, (err as NodeJS.ErrnoException).path ?? root)) ?? err;
    });
    try {
      const state = await runPlan(plan, runner, inOrder);
      if (opts.signal?.aborted) return summary(plan.items, state, started, 130, root, null);
      const { tables, corrections } = await finishBatch(plan, inOrder);
      const anyFailed = plan.items.some((i) => i.record!.status === 'failed');
      return {
        ...summary(plan.items, state, started, anyFailed ? 1 : 0, root, tables),
        ...(corrections && { corrections }),
      };
    } finally {
      await inOrder?.abandon();
    }
  } finally {
    await unlock();
  }
}

function resolveOptions(options: BatchOptions): ResolvedBatchOptions {
  const opts: ResolvedBatchOptions = {
    ...DEFAULTS,
    jobs: os.availableParallelism(),
    force: false,
    retryFailed: false,
    timings: false,
    pageImages: false,
    recycleAfter: 1000,
    progressIntervalMs: 10_000,
    progress: (process.stderr.isTTY ? 'bar' : 'lines') as ProgressMode,
    ...withoutUndefined(options),
  } as ResolvedBatchOptions;
  if (!Number.isInteger(opts.jobs) || opts.jobs < 1)
    throw new BatchSetupError(`--jobs must be a positive integer (got ${opts.jobs})`);
  if (!(opts.timeoutSeconds > 0)) throw new BatchSetupError(`--timeout must be positive (got ${opts.timeoutSeconds})`);
  if (!(opts.maxMemoryMb >= 256))
    throw new BatchSetupError(`--max-memory must be at least 256 MB (got ${opts.maxMemoryMb})`);
  return opts;
}

/** Reads the plan's documents through `runner`, appending each one's manifest line as it ends; the progress counts. */
async function runPlan(
  plan: BatchPlan,
  runner: DocumentRunner,
  inOrder: InOrderWriters | null,
): Promise<ProgressState> {
  const { opts, items, toRun } = plan;
  const state: ProgressState = { total: items.length, reused: 0, done: 0, failed: 0, pages: 0 };
  for (const item of items) {
    if (!item.record) continue;
    state.done++;
    if (item.record.status === 'failed') state.failed++;
  }
  state.done += plan.duplicates.length;
  state.reused = state.done;

  const writer = await ManifestWriter.open(plan.manifest).catch(async (err) => {
    throw (await asEnvironmentError(err, plan.manifest)) ?? err;
  });
  let progress: Progress | null = null;
  try {
    // Hash failures are outcomes too: on disk before any document runs.
    for (const item of items)
      if (item.record && !item.reused && item.record.status === 'failed') await writer.append(item.record);
    for (const item of items) if (item.record) tell(opts, item);
    // The run's tables take what is done as it is done, not waiting for it (a failure there is said at the end).
    void inOrder?.advance();
    if (toRun.length > 0) await runner.start(plan);
    progress = new Progress(opts.progress, state, opts.progressIntervalMs);
    await runner.run(plan, async (item, record, parts) => {
      await writer.append(record).catch(async (err) => {
        throw (await asEnvironmentError(err, plan.manifest)) ?? err;
      });
      if (record.status === 'ok') state.pages += record.pages ?? 0;
      else state.failed++;
      item.record = record;
      if (parts && record.status === 'ok') inOrder?.hold(item, parts);
      void inOrder?.advance();
      tell(opts, item);
      state.done++;
      progress?.update();
    });
  } catch (err) {
    const path = (err as NodeJS.ErrnoException).path ?? plan.root;
    throw (await asEnvironmentError(err, path)) ?? err;
  } finally {
    progress?.stop();
    await runner.close();
    await writer.close();
  }
  return state;
}

/** After a whole run: duplicates pointed at their first, the corrections applied, then the run's writers (the manifest rewritten in input order, the tables rebuilt). */
async function finishBatch(
  plan: BatchPlan,
  inOrder: InOrderWriters | null,
): Promise<{ tables: TableCounts | null; corrections: CorrectionsDone | null }> {
  for (const [item, first] of plan.duplicates) {
    item.record = duplicateRecord(item, first);
    tell(plan.opts, item);
  }
  const records = plan.items.map((i) => i.record!);
  try {
    // Only the documents of inputs that ended ok stay in docs/ under this run's names.
    for (const item of plan.items)
      if (item.record!.status !== 'ok') for (const file of item.files) await rm(file, { force: true });
    const names = new Map(plan.items.map((i) => [i.doc, i.name]));
    const corrections = await honourCorrections(plan.root, records, names);
    const outputs = { records, documents: () => tableInputs(plan.root, records) };
    // Corrections that came during the run changed documents the streams already have: written from docs/ instead.
    const streams = corrections ? null : inOrder;
    const written: RunWritten = {};
    for (const writer of RUN_WRITERS) {
      const stream = await streams?.streamOf(writer);
      Object.assign(written, stream ? await stream.finish() : await writer.finish(plan.root, outputs));
    }
    return { tables: written.tables ?? null, corrections };
  } catch (err) {
    throw (await asEnvironmentError(err, (err as NodeJS.ErrnoException).path ?? plan.root)) ?? err;
  }
}

/** The library's event for an input whose manifest line is known. */
function tell(opts: ResolvedBatchOptions, item: BatchItem): void {
  const record = item.record!;
  opts.onEvent?.({
    type: record.status === 'ok' ? 'done' : record.status,
    index: item.index,
    path: item.file,
    record,
    reused: item.reused,
  });
}

function summary(
  items: BatchItem[],
  state: ProgressState,
  started: number,
  exitCode: number,
  out: string,
  tables: TableCounts | null,
): BatchResult {
  const count = (s: string) => items.filter((i) => i.record?.status === s).length;
  return {
    total: items.length,
    ok: count('ok'),
    failed: count('failed'),
    skipped: count('skipped'),
    reused: items.filter((i) => i.reused).length,
    pages: state.pages,
    seconds: round3((performance.now() - started) / 1000),
    exitCode,
    out,
    tables,
  };
}

async function* tableInputs(root: string, records: ManifestRecord[]): AsyncGenerator<TableInput> {
  for (const record of records) {
    if (record.status !== 'ok' || !record.doc) {
      yield { record, report: null };
      continue;
    }
    yield { record, report: JSON.parse(await readFile(inside(root, record.doc), 'utf8')) as Report };
  }
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
