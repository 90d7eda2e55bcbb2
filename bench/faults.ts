// The faults that take long to repeat (test/faults/ runs each a few times):
// twenty stops of a batch while PP-OCR runs — SIGTERM, Ctrl-C to its process
// group, SIGKILL — and twenty of `extract` by Ctrl-C; each must end cleanly
// (130, or the signal for SIGKILL), never abort (Napi::Error, exit 134), and
// leave no process behind. Then the peaks of the hostile inputs that used to
// exceed the memory bound (the image bomb, a 1000 MB file with a %PDF header,
// two of them at --jobs 2), against --max-memory 2048 (+10 %).
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { imageBomb } from '../test/support/hostile-pdfs.ts';
import { ABORT, bin, node, runAndStop, scanCopies } from '../test/support/stop-ocr.ts';

const REPEAT = 20;

interface StopTally {
  runs: number;
  clean: number;
  aborted: number;
  leftProcesses: number;
  seconds: number;
}

async function stops(work: string, what: 'term' | 'int' | 'kill' | 'extract-int', scans: string[]): Promise<StopTally> {
  const t0 = performance.now();
  const tally: StopTally = { runs: 0, clean: 0, aborted: 0, leftProcesses: 0, seconds: 0 };
  for (let i = 0; i < REPEAT; i++) {
    const out = path.join(work, `${what}-${i}`);
    const args =
      what === 'extract-int' ? ['extract', scans[0]!] : ['batch', ...scans.slice(0, 2), '--out', out, '--quiet'];
    const detached = what === 'int' || what === 'extract-int';
    const send = (pid: number) =>
      detached ? process.kill(-pid, 'SIGINT') : process.kill(pid, what === 'kill' ? 'SIGKILL' : 'SIGTERM');
    // Stops spread over the first seconds of OCR: session start, detection, recognition.
    const run = await runAndStop(args, work, { afterMs: (i * 337) % 4000, send }, detached);
    tally.runs++;
    if (ABORT.test(run.stderr) || run.code === 134) tally.aborted++;
    const expected = what === 'kill' ? run.signal === 'SIGKILL' : run.code === 130 || run.signal === 'SIGINT';
    if (expected && !ABORT.test(run.stderr)) tally.clean++;
    tally.leftProcesses += run.left;
  }
  tally.seconds = Math.round((performance.now() - t0) / 100) / 10;
  return tally;
}

/** Peak resident memory of the largest process of the command's tree (GNU time), MB; its exit status. */
function peak(args: string[], cwd: string): { status: number | null; peakMb: number | null; line: string } {
  const run = spawnSync('/usr/bin/time', ['-f', 'maxrss=%M', node, bin, ...args], { cwd, encoding: 'utf8' });
  const kb = /maxrss=(\d+)/.exec(run.stderr)?.[1];
  const line = run.stderr.split('\n').find((l) => l.startsWith('jixiao')) ?? '';
  return { status: run.status, peakMb: kb ? Math.round(Number(kb) / 1024) : null, line };
}

function sparsePdf(file: string, mb: number): void {
  const fd = openSync(file, 'w');
  writeSync(fd, '%PDF-1.7\n');
  writeSync(fd, '\n', mb * 1024 * 1024 - 1);
  closeSync(fd);
}

export async function runFaultsBench(): Promise<unknown> {
  const work = mkdtempSync(path.join(tmpdir(), 'jixiao-bench-faults-'));
  const scans = scanCopies(path.join(work, 'in'), 2);
  const result: Record<string, unknown> = {};
  for (const what of ['term', 'int', 'kill', 'extract-int'] as const) {
    result[`stop-${what}`] = await stops(work, what, scans);
    console.error(`faults: stop-${what} done`);
  }
  writeFileSync(path.join(work, 'image-bomb.pdf'), imageBomb());
  sparsePdf(path.join(work, 'big-1.pdf'), 1000);
  sparsePdf(path.join(work, 'big-2.pdf'), 1000);
  result.limitMb = 2048;
  result.imageBomb = peak(['check', 'image-bomb.pdf'], work);
  result.bigFile = peak(['check', 'big-1.pdf'], work);
  result.twoBigFiles = peak(['batch', 'big-1.pdf', 'big-2.pdf', '--out', 'big-out', '--jobs', '2', '--quiet'], work);
  return result;
}
