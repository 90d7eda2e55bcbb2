// The first review site against the batch it is built from (issue #26 item 3: at most 0.3 × the batch's
// time), and what a user pays for both: `jixiao batch --jobs 2` over the typed corpus, then a first
// `jixiao report` over its folder — by default (the site draws the pages holding a finding in its own
// threads), and with `batch --finding-page-images` (the batch's document workers draw those pages while
// each document is open; the site copies them). Each figure is the median of `rounds` runs taken in turn
// (A B C A B C …), wall and CPU (user + system of the process tree). JIXIAO_BENCH_REF=<checkout> runs
// another checkout's default batch and site in the same rounds (its dist/, built beforehand): the before.
// `node bench/site.ts [rounds]`.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, timed, typedPdfs } from './engines.ts';
import { machine } from './extract.ts';
import { bin, measured, node } from './paths.ts';

const CORPUS = process.env.JIXIAO_CORPUS ?? '/work/shared/corpus';

interface Timed {
  wall: number;
  cpu: number;
}

/** A batch then a first site over its folder, by one checkout's `node` and script. */
function pair(label: string, run: { node: string; bin: string }, files: string[], work: string, extra: string[]) {
  const batchOut = path.join(work, `${label}-batch`);
  const siteOut = path.join(work, `${label}-site`);
  const env = { ...process.env, JIXIAO_PDF_ENGINE: 'pdfium' };
  return {
    batch: () =>
      timed(
        [
          run.node,
          run.bin,
          'batch',
          ...files,
          '--out',
          batchOut,
          '--jobs',
          '2',
          '--ocr',
          'never',
          '--quiet',
          '--force',
          ...extra,
        ],
        env,
      ),
    site: () => {
      // a first site each time: the round before's folder (and the images it drew or copied) removed
      rmSync(siteOut, { recursive: true, force: true });
      return timed([run.node, run.bin, 'report', batchOut, '--out', siteOut, '--quiet'], env);
    },
    siteOut,
  };
}

export async function runSiteBench(rounds = 3): Promise<object> {
  const files = typedPdfs(CORPUS, (f) => !f.includes('-scan'));
  if (files.length === 0) return { skipped: `no typed PDFs in ${CORPUS} (JIXIAO_CORPUS)` };
  const work = mkdtempSync(path.join(os.tmpdir(), 'jixiao-site-bench-'));
  const ref = process.env.JIXIAO_BENCH_REF;
  const refRun = ref && {
    node: path.join(ref, 'node_modules', '.bin', 'node'),
    bin: path.join(ref, 'dist', 'cli', 'main.js'),
  };
  if (refRun && !existsSync(refRun.bin))
    throw new Error(`JIXIAO_BENCH_REF: no ${refRun.bin} (npm run build there first)`);
  try {
    const pairs = {
      default: pair('default', { node, bin }, files, work, []),
      '--finding-page-images': pair('findings', { node, bin }, files, work, ['--finding-page-images']),
      ...(refRun && { reference: pair('reference', refRun, files, work, []) }),
    };
    const seen: Record<string, { batch: Timed[]; site: Timed[] }> = {};
    for (let r = 0; r < rounds; r++)
      for (const [name, p] of Object.entries(pairs)) {
        const s = (seen[name] ??= { batch: [], site: [] });
        s.batch.push(p.batch());
        s.site.push(p.site());
      }
    const result: Record<string, object> = {};
    for (const [name, s] of Object.entries(seen)) {
      const m = (xs: Timed[], k: keyof Timed) => round(median(xs.map((t) => t[k])));
      const ratio = (k: keyof Timed) => round(median(s.site.map((t, i) => t[k] / s.batch[i]![k])));
      const total = (k: keyof Timed) => round(median(s.site.map((t, i) => t[k] + s.batch[i]![k])));
      result[name] = {
        'batch wall s': m(s.batch, 'wall'),
        'batch CPU s': m(s.batch, 'cpu'),
        'first site wall s': m(s.site, 'wall'),
        'first site CPU s': m(s.site, 'cpu'),
        // ≤ 0.3 is issue #26's aim
        'site / batch, wall': ratio('wall'),
        'site / batch, CPU': ratio('cpu'),
        'batch + site, wall s': total('wall'),
        'batch + site, CPU s': total('cpu'),
        'page images the site shows': imagesIn(pairs[name as keyof typeof pairs]!.siteOut),
        runs: { batch: s.batch, site: s.site },
      };
    }
    return {
      machine: machine(),
      measured,
      ...(ref && { reference: ref }),
      load: os.loadavg().map((l) => Math.round(l * 10) / 10),
      rounds,
      files: files.length,
      result,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The page images the site's documents show (drawn by it or copied from the batch's folder). */
function imagesIn(siteOut: string): number {
  const docs = path.join(siteOut, 'documents');
  if (!existsSync(docs)) return 0;
  let n = 0;
  for (const d of readdirSync(docs, { withFileTypes: true }))
    if (d.isDirectory())
      n += readdirSync(path.join(docs, d.name)).filter((f) => /^page-\d+\.(png|webp)$/.test(f)).length;
  return n;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await runSiteBench(Number(process.argv[2] ?? 3)), null, 2));
}
