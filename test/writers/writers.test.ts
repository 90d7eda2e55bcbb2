// The output seam: the writers extract and batch share, called the way they call them.
import { mkdtempSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { extractBytes } from '../../src/pipeline/extract.ts';
import type { Report } from '../../src/schema/report.ts';
import {
  CSV_TABLES,
  MANIFEST,
  REPORT_JSON,
  reportJson,
  writeDocument,
  type RunInputs,
} from '../../src/writers/index.ts';
import type { ManifestRecord } from '../../src/writers/manifest.ts';
import { readTable } from '../batch/csv-read.ts';
import { compose } from '../support/compose.ts';
import { makePdf } from '../support/make-pdf.ts';
import { ruledTable } from '../tables/support.ts';

let report: Report;
beforeAll(async () => {
  const bytes = makePdf(
    compose([{ text: '一、基本情况', indent: 0 }, { text: '年初预算数为 120.5 万元，全年执行数为 118.2 万元。' }]),
  );
  report = await extractBytes(bytes, 'made.pdf', { ocr: 'never' });
});

const folder = () => realpathSync(mkdtempSync(path.join(tmpdir(), 'jixiao-writers-')));

const record = (over: Partial<ManifestRecord>): ManifestRecord => ({
  path: 'a.pdf',
  sha256: 'ab',
  bytes: 1,
  status: 'ok',
  code: null,
  reason: null,
  doc: 'docs/a.json',
  pages: 1,
  ocrPages: 0,
  seconds: 0.5,
  findings: { error: 0, warning: 0, info: 0 },
  tool: '0.0.0',
  ocr: 'auto',
  ocrDpi: 200,
  ocrEngine: 'ppocr',
  limits: { timeout: 600, maxMemoryMb: 2048, maxPages: 2000 },
  ...over,
});

test('the JSON writer: one line (or indented), a newline at the end, the file named after the input', () => {
  expect(REPORT_JSON.name).toBe('json');
  expect(REPORT_JSON.documentPath('报告-2023')).toBe('报告-2023.json');
  const line = REPORT_JSON.render(report) as string;
  expect(line).toBe(JSON.stringify(report) + '\n');
  expect(line.split('\n')).toHaveLength(2);
  const pretty = reportJson({ pretty: true }).render(report) as string;
  expect(pretty).toBe(JSON.stringify(report, null, 2) + '\n');
  expect(JSON.parse(pretty)).toEqual(report);
});

test('writeDocument: the file lands whole inside the folder, no temporary file left; a name that would leave the folder is refused', async () => {
  const dir = folder();
  const target = await writeDocument(REPORT_JSON, dir, 'a', report);
  expect(target).toBe(path.join(dir, 'a.json'));
  expect(readFileSync(target, 'utf8')).toBe(REPORT_JSON.render(report));
  expect(readdirSync(dir)).toEqual(['a.json']);
  await expect(writeDocument(REPORT_JSON, dir, '../escape', report)).rejects.toThrow(/outside/);
});

test('run writers: the manifest with one line per record in order, the tables from the documents (read once per writer)', async () => {
  const dir = folder();
  const records = [
    record({ path: 'a.pdf' }),
    record({
      path: 'b.pdf',
      status: 'failed',
      code: 'not-pdf',
      reason: 'not a PDF',
      doc: null,
      pages: null,
      ocrPages: null,
    }),
  ];
  let reads = 0;
  const inputs: RunInputs = {
    records,
    async *documents() {
      reads++;
      for (const r of records) yield { record: r, report: r.status === 'ok' ? report : null };
    },
  };
  await MANIFEST.finish(dir, inputs);
  expect(reads).toBe(0); // the manifest needs the lines only
  const lines = readFileSync(path.join(dir, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  expect(lines).toEqual(records);
  const written = await CSV_TABLES.finish(dir, inputs);
  expect(reads).toBe(1);
  expect(written.tables).toEqual({
    documents: 2,
    facts: report.facts.length,
    findings: report.findings.length,
    indicators: 0,
    funds: 0,
  });
  expect(readdirSync(dir).sort()).toEqual([
    'documents.csv',
    'facts.csv',
    'facts.jsonl',
    'findings.csv',
    'funds.csv',
    'indicators.csv',
    'manifest.jsonl',
  ]);
  const documents = readTable(readFileSync(path.join(dir, 'documents.csv'), 'utf8'));
  expect(documents.map((d) => [d.path, d.status])).toEqual([
    ['a.pdf', 'ok'],
    ['b.pdf', 'failed'],
  ]);
  expect(readTable(readFileSync(path.join(dir, 'facts.csv'), 'utf8')).map((f) => f.fact_id)).toEqual(
    report.facts.map((f) => f.id),
  );
});

test('facts.csv names the cell each table fact was read from (table, row and column from 1); prose facts none', async () => {
  const t = ruledTable(
    [
      ['项目', '年初预算数', '全年执行数'],
      ['基本支出', '4668.70', '4980.37'],
    ],
    { xs: [60, 200, 320, 440], top: 600, rowHeight: 22 },
  );
  const bytes = makePdf({
    pages: [
      {
        runs: [
          { text: '年初预算数为 120.5 万元。', x: 60, y: 760, size: 11 },
          { text: '支出表', x: 220, y: 640, size: 14 },
          { text: '单位：万元', x: 380, y: 612, size: 9 },
          ...t.runs,
        ],
        rules: t.rules,
      },
    ],
  });
  const withTable = await extractBytes(bytes, 'table.pdf', { ocr: 'never' });
  const dir = folder();
  const records = [record({ path: 'table.pdf' })];
  await CSV_TABLES.finish(dir, {
    records,
    async *documents() {
      yield { record: records[0]!, report: withTable };
    },
  });
  const rows = readTable(readFileSync(path.join(dir, 'facts.csv'), 'utf8'));
  expect(rows.map((f) => [f.label, f.value, f.table_id, f.row, f.col])).toEqual([
    ['年初预算数', '120.5', '', '', ''],
    ['基本支出·年初预算数', '4668.7', 't1', '2', '2'],
    ['基本支出·全年执行数', '4980.37', 't1', '2', '3'],
  ]);
  expect(withTable.facts.map((f) => f.cell)).toEqual([
    null,
    { table: 't1', row: 1, col: 1 },
    { table: 't1', row: 1, col: 2 },
  ]);
});

test('indicators.csv and funds.csv: every record of the run, a row each, with its document; met true, false or empty', async () => {
  const t = ruledTable(
    [
      ['项目', '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
      ['年度资金总额', '520.00', '560.00', '532.00', '95.00%', '10', '9.5'],
      ['其中：当年财政拨款', '500.00', '540.00', '515.00', '95.37%', '', ''],
      ['三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因', '备注'],
      ['服务老年人人次', '≥12000人次', '12860人次', '15', '15', '', ''],
      ['服务质量达标率', '不低于95%', '93.5', '15', '12', '培训不足', ''],
      ['老年人生活质量', '有效提升', '有效提升', '20', '18', '', ''],
    ],
    { xs: [40, 130, 200, 270, 340, 410, 470, 540], top: 620, rowHeight: 22 },
  );
  const bytes = makePdf({
    pages: [
      {
        runs: [
          { text: '项目支出绩效自评表', x: 220, y: 680, size: 14 },
          { text: '单位：万元', x: 470, y: 640, size: 9 },
          ...t.runs,
        ],
        rules: t.rules,
      },
    ],
  });
  const selfEval = await extractBytes(bytes, 'self.pdf', { ocr: 'never' });
  const dir = folder();
  const records = [record({ path: 'self.pdf', doc: 'docs/self.json' })];
  const counts = await CSV_TABLES.finish(dir, {
    records,
    async *documents() {
      yield { record: records[0]!, report: selfEval };
    },
  });
  expect([counts.tables?.indicators, counts.tables?.funds]).toEqual([
    selfEval.indicators.length,
    selfEval.funds.length,
  ]);
  const indicators = readTable(readFileSync(path.join(dir, 'indicators.csv'), 'utf8'));
  expect(
    indicators.map((i) => [
      i.document,
      i.name,
      i.target_value,
      i.target_unit,
      i.target_comparator,
      i.actual_value,
      i.actual_unit,
      i.weight,
      i.score,
      i.met,
    ]),
  ).toEqual([
    ['docs/self.json', '服务老年人人次', '12000', '人次', '>=', '12860', '人次', '15', '15', 'true'],
    // an actual written without its unit takes the target's, and misses it
    ['docs/self.json', '服务质量达标率', '95', '%', '>=', '93.5', '%', '15', '12', 'false'],
    ['docs/self.json', '老年人生活质量', '', '', '', '', '', '20', '18', ''],
  ]);
  expect(
    indicators.map((i) => [i.indicator_id, i.table_id, i.row, i.page, (i.fact_ids ?? '').split(' ').length]),
  ).toEqual(selfEval.indicators.map((i) => [i.id, i.table, String(i.row + 1), String(i.page), i.factIds.length]));
  const funds = readTable(readFileSync(path.join(dir, 'funds.csv'), 'utf8'));
  expect(funds.map((f) => [f.name, f.planned, f.adjusted, f.executed, f.rate, f.weight, f.score, f.unit])).toEqual([
    ['年度资金总额', '520', '560', '532', '95', '10', '9.5', '万元'],
    ['当年财政拨款', '500', '540', '515', '95.37', '', '', '万元'],
  ]);
});

test("a document's rows made where its report was (Writer.part): the same bytes as made from the report read back", async () => {
  const records = [record({ path: 'a.pdf', doc: 'docs/a.json' }), record({ path: '=b.pdf', doc: 'docs/b.json' })];
  const readBack = JSON.parse(JSON.stringify(report)) as Report;
  const write = async (made: boolean) => {
    const dir = folder();
    const stream = await CSV_TABLES.stream!(dir);
    for (const r of records)
      await stream.add(
        made ? { record: r, report: null, part: await CSV_TABLES.part!(report, r) } : { record: r, report: readBack },
      );
    const counts = await stream.finish();
    const files = ['documents.csv', 'facts.csv', 'facts.jsonl', 'findings.csv', 'indicators.csv', 'funds.csv'];
    return { counts, files: Object.fromEntries(files.map((f) => [f, readFileSync(path.join(dir, f), 'utf8')])) };
  };
  const made = await write(true);
  expect(made).toEqual(await write(false));
  expect(made.counts.tables?.facts).toBe(2 * report.facts.length);
  expect(made.files['facts.csv']).toContain("docs/b.json,'=b.pdf,");

  // Rows made for another line are not used: made again from the report, or refused without one.
  const dir = folder();
  const stream = await CSV_TABLES.stream!(dir);
  const other = await CSV_TABLES.part!(report, { doc: 'docs/c.json', path: 'c.pdf' });
  await stream.add({ record: records[0]!, report: readBack, part: other });
  await expect(stream.add({ record: records[1]!, report: null, part: other })).rejects.toThrow(/made for another line/);
  await stream.finish();
  expect(readFileSync(path.join(dir, 'facts.csv'), 'utf8')).not.toContain('docs/c.json');
  expect(readFileSync(path.join(dir, 'facts.csv'), 'utf8')).toContain('docs/a.json');
});
