// The output seam: a batch writes what the writers' lists hold, so a new format is one writer and one line in
// a list (src/writers/index.ts), not new wiring in batch/run.ts.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { writeAtomic } from '../../src/util/files.ts';
import { RUN_WRITERS, type RunWriter, type RunWritten } from '../../src/writers/index.ts';
import { madeReport, writeAll } from './corpus.ts';

const runWriters = RUN_WRITERS as RunWriter<RunWritten | void>[];
const added = runWriters.length;
afterEach(() => void runWriters.splice(added));

test('a run writer added to RUN_WRITERS is written at the end of a batch, from every input', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'jixiao-writer-lists-'));
  const inputs = writeAll(path.join(work, 'in'), [
    { name: 'a.pdf', bytes: madeReport(1) },
    { name: 'b.pdf', bytes: madeReport(2) },
  ]);
  runWriters.push({
    name: 'organisations',
    finish: async (dir, run) => {
      const lines = [`${run.records.length} inputs`];
      for await (const doc of run.documents()) lines.push(`${doc.record.doc}: ${doc.report?.document.organization}`);
      await writeAtomic(path.join(dir, 'organisations.txt'), lines.join('\n') + '\n');
    },
  });
  const out = path.join(work, 'out');
  const result = await runBatch({ inputs, out, jobs: 1, progress: 'none' });
  expect(result.exitCode).toBe(0);
  expect(result.tables).toEqual({ documents: 2, facts: expect.any(Number), findings: expect.any(Number) });
  const written = readFileSync(path.join(out, 'organisations.txt'), 'utf8').split('\n');
  expect(written[0]).toBe('2 inputs');
  expect(written.slice(1, 3).map((l) => l.split(':')[0])).toEqual(['docs/a.json', 'docs/b.json']);
  expect(written[1]).toMatch(/第2分局/);
});
