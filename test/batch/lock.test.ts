// A batch folder's lock is judged by more than a PID. The case that blocked a
// folder for ever: the lock's PID is alive, but it is some other process now
// (the PID was reused after the batch that wrote the lock was killed).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BatchSetupError } from '../../src/batch/errors.ts';
import { LOCK_FILE, lockFolder, processStart, STALE_MS } from '../../src/batch/lock.ts';
import { runBatch } from '../../src/batch/run.ts';
import { madeReport } from './corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-lock-'));
const input = path.join(work, 'in.pdf');
let other: ChildProcess; // a live process that is not a batch
let otherStart: number;

beforeAll(async () => {
  writeFileSync(input, madeReport(3));
  other = spawn('sleep', ['300'], { stdio: 'ignore' });
  await new Promise((r) => other.once('spawn', r));
  otherStart = processStart(other.pid!)!;
  expect(otherStart).toBeGreaterThan(0);
});

afterAll(() => {
  other.kill('SIGKILL');
});

/** A fresh output folder whose lock holds `content`, last touched `ageMs` ago. */
function lockedFolder(name: string, content: string, ageMs = 0): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  writeFileSync(file, content);
  const t = new Date(Date.now() - ageMs);
  utimesSync(file, t, t);
  return dir;
}

const lockOf = (pid: number, start: number | null, host = os.hostname()) =>
  JSON.stringify({ pid, start, host, token: 'f00dfeedf00dfeed' });

test('the PID is alive but started at another time than the lock says: stale, and a batch reads the folder', async () => {
  const out = lockedFolder('reused', lockOf(other.pid!, otherStart - 12345));
  const result = await runBatch({ inputs: [input], out, jobs: 1, progress: 'none', ocr: 'never' });
  expect(result).toMatchObject({ ok: 1, exitCode: 0 });
  expect(existsSync(path.join(out, LOCK_FILE))).toBe(false); // given back at the end
}, 60_000);

test('the same PID and start time: held; the batch refuses with the holder named', async () => {
  const out = lockedFolder('held', lockOf(other.pid!, otherStart));
  await expect(runBatch({ inputs: [input], out, jobs: 1, progress: 'none', ocr: 'never' })).rejects.toThrow(
    new BatchSetupError(`another batch (process ${other.pid}) is writing to ${out}`),
  );
  expect(readFileSync(path.join(out, LOCK_FILE), 'utf8')).toBe(lockOf(other.pid!, otherStart)); // left as it was
});

test('a dead PID, an empty lock (its writer died before writing), a PID-only lock of an older version older than the process: all stale', async () => {
  const dead = spawn('true');
  await new Promise((r) => dead.once('exit', r));
  for (const [name, content, age] of [
    ['dead', lockOf(dead.pid!, 1), 0],
    ['empty', '', 0],
    ['old-format', String(other.pid), 3_600_000], // written an hour before `other` started: not its lock
  ] as const) {
    const unlock = await lockFolder(lockedFolder(name, content, age));
    await unlock();
  }
  // A PID-only lock written after the process started may be its own: held, as before.
  await expect(lockFolder(lockedFolder('old-format-live', String(other.pid)))).rejects.toThrow(
    `another batch (process ${other.pid})`,
  );
});

test('another host: held while its heartbeat is fresh, stale once it stops', async () => {
  await expect(lockFolder(lockedFolder('far-fresh', lockOf(1, 1, 'elsewhere.example')))).rejects.toThrow(
    'another batch (process 1 on elsewhere.example)',
  );
  const unlock = await lockFolder(lockedFolder('far-stale', lockOf(1, 1, 'elsewhere.example'), STALE_MS + 60_000));
  await unlock();
});

test('a live lock of this process: a second batch on the folder is refused; the first gives it back', async () => {
  const dir = path.join(work, 'twice');
  mkdirSync(dir);
  const unlock = await lockFolder(dir);
  const mine = JSON.parse(readFileSync(path.join(dir, LOCK_FILE), 'utf8'));
  expect(mine).toMatchObject({ pid: process.pid, start: processStart(process.pid), host: os.hostname() });
  await expect(lockFolder(dir)).rejects.toThrow(`another batch (process ${process.pid})`);
  await unlock();
  expect(existsSync(path.join(dir, LOCK_FILE))).toBe(false);
});
