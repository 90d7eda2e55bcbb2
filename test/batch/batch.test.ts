// A batch of a few hundred documents — made reports, variants of the typed
// sample, awkward file names, a duplicate — plus one bad file of every kind:
// every input ends with exactly one manifest line, the right status and a
// reason; nothing is written outside the output folder; the tables hold it all.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { runBatch, type BatchResult } from '../../src/batch/run.ts';
import type { ManifestRecord } from '../../src/writers/manifest.ts';
import { Report } from '../../src/schema/report.ts';
import { badFiles, madeReport, sampleVariant, writeAll } from './corpus.ts';
import { readTable } from './csv-read.ts';
import { csvText } from '../../src/writers/safe-text.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-batch-'));
const good = path.join(work, 'good');
const bad = path.join(work, 'bad');
const out = path.join(work, 'out');
const bads = badFiles();
const AWKWARD = [
  'line\nbreak\u0007bell.pdf',
  `${'岳阳市岳阳楼区市场监督管理局'.repeat(5)}整体支出绩效自评报告.pdf`, // 79 characters, 237 bytes
  '..pdf',
  'CON.pdf',
  ' spaced  name .pdf',
  'a:b*c?d"e<f>g|h.pdf',
];
let inputs: string[] = [];
let result: BatchResult;
let manifest: ManifestRecord[];

beforeAll(async () => {
  // 240 made reports in two folders, the same names in both; 12 sample variants; awkward names; one exact copy.
  for (const [folder, offset] of [
    ['east', 0],
    ['west', 120],
  ] as const) {
    inputs.push(
      ...writeAll(
        path.join(good, folder),
        Array.from({ length: 120 }, (_, i) => ({ name: `report-${i}.pdf`, bytes: madeReport(offset + i) })),
      ),
    );
  }
  inputs.push(
    ...writeAll(
      path.join(good, 'samples'),
      Array.from({ length: 12 }, (_, i) => ({ name: `sample-${i}.Pdf`, bytes: sampleVariant(i) })),
    ),
  );
  inputs.push(
    ...writeAll(
      path.join(good, 'odd'),
      AWKWARD.map((name, i) => ({ name, bytes: madeReport(1000 + i) })),
    ),
  );
  mkdirSync(path.join(good, 'copies'));
  copyFileSync(path.join(good, 'east', 'report-5.pdf'), path.join(good, 'copies', 'report-5-copy.pdf'));
  inputs.push(path.join(good, 'copies', 'report-5-copy.pdf'));
  writeFileSync(path.join(good, 'not-a-report.txt'), 'ignored: not *.pdf');
  inputs.push(...writeAll(bad, bads));
  result = await runBatch({
    inputs: [good, bad],
    out,
    jobs: 2,
    // The spinner ends on this limit; the memory bomb must reach its bound first even on a loaded machine
    // (at 8 s, inflating its gigabyte under a load of 14 took longer, and it ended as a timeout).
    timeoutSeconds: 15,
    maxMemoryMb: 768,
    progress: 'none',
    ocr: 'never',
  });
  console.log(`batch of ${result.total}: ${result.seconds} s`);
  manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ManifestRecord);
}, 300_000);

test('every input has exactly one manifest line', () => {
  expect(manifest.map((r) => r.path).sort()).toEqual([...inputs].sort());
  expect(result.total).toBe(inputs.length);
  expect(result.exitCode).toBe(1);
});

test('bad files fail with the right code and a reason; the batch went on', () => {
  for (const b of bads) {
    const r = manifest.find((m) => m.path === path.join(bad, b.name))!;
    expect({ name: b.name, status: r.status, code: r.code }).toEqual({ name: b.name, status: b.status, code: b.code });
    if (b.status === 'failed') {
      expect(r.reason).toMatch(/\S{3}/);
      expect(r.doc).toBeNull();
    }
  }
  expect(manifest.find((m) => m.path.endsWith('spinner.pdf'))!.reason).toContain('15 s');
  expect(manifest.find((m) => m.path.endsWith('memory-bomb.pdf'))!.reason).toContain('768 MB');
});

test('good files are ok, with their pages and a valid document under docs/', () => {
  const okRecords = manifest.filter((r) => r.status === 'ok');
  expect(okRecords.length).toBe(inputs.length - 1 - bads.filter((b) => b.status === 'failed').length);
  for (const r of okRecords) {
    expect(r.pages).toBeGreaterThan(0);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(path.join(out, r.doc!))).toBe(true);
  }
  const sample = okRecords.find((r) => r.path.endsWith('sample-3.Pdf'))!;
  expect(sample.pages).toBe(11);
  const report = Report.parse(JSON.parse(readFileSync(path.join(out, sample.doc!), 'utf8')));
  expect(report.source.path).toBe(sample.path);
  expect(report.source.sha256).toBe(sample.sha256);
  expect(report.findings.length).toBe(sample.findings.error + sample.findings.warning + sample.findings.info);
});

test('of two identical files the later in input order is skipped, pointing at the first', () => {
  // Folders are walked in sorted order: copies/ comes before east/.
  const first = manifest.find((r) => r.path.endsWith('report-5-copy.pdf'))!;
  const later = manifest.find((r) => r.path === path.join(good, 'east', 'report-5.pdf'))!;
  expect(first.status).toBe('ok');
  expect(later).toMatchObject({ status: 'skipped', code: 'duplicate', doc: first.doc, pages: null });
  expect(later.reason).toBe(`same content as ${first.path}`);
});

test('document names are safe, unique and inside docs/; nothing else is left behind', () => {
  const docs = readdirSync(path.join(out, 'docs'));
  expect(docs.length).toBe(manifest.filter((r) => r.status === 'ok').length);
  expect(new Set(docs.map((d) => d.toLowerCase())).size).toBe(docs.length);
  for (const d of docs) {
    expect(d).toMatch(/\.json$/);
    expect(d).not.toMatch(/[\u0000-\u001f/\\:*?"<>|]/);
    expect(d.startsWith('.')).toBe(false);
    expect(Buffer.byteLength(d)).toBeLessThanOrEqual(200);
  }
  // Same names in two folders: both kept, told apart.
  const east = manifest.find((r) => r.path === path.join(good, 'east', 'report-7.pdf'))!.doc;
  const west = manifest.find((r) => r.path === path.join(good, 'west', 'report-7.pdf'))!.doc;
  expect(east).not.toBe(west);
  expect(east).toMatch(/^docs\/report-7-[0-9a-f]{8}\.json$/);
  expect(manifest.find((r) => r.path.endsWith('CON.pdf'))!.doc).toBe('docs/_CON.json');
  expect(readdirSync(out).sort()).toEqual([
    'docs',
    'documents.csv',
    'facts.csv',
    'facts.jsonl',
    'findings.csv',
    'funds.csv',
    'indicators.csv',
    'manifest.jsonl',
  ]);
  expect(readdirSync(work).sort()).toEqual(['bad', 'good', 'out']);
});

test('tables: documents, facts and findings of every ok document, UTF-8 with BOM', () => {
  const docsCsv = readFileSync(path.join(out, 'documents.csv'), 'utf8');
  expect(docsCsv.startsWith('\uFEFF')).toBe(true);
  const documents = readTable(docsCsv);
  // A CSV cell holds no control character: a newline or BEL in a path is shown escaped (the manifest keeps it exact).
  expect(documents.map((d) => d.path).sort()).toEqual(inputs.map(csvText).sort());
  expect(documents.find((d) => d.path!.includes('line\\u000abreak\\u0007bell'))!.status).toBe('ok');

  const reports = manifest
    .filter((r) => r.status === 'ok')
    .map((r) => JSON.parse(readFileSync(path.join(out, r.doc!), 'utf8')) as Report);
  const facts = readTable(readFileSync(path.join(out, 'facts.csv'), 'utf8'));
  expect(facts.length).toBe(reports.reduce((n, r) => n + r.facts.length, 0));
  const findings = readTable(readFileSync(path.join(out, 'findings.csv'), 'utf8'));
  expect(findings.length).toBe(reports.reduce((n, r) => n + r.findings.length, 0));
  const jsonl = readFileSync(path.join(out, 'facts.jsonl'), 'utf8').trim().split('\n');
  expect(jsonl.length).toBe(facts.length);

  // One made report's basic-expenditure fact, with its document's context and section path.
  const r12 = manifest.find((r) => r.path === path.join(good, 'east', 'report-12.pdf'))!;
  const row = facts.find((f) => f.document === r12.doc && f.concept === 'budget.basic.adjusted')!;
  expect(row).toMatchObject({
    organization: '株洲市农业农村局第13分局',
    fiscal_year: '2018',
    unit: '万元',
    value: '1085.56',
    normalized_value: '10855600',
    normalized_unit: '元',
    page: '1',
  });
  expect(row.section_path).toContain('支出情况');
});
