// A full disk is the machine's failure, not the documents': the batch stops
// with one line (what, where, how much is free) and exit status 3, records
// nothing for the documents it cut short, and never leaves a torn manifest
// line; once space is freed the same command completes the batch with no
// --retry-failed. Run on a small tmpfs where mount is permitted (root), and
// everywhere with an ENOSPC injected at the write layer (src/writers/files.ts).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ManifestWriter, readManifest, type ManifestRecord } from '../../src/writers/manifest.ts';
import { madeReport, writeAll } from './corpus.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-full-'));
const input = path.join(work, 'in');
const GOOD = 12;
const TOTAL = GOOD + 1; // and one not-a-pdf, which fails on its own account
const small = path.join(work, 'small');
let mounted = false;

beforeAll(() => {
  writeAll(input, [
    ...Array.from({ length: GOOD }, (_, i) => ({ name: `r${String(i).padStart(3, '0')}.pdf`, bytes: madeReport(i) })),
    { name: 'zz-not-a-pdf.pdf', bytes: Buffer.from('<html>404</html>\n') },
  ]);
  mkdirSync(small);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', small], { stdio: 'ignore' });
    mounted = true;
  } catch {
    console.warn('mount -t tmpfs is not permitted here: the full-disk cases run with an injected ENOSPC only');
  }
});

afterAll(() => {
  if (mounted) execFileSync('umount', [small]);
});

function batch(out: string, env: Record<string, string> = {}) {
  const child = spawn(node, [bin, 'batch', input, '--out', out, '--jobs', '2', '--ocr', 'never', '--quiet'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, ...env },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stderr })),
  );
}

/** Every line of the manifest, which must each be whole JSON (a torn line fails here). */
function lines(out: string): ManifestRecord[] {
  const text = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8');
  expect(text === '' || text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ManifestRecord);
}

/** After the stop: one line on stderr, exit 3, no document blamed for the disk. */
function expectStopped(run: { code: number | null; stderr: string }, out: string, file: RegExp): ManifestRecord[] {
  expect(run.code).toBe(3);
  const err = run.stderr.trim().split('\n');
  expect(err.length, run.stderr).toBe(1);
  expect(err[0], run.stderr).toMatch(/^jixiao batch: stopped: no space left on the device \(ENOSPC\) writing /);
  expect(err[0]).toMatch(file);
  expect(err[0]).toMatch(
    /; \d+\.\d MB free there; documents done so far are kept in .*manifest\.jsonl — fix that and run the same command again to read the rest$/,
  );
  const recorded = lines(out);
  expect(recorded.length).toBeLessThan(TOTAL);
  for (const r of recorded) expect(r.status === 'ok' || r.code === 'not-pdf', JSON.stringify(r)).toBe(true);
  expect(existsSync(path.join(out, 'facts.csv'))).toBe(false);
  return recorded;
}

/** The same command after the cause is gone: every input read, one whole line each, the earlier lines reused. */
async function expectCompleted(out: string): Promise<void> {
  const run = await batch(out);
  expect(run.code).toBe(1); // the not-a-pdf
  const recorded = lines(out);
  expect(recorded.length).toBe(TOTAL);
  expect(recorded.filter((r) => r.status === 'ok').length).toBe(GOOD);
  expect(recorded.find((r) => r.status === 'failed')!.code).toBe('not-pdf');
  expect(existsSync(path.join(out, 'facts.csv'))).toBe(true);
  expect(existsSync(path.join(out, 'docs', 'r011.json'))).toBe(true);
}

test('injected ENOSPC writing one document: the batch stops (exit 3, one line); the rerun reads the rest without --retry-failed', async () => {
  const out = path.join(work, 'injected');
  const run = await batch(out, { JIXIAO_INJECT_WRITE_ERROR: 'ENOSPC:/docs/r006' });
  const recorded = expectStopped(run, out, /docs\/r006\.json/);
  expect(recorded.find((r) => r.path.endsWith('r006.pdf'))).toBeUndefined();
  await expectCompleted(out);
}, 120_000);

test('injected ENOSPC appending to the manifest: the same stop, the manifest whole', async () => {
  const out = path.join(work, 'injected-manifest');
  mkdirSync(out);
  writeFileSync(path.join(out, 'manifest.jsonl'), '');
  const run = await batch(out, { JIXIAO_INJECT_WRITE_ERROR: 'ENOSPC:manifest.jsonl' });
  expect(expectStopped(run, out, /manifest\.jsonl/).length).toBe(0);
  await expectCompleted(out);
}, 120_000);

test('a real full disk (tmpfs of 1 MB): stop, free the space, the same command completes', async (ctx) => {
  if (!mounted) ctx.skip();
  const out = path.join(small, 'out');
  // Ballast leaves room for a few documents only.
  const ballast = path.join(small, 'ballast');
  writeFileSync(ballast, Buffer.alloc(960 * 1024));
  const run = await batch(out);
  const recorded = expectStopped(run, out, new RegExp(`^jixiao batch: stopped: .* writing ${small}/out/`));
  console.log(`${run.stderr.trim()}\n(${recorded.length} of ${TOTAL} recorded before the stop)`);
  rmSync(ballast);
  await expectCompleted(out);
}, 120_000);

test('the manifest: a torn last line is cut off on opening; a line that does not fit is cut back, not left half-written', async () => {
  const dir = mkdtempSync(path.join(work, 'm-'));
  const file = path.join(dir, 'manifest.jsonl');
  const rec = (p: string) => ({ path: p, status: 'ok' }) as unknown as ManifestRecord;
  writeFileSync(file, `${JSON.stringify(rec('a'))}\n${JSON.stringify(rec('b'))}\n{"path":"c","sta`);
  const w = await ManifestWriter.open(file);
  await w.append(rec('d'));
  await w.close();
  expect(readFileSync(file, 'utf8')).toBe(['a', 'b', 'd'].map((p) => JSON.stringify(rec(p)) + '\n').join(''));

  if (!mounted) return;
  // On the tmpfs: a manifest filling most of a page, the rest of the file system full; the next line crosses the page.
  const full = path.join(small, 'm.jsonl');
  writeFileSync(full, `${JSON.stringify(rec('x'.repeat(3900)))}\n`);
  const ballast = path.join(small, 'ballast2');
  try {
    writeFileSync(ballast, Buffer.alloc(1024 * 1024));
  } catch {
    // filled up to the last page: what is written stays
  }
  const before = statSync(full).size;
  const m = await ManifestWriter.open(full);
  await expect(m.append(rec('y'.repeat(2000)))).rejects.toMatchObject({ code: 'ENOSPC' });
  expect(statSync(full).size).toBe(before);
  rmSync(ballast);
  await m.append(rec('z'));
  await m.close();
  expect((await readManifest(full)).map((r) => r.path[0])).toEqual(['x', 'z']);
  rmSync(full);
});
