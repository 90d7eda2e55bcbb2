// The output seam: a batch writes what the writers' lists hold, so a new format is one writer and one line in
// a list (src/writers/index.ts), not new wiring in batch/run.ts.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { writeAtomic } from '../../src/util/files.ts';
import {
  DOCUMENT_WRITERS,
  RUN_WRITERS,
  type DocumentWriter,
  type RunWriter,
  type RunWritten,
} from '../../src/writers/index.ts';
import { madeReport, writeAll } from './corpus.ts';

const runWriters = RUN_WRITERS as RunWriter<RunWritten | void>[];
const documentWriters = DOCUMENT_WRITERS as unknown as DocumentWriter[];
const lengths = [runWriters.length, documentWriters.length] as const;
afterEach(() => {
  runWriters.splice(lengths[0]);
  documentWriters.splice(lengths[1]);
});

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
  expect(result.tables).toEqual({
    documents: 2,
    facts: expect.any(Number),
    findings: expect.any(Number),
    indicators: expect.any(Number),
    funds: expect.any(Number),
  });
  const written = readFileSync(path.join(out, 'organisations.txt'), 'utf8').split('\n');
  expect(written[0]).toBe('2 inputs');
  expect(written.slice(1, 3).map((l) => l.split(':')[0])).toEqual(['docs/a.json', 'docs/b.json']);
  expect(written[1]).toMatch(/第2分局/);
});

test('a document writer added to DOCUMENT_WRITERS: its file beside each report, none for a failed input, redone on resume when missing', async () => {
  const work = mkdtempSync(path.join(tmpdir(), 'jixiao-writer-lists-'));
  const inputs = writeAll(path.join(work, 'in'), [
    { name: 'a.pdf', bytes: madeReport(3) },
    { name: 'b.pdf', bytes: madeReport(4) },
    { name: 'c.pdf', bytes: new TextEncoder().encode('not a pdf at all') },
  ]);
  documentWriters.push({
    name: 'organisation',
    documentPath: (name) => `${name}.org.txt`,
    render: (report) => `${report.document.organization}\n`,
  });
  const out = path.join(work, 'out');
  const first = await runBatch({ inputs, out, jobs: 1, progress: 'none' });
  expect(first.ok).toBe(2);
  expect(readFileSync(path.join(out, 'docs', 'a.org.txt'), 'utf8')).toMatch(/第4分局\n$/);
  expect(readFileSync(path.join(out, 'docs', 'b.org.txt'), 'utf8')).toMatch(/第5分局\n$/);
  expect(existsSync(path.join(out, 'docs', 'c.org.txt'))).toBe(false);
  // A run started again keeps a document only when all its files are there.
  rmSync(path.join(out, 'docs', 'a.org.txt'));
  const events: { path: string; reused?: boolean }[] = [];
  await runBatch({
    inputs,
    out,
    jobs: 1,
    progress: 'none',
    onEvent: (e) => void (e.type === 'done' && events.push(e)),
  });
  expect(events.map((e) => [path.basename(e.path), e.reused]).sort()).toEqual([
    ['a.pdf', false],
    ['b.pdf', true],
  ]);
  expect(readFileSync(path.join(out, 'docs', 'a.org.txt'), 'utf8')).toMatch(/第4分局\n$/);
});
