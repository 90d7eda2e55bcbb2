// The command line as people expect: a mistake is one line naming the command
// and what was wrong, pointing at --help (exit 2); --help ends with examples;
// `jixiao rules` lists every rule.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { RULE_IDS } from '../../src/schema/report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');

function jixiao(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

test.each([
  [['extract', '--bogus', 'x.pdf'], "jixiao extract: unknown option '--bogus' (see jixiao extract --help)"],
  [['extract'], "jixiao extract: missing required argument 'files' (see jixiao extract --help)"],
  [['frobnicate'], "jixiao: unknown command 'frobnicate' (see jixiao --help)"],
  [
    ['queue', 'status'],
    "jixiao queue status: required option '--queue <url>' not specified (see jixiao queue status --help)",
  ],
])('%j is one line and exit 2', (args, line) => {
  const run = jixiao(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`${line}\n`);
});

test('a bad choice names the option and the choices, on one line', () => {
  const run = jixiao(['check', '--fail-on', 'maybe', 'x.pdf']);
  expect(run.status).toBe(2);
  expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(
    /^jixiao check: .*--fail-on.*'maybe'.*error, warning, never.*\(see jixiao check --help\)$/m,
  );
});

test.each(['extract', 'check', 'batch', 'report', 'dataset', 'rules'])('%s --help ends with examples', (command) => {
  const run = jixiao([command, '--help']);
  expect(run.status).toBe(0);
  const examples = run.stdout.split('\nExamples:\n')[1];
  expect(examples).toBeDefined();
  const lines = examples!.trimEnd().split('\n');
  expect(lines.length).toBeGreaterThanOrEqual(2);
  for (const line of lines) expect(line).toMatch(new RegExp(`^  \\$ jixiao ${command}\\b.*  # \\S`));
});

test('jixiao rules lists every rule once, most specific first; --json the same', () => {
  const text = jixiao(['rules']);
  expect(text.status).toBe(0);
  const ids = text.stdout
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/\s+/)[0]);
  expect([...ids].sort()).toEqual([...RULE_IDS].sort());
  expect(ids[0]).toBe('table-total-mismatch');
  const json = JSON.parse(jixiao(['rules', '--json']).stdout) as {
    id: string;
    severity: string;
    description: string;
  }[];
  expect(json.map((r) => r.id)).toEqual(ids);
  for (const r of json) expect(r.description.length).toBeGreaterThan(10);
});
