// The jixiao CLI in child processes, as the queue tests run it: coordinators
// and workers with their stderr kept, their exit awaited.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', '.bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');

export interface Proc {
  child: ChildProcess;
  pid: number;
  stderr(): string;
  stdout(): string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>;
  /** resolves when stderr has matched */
  waitFor(re: RegExp, timeoutMs?: number): Promise<void>;
}

export function jixiao(args: string[]): Proc {
  const child = spawn(node, [bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  let out = '';
  const waiters: (() => void)[] = [];
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString();
    for (const w of [...waiters]) w();
  });
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; stdout: string }>(
    (resolve) =>
      child.on('exit', (code, signal) => {
        // let the pipes drain
        setTimeout(() => resolve({ code, signal, stderr: err, stdout: out }), 20);
      }),
  );
  return {
    child,
    pid: child.pid!,
    stderr: () => err,
    stdout: () => out,
    done,
    waitFor: (re, timeoutMs = 60_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${re} in:\n${err}`)), timeoutMs);
        const check = () => {
          if (re.test(err)) {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(check), 1);
            resolve();
          }
        };
        waiters.push(check);
        check();
      }),
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `cond` holds. */
export async function until(
  cond: () => boolean | Promise<boolean>,
  timeoutMs = 60_000,
  what = 'a condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}
