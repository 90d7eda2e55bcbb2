// A batch's parallel efficiency (issue #26: "a batch on 2 cores does ≥ 0.9 × twice the documents per second of
// one core"): the same made documents as bench/batch.ts, run by the real CLI with `--jobs 1` pinned to one core
// (taskset -c 0) and with `--jobs 2` on two (taskset -c 0,1), in turn, `rounds` times; medians. Besides wall time,
// the CPU of the batch's own process (sampled from /proc) and of the whole run (/usr/bin/time: the document
// processes are its children), per document, and the load average around each run: on a shared machine the wall
// figures are only worth what the load lets them be, the CPU figures less affected.
//
//   node bench/parallel.ts [DOCUMENTS] [ROUNDS]     (default 1000 documents, 3 rounds)
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { madeReport, sampleVariant, writeAll } from '../test/batch/corpus.ts';
import { machine } from './extract.ts';
import { bin, measured, node, root } from './paths.ts';

export interface ParallelRun {
  jobs: number;
  cpus: string;
  documents: number;
  wallSeconds: number;
  cpuSeconds: number;
  /** the batch's own process (hashing, the manifest, the tables, talking to its workers) */
  coordinatorMsPerDocument: number;
  /** the document processes, their set-up included */
  workersMsPerDocument: number;
  documentsPerSecond: number;
  load: string;
}

export async function runParallelBench(total = 1000, rounds = 3): Promise<object> {
  if (!hasTools()) return { skipped: 'needs taskset, /usr/bin/time and 2 cores' };
  const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-parallel-bench-'));
  try {
    // As bench/batch.ts: one sample variant (11 pages) in ten, made reports (1–2 pages) for the rest.
    const all = path.join(work, 'in');
    writeAll(
      all,
      Array.from({ length: total }, (_, i) =>
        i % 10 === 0
          ? { name: `s${String(i).padStart(5, '0')}.pdf`, bytes: sampleVariant(i) }
          : { name: `m${String(i).padStart(5, '0')}.pdf`, bytes: madeReport(i) },
      ),
    );
    const one: ParallelRun[] = [];
    const two: ParallelRun[] = [];
    for (let r = 0; r < rounds; r++) {
      one.push(await pinnedRun(all, path.join(work, 'out'), 1, '0'));
      two.push(await pinnedRun(all, path.join(work, 'out'), 2, '0,1'));
    }
    const m1 = medianRun(one);
    const m2 = medianRun(two);
    return {
      machine: machine(),
      measured,
      documents: total,
      rounds,
      oneCore: m1,
      twoCores: m2,
      efficiency: {
        byWall: round(m2.documentsPerSecond / (2 * m1.documentsPerSecond)),
        // documents per CPU-second at 2 cores over 1: what a second core costs, whatever else runs on the machine
        byCpu: round(median(one.map((r) => r.cpuSeconds)) / median(two.map((r) => r.cpuSeconds))),
        aim: '≥ 0.9 (by wall, on an idle machine)',
      },
      runs: { oneCore: one, twoCores: two },
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function hasTools(): boolean {
  return (
    os.availableParallelism() >= 2 &&
    existsSync('/usr/bin/time') &&
    !spawnSync('taskset', ['-c', '0', 'true']).error &&
    existsSync('/proc/self/stat')
  );
}

/** One `jixiao batch --force` on the given cores: wall, CPU of the whole run and of the batch's own process. */
async function pinnedRun(input: string, out: string, jobs: number, cpus: string): Promise<ParallelRun> {
  rmSync(out, { recursive: true, force: true });
  const timeFile = path.join(path.dirname(out), 'time.txt');
  const load0 = loadAverage();
  const started = performance.now();
  const args = ['batch', input, '--out', out, '--jobs', String(jobs), '--ocr', 'never', '--quiet', '--force'];
  const child = spawn('/usr/bin/time', ['-f', '%U %S', '-o', timeFile, 'taskset', '-c', cpus, node, bin, ...args], {
    cwd: root,
    stdio: 'inherit',
  });
  // /usr/bin/time's child is taskset, which becomes node (exec): the batch's own process is time's only child.
  let own = 0;
  const timer = setInterval(() => (own = Math.max(own, ownCpu(child.pid!) ?? own)), 20);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  if (code !== 0 && code !== 1) throw new Error(`batch exited with ${code}`);
  const [user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  const cpu = user! + system!;
  const documents = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').trim().split('\n').length;
  return {
    jobs,
    cpus,
    documents,
    wallSeconds: round(wall),
    cpuSeconds: round(cpu),
    coordinatorMsPerDocument: round((own / documents) * 1000),
    workersMsPerDocument: round(((cpu - own) / documents) * 1000),
    documentsPerSecond: round(documents / wall),
    load: `${load0} → ${loadAverage()}`,
  };
}

/** CPU seconds (user + system) of the only child of `parent`, its own (not its children's), from /proc. */
function ownCpu(parent: number): number | null {
  try {
    const children = readFileSync(`/proc/${parent}/task/${parent}/children`, 'utf8').trim().split(' ');
    if (!children[0]) return null;
    const stat = readFileSync(`/proc/${children[0]}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = 100; // USER_HZ
    return (Number(fields[11]) + Number(fields[12])) / tick;
  } catch {
    return null;
  }
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
}

/** The run of median wall time. */
function medianRun(runs: ParallelRun[]): ParallelRun {
  return [...runs].sort((a, b) => a.wallSeconds - b.wallSeconds)[Math.floor(runs.length / 2)]!;
}

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(
    JSON.stringify(await runParallelBench(Number(process.argv[2] ?? 1000), Number(process.argv[3] ?? 3)), null, 2),
  );
}
