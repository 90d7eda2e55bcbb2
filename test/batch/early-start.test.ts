// The document processes start while the inputs are hashed (their set-up overlaps the batch's own), and only
// when an earlier run left inputs unread: a folder already done starts none. Fewer documents to read than
// processes started: the extra ones are ended, and what is read is read the same.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { localRunner } from '../../src/batch/local.ts';
import { runWith, type DocumentRunner, type ResolvedBatchOptions } from '../../src/batch/run.ts';
import { madeReport, writeAll } from './corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-early-start-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The local runner, its calls recorded. */
function watched(calls: string[]): (opts: ResolvedBatchOptions) => DocumentRunner {
  return (opts) => {
    const inner = localRunner(opts);
    return {
      prepare: (n) => (calls.push(`prepare ${n}`), inner.prepare!(n)),
      start: (plan) => (calls.push(`start ${plan.toRun.length}`), inner.start(plan)),
      run: (plan, finished) => inner.run(plan, finished),
      close: () => (calls.push('close'), inner.close()),
    };
  };
}

test('processes start before hashing when inputs are new, not when the folder is done; a smaller plan is read all the same', async () => {
  const inputs = writeAll(
    path.join(work, 'in'),
    [1, 2, 3].map((i) => ({ name: `r${i}.pdf`, bytes: madeReport(i) })),
  );
  const out = path.join(work, 'out');
  const options = { inputs: inputs.slice(0, 1), out, jobs: 2, progress: 'none' as const };

  const first: string[] = [];
  expect((await runWith(options, watched(first))).ok).toBe(1);
  expect(first).toEqual(['prepare 1', 'start 1', 'close']);

  // Done already: nothing is started.
  const again: string[] = [];
  expect((await runWith(options, watched(again))).reused).toBe(1);
  expect(again).toEqual(['close']);

  // Two new inputs: two processes start early and read them.
  const more: string[] = [];
  const result = await runWith({ ...options, inputs }, watched(more));
  expect(result).toMatchObject({ ok: 3, reused: 1, failed: 0 });
  expect(more).toEqual(['prepare 2', 'start 2', 'close']);

  // Three new inputs of one content: a pool of two started, one process needed.
  writeAll(path.join(work, 'dup'), [
    { name: 'a.pdf', bytes: madeReport(9) },
    { name: 'b.pdf', bytes: madeReport(9) },
    { name: 'c.pdf', bytes: madeReport(9) },
  ]);
  const dup: string[] = [];
  const d = await runWith(
    { ...options, inputs: [path.join(work, 'dup')], out: path.join(work, 'out-dup') },
    watched(dup),
  );
  expect(d).toMatchObject({ ok: 1, skipped: 2, failed: 0 });
  expect(dup).toEqual(['prepare 3', 'start 1', 'close']);
  const manifest = readFileSync(path.join(work, 'out-dup', 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n');
  expect(manifest.map((l) => (JSON.parse(l) as { status: string }).status)).toEqual(['ok', 'skipped', 'skipped']);
});
