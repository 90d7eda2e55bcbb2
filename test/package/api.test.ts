// The library API from the sources (the same module the package builds into
// dist/api/index.js): what each verb returns, its errors, the batch's events
// and how a signal stops it, the OCR pool as a resource.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import {
  BatchSetupError,
  check,
  createOcrPool,
  extractBytes,
  extractFile,
  InputError,
  Report,
  reportJsonSchema,
  RULES,
  runBatch,
  SCHEMA_VERSION,
  VERSION,
  type BatchEvent,
} from '../../src/api/index.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const typed = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const clean = path.join(root, 'test', 'fixtures', 'reports', 'edu-dept.pdf');
const planted = path.join(root, 'test', 'fixtures', 'reports', 'edu-dept-errors.pdf');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

const temp = () => mkdtempSync(path.join(tmpdir(), 'jixiao-api-'));

test('extractFile and extractBytes give the same validated report; check() gives back its findings', async () => {
  const fromFile = await extractFile(planted);
  expect(Report.parse(fromFile)).toEqual(fromFile);
  expect(fromFile.schemaVersion).toBe(SCHEMA_VERSION);
  expect(fromFile.tool.version).toBe(VERSION);
  expect(VERSION).toBe(pkg.version);
  const bytes = new Uint8Array(readFileSync(planted));
  const fromBytes = await extractBytes(bytes, { sourcePath: planted });
  expect(fromBytes).toEqual(fromFile);
  // The caller's bytes are left as they were (pdf.js would detach a buffer it is handed).
  expect(bytes.byteLength).toBeGreaterThan(0);
  expect((await extractBytes(bytes.buffer as ArrayBuffer)).source.path).toBe('<bytes>');

  expect(fromFile.findings.some((f) => f.severity === 'error')).toBe(true);
  expect(check(fromFile)).toEqual(fromFile.findings);
  // A report read back from its JSON checks the same.
  expect(check(Report.parse(JSON.parse(JSON.stringify(fromFile))))).toEqual(fromFile.findings);
  const only = check(fromFile, { rules: ['sum-mismatch'] });
  expect(only.length).toBeGreaterThan(0);
  expect(only.every((f) => f.rule === 'sum-mismatch')).toBe(true);
  expect(() => check(fromFile, { rules: ['no-such-rule' as 'sum-mismatch'] })).toThrow(/unknown rule: no-such-rule/);
  expect(Object.keys(RULES)).toContain('sum-mismatch');
  const schema = reportJsonSchema();
  expect(schema.$id).toContain(SCHEMA_VERSION);
  expect(schema).toEqual(JSON.parse(readFileSync(path.join(root, 'schemas', 'report.schema.json'), 'utf8')));
});

test('bad inputs reject with InputError and its reason; an aborted signal rejects before reading', async () => {
  const dir = temp();
  const notPdf = path.join(dir, 'note.pdf');
  writeFileSync(notPdf, 'hello');
  const reasons = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).reason;
  };
  expect(await reasons(extractFile(path.join(dir, 'missing.pdf')))).toBe('not-found');
  expect(await reasons(extractFile(notPdf))).toBe('not-pdf');
  expect(await reasons(extractFile(dir))).toBe('unreadable');
  expect(await reasons(extractBytes(new Uint8Array(0)))).toBe('empty');
  expect(await reasons(extractFile(typed, { maxPages: 3 }))).toBe('too-many-pages');
  const stop = new AbortController();
  stop.abort(new Error('no more'));
  await expect(extractFile(typed, { signal: stop.signal })).rejects.toThrow('no more');
});

test('the OCR pool is a resource: shared, closed once, disposable, and a closed pool reads no more scans', async () => {
  const pool = createOcrPool({ workers: 1 });
  expect(pool.size).toBe(1);
  // A text-layer document needs no OCR: no worker is started, and the pool can be shared.
  const [a, b] = await Promise.all([extractFile(clean, { pool }), extractFile(planted, { pool })]);
  expect(a.pages.every((p) => p.method === 'text') && b.pages.every((p) => p.method === 'text')).toBe(true);
  expect(pool.closed).toBe(false);
  await pool[Symbol.asyncDispose]();
  expect(pool.closed).toBe(true);
  expect(pool.close()).toBe(pool.close());
  // Forced OCR on a closed pool cannot read the page: the page says why, the document still comes back.
  const forced = await extractFile(clean, { pool, ocr: 'always' });
  expect(forced.pages[0]!.error).toMatch(/closed/);
  expect(() => createOcrPool({ workers: 0 })).toThrow(RangeError);
});

test('runBatch: awaitable and an async iterable of events, one ending per input, each with its manifest line', async () => {
  const dir = temp();
  const bad = path.join(dir, 'bad.pdf');
  writeFileSync(bad, 'not a pdf');
  const out = path.join(dir, 'out');
  const copy = path.join(dir, 'copy-of-clean.pdf');
  writeFileSync(copy, readFileSync(clean));
  const inputs = [clean, planted, bad, copy];
  const run = runBatch(inputs, { out, jobs: 2 });
  const seen: BatchEvent[] = [];
  for await (const e of run) seen.push(e);
  const result = await run;
  expect(result).toMatchObject({ total: 4, ok: 2, failed: 1, skipped: 1, reused: 0, interrupted: false });
  // A second loop over the same run sees the same events.
  const again: BatchEvent[] = [];
  for await (const e of run) again.push(e);
  expect(again).toEqual(seen);

  const ends = seen.filter((e) => e.type !== 'started');
  expect(ends.map((e) => e.index).sort()).toEqual([0, 1, 2, 3]);
  for (const e of ends) {
    const started = seen.findIndex((s) => s.type === 'started' && s.index === e.index);
    if (e.type === 'skipped') expect(started).toBe(-1);
    else expect(started).toBeLessThan(seen.indexOf(e));
  }
  const manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  for (const e of ends) expect(manifest[e.index]).toEqual(e.record);
  const failed = ends.find((e) => e.type === 'failed');
  expect(failed?.type === 'failed' && failed.record.code).toBe('not-pdf');
  const done = ends.find((e) => e.type === 'done' && e.path === planted);
  if (done?.type !== 'done') throw new Error('no done event for the planted report');
  const report = await done.report();
  expect(report.findings.length).toBe(
    done.record.findings.error + done.record.findings.warning + done.record.findings.info,
  );
  expect(done.file).toBe(path.join(out, done.record.doc!));

  // Run again: finished documents are reused and told as such, without a start.
  const second: BatchEvent[] = [];
  for await (const e of runBatch(inputs, { out, jobs: 2 })) second.push(e);
  expect(second.filter((e) => e.type === 'started')).toEqual([]);
  expect(second.filter((e) => e.type === 'done').every((e) => e.type === 'done' && e.reused)).toBe(true);
});

test('runBatch: a signal stops it early; set-up problems reject with BatchSetupError', async () => {
  const dir = temp();
  const stop = new AbortController();
  const files = Array.from({ length: 6 }, () => [clean, planted, typed]).flat();
  // Distinct paths of the same contents would be duplicates: name each input differently.
  const inputs = files.map((f, i) => {
    const p = path.join(dir, `${i}.pdf`);
    writeFileSync(p, Buffer.concat([readFileSync(f), Buffer.from(`\n%${i}\n`)]));
    return p;
  });
  const run = runBatch(inputs, { out: path.join(dir, 'out'), jobs: 1, signal: stop.signal });
  let ended = 0;
  for await (const e of run) {
    if (e.type === 'done' && ++ended === 2) stop.abort();
  }
  const result = await run;
  expect(result.interrupted).toBe(true);
  expect(result.ok).toBeGreaterThanOrEqual(2);
  expect(result.ok).toBeLessThan(inputs.length);
  expect(result.tables).toBeNull();

  await expect(runBatch([path.join(dir, 'nothing-here.pdf')], { out: path.join(dir, 'out2') })).rejects.toBeInstanceOf(
    BatchSetupError,
  );
  const loop = async () => {
    for await (const _ of runBatch([], { out: path.join(dir, 'out3') })) void _;
  };
  await expect(loop()).rejects.toThrow(BatchSetupError);
});
