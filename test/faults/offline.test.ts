// No byte leaves the machine: every command — PP-OCR and tesseract.js on a
// scanned page, check, batch, report, dataset, and the queue's worker, batch
// and status against a Redis on loopback — runs with its network system calls
// watched (strace -f: connect, sendto, sendmsg, in every process and thread)
// and, where it may (root), in a network namespace of its own with no
// interface but loopback. Any socket address that is not loopback, and any
// DNS query (port 53, even to a local resolver), fails the test. ONNX
// Runtime's telemetry asked DNS for mobile.events.data.microsoft.com 8 times
// in one PP-OCR run before it was turned off.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { scannedPage } from '../support/scan-page.ts';
import { haveRedis, startRedis, type RedisServer } from '../queue/redis.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const STRACE = spawnSync('strace', ['-V'], { stdio: 'ignore' }).status === 0;
const NETNS = spawnSync('unshare', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-offline-'));
const input = path.join(work, 'in');
let redis: RedisServer | null = null;
let traces = 0;

beforeAll(async () => {
  mkdirSync(input);
  writeFileSync(path.join(input, 'scan.pdf'), await scannedPage());
  writeFileSync(path.join(input, 'typed.pdf'), readFileSync(sample));
  if (!STRACE) console.warn('strace is not installed: the network system calls of the commands cannot be watched');
  if (!NETNS) console.warn('unshare -n is not permitted here: the commands run in the machine’s own network');
}, 120_000);

afterAll(async () => {
  await redis?.close();
});

/** Where a traced system call sent to: its family, address and port (strace's decoding of the sockaddr). */
function destinations(trace: string): { call: string; address: string; port: number }[] {
  const out: { call: string; address: string; port: number }[] = [];
  for (const line of trace.split('\n')) {
    const call = /\b(connect|sendto|sendmsg)\(/.exec(line)?.[1];
    if (!call || !/sa_family=AF_INET6?/.test(line)) continue;
    const port = Number(/sin6?_port=htons\((\d+)\)/.exec(line)?.[1] ?? -1);
    const address = /inet_addr\("([^"]+)"\)/.exec(line)?.[1] ?? /inet_pton\(AF_INET6, "([^"]+)"/.exec(line)?.[1] ?? '?';
    out.push({ call, address, port });
  }
  return out;
}

const loopback = (a: string) => /^127\./.test(a) || a === '::1' || /^::ffff:127\./.test(a);

/** What must not happen: an address off this machine, or a DNS query anywhere. */
function leaks(trace: string): string[] {
  return destinations(trace)
    .filter((d) => d.port === 53 || !loopback(d.address))
    .map((d) => `${d.call} to ${d.address} port ${d.port}`);
}

/** The command line that runs jixiao `args` watched: strace (and unshare -n where permitted). */
function watchedArgv(args: string[], trace: string): string[] {
  const traced = STRACE
    ? ['strace', '-f', '-qq', '-e', 'trace=connect,sendto,sendmsg', '-o', trace, node, bin, ...args]
    : [node, bin, ...args];
  return NETNS && !args.includes('--queue') ? ['unshare', '-n', ...traced] : traced;
}

/** Runs jixiao `args` watched, waiting for it (the event loop free, so that a worker started beside it is served). */
async function runAsync(args: string[]): Promise<{ status: number | null; stderr: string; leaks: string[] }> {
  const trace = path.join(work, `trace-${++traces}.txt`);
  const [cmd, ...rest] = watchedArgv(args, trace);
  const child = spawn(cmd!, rest, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { status, stderr, leaks: leaks(existsSync(trace) ? readFileSync(trace, 'utf8') : '') };
}

function run(args: string[]): { status: number | null; stdout: string; stderr: string; leaks: string[] } {
  const trace = path.join(work, `trace-${++traces}.txt`);
  const [cmd, ...rest] = watchedArgv(args, trace);
  const r = spawnSync(cmd!, rest, { cwd: work, encoding: 'utf8', timeout: 600_000, maxBuffer: 1 << 28 });
  const text = existsSync(trace) ? readFileSync(trace, 'utf8') : '';
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, leaks: leaks(text) };
}

test('the trace reading finds what it must (a DNS query, an address off the machine) and passes loopback', () => {
  expect(
    leaks(
      [
        '17342 connect(38, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0',
        '1 sendto(37, "\\221", 50, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 50',
        '2 connect(3, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, 28) = -1',
        '3 connect(3, {sa_family=AF_INET, sin_port=htons(6379), sin_addr=inet_addr("127.0.0.1")}, 16) = 0',
        '4 connect(5, {sa_family=AF_UNIX, sun_path="/run/x"}, 110) = 0',
      ].join('\n'),
    ),
  ).toEqual(['connect to 10.255.255.53 port 53', 'sendto to 127.0.0.53 port 53', 'connect to 2001:db8::1 port 443']);
});

test.skipIf(!STRACE)(
  'extract (PP-OCR, tesseract.js), check, batch, report and dataset: no socket but loopback, no DNS query',
  () => {
    const scan = path.join(input, 'scan.pdf');
    const ppocr = run(['extract', scan]);
    expect(ppocr.status, ppocr.stderr).toBe(0);
    expect(JSON.parse(ppocr.stdout).pages[0].method).toBe('ocr');
    expect(JSON.parse(ppocr.stdout).paragraphs.length).toBeGreaterThan(3);
    expect(ppocr.leaks, 'extract with PP-OCR').toEqual([]);
    const tess = run(['extract', '--ocr-engine', 'tesseract', scan]);
    expect(tess.status, tess.stderr).toBe(0);
    expect(tess.leaks, 'extract with tesseract.js').toEqual([]);
    const check = run(['check', sample]);
    expect(check.status, check.stderr).toBe(0);
    expect(check.leaks, 'check').toEqual([]);
    const batch = run(['batch', input, '--out', 'out', '--jobs', '2', '--quiet']);
    expect(batch.status, batch.stderr).toBe(0);
    expect(batch.leaks, 'batch').toEqual([]);
    const report = run(['report', 'out', '--out', 'site', '--quiet']);
    expect(report.status, report.stderr).toBe(0);
    expect(existsSync(path.join(work, 'site', 'index.html'))).toBe(true);
    expect(report.leaks, 'report').toEqual([]);
    const dataset = run(['dataset', 'out', '--out', 'd.duckdb', '--parquet', 'pq', '--check']);
    expect(dataset.status, dataset.stderr).toBe(0);
    expect(dataset.leaks, 'dataset').toEqual([]);
  },
  900_000,
);

test.skipIf(!STRACE || !haveRedis())(
  'the queue (batch --queue, worker reading a scanned page with PP-OCR, queue status): loopback only, no DNS query',
  async () => {
    redis = await startRedis();
    const url = redis.url;
    const trace = path.join(work, 'trace-worker.txt');
    const [cmd, ...rest] = watchedArgv(['worker', '--queue', url, '--jobs', '1'], trace);
    // Its own process group: the stop reaches the worker itself, not only strace (which would wait for it).
    const worker = spawn(cmd!, rest, { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    worker.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const batch = await runAsync(['batch', input, '--out', 'qout', '--queue', url, '--quiet']);
      expect(batch.status, batch.stderr + stderr).toBe(0);
      expect(batch.leaks, 'batch --queue').toEqual([]);
      const status = await runAsync(['queue', 'status', '--queue', url]);
      expect(status.status, status.stderr).toBe(0);
      expect(status.leaks, 'queue status').toEqual([]);
    } finally {
      process.kill(-worker.pid!, 'SIGTERM');
      await new Promise((r) => worker.on('exit', r));
    }
    expect(leaks(readFileSync(trace, 'utf8')), 'worker').toEqual([]);
    expect(destinations(readFileSync(trace, 'utf8')).length, 'the worker was watched').toBeGreaterThan(0);
  },
  600_000,
);
