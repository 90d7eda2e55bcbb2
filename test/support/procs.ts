// Processes as a scheduler sees them (Linux /proc): a process tree by PID,
// each process named by PID and start time so that a reused PID is not
// mistaken for the process that is gone.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface Proc {
  pid: number;
  ppid: number;
  /** clock ticks after boot (field 22 of /proc/PID/stat) */
  start: number;
  /** R S D Z T … (field 3) */
  state: string;
}

/** /proc/PID/stat, or null when there is no such process. The name (field 2) may hold spaces and parentheses. */
export function proc(pid: number): Proc | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { pid, state: rest[0]!, ppid: Number(rest[1]), start: Number(rest[19]) };
}

/** `pid` and every process below it. */
export function tree(pid: number): Proc[] {
  const all = readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .map((n) => proc(Number(n)))
    .filter((p): p is Proc => p !== null);
  const out: Proc[] = [];
  const root = all.find((p) => p.pid === pid);
  if (!root) return out;
  const queue = [root];
  while (queue.length > 0) {
    const p = queue.shift()!;
    out.push(p);
    queue.push(...all.filter((c) => c.ppid === p.pid));
  }
  return out;
}

/** Still running: the same process (PID and start time) and not a zombie. */
export function running(p: Proc): boolean {
  const now = proc(p.pid);
  return now !== null && now.start === p.start && now.state !== 'Z';
}

/** Waits until none of `procs` runs; the ones still running after `ms`. */
export async function gone(procs: Proc[], ms: number): Promise<Proc[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = procs.filter(running);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A Node older than 22.13 on PATH or in the usual places (the re-exec path of bin/jixiao.js), or null. */
export function oldNode(): string | null {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((d) => d && !d.includes('node_modules'));
  for (const candidate of [...dirs.map((d) => path.join(d, 'node')), '/usr/bin/node', '/usr/local/bin/node']) {
    try {
      const [major, minor] = execFileSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' })
        .trim()
        .split('.')
        .map(Number);
      if (major! < 22 || (major === 22 && minor! < 13)) return candidate;
    } catch {
      // not there
    }
  }
  return null;
}
