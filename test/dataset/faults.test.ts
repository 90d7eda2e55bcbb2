// jixiao dataset under faults: killed with SIGKILL at random moments, its disk
// filled at random points, and a database an older jixiao left damaged
// (a documents row without its cells and findings; rows doubled; rows with no
// documents row). After each fault the database holds whole documents only;
// the same command run again ends with the very database a clean build gives:
// nothing lost, nothing doubled.
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { readBatch, TABLES } from '../../src/dataset/build.ts';
import { DOC_TABLES, expectedRows, type RowCounts } from '../../src/dataset/repair.ts';
import type { Report } from '../../src/schema/report.ts';
import { writeAll } from '../batch/corpus.ts';
import { plan, unitReport } from './reports.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-dataset-faults-'));
const batch = path.join(work, 'batch');
/** Copies of the made reports under other hashes: enough rows that a kill lands inside the appending. */
const COPIES = 1200;
let reference: unknown;
let expected: Map<string, RowCounts>;

/** A batch folder of COPIES documents: a real batch's reports, each copied under its own sha256. */
async function makeBig(): Promise<void> {
  const made = path.join(work, 'made');
  const inputs = writeAll(
    path.join(work, 'in'),
    plan().map((u) => ({ name: `${u.key}-${u.year}.pdf`, bytes: unitReport(u) })),
  );
  // With tables (99 cells) and findings (7 in the one with errors), and the typed sample's 11 pages.
  inputs.push(
    path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf'),
    path.join(root, 'test', 'fixtures', 'reports', 'edu-dept.pdf'),
    path.join(root, 'test', 'fixtures', 'reports', 'edu-dept-errors.pdf'),
  );
  await runBatch({ inputs, out: made, jobs: 2, progress: 'none', ocr: 'never' });
  const originals = (await readBatch(made)).map((r) => r.report);
  mkdirSync(path.join(batch, 'docs'), { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < COPIES; i++) {
    const r = structuredClone(originals[i % originals.length]!) as Report;
    r.source.sha256 = i.toString(16).padStart(64, '0');
    r.source.path = `in/${i}.pdf`;
    const doc = `docs/${i}.json`;
    writeFileSync(path.join(batch, doc), JSON.stringify(r));
    lines.push(JSON.stringify({ path: r.source.path, sha256: r.source.sha256, status: 'ok', doc }));
  }
  writeFileSync(path.join(batch, 'manifest.jsonl'), lines.join('\n') + '\n');
  expected = new Map((await readBatch(batch)).map(({ report }) => [report.source.sha256, { ...expectedRows(report) }]));
}

async function withDb<T>(file: string, f: (q: (sql: string) => Promise<unknown[][]>) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(file);
  const con = await instance.connect();
  try {
    return await f(async (sql) => (await con.runAndReadAll(sql)).getRows());
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** Every table and view, sorted: what "the same database" means. */
function snapshot(file: string): Promise<unknown> {
  return withDb(file, async (q) => {
    const out: Record<string, unknown> = {};
    for (const t of [...TABLES, 'concept_values', 'concept_matrix'])
      out[t] = JSON.stringify(await q(`SELECT * FROM ${t} ORDER BY ALL`), (_, v: unknown) =>
        typeof v === 'bigint' ? String(v) : v,
      );
    return out;
  });
}

/** Only whole documents: each present one with exactly its report's rows, no rows without a document. */
async function expectWhole(file: string): Promise<number> {
  return withDb(file, async (q) => {
    // Killed before its tables were made: nothing in it.
    if ((await q("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'documents'"))[0]![0] === 0n) return 0;
    const docs = (await q('SELECT sha256 FROM documents')).map((r) => String(r[0]));
    for (const t of DOC_TABLES) {
      const counts = new Map(
        (await q(`SELECT sha256, count(*) FROM ${t} GROUP BY sha256`)).map((r) => [String(r[0]), Number(r[1])]),
      );
      for (const [sha, n] of counts) {
        expect(docs, `${t} rows of a document that is not in documents`).toContain(sha);
        expect(n, `${t} rows of ${sha}`).toBe(expected.get(sha)![t]);
      }
      for (const sha of docs) expect(counts.get(sha) ?? 0, `${t} rows of ${sha}`).toBe(expected.get(sha)![t]);
    }
    return docs.length;
  });
}

/** Runs the command; `kill`: SIGKILL after that many ms, or once its log (the .wal) has grown past that many bytes. */
function dataset(out: string, kill?: { ms: number } | { walBytes: number }) {
  const child = spawn(node, [bin, 'dataset', batch, '--out', out, '--parquet', `${out}.parquet`], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  if (kill && 'ms' in kill) setTimeout(() => child.kill('SIGKILL'), kill.ms);
  const watch =
    kill && 'walBytes' in kill
      ? setInterval(() => {
          if (existsSync(`${out}.wal`) && statSync(`${out}.wal`).size > kill.walBytes) child.kill('SIGKILL');
        }, 5)
      : undefined;
  return new Promise<{ code: number | null; signal: string | null; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => {
      clearInterval(watch);
      resolve({ code, signal, stderr });
    }),
  );
}

let cleanSeconds = 0;

beforeAll(async () => {
  await makeBig();
  const clean = path.join(work, 'clean.duckdb');
  const t0 = Date.now();
  const run = await dataset(clean);
  cleanSeconds = (Date.now() - t0) / 1000;
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).toContain(`${COPIES} documents added, 0 already present, ${COPIES} in all`);
  reference = await snapshot(clean);
}, 600_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('SIGKILL at random moments, five times over: only whole documents each time; run again, the clean database', async () => {
  const out = path.join(work, 'killed.duckdb');
  const kills: string[] = [];
  for (let round = 0; round < 5; round++) {
    // Four kills while rows are appended (its log grown past a random size), one at a random moment.
    const kill =
      round < 4
        ? { walBytes: Math.round(Math.random() * 15e6) }
        : { ms: Math.round(Math.random() * cleanSeconds * 1000) };
    const run = await dataset(out, kill);
    const whole = await expectWhole(out);
    kills.push(`${JSON.stringify(kill)}: ${run.signal ?? `exit ${run.code}`}, ${whole} documents whole`);
  }
  console.log(`killed runs (a clean build takes ${cleanSeconds.toFixed(1)} s): ${kills.join('; ')}`);
  const last = await dataset(out);
  expect(last.code, last.stderr).toBe(0);
  expect(await expectWhole(out)).toBe(COPIES);
  expect(await snapshot(out)).toEqual(reference);
}, 600_000);

const small = path.join(work, 'small');
let mounted = false;
try {
  mkdirSync(small);
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', small], { stdio: 'ignore' });
  mounted = true;
} catch {
  console.warn('mount -t tmpfs is not permitted here: the full-disk case of the dataset is skipped');
}
afterAll(() => {
  if (mounted) execFileSync('umount', [small]);
});

test.skipIf(!mounted)(
  'a full disk at random points: one line naming the full file, exit 3, only whole documents; space freed, the clean database',
  async () => {
    for (let round = 0; round < 3; round++) {
      const dir = path.join(small, `r${round}`);
      mkdirSync(dir);
      // Ballast leaves about 0.5, 1.5 and 3 MB (a clean build takes 3 MB and its log more): the disk fills in
      // the appending, at a commit, or at the checkpoint.
      const ballast = path.join(small, 'ballast');
      const free = statfsSync(small).bavail * statfsSync(small).bsize;
      const leave = ([0.5, 1.5, 3][round]! + Math.random() * 0.5) * 1024 * 1024;
      writeFileSync(ballast, Buffer.alloc(Math.max(0, Math.round(free - leave))));
      const out = path.join(dir, 'd.duckdb');
      const run = await dataset(out);
      const lines = run.stderr.trim().split('\n');
      if (run.code === 0) {
        console.log(`round ${round}: the disk did not fill`);
      } else {
        expect(run.code, run.stderr).toBe(3);
        expect(lines.length, run.stderr).toBe(1);
        expect(lines[0]).toMatch(
          new RegExp(
            `^jixiao dataset: stopped: no space left on the device \\(ENOSPC\\) writing ${dir}/\\S+; \\d+\\.\\d MB free there; the documents added so far are kept, each whole`,
          ),
        );
        console.log(`round ${round}: ${lines[0]}; ${await expectWhole(out)} documents whole`);
      }
      // Space freed: the database moves to a disk with room and the same command completes it.
      rmSync(ballast);
      const freed = path.join(work, `freed-${round}`);
      mkdirSync(freed);
      cpSync(dir, freed, { recursive: true });
      rmSync(dir, { recursive: true, force: true });
      const again = await dataset(path.join(freed, 'd.duckdb'));
      expect(again.code, again.stderr).toBe(0);
      expect(await snapshot(path.join(freed, 'd.duckdb'))).toEqual(reference);
    }
  },
  600_000,
);

test('a database an older jixiao left damaged is repaired, and says so', async () => {
  const out = path.join(work, 'damaged.duckdb');
  cpSync(path.join(work, 'clean.duckdb'), out);
  const shas = [...expected.keys()];
  const withCells = shas.filter((s) => expected.get(s)!.table_cells > 0);
  const [cut1, cut2, cut3, doubled] = withCells;
  const torn = shas.find((s) => ![cut1, cut2, cut3, doubled].includes(s))!;
  await withDb(out, async (q) => {
    // A full disk under the old build: documents committed, table_cells and findings not.
    for (const s of [cut1, cut2, cut3]) {
      await q(`DELETE FROM table_cells WHERE sha256 = '${s}'`);
      await q(`DELETE FROM findings WHERE sha256 = '${s}'`);
    }
    // Killed and run again: cells appended twice.
    await q(`INSERT INTO table_cells SELECT * FROM table_cells WHERE sha256 = '${doubled}'`);
    // Killed before its documents row: facts of a document the dataset does not list (and not in this batch).
    await q(`INSERT INTO facts SELECT * REPLACE ('${'f'.repeat(64)}' AS sha256) FROM facts WHERE sha256 = '${torn}'`);
    // Killed before its documents row, in this batch: its pages without it.
    await q(`DELETE FROM documents WHERE sha256 = '${torn}'`);
    await q(`DELETE FROM facts WHERE sha256 = '${torn}'`);
  });
  const run = await dataset(out);
  expect(run.code, run.stderr).toBe(0);
  const cells = [cut1, cut2, cut3].reduce((n, s) => n + expected.get(s!)!.table_cells, 0);
  const line = run.stderr.split('\n').find((l) => l.includes('repaired'));
  expect(line).toMatch(
    /: repaired 5 documents an earlier run left incomplete or doubled \(rows missing: documents 1, /,
  );
  expect(line).toContain(`table_cells ${cells}`);
  expect(line).toContain(`rows doubled: table_cells ${expected.get(doubled!)!.table_cells})`);
  expect(line).toMatch(/; removed the rows of 1 document that had no documents row and no report in these batches$/);
  expect(run.stderr).toContain(`1 documents added, 4 repaired, ${COPIES - 5} already present, ${COPIES} in all`);
  expect(await snapshot(out)).toEqual(reference);
  // Nothing left to repair the next time.
  const again = await dataset(out);
  expect(again.stderr).not.toContain('repaired');
  expect(readFileSync(`${out}.parquet/facts.parquet`).length).toBeGreaterThan(0);
}, 300_000);
