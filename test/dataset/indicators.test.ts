// The dataset's indicators and funds tables (real batch, real DuckDB): made
// self-evaluation reports of two units and years, each with a ruled 自评表,
// read by jixiao batch and built into a dataset. The tables hold exactly the
// reports' records, field by field; indicator_values gives each with its
// unit's organisation and year; Parquet reads back the same rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { buildDataset, readBatch } from '../../src/dataset/build.ts';
import type { Report } from '../../src/schema/report.ts';
import { writeAll } from '../batch/corpus.ts';
import { makePdf } from '../support/make-pdf.ts';
import { ruledTable } from '../tables/support.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-dataset-indicators-'));
const batch = path.join(work, 'batch');
const db = path.join(work, 'all.duckdb');
const parquet = path.join(work, 'parquet');
let reports: Report[] = [];

interface Unit {
  name: string;
  year: number;
  rows: string[][];
}

const UNITS: Unit[] = [
  {
    name: '某县民政局',
    year: 2022,
    rows: [
      ['服务老年人人次', '≥12000人次', '12860人次', '30', '30', ''],
      ['服务质量达标率', '不低于95%', '93.5', '30', '25', '培训不足'],
      ['老年人生活质量', '有效提升', '有效提升', '30', '28', ''],
    ],
  },
  {
    name: '某县农业农村局',
    year: 2023,
    rows: [
      ['农田建设面积', '≥5000亩', '5200亩', '40', '40', ''],
      ['人均培训成本', '≤400元', '385元', '20', '20', ''],
      ['农户满意度', '90%-95%', '96%', '30', '27', '宣传不够'],
    ],
  },
];

/** A report: its title, then a 部门整体支出绩效自评表 with funds rows and indicators, ruled. */
function unitReport(u: Unit): Uint8Array {
  const t = ruledTable(
    [
      ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
      ['年度资金总额', '520.00', '560.00', '532.00', '95.00%', '10', '9.5'],
      ['其中：基本支出', '500.00', '540.00', '515.00', '95.37%', '', ''],
      ['三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因', '备注'],
      ...u.rows.map((r) => [...r, '']),
    ],
    { xs: [40, 130, 200, 270, 340, 410, 470, 540], top: 620, rowHeight: 22 },
  );
  return makePdf({
    pages: [
      {
        runs: [
          { text: `${u.year}年度${u.name}部门整体支出绩效自评报告`, x: 120, y: 760, size: 16 },
          { text: '部门整体支出绩效自评表', x: 220, y: 680, size: 14 },
          { text: '单位：万元', x: 470, y: 640, size: 9 },
          ...t.runs,
        ],
        rules: t.rules,
      },
    ],
  });
}

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

beforeAll(async () => {
  const inputs = writeAll(
    path.join(work, 'in'),
    UNITS.map((u) => ({ name: `${u.name}-${u.year}.pdf`, bytes: unitReport(u) })),
  );
  await runBatch({ inputs, out: batch, jobs: 1, progress: 'none', ocr: 'never' });
  await buildDataset([batch], { out: db, parquet });
  reports = (await readBatch(batch)).map((r) => r.report);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A record's fields as the dataset's columns give them (rows from 1, 一级 and 二级 apart, fact ids joined). */
function indicatorRow(r: Report, i: Report['indicators'][number]) {
  return {
    sha256: r.source.sha256,
    id: i.id,
    table_id: i.table,
    row: i.row + 1,
    page: i.page,
    project: i.project,
    level1: i.path[0] ?? null,
    level2: i.path[1] ?? null,
    name: i.name,
    target_text: i.target?.text ?? null,
    target_value: i.target?.value ?? null,
    target_unit: i.target?.unit ?? null,
    target_comparator: i.target?.comparator ?? null,
    target_upper: i.target?.upper ?? null,
    actual_text: i.actual?.text ?? null,
    actual_value: i.actual?.value ?? null,
    actual_unit: i.actual?.unit ?? null,
    weight: i.weight,
    score: i.score,
    met: i.met,
    deviation: i.deviation,
    fact_ids: i.factIds.join(','),
  };
}

const byKey = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  `${a.sha256}${a.id}` < `${b.sha256}${b.id}` ? -1 : 1;

test("the indicators table holds exactly the reports' records, field by field", async () => {
  const expected = reports.flatMap((r) => r.indicators.map((i) => indicatorRow(r, i))).sort(byKey);
  expect(expected).toHaveLength(6);
  expect(expected.map((i) => [i.name, i.target_value, i.actual_value, i.actual_unit, i.met])).toEqual(
    expect.arrayContaining([
      ['服务质量达标率', 95, 93.5, '%', false],
      ['农户满意度', 90, 96, '%', false],
      ['农田建设面积', 5000, 5200, '亩', true],
    ]),
  );
  const got = (await query(db, 'SELECT * FROM indicators')).sort(byKey);
  expect(got).toEqual(expected);
});

test("the funds table holds exactly the reports' funds rows", async () => {
  const expected = reports
    .flatMap((r) =>
      r.funds.map((f) => ({
        sha256: r.source.sha256,
        id: f.id,
        table_id: f.table,
        row: f.row + 1,
        page: f.page,
        project: f.project,
        name: f.name,
        planned: f.planned,
        adjusted: f.adjusted,
        executed: f.executed,
        rate: f.rate,
        weight: f.weight,
        score: f.score,
        unit: f.unit,
        fact_ids: f.factIds.join(','),
      })),
    )
    .sort(byKey);
  expect(expected.map((f) => [f.name, f.executed, f.unit])).toContainEqual(['基本支出', 515, '万元']);
  expect((await query(db, 'SELECT * FROM funds')).sort(byKey)).toEqual(expected);
});

test("indicator_values: each indicator with its unit's organisation and the report's year", async () => {
  const rows = await query(
    db,
    'SELECT organization, fiscal_year, name, met FROM indicator_values ORDER BY fiscal_year, indicator_id',
  );
  expect(rows.map((r) => [r.organization, r.fiscal_year])).toEqual([
    ...Array(3).fill(['某县民政局', 2022]),
    ...Array(3).fill(['某县农业农村局', 2023]),
  ]);
  const missed = await query(
    db,
    'SELECT organization, name FROM indicator_values WHERE met = false AND score < weight ORDER BY organization, name',
  );
  expect(missed).toEqual([
    { organization: '某县农业农村局', name: '农户满意度' },
    { organization: '某县民政局', name: '服务质量达标率' },
  ]);
});

test('Parquet: indicators.parquet and funds.parquet read back the same rows', async () => {
  for (const t of ['indicators', 'funds']) {
    const file = path.join(parquet, `${t}.parquet`).replace(/'/g, "''");
    const [{ n }] = (await query(db, `SELECT count(*)::INTEGER AS n FROM read_parquet('${file}')`)) as [{ n: number }];
    const [{ m }] = (await query(db, `SELECT count(*)::INTEGER AS m FROM ${t}`)) as [{ m: number }];
    expect(n, t).toBe(m);
    expect(n, t).toBeGreaterThan(0);
  }
});
