// What is left to read: a batch's inputs hashed and matched against the manifest an earlier run left —
// kept (same content, version and options, and its file there), the same content as an earlier input, or
// to be read now.
import { lstat, mkdir, readFile, rm } from 'node:fs/promises';
import PQueue from 'p-queue';
import { NOT_PDF } from '../pdf/errors.ts';
import { assertRealInside, inside, removeTempFiles } from '../util/files.ts';
import { DOCUMENT_WRITERS, documentFiles } from '../writers/index.ts';
import { readManifest, type ManifestRecord } from '../writers/manifest.ts';
import { uniqueNames } from '../writers/names.ts';
import { PAGES_JSON } from '../writers/page-images.ts';
import { TOOL_VERSION } from '../version.ts';
import { asEnvironmentError, environmentCode } from './errors.ts';
import { hashFile, RefusedInput } from './input-file.ts';
import { failedRecord, keyOf } from './records.ts';
import type { BatchItem, BatchPlan, ResolvedBatchOptions, RunBase } from './types.ts';

/** Failures that say something about the file itself rather than the machine it was read on: kept on resume. */
export const ENVIRONMENTAL: ReadonlySet<string> = new Set(['not-found', 'unreadable', 'environment']);

/** What is left to read: temporary files of a killed run removed, inputs hashed and matched against the manifest. */
export async function planBatch(
  opts: ResolvedBatchOptions,
  root: string,
  files: string[],
  raws: (Buffer | null)[],
  /** called before hashing with the inputs that have no line an earlier run left (or all, with --force), if any */
  likelyWork?: (expected: number) => void,
): Promise<BatchPlan> {
  const manifest = inside(root, 'manifest.jsonl');
  await removeTempFiles(root, inside(root, 'docs'));
  if (opts.force) await rm(manifest, { force: true });
  const previous = latestByPath(await readManifest(manifest));
  const unseen = opts.force ? files.length : files.filter((f, i) => !previous.has(keyOf(f, raws[i] ?? null))).length;
  if (unseen > 0) likelyWork?.(unseen);
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
  const docs = inside(root, 'docs');
  const items: BatchItem[] = files.map((file, i) => {
    const raw = raws[i] ?? null;
    const doc = `docs/${DOCUMENT_WRITERS[0].documentPath(names[i]!)}`;
    return {
      index: i,
      file,
      raw,
      name: names[i]!,
      doc,
      target: inside(root, doc),
      files: documentFiles(docs, names[i]!),
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

/** Whether an earlier run's line for this input stands: same content, version and options, and (if ok) its files are there. */
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
    // every page asked for, where an earlier run drew those of its findings only
    if (opts.pageImages === true && !(await drewEvery(inside(root, item.pagesDir, PAGES_JSON), r.pages))) return false;
    // every format of the document is there (the report JSON is `r.doc`, checked equal to item.doc above)
    for (const file of item.files) if (!(await isFile(file))) return false;
    return true;
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

/** Whether a pages.json lists `pages` pages (drawn by `--page-images all`, not `findings`). */
async function drewEvery(pagesJson: string, pages: number | null): Promise<boolean> {
  try {
    const drawn = (JSON.parse(await readFile(pagesJson, 'utf8')) as { pages?: unknown[] }).pages;
    return Array.isArray(drawn) && pages !== null && drawn.length === pages;
  } catch {
    return false;
  }
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
