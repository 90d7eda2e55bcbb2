// One batch per output folder at a time: DIR/.jixiao.lock names its holder.
// A lock is stale — left by a killed run, taken over — when it cannot be the
// holder's any more, judged by more than a PID, since PIDs are reused (in a
// container the next batch may well get the dead one's PID):
//   - same host: the PID is gone, or it now belongs to a process started at
//     another time (Linux: field 22 of /proc/PID/stat) than the holder;
//   - any host: the holder touches the lock every HEARTBEAT_MS; a lock not
//     touched for STALE_MS belongs to nobody (another machine's batch on a
//     shared folder, or a system without /proc).
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { open, readFile, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import { inside } from '../writers/files.ts';
import { BatchSetupError } from './errors.ts';

export const LOCK_FILE = '.jixiao.lock';
export const HEARTBEAT_MS = 30_000;
export const STALE_MS = 4 * HEARTBEAT_MS;

/** What a lock records of its holder. Locks of older versions hold only the PID. */
export interface LockOwner {
  pid: number;
  /** the process's start time, clock ticks after boot; null where /proc is not there */
  start: number | null;
  host: string;
  /** this batch's own: it removes the lock only while the lock is still its own */
  token: string;
}

/** Takes the folder's lock (or throws BatchSetupError naming its holder); the function it returns gives it back. */
export async function lockFolder(root: string): Promise<() => Promise<void>> {
  const file = inside(root, LOCK_FILE);
  const me: LockOwner = {
    pid: process.pid,
    start: processStart(process.pid),
    host: os.hostname(),
    token: randomBytes(8).toString('hex'),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fh = await open(file, 'wx');
      try {
        await fh.writeFile(JSON.stringify(me) + '\n');
      } finally {
        await fh.close();
      }
      const beat = setInterval(() => void utimes(file, new Date(), new Date()).catch(() => {}), HEARTBEAT_MS);
      beat.unref();
      return async () => {
        clearInterval(beat);
        if (parseOwner(await readFile(file, 'utf8').catch(() => ''))?.token === me.token)
          await rm(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new BatchSetupError(`cannot lock ${root}: ${String(err)}`);
      const held = await holder(file);
      if (held) throw new BatchSetupError(`another batch (${held}) is writing to ${root}`);
      await rm(file, { force: true });
    }
  }
  throw new BatchSetupError(`cannot lock ${root}`);
}

/** Who holds the lock in `file` ("process N" or "process N on HOST"), or null when it is stale. */
export async function holder(file: string): Promise<string | null> {
  const [text, s] = await Promise.all([readFile(file, 'utf8').catch(() => ''), stat(file).catch(() => null)]);
  if (!s) return null;
  const owner = parseOwner(text);
  if (!owner) return null; // empty or garbled: its writer died before writing it
  const touched = Date.now() - s.mtimeMs;
  if (owner.host !== os.hostname()) return touched < STALE_MS ? `process ${owner.pid} on ${owner.host}` : null;
  if (!alive(owner.pid)) return null;
  const start = processStart(owner.pid);
  if (owner.token) {
    // jixiao's own lock: the start time decides; without one (no /proc) the heartbeat does.
    if (owner.start !== null && start !== null) return owner.start === start ? `process ${owner.pid}` : null;
    return touched < STALE_MS ? `process ${owner.pid}` : null;
  }
  // A PID-only lock of an older jixiao: a process that started after the lock was written cannot be its writer.
  const startedAt = start === null ? null : startedAtMs(start);
  return startedAt !== null && startedAt > s.mtimeMs + 1000 ? null : `process ${owner.pid}`;
}

function parseOwner(text: string): (Partial<LockOwner> & { pid: number; host: string; start: number | null }) | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t), host: os.hostname(), start: null };
  try {
    const o = JSON.parse(t) as Partial<LockOwner>;
    if (!Number.isInteger(o.pid) || o.pid! <= 0 || typeof o.host !== 'string' || typeof o.token !== 'string')
      return null;
    return { pid: o.pid!, host: o.host, start: typeof o.start === 'number' ? o.start : null, token: o.token };
  } catch {
    return null;
  }
}

/**
 * Whether `pid` is a running process. A zombie — dead, but not yet reaped by its parent (a batch killed under a
 * supervisor that does not wait for its children) — still answers kill(pid, 0): its state in /proc says Z (or X).
 */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const state = processState(pid);
  return state !== 'Z' && state !== 'X';
}

/** Field 3 of /proc/PID/stat (R, S, D, Z, T, X …), or null where it cannot be read. */
function processState(pid: number): string | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ')[0] ?? null;
  } catch {
    return null;
  }
}

/** Field 22 of /proc/PID/stat (after the name in parentheses, which may hold anything), or null. */
export function processStart(pid: number): number | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const start = Number(text.slice(text.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(start) ? start : null;
  } catch {
    return null;
  }
}

/** A start time in ticks as wall-clock ms: the boot time (/proc/stat btime) plus ticks at USER_HZ, 100 on Linux. */
function startedAtMs(ticks: number): number | null {
  try {
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'));
    return btime ? Number(btime[1]) * 1000 + ticks * 10 : null;
  } catch {
    return null;
  }
}
