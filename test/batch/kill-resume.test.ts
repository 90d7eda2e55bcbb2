// A batch killed with SIGKILL part-way and started again with the same
// arguments ends with the same outputs as a run that was never interrupted:
// one manifest line per input, the same documents byte for byte, the same
// tables, no temporary file left. A third run redoes nothing; --force redoes all.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import type { ManifestRecord } from '../../src/writers/manifest.ts';
import { madeReport, sampleVariant, writeAll } from './corpus.ts';
import { parseCsv } from './csv-read.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', '.bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-resume-'));
const input = path.join(work, 'in');
const TOTAL = 72;

function start(out: string, extra: string[] = []) {
  const child = spawn(
    node,
    [bin, 'batch', input, '--out', out, '--jobs', '2', '--ocr', 'never', '--progress', 'lines', ...extra],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

const lines = (out: string) => {
  const file = path.join(out, 'manifest.jsonl');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
};
const records = (out: string) => lines(out).map((l) => JSON.parse(l) as ManifestRecord);
const withoutSeconds = (rs: ManifestRecord[]) => rs.map(({ seconds: _, ...r }) => r);

let linesAtKill = 0;
const reference = path.join(work, 'reference');
const resumed = path.join(work, 'resumed');

beforeAll(async () => {
  writeAll(
    path.join(input, 'made'),
    Array.from({ length: 62 }, (_, i) => ({ name: `r${String(i).padStart(3, '0')}.pdf`, bytes: madeReport(i) })),
  );
  writeAll(
    path.join(input, 'samples'),
    Array.from({ length: 8 }, (_, i) => ({ name: `s${i}.pdf`, bytes: sampleVariant(i) })),
  );
  writeAll(path.join(input, 'bad'), [
    { name: 'not-a-pdf.pdf', bytes: Buffer.from('plain text') },
    { name: 'empty.pdf', bytes: new Uint8Array(0) },
  ]);
  const ref = start(reference);
  const killed = start(resumed);
  // Kill the second run once part of the batch is on disk.
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (lines(resumed).length >= 15) {
        clearInterval(poll);
        killed.child.kill('SIGKILL');
        resolve();
      }
    }, 20);
  });
  const k = await killed.done;
  expect(k.signal).toBe('SIGKILL');
  linesAtKill = lines(resumed).length;
  expect((await ref.done).code).toBe(1);
}, 120_000);

test('the kill landed part-way', () => {
  expect(linesAtKill).toBeGreaterThanOrEqual(15);
  expect(linesAtKill).toBeLessThan(TOTAL);
  expect(existsSync(path.join(resumed, 'facts.csv'))).toBe(false);
});

test('started again: the same outputs as an uninterrupted run, no duplicate line, no partial file', async () => {
  const run = await start(resumed).done;
  expect(run.code).toBe(1);
  expect(run.stderr).toMatch(/\((\d+) done by an earlier run\)/);
  const reused = Number(/\((\d+) done by an earlier run\)/.exec(run.stderr)![1]);
  expect(reused).toBeGreaterThanOrEqual(linesAtKill - 1); // a torn last line may be lost

  const ref = records(reference);
  const res = records(resumed);
  expect(ref.length).toBe(TOTAL);
  expect(new Set(res.map((r) => r.path)).size).toBe(TOTAL);
  expect(withoutSeconds(res)).toEqual(withoutSeconds(ref));

  const docs = readdirSync(path.join(reference, 'docs')).sort();
  expect(readdirSync(path.join(resumed, 'docs')).sort()).toEqual(docs);
  for (const d of docs) {
    expect(readFileSync(path.join(resumed, 'docs', d), 'utf8'), d).toBe(
      readFileSync(path.join(reference, 'docs', d), 'utf8'),
    );
  }
  for (const table of ['facts.csv', 'findings.csv', 'facts.jsonl', 'indicators.csv', 'funds.csv']) {
    expect(readFileSync(path.join(resumed, table), 'utf8'), table).toBe(
      readFileSync(path.join(reference, table), 'utf8'),
    );
  }
  const dropSeconds = (file: string) => parseCsv(readFileSync(file, 'utf8')).map((row) => row.slice(0, -1));
  expect(dropSeconds(path.join(resumed, 'documents.csv'))).toEqual(dropSeconds(path.join(reference, 'documents.csv')));
  expect(readdirSync(resumed).sort()).toEqual([
    'docs',
    'documents.csv',
    'facts.csv',
    'facts.jsonl',
    'findings.csv',
    'funds.csv',
    'indicators.csv',
    'manifest.jsonl',
  ]);
});

test('a third run redoes nothing; --force redoes everything', async () => {
  const docFile = path.join(resumed, 'docs', 'r007.json');
  const before = statSync(docFile).mtimeMs;
  const again = await start(resumed).done;
  expect(again.code).toBe(1);
  expect(again.stderr).toContain(`(${TOTAL} done by an earlier run)`);
  expect(statSync(docFile).mtimeMs).toBe(before);
  expect(lines(resumed).length).toBe(TOTAL);

  const forced = await start(resumed, ['--force']).done;
  expect(forced.code).toBe(1);
  expect(forced.stderr).not.toContain('done by an earlier run');
  expect(statSync(docFile).mtimeMs).toBeGreaterThan(before);
  expect(withoutSeconds(records(resumed))).toEqual(withoutSeconds(records(reference)));
}, 60_000);

test('usage and set-up errors exit with 2 before anything runs', async () => {
  const missing = spawn(node, [bin, 'batch', path.join(work, 'nope'), '--out', path.join(work, 'o2')], { cwd: root });
  let err = '';
  missing.stderr.on('data', (d: Buffer) => (err += d.toString()));
  expect(await new Promise((r) => missing.on('exit', r))).toBe(2);
  expect(err).toContain('no such file or folder');
  expect(existsSync(path.join(work, 'o2'))).toBe(false);
  const noOut = spawn(node, [bin, 'batch', input], { cwd: root, stdio: 'ignore' });
  expect(await new Promise((r) => noOut.on('exit', r))).toBe(2);
});
