// jixiao dataset's tables as data (contract 1.3): every fact read from a table
// joins its cell in table_cells (sha256, table_id, row, col), each cell carries
// its column's header path and unit, its row's role and 类/款/项 level, and the
// page its row is on — a table carried over a page break is one table there.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildDataset } from '../../src/dataset/build.ts';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import { makePdf } from '../support/make-pdf.ts';
import { ruledTable } from '../tables/support.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-cells-'));
const db = path.join(work, 'cells.duckdb');
let report: Report;

async function query(sql: string): Promise<Record<string, unknown>[]> {
  const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
  const con = await instance.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

beforeAll(async () => {
  const xs = [60, 130, 300, 380, 460, 540];
  const header = [
    ['科目编码', '科目名称', '支出决算', 'left', 'left'],
    ['up', 'up', '本年支出合计', '基本支出', '项目支出'],
  ];
  const first = ruledTable(
    [
      ...header,
      ['合计', 'left', '1368.35', '74.64', '1293.71'],
      ['208', '社会保障和就业支出', '909.87', '', '909.87'],
      ['20801', '人力资源和社会保障管理事务', '610.10', '', '610.10'],
    ],
    { xs, top: 700, rowHeight: 22 },
  );
  const second = ruledTable(
    [
      ['2080102', '一般行政管理事务', '3.38', '', '3.38'],
      ['2080109', '社会保险经办机构', '606.73', '', '606.73'],
    ],
    { xs, top: 780, rowHeight: 22 },
  );
  const pdf = makePdf({
    pages: [
      {
        runs: [
          { text: '支出决算表', x: 250, y: 740, size: 14 },
          { text: '单位：万元', x: 480, y: 712, size: 9 },
          ...first.runs,
        ],
        rules: first.rules,
      },
      { runs: second.runs, rules: second.rules },
    ],
  });
  report = await extractBytes(pdf, 'cells.pdf', { ocr: 'never' });
  const batch = path.join(work, 'batch');
  mkdirSync(path.join(batch, 'docs'), { recursive: true });
  writeFileSync(path.join(batch, 'docs', 'cells.json'), JSON.stringify(report));
  writeFileSync(path.join(batch, 'manifest.jsonl'), JSON.stringify({ status: 'ok', doc: 'docs/cells.json' }) + '\n');
  await buildDataset([batch], { out: db });
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the table is one, over two pages; each cell with its column path and unit, its row role and level, its page', async () => {
  expect(report.tables.map((t) => [t.id, t.pages])).toEqual([['t1', [1, 2]]]);
  const cells = await query(
    'SELECT page, row, col, text, column_path, unit, role, row_role, row_level FROM table_cells WHERE col IN (2, 3) AND row > 2 ORDER BY row, col',
  );
  expect(
    cells.map((c) => [c.page, c.row, c.col, c.text, c.column_path, c.unit, c.role, c.row_role, c.row_level]),
  ).toEqual([
    [1, 3, 2, '合计', '科目名称', null, 'name', 'total', 0],
    [1, 3, 3, '1368.35', '支出决算 › 本年支出合计', '万元', 'number', 'total', 0],
    [1, 4, 2, '社会保障和就业支出', '科目名称', null, 'name', 'body', 1],
    [1, 4, 3, '909.87', '支出决算 › 本年支出合计', '万元', 'number', 'body', 1],
    [1, 5, 2, '人力资源和社会保障管理事务', '科目名称', null, 'name', 'body', 2],
    [1, 5, 3, '610.10', '支出决算 › 本年支出合计', '万元', 'number', 'body', 2],
    [2, 6, 2, '一般行政管理事务', '科目名称', null, 'name', 'body', 3],
    [2, 6, 3, '3.38', '支出决算 › 本年支出合计', '万元', 'number', 'body', 3],
    [2, 7, 2, '社会保险经办机构', '科目名称', null, 'name', 'body', 3],
    [2, 7, 3, '606.73', '支出决算 › 本年支出合计', '万元', 'number', 'body', 3],
  ]);
});

test('every fact read from the table joins its cell: the same page, the cell holding the number as written', async () => {
  const facts = report.facts.filter((f) => f.cell !== null);
  expect(facts.length).toBeGreaterThan(10);
  const joined = await query(
    'SELECT f.id, f.value, f.page AS fact_page, c.page AS cell_page, c.text, c.column_path FROM facts f JOIN table_cells c USING (sha256, table_id, row, col) ORDER BY f.id',
  );
  expect(joined).toHaveLength(facts.length);
  for (const j of joined) {
    expect(j.cell_page).toBe(j.fact_page);
    expect(Number(String(j.text).replace(/,/g, ''))).toBe(j.value);
  }
  const prose = await query(
    'SELECT count(*)::INTEGER AS n FROM facts WHERE table_id IS NULL AND (row IS NOT NULL OR col IS NOT NULL)',
  );
  expect(prose[0]!.n).toBe(0);
});

test('a database built before contract 1.3 is not appended to: one line saying so', async () => {
  const old = path.join(work, 'old.duckdb');
  const instance = await DuckDBInstance.create(old);
  const con = await instance.connect();
  await con.run(
    'CREATE TABLE table_cells (sha256 VARCHAR, table_id VARCHAR, page INTEGER, title VARCHAR, row INTEGER, col INTEGER, text VARCHAR)',
  );
  con.closeSync();
  instance.closeSync();
  await expect(buildDataset([path.join(work, 'batch')], { out: old })).rejects.toThrow(
    /old\.duckdb: built by an older jixiao \(before output contract 1\.3\)/,
  );
});
