// Mutated PDFs — bit flips, truncations, spliced and shuffled objects, broken
// cross-reference offsets — made with a seeded PRNG (the same every run): the
// batch survives every one and accounts for each with a status and a reason.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import type { ManifestRecord } from '../../src/writers/manifest.ts';
import { Report } from '../../src/schema/report.ts';
import { madeReport, prng, SAMPLE, writeAll } from './corpus.ts';

const SEED = 20240529;
const COUNT = 80;
const KNOWN_CODES = ['not-pdf', 'encrypted', 'corrupt', 'empty', 'too-many-pages', 'timeout', 'out-of-memory', 'error'];

type Mutation = (a: Buffer, b: Buffer, r: () => number) => Buffer;
const int = (r: () => number, n: number) => Math.floor(r() * n);

const MUTATIONS: Record<string, Mutation> = {
  bitflips: (a, _b, r) => {
    const out = Buffer.from(a);
    for (let k = 1 + int(r, 40); k > 0; k--) {
      const at = int(r, out.length);
      out[at] = out[at]! ^ (1 << int(r, 8));
    }
    return out;
  },
  truncate: (a, _b, r) => a.subarray(0, int(r, a.length)),
  splice: (a, b, r) => {
    // A slice of another PDF (objects and all) dropped into this one.
    const from = int(r, b.length);
    const piece = b.subarray(from, from + 1 + int(r, 4000));
    const at = int(r, a.length);
    return Buffer.concat([a.subarray(0, at), piece, a.subarray(at + (r() < 0.5 ? piece.length : 0))]);
  },
  objects: (a, _b, r) => {
    // Swap the bodies of two objects: references now point at the wrong kinds of thing.
    const text = a.toString('latin1');
    const starts = [...text.matchAll(/\n\d+ 0 obj\b/g)].map((m) => m.index!);
    if (starts.length < 3) return a;
    const i = int(r, starts.length - 1);
    const j = int(r, starts.length - 1);
    const [x, y] = [Math.min(i, j), Math.max(i, j) === Math.min(i, j) ? Math.min(i, j) + 1 : Math.max(i, j)];
    const s = (k: number) => text.slice(starts[k]!, starts[k + 1]);
    return Buffer.from(
      text.slice(0, starts[x]) + s(y) + text.slice(starts[x + 1], starts[y]) + s(x) + text.slice(starts[y + 1]!),
      'latin1',
    );
  },
  xref: (a, _b, r) => {
    // Offsets in the cross-reference table changed: the reader must rebuild it or give up.
    const text = a.toString('latin1');
    return Buffer.from(
      text.replace(/\b(\d{10}) (\d{5}) n/g, (m, off: string, gen: string) =>
        r() < 0.3 ? `${String(int(r, 1e10)).padStart(10, '0')} ${gen} n` : m,
      ),
      'latin1',
    );
  },
};

test('the batch survives every mutant and accounts for each', async () => {
  const r = prng(SEED);
  const parents = [readFileSync(SAMPLE), Buffer.from(madeReport(1)), Buffer.from(madeReport(3))];
  const names = Object.keys(MUTATIONS);
  const files = Array.from({ length: COUNT }, (_, i) => {
    const kind = names[i % names.length]!;
    const a = parents[int(r, parents.length)]!;
    const b = parents[int(r, parents.length)]!;
    return { name: `${String(i).padStart(3, '0')}-${kind}.pdf`, bytes: MUTATIONS[kind]!(a, b, r) };
  });
  const work = mkdtempSync(path.join(tmpdir(), 'jixiao-fuzz-'));
  const inputs = writeAll(path.join(work, 'in'), files);
  const out = path.join(work, 'out');
  const result = await runBatch({
    inputs: [path.join(work, 'in')],
    out,
    jobs: 2,
    timeoutSeconds: 15,
    maxMemoryMb: 512,
    progress: 'none',
    ocr: 'never',
  });

  const manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ManifestRecord);
  expect(manifest.map((m) => m.path).sort()).toEqual(inputs.sort());
  expect([0, 1]).toContain(result.exitCode);
  const tally: Record<string, number> = {};
  for (const m of manifest) {
    const key = m.status === 'failed' ? `failed:${m.code}` : m.status;
    tally[key] = (tally[key] ?? 0) + 1;
    if (m.status === 'failed') {
      expect(KNOWN_CODES, `${m.path}: ${m.code} ${m.reason}`).toContain(m.code);
      expect(m.reason).toMatch(/\S{3}/);
    } else if (m.status === 'ok') {
      Report.parse(JSON.parse(readFileSync(path.join(out, m.doc!), 'utf8')));
    }
  }
  // A worker that died (rather than a document that failed) would show as `crashed`; none may.
  expect(tally['failed:crashed']).toBeUndefined();
  console.log(`fuzz: ${COUNT} mutants in ${result.seconds} s:`, tally);
}, 120_000);
