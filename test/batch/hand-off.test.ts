// A document's process takes the next document as soon as it answers: the batch records the last one (its
// manifest line, an fsync; its rows) meanwhile, not before. Lines are still written after their reports, and a
// slow disk holds the processes back rather than letting answers pile up.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { localRunner } from '../../src/batch/local.ts';
import { runWith, type BatchEvent } from '../../src/batch/run.ts';
import { madeReport, writeAll } from './corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-hand-off-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('with one process, the second document starts while the first is being recorded; every line is written', async () => {
  const inputs = writeAll(
    path.join(work, 'in'),
    [1, 2, 3].map((i) => ({ name: `r${i}.pdf`, bytes: madeReport(i) })),
  );
  const out = path.join(work, 'out');
  const started: number[] = [];
  let secondStarted: () => void = () => {};
  const second = new Promise<void>((resolve) => (secondStarted = resolve));
  const onEvent = (e: BatchEvent) => {
    if (e.type !== 'started') return;
    started.push(e.index);
    if (started.length === 2) secondStarted();
  };
  /** at each recording: how many documents had started */
  const startedWhenRecorded: number[] = [];
  const result = await runWith({ inputs, out, jobs: 1, progress: 'none', onEvent }, (opts) => {
    const inner = localRunner(opts);
    return {
      prepare: (n) => inner.prepare!(n),
      start: (plan) => inner.start(plan),
      run: (plan, finished) =>
        inner.run(plan, async (item, record, parts) => {
          // The first document's line waits (up to 20 s) for the second document to start.
          if (startedWhenRecorded.length === 0)
            await Promise.race([second, new Promise((resolve) => setTimeout(resolve, 20_000))]);
          startedWhenRecorded.push(started.length);
          return finished(item, record, parts);
        }),
      close: () => inner.close(),
    };
  });
  expect(result).toMatchObject({ ok: 3, failed: 0 });
  expect(startedWhenRecorded[0]).toBe(2);
  const lines = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8').trim().split('\n');
  expect(lines.map((l) => path.basename((JSON.parse(l) as { path: string }).path))).toEqual([
    'r1.pdf',
    'r2.pdf',
    'r3.pdf',
  ]);
}, 60_000);
