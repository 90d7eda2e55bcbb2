// A corrections file that dismisses a finding and corrects a fact, honoured by
// `jixiao batch` run again on the folder (without reading the PDF again), by
// `jixiao dataset` (corrected values and review columns; rows replaced when
// the corrections change), and by `extract` / `check --corrections` on a
// fresh read (dismissed findings left out of --fail-on, and said).
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { buildDataset } from '../../src/dataset/build.ts';
import { Report } from '../../src/schema/report.ts';
import type { Correction } from '../../src/schema/corrections.ts';
import { appendCorrection } from '../../src/writers/corrections-file.ts';
import { writeAll } from '../batch/corpus.ts';
import { factByLabel, factFix, findingDecision, reviewedPdf } from '../support/reviewed.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-corrections-cli-'));
const out = path.join(work, 'batch');
const corrections = path.join(out, 'corrections.jsonl');
let pdf: string;
let asRead: Report;
let lines: Correction[];

function jixiao(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: work, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const docOf = () => Report.parse(JSON.parse(readFileSync(path.join(out, 'docs', 'a.json'), 'utf8')));

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
  pdf = writeAll(path.join(work, 'in'), [
    { name: 'a.pdf', bytes: reviewedPdf() },
    { name: 'b.pdf', bytes: reviewedPdf('长沙市教育局') },
  ])[0]!;
  await runBatch({ inputs: [path.join(work, 'in')], out, jobs: 2, progress: 'none', ocr: 'never' });
  asRead = docOf();
  lines = [
    findingDecision(asRead, 0, 'dismissed', '人员经费另有说明'),
    factFix(asRead, factByLabel(asRead, '实有人数'), { value: 24, unit: '人', note: '名册为 24 人' }),
  ];
  for (const c of lines) await appendCorrection(corrections, c);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

test('batch run again: the corrected document rewritten from its JSON (no PDF read), the other untouched', async () => {
  const other = readFileSync(path.join(out, 'docs', 'b.json'), 'utf8');
  const r = await runBatch({ inputs: [path.join(work, 'in')], out, jobs: 1, progress: 'none', ocr: 'never' });
  expect(r).toMatchObject({ reused: 2, pages: 0 });
  expect(r.corrections).toMatchObject({ lines: 2, applied: 2, unmatched: [], rewritten: 1 });
  const doc = docOf();
  expect(doc.findings[0]!.review).toMatchObject({ decision: 'dismissed', note: '人员经费另有说明', by: 'auditor' });
  expect(factByLabel(doc, '实有人数')).toMatchObject({
    value: 24,
    corrected: { from: { value: 23, unit: '人' }, note: '名册为 24 人' },
  });
  expect(readFileSync(path.join(out, 'docs', 'b.json'), 'utf8')).toBe(other);
  // The CSV tables are built from the corrected documents.
  expect(readFileSync(path.join(out, 'facts.csv'), 'utf8')).toContain('24');
  // Once more: nothing new to apply, nothing rewritten.
  const again = await runBatch({ inputs: [path.join(work, 'in')], out, jobs: 1, progress: 'none', ocr: 'never' });
  expect(again.corrections).toMatchObject({ applied: 2, rewritten: 0 });
}, 120_000);

test('dataset: corrected values and review columns; the rows of a document replaced when its corrections change', async () => {
  const db = path.join(work, 'all.duckdb');
  const first = await buildDataset([out], { out: db });
  expect(first).toMatchObject({ added: 2, updated: 0 });
  const facts = await query(db, "SELECT value, origin, read_value, review_note FROM facts WHERE label = '实有人数'");
  expect(facts).toContainEqual({ value: 24, origin: 'corrected', read_value: '23', review_note: '名册为 24 人' });
  expect(facts).toContainEqual({ value: 23, origin: 'read', read_value: '23', review_note: null });
  const findings = await query(db, 'SELECT review_decision, review_note FROM findings ORDER BY review_decision');
  expect(findings).toEqual([
    { review_decision: 'dismissed', review_note: '人员经费另有说明' },
    { review_decision: null, review_note: null },
  ]);
  // A later decision: the next build replaces that document's rows (and only its).
  await appendCorrection(corrections, findingDecision(asRead, 0, 'confirmed', '复核后确认'));
  const second = await buildDataset([out], { out: db });
  expect(second).toMatchObject({ added: 0, updated: 1, skipped: 1, documents: 2 });
  expect(await query(db, 'SELECT count(*)::INT AS n FROM findings')).toEqual([{ n: 2 }]);
  expect(await query(db, "SELECT review_note FROM findings WHERE review_decision = 'confirmed'")).toEqual([
    { review_note: '复核后确认' },
  ]);
}, 120_000);

test('extract --corrections on a fresh read; check leaves dismissed findings out of --fail-on and says how many', () => {
  const file = path.join(work, 'fresh.jsonl');
  appendFileSync(file, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const ex = jixiao(['extract', pdf, '--corrections', file]);
  expect(ex.status).toBe(0);
  const report = Report.parse(JSON.parse(ex.stdout));
  expect(report.findings[0]!.review?.decision).toBe('dismissed');
  expect(factByLabel(report, '实有人数').value).toBe(24);

  const plain = jixiao(['check', pdf]);
  expect(plain.status).toBe(1);
  const checked = jixiao(['check', pdf, '--corrections', file]);
  expect(checked.status).toBe(0);
  expect(checked.stdout).toContain('未发现问题（另有 1 条已被审阅者驳回，未列出）');
  expect(checked.stdout).not.toContain('sum-mismatch');
}, 120_000);

test('a correction whose anchor no longer matches is said on stderr, by every command', () => {
  const file = path.join(work, 'stale.jsonl');
  const stale = factFix(asRead, factByLabel(asRead, '公用经费'), { value: 300, unit: '万元' });
  appendFileSync(file, JSON.stringify({ ...stale, anchor: { ...stale.anchor, page: 2 } }) + '\n{"torn": \n');
  const run = jixiao(['check', pdf, '--corrections', file]);
  expect(run.stderr).toMatch(/correction of fact f\d+ not applied: 第 2 页/);
  expect(run.stderr).toMatch(/stale\.jsonl:2: not JSON \(line ignored\)/);
}, 120_000);

test('corrections.jsonl emptied: batch returns the document to its machine read', async () => {
  writeFileSync(corrections, '');
  const r = await runBatch({ inputs: [path.join(work, 'in')], out, jobs: 1, progress: 'none', ocr: 'never' });
  expect(r.corrections).toMatchObject({ lines: 0, applied: 0, rewritten: 1 });
  expect(docOf()).toEqual(asRead);
}, 120_000);

test('jixiao review: prints one address on 127.0.0.1 with its token, serves it, stops on SIGTERM; a folder that is no batch exits 2', async () => {
  const bad = jixiao(['review', path.join(work, 'in')]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/not a folder written by jixiao batch/);
  const child = spawn(process.execPath, [bin, 'review', out, '--by', 'cli-test', '--jobs', '1'], { cwd: work });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (d: Buffer) => {
        text += d.toString();
        if (text.includes('\n')) resolve(text.split('\n')[0]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[A-Za-z0-9_-]{32}\/index\.html$/);
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(new URL('/index.html', url))).status).toBe(403);
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}, 120_000);
