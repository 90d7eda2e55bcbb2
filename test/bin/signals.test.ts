// Killing jixiao by the PID a scheduler sees stops all of its work. On a Node
// older than 22.13 that PID is bin/jixiao.js re-running the CLI on the bundled
// Node 24: a second process, which must get the signal and must die with its
// parent even when the parent is SIGKILLed. Each case starts a batch of a few
// small reports and documents that take minutes (test/batch/corpus.ts
// spinner), signals the visible PID once the work runs, and checks the whole
// process tree by PID and start time.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { madeReport, spinner, writeAll } from '../batch/corpus.ts';
import { gone, oldNode, tree, type Proc } from '../support/procs.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');
const node24 = path.join(root, 'node_modules', 'node', 'bin', 'node');
const node20 = oldNode();
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-signals-'));
const input = path.join(work, 'in');
const REPORTS = 4;

beforeAll(() => {
  writeAll(input, [
    ...Array.from({ length: REPORTS }, (_, i) => ({ name: `a${i}.pdf`, bytes: madeReport(i) })),
    // Different page counts: different content, so none is skipped as a duplicate.
    ...Array.from({ length: 3 }, (_, i) => ({ name: `s${i}.pdf`, bytes: spinner(300 + i) })),
  ]);
  if (!node20) console.warn('no Node older than 22.13 on this machine: the re-exec cases are skipped');
});

function startBatch(node: string, out: string, opts: { detached?: boolean; extra?: string[] } = {}) {
  const child = spawn(
    node,
    [bin, 'batch', input, '--out', out, '--jobs', '2', '--progress', 'lines', ...(opts.extra ?? [])],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: opts.detached ?? false, // its own process group, as a shell gives a foreground job
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stderr })),
  );
  return { child, done };
}

const manifestLines = (out: string) => {
  const file = path.join(out, 'manifest.jsonl');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
};

/** The processes of the command itself, not its document workers (src/batch/worker.ts, one child process per document read). */
function commands(procs: Proc[]): Proc[] {
  return procs.filter((p) => {
    try {
      return !readFileSync(`/proc/${p.pid}/cmdline`, 'utf8').includes('/batch/worker.');
    } catch {
      return true;
    }
  });
}

/** Waits until the batch reads (a manifest line is written) with `processes` processes in its tree; that tree (document workers included). */
/** Signals `pid` (or its group) and waits until none of `procs` runs, at most 5 s; the ones still running. */
async function stop(what: string, procs: Proc[], send: () => void): Promise<Proc[]> {
  const t0 = Date.now();
  send();
  const left = await gone(procs, 5000);
  console.log(`${what}: ${procs.length} process(es) gone in ${Date.now() - t0} ms`);
  return left;
}

async function working(pid: number, out: string, processes: number): Promise<Proc[]> {
  const until = Date.now() + 90_000;
  while (Date.now() < until) {
    const t = tree(pid);
    if (commands(t).length >= processes && manifestLines(out).length >= 1) return t;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`batch ${pid} did not start reading`);
}

test.skipIf(!node20)(
  'Node 20 (re-exec): SIGTERM of the visible PID stops every process within 5 s, exit 130, what was done kept',
  async () => {
    const out = path.join(work, 'term20');
    const run = startBatch(node20!, out);
    const procs = await working(run.child.pid!, out, 2);
    expect(commands(procs).length).toBe(2); // bin/jixiao.js on Node 20 and the CLI on Node 24 below it
    expect(await stop('Node 20, SIGTERM', procs, () => run.child.kill('SIGTERM'))).toEqual([]);
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted; run the same command again');
    for (const line of manifestLines(out)) expect(JSON.parse(line).status).toBe('ok');
  },
  120_000,
);

test.skipIf(!node20)(
  'Node 20 (re-exec): SIGKILL of the visible PID: the real process notices and stops within 5 s; the folder is not left locked',
  async () => {
    const out = path.join(work, 'kill20');
    const run = startBatch(node20!, out);
    const procs = await working(run.child.pid!, out, 2);
    expect(await stop('Node 20, SIGKILL', procs, () => run.child.kill('SIGKILL'))).toEqual([]);
    expect((await run.done).signal).toBe('SIGKILL');
    const kept = manifestLines(out).length;
    expect(kept).toBeGreaterThanOrEqual(1);

    // The next run on the folder starts (no "another batch") and keeps what the killed one finished.
    const again = await startBatch(node24, out, { extra: ['--timeout', '1'] }).done;
    expect(again.stderr).not.toContain('another batch');
    expect(again.stderr).toContain(`(${kept} done by an earlier run)`);
    expect(again.code).toBe(1); // the spinners fail with timeout
    expect(manifestLines(out).length).toBe(REPORTS + 3);
  },
  180_000,
);

test.skipIf(!node20)(
  'Node 20 (re-exec): Ctrl-C (SIGINT to the process group, both processes get it) exits 130 once, after writing what is done',
  async () => {
    const out = path.join(work, 'int20');
    const run = startBatch(node20!, out, { detached: true });
    const procs = await working(run.child.pid!, out, 2);
    expect(await stop('Node 20, SIGINT to the group', procs, () => process.kill(-run.child.pid!, 'SIGINT'))).toEqual(
      [],
    );
    const r = await run.done;
    expect(r.code).toBe(130);
    // Handled once: the real process was not sent a second SIGINT (which would have ended it before this line).
    expect(r.stderr.match(/interrupted; run the same command again/g)?.length).toBe(1);
  },
  120_000,
);

test.skipIf(!node20)(
  'Node 20 (re-exec): SIGINT to the visible PID alone (a scheduler) is passed on: exit 130',
  async () => {
    const out = path.join(work, 'int20pid');
    const run = startBatch(node20!, out);
    const procs = await working(run.child.pid!, out, 2);
    expect(await stop('Node 20, SIGINT to the PID', procs, () => run.child.kill('SIGINT'))).toEqual([]);
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted; run the same command again');
  },
  120_000,
);

test('Node 24: no re-exec (one process); SIGTERM of its PID stops it within 5 s, exit 130', async () => {
  const out = path.join(work, 'term24');
  const run = startBatch(node24, out);
  const procs = await working(run.child.pid!, out, 1);
  expect(commands(procs).length).toBe(1);
  expect(await stop('Node 24, SIGTERM', procs, () => run.child.kill('SIGTERM'))).toEqual([]);
  const r = await run.done;
  expect(r.code).toBe(130);
  expect(r.stderr).toContain('interrupted; run the same command again');
}, 120_000);
