// The typed path side by side, interleaved in one run: `jixiao batch` over
// the typed development corpus with each PDF engine (PDFium, the default, and
// pdf.js), against poppler's `pdftotext -layout` on the same files with as
// many processes as jixiao has cores — at 1 and at 2 cores; then the review
// site (`jixiao report` over the batch's folder, its first drawing of every
// page) against the batch's own time. Each figure is the median of `rounds`
// runs taken in turn (A B C A B C …), so that a machine shared with other work
// slows all alike; wall time and CPU time (user + system of the process tree).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine } from './extract.ts';

const root = fileURLToPath(new URL('../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');
const CORPUS = process.env.JIXIAO_CORPUS ?? '/work/shared/corpus';

interface Timed {
  wall: number;
  cpu: number;
}

/** Wall and CPU seconds of a command, through /usr/bin/time (children included). */
function timed(argv: string[], env: NodeJS.ProcessEnv = process.env): Timed {
  const run = spawnSync('/usr/bin/time', ['-f', 'TIMED %e %U %S', ...argv], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const m = /TIMED ([\d.]+) ([\d.]+) ([\d.]+)/.exec(run.stderr);
  if (run.status !== 0 || !m) throw new Error(`${argv.join(' ')} failed: ${run.stderr.slice(-500)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function runEnginesBench(rounds = 3): Promise<object> {
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.pdf') && !f.includes('-scan'))
    .map((f) => path.join(CORPUS, f));
  if (files.length === 0) return { skipped: `no typed PDFs in ${CORPUS} (JIXIAO_CORPUS)` };
  const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-engines-'));
  const node = process.execPath;
  try {
    const batch =
      (engine: string, jobs: number, out: string, extra: string[] = []) =>
      () =>
        timed(
          [
            node,
            bin,
            'batch',
            ...files,
            '--out',
            out,
            '--jobs',
            String(jobs),
            '--ocr',
            'never',
            '--quiet',
            '--force',
            ...extra,
          ],
          {
            ...process.env,
            JIXIAO_PDF_ENGINE: engine,
          },
        );
    const pdftotext = (jobs: number) => () =>
      timed(['sh', '-c', `printf '%s\\n' "$@" | xargs -P ${jobs} -I{} pdftotext -layout {} /dev/null`, 'sh', ...files]);
    // a first site each time: the folder of the round before (and the images it drew) removed first
    const report = (engine: string, from: string, out: string) => () => {
      rmSync(out, { recursive: true, force: true });
      return timed([node, bin, 'report', from, '--out', out, '--quiet'], { ...process.env, JIXIAO_PDF_ENGINE: engine });
    };
    const cases: Record<string, () => Timed> = {};
    for (const jobs of [1, 2]) {
      cases[`pdftotext -layout, ${jobs} process(es)`] = pdftotext(jobs);
      for (const engine of ['pdfium', 'pdfjs'])
        cases[`jixiao batch ${engine}, --jobs ${jobs}`] = batch(engine, jobs, path.join(work, `${engine}-${jobs}`));
    }
    for (const engine of ['pdfium', 'pdfjs'])
      cases[`jixiao report ${engine} over the --jobs 2 batch`] = report(
        engine,
        path.join(work, `${engine}-2`),
        path.join(work, `site-${engine}`),
      );
    // the pages drawn by the batch's own workers while each document is open; the site then copies them
    cases['jixiao batch pdfium, --jobs 2 --page-images'] = batch('pdfium', 2, path.join(work, 'images'), [
      '--page-images',
    ]);
    cases['jixiao report pdfium over the --page-images batch'] = report(
      'pdfium',
      path.join(work, 'images'),
      path.join(work, 'site-images'),
    );
    const seen: Record<string, Timed[]> = {};
    for (let r = 0; r < rounds; r++) for (const [name, run] of Object.entries(cases)) (seen[name] ??= []).push(run());
    const pages = pagesOf(path.join(work, 'pdfium-2'));
    const result: Record<string, { wall: number; cpu: number; pagesPerSecond: number }> = {};
    for (const [name, runs] of Object.entries(seen)) {
      const wall = median(runs.map((t) => t.wall));
      result[name] = { wall, cpu: median(runs.map((t) => t.cpu)), pagesPerSecond: pages / wall };
    }
    const pps = (name: string) => result[name]!.pagesPerSecond;
    const ratios: Record<string, number> = {};
    for (const jobs of [1, 2])
      for (const engine of ['pdfium', 'pdfjs'])
        ratios[`${engine} / pdftotext at ${jobs} core(s)`] =
          pps(`jixiao batch ${engine}, --jobs ${jobs}`) / pps(`pdftotext -layout, ${jobs} process(es)`);
    for (const engine of ['pdfium', 'pdfjs']) {
      ratios[`${engine} parallel efficiency (2 cores)`] =
        pps(`jixiao batch ${engine}, --jobs 2`) / (2 * pps(`jixiao batch ${engine}, --jobs 1`));
      ratios[`${engine} first review site / batch time`] =
        result[`jixiao report ${engine} over the --jobs 2 batch`]!.wall /
        result[`jixiao batch ${engine}, --jobs 2`]!.wall;
    }
    const wall = (name: string) => result[name]!.wall;
    ratios['pdfium first review site / batch time, with --page-images'] =
      wall('jixiao report pdfium over the --page-images batch') / wall('jixiao batch pdfium, --jobs 2 --page-images');
    ratios['pdfium --page-images batch / plain batch'] =
      wall('jixiao batch pdfium, --jobs 2 --page-images') / wall('jixiao batch pdfium, --jobs 2');
    return {
      machine: machine(),
      load: os.loadavg().map((l) => Math.round(l * 10) / 10),
      files: files.length,
      pages,
      rounds,
      result,
      ratios,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function pagesOf(out: string): number {
  let pages = 0;
  for (const line of readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').split('\n'))
    if (line.trim()) pages += (JSON.parse(line) as { pages?: number }).pages ?? 0;
  return pages;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runEnginesBench(Number(process.argv[2] ?? 3));
  console.log(JSON.stringify(result, null, 2));
}
