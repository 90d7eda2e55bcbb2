// One honest line for each fault of the machine, with the exit status the
// README gives (3: stopped by the machine): a read-only output folder (was a
// Node stack trace from `extract -o`, "ENOENT … mkdir" and exit 2 from batch
// and report), a full disk naming the file that did not fit (report named a
// temporary file, then a bare ENOSPC; extract printed a stack), and a lock
// left by a dead or a zombie process (not yet reaped: it blocked every later
// run) taken over.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { processStart } from '../../src/batch/lock.ts';
import { madeReport, writeAll } from '../batch/corpus.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-messages-'));
const readOnly = path.join(work, 'ro');
const full = path.join(work, 'full');
const mounts: string[] = [];

function mount(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    mounts.push(dir);
    return true;
  } catch {
    return false;
  }
}

// Mounted here, not in beforeAll: whether the full-disk case runs is known when the tests are defined.
// A read-only mount where permitted (EROFS); else a folder without write permission (EACCES, as non-root).
const readOnlyIs = mount(readOnly, 'ro,size=1m')
  ? 'the file system is read-only \\(EROFS\\)'
  : (chmodSync(readOnly, 0o555), 'no permission to write \\(EACCES\\)');
const fullDisk = mount(full, 'size=2m');

beforeAll(() => {
  writeAll(
    path.join(work, 'in'),
    Array.from({ length: 3 }, (_, i) => ({ name: `r${i}.pdf`, bytes: madeReport(i) })),
  );
});

afterAll(() => {
  for (const m of mounts) execFileSync('umount', [m]);
  rmSync(work, { recursive: true, force: true });
});

function jixiao(args: string[]) {
  return spawnSync(node, [bin, ...args], { cwd: work, encoding: 'utf8', timeout: 300_000 });
}

/** Exactly one line on stderr (no stack), matching `line`; exit 3. */
function expectOneLine(run: ReturnType<typeof jixiao>, line: RegExp): void {
  const lines = run.stderr.trim().split('\n');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(line);
  expect(run.status, run.stderr).toBe(3);
}

test('a read-only output folder: one line and exit 3 from extract -o, batch, report and dataset', () => {
  const out = (name: string) => path.join(readOnly, name);
  expectOneLine(
    jixiao(['extract', '-o', out('x'), sample]),
    new RegExp(`^jixiao extract: stopped: ${readOnlyIs} writing ${out('x')} — fix that and run the same command again`),
  );
  expectOneLine(
    jixiao(['batch', path.join(work, 'in'), '--out', out('b'), '--quiet']),
    new RegExp(`^jixiao batch: stopped: ${readOnlyIs} writing ${out('b')}; documents done so far are kept`),
  );
  expectOneLine(
    jixiao(['report', sample, '--out', out('site'), '--quiet']),
    new RegExp(`^jixiao report: stopped: ${readOnlyIs} writing ${out('site')} — fix that`),
  );
  const batch = jixiao(['batch', path.join(work, 'in'), '--out', path.join(work, 'b'), '--quiet']);
  expect(batch.status, batch.stderr).toBe(0);
  expectOneLine(
    jixiao(['dataset', path.join(work, 'b'), '--out', out('d.duckdb')]),
    new RegExp(`^jixiao dataset: stopped: ${readOnlyIs} writing ${out('d.duckdb')}`),
  );
}, 600_000);

/** Fills the small disk but for `leaveKb`. */
function fill(leaveKb: number): void {
  const s = statfsSync(full);
  writeFileSync(path.join(full, 'ballast'), Buffer.alloc(Math.max(0, s.bavail * s.bsize - leaveKb * 1024)));
}

test.skipIf(!fullDisk)(
  'a full disk: report and extract -o stop with one line naming the file that did not fit (not a temporary one), exit 3',
  () => {
    fill(40);
    const site = jixiao(['report', sample, '--out', path.join(full, 'site'), '--quiet']);
    expectOneLine(
      site,
      new RegExp(
        `^jixiao report: stopped: no space left on the device \\(ENOSPC\\) writing ${full}/site/\\S+; \\d+\\.\\d MB free there — fix that`,
      ),
    );
    expect(site.stderr).not.toMatch(/\.jx-[0-9a-f]+\.tmp/);
    rmSync(path.join(full, 'site'), { recursive: true, force: true });
    rmSync(path.join(full, 'ballast'));
    fill(8);
    const x = jixiao(['extract', '-o', path.join(full, 'x'), sample, '--pretty']);
    expectOneLine(
      x,
      new RegExp(
        `^jixiao extract: stopped: no space left on the device \\(ENOSPC\\) writing ${full}/x\\S*; \\d+\\.\\d MB free`,
      ),
    );
    expect(x.stderr).not.toMatch(/\.jx-[0-9a-f]+\.tmp|\n\s+at /);
    rmSync(path.join(full, 'ballast'));
  },
  600_000,
);

/** A lock file naming `pid` as its holder, as a batch writes it. */
function lockFor(out: string, pid: number): void {
  mkdirSync(out, { recursive: true });
  const owner = { pid, start: processStart(pid), host: hostname(), token: 'f00dfeed' };
  writeFileSync(path.join(out, '.jixiao.lock'), JSON.stringify(owner) + '\n');
}

test('a lock held by a dead process, and by a zombie (dead, not reaped): taken over, the batch runs', async () => {
  const dead = spawnSync('true').pid!;
  lockFor(path.join(work, 'dead'), dead);
  const afterDead = jixiao(['batch', path.join(work, 'in'), '--out', path.join(work, 'dead'), '--quiet']);
  expect(afterDead.status, afterDead.stderr).toBe(0);

  // A short `sleep` runs in the background of a shell that then becomes `sleep 60`, which never waits for
  // it: a zombie once it ends. It must outlive the exec: a child that ends before it (`true`, on a loaded
  // machine) is reaped by the shell itself and leaves no zombie (CI, 2026-12-07: /proc/PID/stat gone).
  const parent = spawn('/bin/sh', ['-c', 'sleep 0.5 & echo $!; exec sleep 60'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  try {
    const zombie = Number((await new Promise<Buffer>((r) => parent.stdout.once('data', r))).toString().trim());
    const until = Date.now() + 10_000;
    while (!/\) Z /.test(readFileSync(`/proc/${zombie}/stat`, 'utf8')) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    expect(readFileSync(`/proc/${zombie}/stat`, 'utf8')).toMatch(/\) Z /);
    lockFor(path.join(work, 'zombie'), zombie);
    const run = jixiao(['batch', path.join(work, 'in'), '--out', path.join(work, 'zombie'), '--quiet']);
    expect(run.stderr).not.toContain('another batch');
    expect(run.status, run.stderr).toBe(0);
  } finally {
    parent.kill('SIGKILL');
  }
}, 300_000);
