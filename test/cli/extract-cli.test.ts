// The CLI as a user runs it: bin/jixiao.js in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { Report } from '../../src/schema/report.ts';
import { makePdf } from '../support/make-pdf.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');

function jixiao(args: string[], cwd = root) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('--version and --help', () => {
  expect(jixiao(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  const help = jixiao(['--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toContain('extract');
});

test('extract one file prints one valid report to stdout', () => {
  const run = jixiao(['extract', sample]);
  expect(run.status).toBe(0);
  const report = Report.parse(JSON.parse(run.stdout));
  expect(report.source.pages).toBe(11);
});

test('several files with -o: one JSON each; a bad file gets one line naming it and its reason, and the rest still land', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-cli-'));
  const bad = path.join(dir, 'bad.pdf');
  writeFileSync(bad, 'hello');
  const locked = path.join(dir, 'locked.pdf');
  writeFileSync(locked, makePdf({ pages: [{ runs: [] }], encrypted: true }));
  const empty = path.join(dir, 'empty.pdf');
  writeFileSync(empty, '');
  const out = path.join(dir, 'out');
  const run = jixiao(['extract', bad, sample, locked, empty, path.join(dir, 'missing.pdf'), '-o', out, '--pretty']);
  expect(run.status).toBe(2);
  const lines = run.stderr.trim().split('\n');
  expect(lines.filter((l) => l.includes(' → '))).toEqual([
    expect.stringMatching(
      /yueyanglou-scjg-2023\.pdf → .*yueyanglou-scjg-2023\.json \(11 pages, 20 sections, \d+ facts/,
    ),
  ]);
  expect(lines.filter((l) => !l.includes(' → '))).toEqual([
    `jixiao: ${bad}: not a PDF (no %PDF- header)`,
    `jixiao: ${locked}: encrypted PDF: a password is required`,
    `jixiao: ${empty}: empty file (0 bytes)`,
    `jixiao: ${path.join(dir, 'missing.pdf')}: no such file`,
  ]);
  expect(run.stderr).not.toContain('    at ');
  expect(readdirSync(out)).toEqual(['yueyanglou-scjg-2023.json']);
  Report.parse(JSON.parse(readFileSync(path.join(out, 'yueyanglou-scjg-2023.json'), 'utf8')));
});

test('--debug adds the stack trace', () => {
  const run = jixiao(['extract', path.join(root, 'README.md'), '--debug']);
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('    at ');
});

test('a usage error exits 2', () => {
  expect(jixiao(['extract']).status).toBe(2);
  expect(jixiao(['extract', sample, '--ocr', 'sometimes']).status).toBe(2);
});

test('check prints findings by file with pages, and --fail-on sets the exit status', () => {
  const run = jixiao(['check', sample]);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('yueyanglou-scjg-2023.pdf：错误 0，警告 1，提示 2');
  expect(run.stdout).toMatch(/\[警告\] 第10页 .*115 起.*138 起/);
  expect(jixiao(['check', sample, '--fail-on', 'warning']).status).toBe(1);
  expect(jixiao(['check', sample, '--fail-on', 'never']).status).toBe(0);
  const json = jixiao(['check', sample, '--json']);
  expect(Report.parse(JSON.parse(json.stdout.trim())).findings).toHaveLength(3);
  expect(jixiao(['check', sample, path.join(root, 'package.json')]).status).toBe(2);
}, 240_000); // five runs, each reading the sample in a document worker
