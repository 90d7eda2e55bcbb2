// Only the output folder is written: every command runs with the file system
// calls that write (open for writing or creating, mkdir, rename, unlink, link,
// truncate) watched by strace -f in all its processes and threads, and with
// TMPDIR pointing at a read-only folder — the report JSON of check, of extract
// to stdout and of report used to go through $TMPDIR/jixiao-*, so a full or
// read-only temp folder failed good documents, and killed runs left those
// folders behind. Each command must succeed and write nothing but its output.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { madeReport } from '../batch/corpus.ts';
import { scannedPage } from '../support/scan-page.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const STRACE = spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-writes-'));
const input = path.join(work, 'in');
/** The temp folder the commands are given: read-only (a read-only mount where permitted, else no write permission). */
const readOnlyTmp = path.join(work, 'tmp');
let mounted = false;

beforeAll(async () => {
  mkdirSync(input);
  writeFileSync(path.join(input, 'scan.pdf'), await scannedPage());
  copyFileSync(sample, path.join(input, 'typed.pdf'));
  for (let i = 0; i < 6; i++) writeFileSync(path.join(input, `made-${i}.pdf`), madeReport(i));
  mkdirSync(readOnlyTmp);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnlyTmp], { stdio: 'ignore' });
    mounted = true;
  } catch {
    chmodSync(readOnlyTmp, 0o555);
  }
}, 120_000);

afterAll(() => {
  if (mounted) execFileSync('umount', [readOnlyTmp]);
});

const WRITES =
  'open,openat,creat,mkdir,mkdirat,rename,renameat,renameat2,unlink,unlinkat,link,linkat,symlink,symlinkat,truncate';

/** The paths a strace log shows written, created, renamed, linked or removed (whether or not the call succeeded). */
function written(trace: string): string[] {
  const out = new Set<string>();
  for (const line of trace.split('\n')) {
    const call =
      /\b(open|openat|creat|mkdir|mkdirat|rename|renameat2?|unlink|unlinkat|link|linkat|symlink|symlinkat|truncate)\(/.exec(
        line,
      )?.[1];
    if (!call) continue;
    if ((call === 'open' || call === 'openat') && !/O_WRONLY|O_RDWR|O_CREAT|O_TRUNC/.test(line)) continue;
    for (const m of line.matchAll(/"((?:[^"\\]|\\.)*)"/g)) out.add(m[1]!);
  }
  return [...out];
}

/** What may be written: the output named, /dev/null and the like. Relative paths are the command's (cwd: work). */
function outside(paths: string[], allowed: string[]): string[] {
  return paths.filter((p) => {
    const abs = path.resolve(work, p);
    if (abs === '/dev/null' || abs === '/dev/tty' || abs.startsWith('/proc/')) return false;
    return !allowed.some((a) => abs === a || abs.startsWith(a + path.sep) || abs.startsWith(a + '.'));
  });
}

function jixiao(args: string[], allowed: string[]) {
  const trace = path.join(work, `trace-${args[0]}-${Math.random().toString(36).slice(2)}.txt`);
  const argv = STRACE
    ? ['strace', '-f', '-qq', '-e', `trace=${WRITES}`, '-o', trace, node, bin, ...args]
    : [node, bin, ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), {
    cwd: work,
    encoding: 'utf8',
    timeout: 600_000,
    maxBuffer: 1 << 28,
    env: { ...process.env, TMPDIR: readOnlyTmp, TMP: readOnlyTmp, TEMP: readOnlyTmp },
  });
  const paths = STRACE ? written(readFileSync(trace, 'utf8')) : [];
  return {
    ...r,
    outside: outside(
      paths,
      allowed.map((a) => path.resolve(work, a)),
    ),
  };
}

test('the trace reading sees writes, creations, renames and removals, not reads', () => {
  expect(
    written(
      [
        '1 openat(AT_FDCWD, "/a/read.pdf", O_RDONLY|O_CLOEXEC) = 3',
        '1 openat(AT_FDCWD, "/tmp/jixiao-x/1.json", O_WRONLY|O_CREAT|O_EXCL, 0666) = -1 EROFS (Read-only file system)',
        '2 mkdir("/tmp/jixiao-abc", 0700) = 0',
        '2 rename("/o/.jx-1.tmp", "/o/a.json") = 0',
        '3 unlink("/o/.jx-2.tmp") = 0',
      ].join('\n'),
    ),
  ).toEqual(['/tmp/jixiao-x/1.json', '/tmp/jixiao-abc', '/o/.jx-1.tmp', '/o/a.json', '/o/.jx-2.tmp']);
});

test.skipIf(!STRACE)(
  'with TMPDIR read-only: check, extract to stdout and to a folder, batch, report and dataset succeed and write only their output',
  () => {
    const scan = path.join(input, 'scan.pdf');
    const check = jixiao(['check', sample, scan], []);
    expect(check.status, check.stderr).toBe(0);
    expect(check.stdout).toContain('scan.pdf：');
    expect(check.outside, 'check').toEqual([]);
    const stdout = jixiao(['extract', scan], []);
    expect(stdout.status, stdout.stderr).toBe(0);
    expect(JSON.parse(stdout.stdout).pages[0].method).toBe('ocr');
    expect(stdout.outside, 'extract to stdout').toEqual([]);
    const folder = jixiao(['extract', '-o', 'x', sample, scan], ['x']);
    expect(folder.status, folder.stderr).toBe(0);
    expect(readdirSync(path.join(work, 'x')).sort()).toEqual(['scan.json', 'yueyanglou-scjg-2023.json']);
    expect(folder.outside, 'extract -o').toEqual([]);
    const batch = jixiao(['batch', input, '--out', 'b', '--jobs', '2', '--quiet'], ['b']);
    expect(batch.status, batch.stderr).toBe(0);
    expect(batch.outside, 'batch').toEqual([]);
    const site = jixiao(['report', 'b', sample, '--out', 'site', '--quiet'], ['site']);
    expect(site.status, site.stderr).toBe(0);
    expect(site.outside, 'report').toEqual([]);
    const data = jixiao(['dataset', 'b', '--out', 'd/all.duckdb', '--parquet', 'pq'], ['d', 'pq']);
    expect(data.status, data.stderr).toBe(0);
    expect(data.outside, 'dataset').toEqual([]);
  },
  900_000,
);

test('a batch killed (SIGKILL) while it reads leaves nothing in the temp folder; run again, it completes', async () => {
  const tmp = mkdtempSync(path.join(work, 'own-tmp-'));
  const out = path.join(work, 'killed');
  const child = spawn(node, [bin, 'batch', input, '--out', out, '--jobs', '2', '--quiet'], {
    cwd: work,
    stdio: 'ignore',
    env: { ...process.env, TMPDIR: tmp },
  });
  const manifest = path.join(out, 'manifest.jsonl');
  const until = Date.now() + 120_000;
  while (!(existsSync(manifest) && readFileSync(manifest, 'utf8').length > 0) && Date.now() < until)
    await new Promise((r) => setTimeout(r, 50));
  child.kill('SIGKILL');
  await new Promise((r) => child.on('exit', r));
  // Its document processes notice their parent gone and end; none wrote into the temp folder.
  await new Promise((r) => setTimeout(r, 2000));
  expect(readdirSync(tmp)).toEqual([]);
  const again = spawnSync(node, [bin, 'batch', input, '--out', out, '--quiet'], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, TMPDIR: tmp },
  });
  expect(again.status, again.stderr).toBe(0);
  expect(readdirSync(tmp)).toEqual([]);
}, 300_000);
