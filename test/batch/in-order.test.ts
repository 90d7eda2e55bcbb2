// The CSV tables are written as the documents are done, in input order (src/batch/in-order.ts), not read back
// from docs/ after the last one: the same bytes as rebuilt from docs/ at the end — with failed inputs,
// duplicates and documents kept from an earlier run among them — and, when corrections arrive during the run,
// rebuilt from the corrected documents after all.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, expect, test, vi } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import type { Report } from '../../src/schema/report.ts';
import { appendCorrection } from '../../src/writers/corrections-file.ts';
import { TablesWriter, writeTables } from '../../src/writers/csv.ts';
import { readManifest } from '../../src/writers/manifest.ts';
import { factByLabel, factFix, reviewedPdf } from '../support/reviewed.ts';
import { madeReport, writeAll } from './corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-in-order-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const TABLES = ['documents.csv', 'facts.csv', 'facts.jsonl', 'findings.csv', 'indicators.csv', 'funds.csv'];

/** The tables of `out` as the end of a run used to write them: every report read back from docs/. */
async function rebuilt(out: string): Promise<Record<string, string>> {
  const again = mkdtempSync(path.join(work, 'rebuilt-'));
  const records = await readManifest(path.join(out, 'manifest.jsonl'));
  await writeTables(
    again,
    (async function* () {
      for (const record of records)
        yield {
          record,
          report:
            record.status === 'ok' && record.doc
              ? (JSON.parse(await readFile(path.join(out, record.doc), 'utf8')) as Report)
              : null,
        };
    })(),
  );
  return Object.fromEntries(TABLES.map((t) => [t, readFileSync(path.join(again, t), 'utf8')]));
}

const tables = (out: string) => Object.fromEntries(TABLES.map((t) => [t, readFileSync(path.join(out, t), 'utf8')]));

test('tables written during the run: rows before the last document ends, the same bytes as rebuilt from docs/', async () => {
  const dir = path.join(work, 'in');
  writeAll(dir, [
    { name: 'a.pdf', bytes: madeReport(1) },
    { name: 'b.pdf', bytes: Buffer.from('not a pdf at all') },
    { name: 'c.pdf', bytes: madeReport(2) },
    { name: 'd.pdf', bytes: madeReport(1) }, // the same content as a.pdf
    { name: 'e.pdf', bytes: madeReport(3) },
    { name: 'f.pdf', bytes: madeReport(4) },
  ]);
  const out = path.join(work, 'out');
  const log: string[] = [];
  // How each input's rows came: made by its document process (part), from its report read back, or none.
  const how: string[] = [];
  const add = TablesWriter.prototype.add;
  vi.spyOn(TablesWriter.prototype, 'add').mockImplementation(function (this: TablesWriter, doc) {
    const name = doc.record.path.split('/').pop();
    log.push(`add ${name}`);
    how.push(`${name} ${doc.part ? 'part' : doc.report ? 'read back' : 'none'}`);
    return add.call(this, doc);
  });
  const first = await runBatch({
    inputs: [path.join(dir, 'a.pdf'), path.join(dir, 'b.pdf'), path.join(dir, 'c.pdf')],
    out,
    jobs: 1,
    progress: 'none',
    onEvent: (e) => e.type !== 'started' && log.push(`${e.type} ${e.path.split('/').pop()}`),
  });
  expect(first).toMatchObject({ ok: 2, failed: 1 });
  // a.pdf's rows were made while c.pdf was still being read.
  expect(log.indexOf('add a.pdf')).toBeGreaterThan(-1);
  expect(log.indexOf('add a.pdf')).toBeLessThan(log.indexOf('done c.pdf'));
  expect(how).toEqual(['a.pdf part', 'b.pdf none', 'c.pdf part']);
  expect(tables(out)).toEqual(await rebuilt(out));

  // Resumed with more inputs: kept documents, a duplicate and new ones, in input order.
  log.length = 0;
  how.length = 0;
  const second = await runBatch({ inputs: [dir], out, jobs: 2, progress: 'none' });
  expect(second).toMatchObject({ total: 6, ok: 4, failed: 1, skipped: 1, reused: 3 });
  expect(log.filter((l) => l.startsWith('add '))).toEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((n) => `add ${n}.pdf`));
  const now = tables(out);
  expect(now['documents.csv']!.split('\n')).toHaveLength(8); // header, six inputs, the last newline
  expect(how).toEqual(['a.pdf read back', 'b.pdf none', 'c.pdf read back', 'd.pdf none', 'e.pdf part', 'f.pdf part']);
  expect(now).toEqual(await rebuilt(out));
});

test('corrections that arrive while the run goes on: the tables are those of the corrected documents', async () => {
  const dir = path.join(work, 'reviewed');
  writeAll(dir, [
    { name: 'a.pdf', bytes: reviewedPdf() },
    { name: 'b.pdf', bytes: madeReport(5) },
    { name: 'c.pdf', bytes: madeReport(6) },
  ]);
  // The correction, made from a first read of a.pdf elsewhere.
  const elsewhere = path.join(work, 'elsewhere');
  await runBatch({ inputs: [path.join(dir, 'a.pdf')], out: elsewhere, jobs: 1, progress: 'none', ocr: 'never' });
  const asRead = JSON.parse(readFileSync(path.join(elsewhere, 'docs', 'a.json'), 'utf8')) as Report;
  const file = path.join(work, 'correction.jsonl');
  await appendCorrection(file, factFix(asRead, factByLabel(asRead, '实有人数'), { value: 24, unit: '人' }));

  const out = path.join(work, 'corrected');
  await runBatch({
    inputs: [dir],
    out,
    jobs: 1,
    progress: 'none',
    ocr: 'never',
    onEvent: (e) => {
      // a.pdf's rows are in the tables by now; the corrections file comes afterwards.
      if (e.type === 'started' && e.path.endsWith('c.pdf'))
        writeFileSync(path.join(out, 'corrections.jsonl'), readFileSync(file));
    },
  });
  const facts = readFileSync(path.join(out, 'facts.csv'), 'utf8');
  expect(facts.split('\n').some((l) => l.startsWith('docs/a.json,') && l.includes('实有人数') && /,24,/.test(l))).toBe(
    true,
  );
  expect(tables(out)).toEqual(await rebuilt(out));
});
