// Ending a document never ends the process. A document is read in a child
// process that is killed (SIGKILL) when it must stop; its OCR workers go with
// it, and no native object (ONNX Runtime's sessions, the canvas, tesseract's
// WebAssembly) is torn down under running code — which aborted the whole
// process before ("terminate called after throwing an instance of
// 'Napi::Error'", exit 134): `extract` and `batch` with --timeout on a scanned
// page stopped with the later files never read, SIGTERM or Ctrl-C during OCR
// gave that abort instead of exit 130 and the "interrupted" line. Each
// trigger on the scanned sample: --timeout and --max-memory twenty times
// within one command, SIGTERM and Ctrl-C three times each here (twenty each
// in `npm run bench`, bench/faults.ts); the queue's --timeout and --grace in
// test/queue/ops.test.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { madeReport, writeAll } from '../batch/corpus.ts';
import { ABORT, runAndStop, scanCopies } from '../support/stop-ocr.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-stop-ocr-'));
const REPEAT = 20;
let scans: string[] = [];

beforeAll(() => {
  scans = scanCopies(path.join(work, 'in'), REPEAT);
  writeAll(path.join(work, 'in'), [
    { name: 'text-1.pdf', bytes: madeReport(1) },
    { name: 'text-2.pdf', bytes: madeReport(2) },
  ]);
});

/** The `jixiao: FILE: REASON` lines of stderr; anything else on it fails the test. */
function failureLines(stderr: string): string[] {
  const lines = stderr.split('\n').filter((l) => l !== '');
  for (const l of lines) expect(l, stderr).toMatch(/^jixiao: \S+\.pdf: /);
  return lines;
}

test(`check --timeout 4 on ${REPEAT} scanned documents in turn: each stopped in its OCR with one line; exit 2, never 134`, async () => {
  const run = await runAndStop(['check', '--timeout', '4', ...scans, path.join(work, 'in', 'text-1.pdf')], work);
  expect(run.stderr).not.toMatch(ABORT);
  expect(run.code, run.stderr).toBe(2);
  const lines = failureLines(run.stderr);
  expect(lines.length).toBe(REPEAT);
  for (const l of lines) expect(l).toMatch(/: not finished within 4 s \(--timeout\); stopped$/);
}, 900_000);

test(`batch --timeout 4 --jobs 2 on ${REPEAT} scanned documents and two typed: every line in the manifest, the tables written`, async () => {
  const out = path.join(work, 'batch-timeout');
  const run = await runAndStop(['batch', 'in', '--out', out, '--timeout', '4', '--jobs', '2', '--quiet'], work);
  expect(run.stderr).not.toMatch(ABORT);
  expect(run.code, run.stderr).toBe(1);
  expect(run.stderr).toBe('');
  const records = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { path: string; status: string; code: string | null });
  expect(records.length).toBe(REPEAT + 2);
  expect(records.filter((r) => r.code === 'timeout').length).toBe(REPEAT);
  expect(records.filter((r) => r.status === 'ok').map((r) => path.basename(r.path))).toEqual([
    'text-1.pdf',
    'text-2.pdf',
  ]);
  expect(readFileSync(path.join(out, 'documents.csv'), 'utf8')).toContain('text-2.pdf');
}, 900_000);

test(`check --max-memory 640 on ${REPEAT / 2} scanned documents: each stopped by the bound its OCR workers count in; exit 2, never 134`, async () => {
  const run = await runAndStop(['check', '--max-memory', '640', ...scans.slice(0, REPEAT / 2)], work);
  expect(run.stderr).not.toMatch(ABORT);
  expect(run.code, run.stderr).toBe(2);
  const lines = failureLines(run.stderr);
  expect(lines.length).toBe(REPEAT / 2);
  for (const l of lines) expect(l).toMatch(/: needed more than 640 MB of memory \(--max-memory\); stopped$/);
}, 900_000);

for (const [what, detached, send] of [
  ['SIGTERM to the batch', false, (pid: number) => process.kill(pid, 'SIGTERM')],
  ['Ctrl-C (SIGINT to its process group)', true, (pid: number) => process.kill(-pid, 'SIGINT')],
] as const) {
  test(`${what} while PP-OCR runs, three times: exit 130 and the "interrupted" line, every process gone`, async () => {
    for (let i = 0; i < 3; i++) {
      const out = path.join(work, `stopped-${detached ? 'int' : 'term'}-${i}`);
      const run = await runAndStop(
        ['batch', ...scans.slice(0, 2), '--out', out, '--jobs', '2', '--quiet'],
        work,
        { afterMs: 300 + i * 700, send },
        detached,
      );
      expect(run.stderr).not.toMatch(ABORT);
      expect(run.code, run.stderr).toBe(130);
      expect(run.stderr.trim()).toMatch(/^jixiao batch: interrupted; run the same command again to go on/);
      expect(run.left).toBe(0);
    }
  }, 900_000);
}

test('extract ended by Ctrl-C while PP-OCR runs: no abort, its document process gone with it', async () => {
  const run = await runAndStop(
    ['extract', scans[0]!],
    work,
    { afterMs: 500, send: (pid) => process.kill(-pid, 'SIGINT') },
    true,
  );
  expect(run.stderr).not.toMatch(ABORT);
  expect(run.code === 130 || run.signal === 'SIGINT', `${run.code} ${run.signal} ${run.stderr}`).toBe(true);
  expect(run.left).toBe(0);
}, 300_000);
