// Stopping documents while they are OCR'd, for the fault tests
// (test/faults/stop-ocr.test.ts) and the bench that repeats them 20 times
// (bench/faults.ts). A document's thread stopped while ONNX Runtime (PP-OCR)
// ran in it aborted the whole process — "terminate called after throwing an
// instance of 'Napi::Error'", exit 134 — for --timeout, --max-memory,
// SIGTERM, Ctrl-C and the queue's --grace.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gone, tree } from './procs.ts';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
export const bin = path.join(root, 'bin', 'jixiao.js');
/** 11 scanned pages: PP-OCR reads them for half a minute or more, so a stop lands while it runs. */
export const SCAN = path.join(root, 'samples', 'yueyanglou-scjg-2023-scan.pdf');
export const ABORT = /terminate called|Napi::Error|Aborted|core dumped/;

/** `n` copies of the scanned sample, each of its own content (a batch reads every one). */
export function scanCopies(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  const bytes = readFileSync(SCAN);
  return Array.from({ length: n }, (_, i) => {
    const file = path.join(dir, `scan-${String(i).padStart(2, '0')}.pdf`);
    if (!existsSync(file)) writeFileSync(file, Buffer.concat([bytes, Buffer.from(`\n%copy ${i}\n`)]));
    return file;
  });
}

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** processes of its tree still running 5 s after it ended */
  left: number;
}

/** Runs jixiao `args` in `cwd`; `stop` is called once OCR has run for `afterMs` (its PP-OCR threads up). */
export async function runAndStop(
  args: string[],
  cwd: string,
  stop?: { afterMs: number; send: (pid: number) => void },
  detached = false,
): Promise<Ended> {
  const child = spawn(node, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], detached });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('exit', (c, s) => r([c, s])));
  let procs: ReturnType<typeof tree> = [];
  if (stop) {
    // OCR running: a document process holding more than 400 MB (its PP-OCR models loaded), then the stop.
    const until = Date.now() + 120_000;
    while (Date.now() < until && child.exitCode === null) {
      procs = tree(child.pid!);
      if (procs.some((p) => rssMb(p.pid) > 400)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    await new Promise((r) => setTimeout(r, stop.afterMs));
    procs = tree(child.pid!);
    stop.send(child.pid!);
  }
  const [code, signal] = await exited;
  const left = (await gone(procs, 5000)).length;
  return { code, signal, stderr, left };
}

function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}
