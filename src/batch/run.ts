// `jixiao batch`: many PDFs, in parallel, resumable, every input accounted
// for. The order of things is what makes a killed run lose nothing:
//   docs/<name>.json is renamed into place → then its manifest line is
//   appended and fsync'd → a run started again skips inputs whose line (same
//   content hash, tool version and output-changing options) and file exist.
// At the end the manifest is rewritten with one line per input, in input
// order, and the tables are rebuilt from the documents.
import { lstat, mkdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import PQueue from 'p-queue';
import { DEFAULT_OPTIONS } from '../pipeline/extract.ts';
import { DEFAULT_ENGINE, type OcrEngineName } from '../ocr/types.ts';
import type { OcrMode } from '../pipeline/read-pages.ts';
import { NOT_PDF } from '../pdf/errors.ts';
import type { TableCounts, TableInput } from '../writers/csv.ts';
import { assertRealInside, inside, removeTempFiles, tempPath } from '../writers/files.ts';
import { DEFAULT_DPI, PAGES_JSON } from '../writers/page-images.ts';
import { CSV_TABLES, MANIFEST, REPORT_JSON } from '../writers/index.ts';
import { ManifestWriter, NO_FINDINGS, readManifest, type ManifestRecord } from '../writers/manifest.ts';
import type { Report } from '../schema/report.ts';
import { TOOL_VERSION } from '../version.ts';
import { honourCorrections, type CorrectionsDone } from './corrections.ts';
import { asEnvironmentError, BatchEnvironmentError, BatchSetupError, environmentCode } from './errors.ts';
import { prepareOutput } from './folder.ts';
import { hashFile, RefusedInput } from './input-file.ts';
import { expandInputs } from './inputs.ts';
import { lockFolder } from './lock.ts';
import { uniqueNames } from '../writers/names.ts';
import { DocumentPool } from './pool.ts';
import { Progress, type ProgressMode, type ProgressState } from './progress.ts';
import type { DocSummary, Job } from './protocol.ts';

export interface BatchOptions {
  /** files, folders, globs; or a name's own bytes (one that is not UTF-8, as the CLI passes it) */
  inputs: (string | Buffer)[];
  out: string;
  /** documents at once (default: the number of cores) */
  jobs?: number;
  /** per document, seconds (default 600) */
  timeoutSeconds?: number;
  /** per document, MB of its process's resident memory, its OCR workers included (default 2048, at least 256) */
  maxMemoryMb?: number;
  /** a document declaring more pages fails without being read (default 2000) */
  maxPages?: number;
  /** redo every document, ignoring what earlier runs finished */
  force?: boolean;
  /** redo documents that failed in an earlier run with the same options */
  retryFailed?: boolean;
  ocr?: OcrMode;
  ocrDpi?: number;
  ocrEngine?: OcrEngineName;
  /** each report carries its stage times in tool.timings (default off) */
  timings?: boolean;
  /**
   * also draw each document's pages into DIR/pages/<name>/ while it is open (default off), for
   * `jixiao report DIR` to copy instead of opening every PDF again
   */
  pageImages?: boolean;
  /** default: a bar on a terminal, lines otherwise */
  progress?: ProgressMode;
  progressIntervalMs?: number;
  /** replace a worker after this many documents (default 1000; one holding 60 % of --max-memory between documents is replaced at once) */
  recycleAfter?: number;
  /** stop starting documents; running ones are stopped and not recorded */
  signal?: AbortSignal;
  /** told as each input starts and as it ends with its manifest line (the library's runBatch events) */
  onEvent?: (event: BatchEvent) => void;
}

/** One input's progress: `started` when its document is handed to a worker; one of the others when its manifest line is known. */
export type BatchEvent =
  | { type: 'started'; index: number; path: string }
  | { type: 'done' | 'failed' | 'skipped'; index: number; path: string; record: ManifestRecord; reused: boolean };

export interface BatchResult {
  total: number;
  ok: number;
  failed: number;
  skipped: number;
  /** finished by an earlier run and kept */
  reused: number;
  pages: number;
  seconds: number;
  /** 0 all ok, 1 some failed, 130 interrupted */
  exitCode: number;
  out: string;
  tables: TableCounts | null;
  /** what DIR/corrections.jsonl did to the documents (absent when the folder has none) */
  corrections?: CorrectionsDone;
}

export { BatchEnvironmentError, BatchSetupError };

export const DEFAULTS = {
  timeoutSeconds: 600,
  maxMemoryMb: 2048,
  maxPages: 2000,
  ocr: DEFAULT_OPTIONS.ocr,
  ocrDpi: DEFAULT_OPTIONS.ocrDpi,
  ocrEngine: DEFAULT_ENGINE,
} as const;

/** Failures that say something about the file itself rather than the machine it was read on: kept on resume. */
export const ENVIRONMENTAL: ReadonlySet<string> = new Set(['not-found', 'unreadable', 'environment']);

/** One input of a batch as it goes through a run. */
export interface BatchItem {
  /** position among the inputs, as expanded */
  index: number;
  /** the input's name as shown and recorded (a name that is not UTF-8: decoded, a replacement character a byte) */
  file: string;
  /** its own bytes when it is not UTF-8: what is opened (and recorded as pathBytes), else null */
  raw: Buffer | null;
  /** it does not start as a PDF does (found while hashing, which stopped there) */
  notPdf?: boolean;
  name: string;
  /** docs/<name>.json relative to the output folder */
  doc: string;
  target: string;
  /** pages/<name> relative to the output folder: where --page-images draws its pages */
  pagesDir: string;
  sha256: string | null;
  bytes: number | null;
  record: ManifestRecord | null;
  /** finished before this run */
  reused: boolean;
}

/** What every manifest line of this run records its result depends on. */
export type RunBase = Pick<ManifestRecord, 'tool' | 'ocr' | 'ocrDpi' | 'ocrEngine' | 'limits' | 'timings'>;

export type ResolvedBatchOptions = Required<Omit<BatchOptions, 'signal' | 'onEvent'>> &
  Pick<BatchOptions, 'signal' | 'onEvent'>;

/** A batch after its inputs were hashed and matched against the manifest: what is left to run. */
export interface BatchPlan {
  opts: ResolvedBatchOptions;
  root: string;
  items: BatchItem[];
  /** the inputs to read in this run (one per distinct content) */
  toRun: BatchItem[];
  base: RunBase;
  /** later inputs with the same content as an earlier one, each with that first one: told and recorded at the end */
  duplicates: [BatchItem, BatchItem][];
  /** DIR/manifest.jsonl */
  manifest: string;
}

/**
 * How the documents of a batch are read: by worker threads here (the local batch) or by workers taking
 * jobs from a queue (src/queue/). Planning, the manifest, docs/ and the tables are the same code for both.
 */
export interface DocumentRunner {
  /** Set-up before progress shows (start a worker, connect); throws BatchSetupError when nothing can run. */
  start(plan: BatchPlan): Promise<void>;
  /** Reads plan.toRun, calling `finished` once for each document that ended (not for those a stop cut short). */
  run(plan: BatchPlan, finished: (item: BatchItem, record: ManifestRecord) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

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
    const plan = await planBatch(opts, root, files, raws);
    const state = await runPlan(plan, makeRunner(opts));
    if (opts.signal?.aborted) return summary(plan.items, state, started, 130, root, null);
    const { tables, corrections } = await finishBatch(plan);
    const anyFailed = plan.items.some((i) => i.record!.status === 'failed');
    return {
      ...summary(plan.items, state, started, anyFailed ? 1 : 0, root, tables),
      ...(corrections && { corrections }),
    };
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

/** What is left to read: temporary files of a killed run removed, inputs hashed and matched against the manifest. */
async function planBatch(
  opts: ResolvedBatchOptions,
  root: string,
  files: string[],
  raws: (Buffer | null)[],
): Promise<BatchPlan> {
  const manifest = inside(root, 'manifest.jsonl');
  await removeTempFiles(root, inside(root, 'docs'));
  if (opts.force) await rm(manifest, { force: true });
  const previous = latestByPath(await readManifest(manifest));
  const limits = { timeout: opts.timeoutSeconds, maxMemoryMb: opts.maxMemoryMb, maxPages: opts.maxPages };
  const base: RunBase = {
    tool: TOOL_VERSION,
    ocr: opts.ocr,
    ocrDpi: opts.ocrDpi,
    ocrEngine: opts.ocrEngine,
    limits,
    ...(opts.timings ? { timings: true } : {}),
  };

  const names = uniqueNames(files);
  if (opts.pageImages) await preparePagesFolder(root);
  const items: BatchItem[] = files.map((file, i) => {
    const raw = raws[i] ?? null;
    const doc = `docs/${REPORT_JSON.documentPath(names[i]!)}`;
    return {
      index: i,
      file,
      raw,
      name: names[i]!,
      doc,
      target: inside(root, doc),
      pagesDir: `pages/${names[i]!}`,
      sha256: null,
      bytes: null,
      record: null,
      reused: false,
    };
  });
  // Content hashes first: they decide what an earlier run already did and which inputs are the same file twice.
  await hashAll(items, base);

  const { toRun, duplicates } = await sortOut(items, previous, base, opts, root);
  return { opts, root, items, toRun, base, duplicates, manifest };
}

/** Each hashed input: kept from an earlier run, the same content as an earlier input, or to be read now. */
async function sortOut(
  items: BatchItem[],
  previous: Map<string, ManifestRecord>,
  base: RunBase,
  opts: ResolvedBatchOptions,
  root: string,
): Promise<Pick<BatchPlan, 'toRun' | 'duplicates'>> {
  const firstByKey = new Map<string, BatchItem>();
  const duplicates: [BatchItem, BatchItem][] = [];
  const toRun: BatchItem[] = [];
  const keep = async (item: BatchItem) => {
    const before = opts.force ? undefined : previous.get(keyOf(item.file, item.raw));
    if (!before || !(await reusable(before, item, base, opts, root))) return false;
    item.record = before;
    item.reused = true;
    return true;
  };
  for (const item of items) {
    if (item.record) continue;
    // No content hash (it was not read): an earlier run's line for it stands, else it fails here, unread.
    if (item.notPdf) {
      if (!(await keep(item))) item.record = failedRecord(item, base, 'not-pdf', NOT_PDF);
      continue;
    }
    const key = `${item.sha256}|${base.tool}|${base.ocr}|${base.ocrDpi}|${base.ocrEngine}`;
    const first = firstByKey.get(key);
    if (first) {
      duplicates.push([item, first]);
      continue;
    }
    firstByKey.set(key, item);
    if (!(await keep(item))) toRun.push(item);
  }
  return { toRun, duplicates };
}

/** sha256 and size of every input; one that cannot be read (or is no regular file) gets its failed line here. */
async function hashAll(items: BatchItem[], base: RunBase): Promise<void> {
  let stop: unknown = null;
  const hashing = new PQueue({ concurrency: 4 });
  await hashing.addAll(
    items.map((item) => async () => {
      try {
        const h = await hashFile(item.raw ?? item.file);
        item.sha256 = h.sha256;
        item.bytes = h.bytes;
        // Not read past its first megabyte, nor given to a worker: a 900 MB file that is no PDF is said so at once.
        if (!h.pdf && h.bytes > 0) item.notPdf = true;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (err instanceof RefusedInput) item.record = failedRecord(item, base, err.code, err.message);
        else if (environmentCode(err)) stop ??= await asEnvironmentError(err, item.file, 'reading');
        else
          item.record = failedRecord(
            item,
            base,
            code === 'ENOENT' ? 'not-found' : 'unreadable',
            `cannot read file (${code ?? String(err)})`,
          );
      }
    }),
  );
  if (stop) throw stop;
}

/** Reads the plan's documents through `runner`, appending each one's manifest line as it ends; the progress counts. */
async function runPlan(plan: BatchPlan, runner: DocumentRunner): Promise<ProgressState> {
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
    if (toRun.length > 0) await runner.start(plan);
    progress = new Progress(opts.progress, state, opts.progressIntervalMs);
    await runner.run(plan, async (item, record) => {
      await writer.append(record).catch(async (err) => {
        throw (await asEnvironmentError(err, plan.manifest)) ?? err;
      });
      if (record.status === 'ok') state.pages += record.pages ?? 0;
      else state.failed++;
      item.record = record;
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

/** After a whole run: duplicates pointed at their first, the corrections applied, the manifest rewritten in input order, the tables rebuilt. */
async function finishBatch(plan: BatchPlan): Promise<{ tables: TableCounts; corrections: CorrectionsDone | null }> {
  for (const [item, first] of plan.duplicates) {
    const f = first.record!;
    item.record = {
      ...f,
      path: item.file,
      ...pathBytesOf(item),
      status: 'skipped',
      code: 'duplicate',
      reason: `same content as ${first.file}${f.status === 'ok' ? '' : ` (which ${f.status === 'failed' ? 'failed' : 'was skipped'}: ${f.reason})`}`,
      doc: f.status === 'ok' ? f.doc : null,
      pages: null,
      ocrPages: null,
      seconds: 0,
      findings: { ...NO_FINDINGS },
    };
    delete item.record.worker;
    tell(plan.opts, item);
  }
  const records = plan.items.map((i) => i.record!);
  try {
    // Only the documents of inputs that ended ok stay in docs/ under this run's names.
    for (const item of plan.items) if (item.record!.status !== 'ok') await rm(item.target, { force: true });
    const corrections = await honourCorrections(plan.root, records);
    const outputs = { records, documents: () => tableInputs(plan.root, records) };
    await MANIFEST.finish(plan.root, outputs);
    return { tables: await CSV_TABLES.finish(plan.root, outputs), corrections };
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

/** The local batch: documents read by worker threads of this process. */
function localRunner(opts: ResolvedBatchOptions): DocumentRunner {
  let pool: DocumentPool | null = null;
  return {
    async start(plan) {
      const size = Math.min(opts.jobs, Math.max(1, plan.toRun.length));
      pool = new DocumentPool({
        size,
        timeoutMs: opts.timeoutSeconds * 1000,
        maxMemoryMb: opts.maxMemoryMb,
        recycleAfter: opts.recycleAfter,
        // Together no more OCR workers than cores: each document worker gets its share.
        ocrWorkers: Math.max(1, Math.floor(os.availableParallelism() / size)),
      });
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

/** Reads the plan's documents on the pool, `jobs` at once; stops early on the signal or on an error of the machine. */
async function readOnPool(
  p: DocumentPool,
  plan: BatchPlan,
  finished: (item: BatchItem, record: ManifestRecord) => Promise<void>,
): Promise<void> {
  const { opts } = plan;
  const queue = new PQueue({ concurrency: opts.jobs });
  // A stop (the signal) or an error of the machine (a full disk): no document starts, the running ones are cut short.
  let failure: unknown = null;
  const halted = () => !!opts.signal?.aborted || failure !== null;
  const halt = () => {
    queue.clear();
    void p.close();
  };
  opts.signal?.addEventListener('abort', halt, { once: true });
  let id = 0;
  const read = async (item: BatchItem) => {
    if (halted()) return;
    opts.onEvent?.({ type: 'started', index: item.index, path: item.file });
    const t0 = performance.now();
    const job = jobOf(++id, item, plan);
    const tmp = job.tmp!;
    const result = await p.run(job);
    // A stopped run records nothing for the documents it cut short: the next run redoes them.
    if (halted()) return;
    const seconds = round3((performance.now() - t0) / 1000);
    if (result.ok) return finished(item, okRecord(item, plan.base, result.summary, seconds));
    await rm(tmp, { force: true });
    // The worker could not write (or open) a file for want of space, quota, descriptors: not the document's fault.
    if (result.code === 'environment') {
      const where = result.path ?? item.target;
      throw await asEnvironmentError({ code: result.errno }, where, where === item.file ? 'reading' : 'writing');
    }
    await finished(item, { ...failedRecord(item, plan.base, result.code, result.reason), seconds });
  };
  try {
    await queue.addAll(
      plan.toRun.map(
        (item) => () =>
          read(item).catch((err: unknown) => {
            failure ??= err;
            halt();
          }),
      ),
    );
  } catch (err) {
    // p-queue's clear() rejects the tasks it drops (AbortError): a stop, not a failure. The running ones end with their worker.
    if (!halted()) throw err;
  } finally {
    await queue.onIdle();
    opts.signal?.removeEventListener('abort', halt);
  }
  if (failure) throw failure;
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
    ocr: opts.ocr,
    ocrDpi: opts.ocrDpi,
    ocrEngine: opts.ocrEngine,
    maxPages: opts.maxPages,
    timings: opts.timings,
    ...(opts.pageImages && { pageImages: { dir: inside(plan.root, item.pagesDir), dpi: DEFAULT_DPI } }),
  };
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

/** The manifest line of a document that was read. */
export function okRecord(item: BatchItem, base: RunBase, s: DocSummary, seconds: number): ManifestRecord {
  return {
    path: item.file,
    ...pathBytesOf(item),
    sha256: s.sha256,
    bytes: item.bytes,
    status: 'ok',
    code: null,
    reason: null,
    doc: item.doc,
    pages: s.pages,
    ocrPages: s.ocrPages,
    seconds,
    findings: s.findings,
    ...(s.pageImages && { pageImages: item.pagesDir }),
    ...base,
  };
}

/** The manifest line of a document that failed. */
export function failedRecord(item: BatchItem, base: RunBase, code: string, reason: string): ManifestRecord {
  return {
    path: item.file,
    ...pathBytesOf(item),
    sha256: item.sha256,
    bytes: item.bytes,
    status: 'failed',
    code,
    reason,
    doc: null,
    pages: null,
    ocrPages: null,
    seconds: 0,
    findings: { ...NO_FINDINGS },
    ...base,
  };
}

/** Whether an earlier run's line for this input stands: same content, version and options, and (if ok) its file is there. */
async function reusable(
  r: ManifestRecord,
  item: BatchItem,
  base: RunBase,
  opts: Pick<ResolvedBatchOptions, 'retryFailed' | 'pageImages'>,
  root: string,
): Promise<boolean> {
  if (
    r.sha256 !== item.sha256 ||
    r.tool !== base.tool ||
    r.ocr !== base.ocr ||
    r.ocrDpi !== base.ocrDpi ||
    (r.ocrEngine ?? 'tesseract') !== base.ocrEngine
  )
    return false;
  if (!!r.timings !== !!base.timings) return false;
  if (r.status === 'ok') {
    if (r.doc !== item.doc) return false;
    // asked for page images that an earlier run did not draw (or that are gone): read it again
    if (opts.pageImages && (r.pageImages !== item.pagesDir || !(await isFile(inside(root, r.pageImages, PAGES_JSON)))))
      return false;
    return isFile(inside(root, r.doc));
  }
  if (r.status === 'failed') {
    if (opts.retryFailed || ENVIRONMENTAL.has(r.code ?? '')) return false;
    const l = r.limits;
    return (
      !!l &&
      l.timeout === base.limits.timeout &&
      l.maxMemoryMb === base.limits.maxMemoryMb &&
      l.maxPages === base.limits.maxPages
    );
  }
  return false;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await lstat(file)).isFile();
  } catch {
    return false;
  }
}

/** DIR/pages, made and checked to be a real folder inside DIR (not a link out of it). */
async function preparePagesFolder(root: string): Promise<void> {
  const dir = inside(root, 'pages');
  await mkdir(dir, { recursive: true });
  await assertRealInside(root, dir);
}

/** The last line for each path (a later run's outcome replaces an earlier one). */
function latestByPath(records: ManifestRecord[]): Map<string, ManifestRecord> {
  const out = new Map<string, ManifestRecord>();
  for (const r of records) out.set(r.pathBytes ? `bytes:${r.pathBytes}` : r.path, r);
  return out;
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

export function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function withoutUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The key an input's manifest lines are found by: its bytes when its name is not UTF-8 (names that decode alike differ). */
export function keyOf(file: string, raw: Buffer | null): string {
  return raw ? `bytes:${raw.toString('hex')}` : file;
}

/** A name that is not UTF-8 is recorded with its own bytes (hex) beside the name as shown. */
function pathBytesOf(item: BatchItem): { pathBytes?: string } {
  return item.raw ? { pathBytes: item.raw.toString('hex') } : {};
}
