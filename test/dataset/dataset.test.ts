// jixiao dataset over a batch of made reports of two units over three years
// (real DuckDB, real batch): table counts equal the JSON's, concept_values
// gives the planted series, the checks across reports find the planted
// restatement and false growth and nothing else, a rebuild and an append give
// the same database, Parquet reads back.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { buildDataset, readBatch, TABLES, type DatasetResult } from '../../src/dataset/build.ts';
import { writeAll } from '../batch/corpus.ts';
import { ACTUALS, FALSE_GROWTH, plan, RESTATED, unitReport } from './reports.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-dataset-'));
const batch1 = path.join(work, 'batch-2021-2022');
const batch2 = path.join(work, 'batch-2023');
let built: DatasetResult;
const db = path.join(work, 'all.duckdb');

async function query(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(file, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/** Every table and view in a stable order: what "the same database" means. */
async function snapshot(file: string): Promise<unknown> {
  const out: Record<string, unknown> = {};
  for (const t of TABLES) out[t] = await query(file, `SELECT * FROM ${t} ORDER BY ALL`);
  out.concept_values = await query(file, 'SELECT * FROM concept_values ORDER BY ALL');
  out.concept_matrix = await query(file, 'SELECT * FROM concept_matrix ORDER BY ALL');
  return out;
}

beforeAll(async () => {
  const reports = plan();
  const early = reports.filter((u) => u.year < 2023);
  const late = reports.filter((u) => u.year === 2023);
  const name = (u: (typeof reports)[number]) => `${u.key}-${u.year}.pdf`;
  const in1 = writeAll(
    path.join(work, 'in1'),
    early.map((u) => ({ name: name(u), bytes: unitReport(u) })),
  );
  // The second batch holds one report of the first again: the dataset adds it once.
  const in2 = writeAll(
    path.join(work, 'in2'),
    [...late, early[0]!].map((u) => ({ name: name(u), bytes: unitReport(u) })),
  );
  await runBatch({ inputs: in1, out: batch1, jobs: 2, progress: 'none', ocr: 'never' });
  await runBatch({ inputs: in2, out: batch2, jobs: 2, progress: 'none', ocr: 'never' });
  built = await buildDataset([batch1, batch2], { out: db, parquet: path.join(work, 'parquet') });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('each document once; every table has as many rows as the JSON', async () => {
  expect(built).toMatchObject({ added: 6, skipped: 1, documents: 6 });
  const docs = new Map<string, Awaited<ReturnType<typeof readBatch>>[number]['report']>();
  for (const b of [batch1, batch2]) for (const { report } of await readBatch(b)) docs.set(report.source.sha256, report);
  const reports = [...docs.values()];
  const expected = {
    documents: reports.length,
    pages: reports.reduce((n, r) => n + r.pages.length, 0),
    sections: reports.reduce((n, r) => n + r.sections.length, 0),
    facts: reports.reduce((n, r) => n + r.facts.length, 0),
    table_cells: reports.reduce(
      (n, r) => n + r.tables.reduce((m, t) => m + t.rows.reduce((k, row) => k + row.length, 0), 0),
      0,
    ),
    findings: reports.reduce((n, r) => n + r.findings.length, 0),
  };
  for (const [table, n] of Object.entries(expected)) {
    const [{ n: got }] = (await query(db, `SELECT count(*)::INTEGER AS n FROM ${table}`)) as [{ n: number }];
    expect(got, table).toBe(n);
  }
  expect(expected.facts).toBeGreaterThan(50);
});

test('typed columns: money in 元 as DECIMAL, years and counts as integers, dates as DATE', async () => {
  const types = Object.fromEntries(
    (await query(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'facts'")).map(
      (r) => [r.column_name, r.data_type],
    ),
  );
  expect(types).toMatchObject({
    amount_yuan: 'DECIMAL(24,4)',
    count: 'BIGINT',
    year: 'INTEGER',
    page: 'INTEGER',
    date: 'DATE',
    approximate: 'BOOLEAN',
  });
  const docTypes = Object.fromEntries(
    (
      await query(db, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'documents'")
    ).map((r) => [r.column_name, r.data_type]),
  );
  expect(docTypes).toMatchObject({ fiscal_year: 'INTEGER', report_date: 'DATE', sha256: 'VARCHAR' });
  const [row] = await query(
    db,
    "SELECT amount_yuan FROM facts WHERE concept = 'budget.total.actual' AND year = 2023 ORDER BY amount_yuan LIMIT 1",
  );
  expect(row!.amount_yuan).toBe('16551000.0000');
});

test('concept_values gives each planted series exactly, across the ways a unit writes its name', async () => {
  // Each report's own actual (fiscal_year = year) and the year before's as it restates it.
  for (const [key, series] of Object.entries(ACTUALS)) {
    const own = await query(
      db,
      `SELECT year, value::DOUBLE AS v FROM concept_values WHERE organization = '${key}' AND concept = 'budget.total.actual' AND year = fiscal_year ORDER BY year`,
    );
    expect(own).toEqual([2021, 2022, 2023].map((y) => ({ year: y, v: series[y]! * 10000 })));
    const previous = await query(
      db,
      `SELECT fiscal_year, year, value::DOUBLE AS v FROM concept_values WHERE organization = '${key}' AND concept = 'budget.total.actual' AND year = fiscal_year - 1 ORDER BY year`,
    );
    expect(previous).toEqual(
      [2020, 2021, 2022].map((y) => ({
        fiscal_year: y + 1,
        year: y,
        v: (key === RESTATED.key && y === RESTATED.year ? RESTATED.stated : series[y]!) * 10000,
      })),
    );
  }
  expect(await query(db, 'SELECT DISTINCT organization FROM concept_values ORDER BY 1')).toEqual([
    { organization: '岳阳市岳阳楼区市场监督管理局' },
    { organization: '长沙市开福区财政局' },
  ]);
  // The matrix: one row per unit and year (2020 from the 上年 figures of the 2021 reports), the year's own report winning.
  const matrix = await query(
    db,
    'SELECT organization, year, "budget.total.actual"::DOUBLE AS actual, "evaluation.selfScore"::DOUBLE AS score FROM concept_matrix ORDER BY organization, year',
  );
  expect(matrix).toEqual(
    Object.entries(ACTUALS)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .flatMap(([key, series]) =>
        [2020, 2021, 2022, 2023].map((y) => ({
          organization: key,
          year: y,
          actual: series[y]! * 10000,
          score: y === 2020 ? null : key === RESTATED.key && y === 2023 ? 100 : 90 + (y - 2021),
        })),
      ),
  );
});

test('checks across reports: the planted restatement and the false growth, nothing else', async () => {
  const rows = await query(
    db,
    'SELECT rule, severity, organization_key, concept, year, page_a, value_a, page_b, value_b, message FROM cross_findings ORDER BY rule',
  );
  expect(rows.map(({ message: _m, ...r }) => r)).toEqual([
    {
      rule: 'cross-growth-mismatch',
      severity: 'warning',
      organization_key: FALSE_GROWTH.key,
      concept: 'budget.total.actual.growth',
      year: 2023,
      page_a: 1,
      value_a: ACTUALS[FALSE_GROWTH.key]![2022]! * 10000,
      page_b: 1,
      value_b: -5,
    },
    {
      rule: 'cross-report-mismatch',
      severity: 'error',
      organization_key: RESTATED.key,
      concept: 'budget.total.actual',
      year: 2022,
      page_a: 1,
      value_a: 46028000,
      page_b: 1,
      value_b: 46208000,
    },
  ]);
  expect(rows[1]!.message).toMatch(
    /岳阳市岳阳楼区市场监督管理局-2022\.pdf 第1页为 46028000.*岳阳市岳阳楼区市场监督管理局-2023\.pdf 第1页为 46208000/,
  );
});

test('a rebuild gives the same database, and so does appending the second batch to the first', async () => {
  const again = path.join(work, 'again.duckdb');
  await buildDataset([batch1, batch2], { out: again });
  const stepwise = path.join(work, 'stepwise.duckdb');
  await buildDataset([batch1], { out: stepwise });
  const appended = await buildDataset([batch2, batch1], { out: stepwise });
  // batch2's two new reports; its copy of a batch1 report and batch1's four again are skipped.
  expect(appended).toMatchObject({ added: 2, skipped: 5, documents: 6 });
  const first = await snapshot(db);
  expect(await snapshot(again)).toEqual(first);
  expect(await snapshot(stepwise)).toEqual(first);
});

test('Parquet files (zstd) read back with the same row counts', async () => {
  for (const t of TABLES) {
    const file = path.join(work, 'parquet', `${t}.parquet`);
    const [{ n }] = (await query(db, `SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)) as [{ n: number }];
    const [{ m }] = (await query(db, `SELECT count(*)::INTEGER AS m FROM ${t}`)) as [{ m: number }];
    expect(n, t).toBe(m);
    const codecs = (await query(db, `SELECT DISTINCT compression AS codec FROM parquet_metadata('${file}')`)).map(
      (r) => r.codec,
    );
    expect(codecs, t).toEqual(m > 0 ? ['ZSTD'] : []);
  }
  expect(
    readFileSync(path.join(work, 'parquet', 'facts.parquet'))
      .subarray(0, 4)
      .toString(),
  ).toBe('PAR1');
});

test('the command: --check prints the findings across reports and exits 1 on an error; a folder that is no batch exits 2', () => {
  const bin = path.join(import.meta.dirname, '..', '..', 'bin', 'jixiao.js');
  const run = spawnSync(
    process.execPath,
    [bin, 'dataset', batch1, batch2, '--out', path.join(work, 'cli.duckdb'), '--check'],
    { encoding: 'utf8' },
  );
  expect(run.status).toBe(1);
  expect(
    run.stdout
      .trim()
      .split('\n')
      .map((l) => l.slice(0, l.indexOf(':'))),
  ).toEqual(['[error] cross-report-mismatch', '[warning] cross-growth-mismatch']);
  expect(run.stderr).toMatch(/6 documents added, 1 already present, 6 in all/);
  const bad = spawnSync(process.execPath, [bin, 'dataset', work, '--out', path.join(work, 'bad.duckdb')], {
    encoding: 'utf8',
  });
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/not a batch folder/);
});
