// Option values: a bad one is one line naming the option and what it takes,
// exit 2 (usage), before any file is read — for every command that has it.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');

function jixiao(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const BAD: [string[], RegExp][] = [
  [['--jobs', '0'], /^jixiao: --jobs 0: takes a whole number of at least 1$/],
  [['--jobs', '-1'], /^jixiao: --jobs -1: takes a whole number of at least 1$/],
  [['--jobs', 'abc'], /^jixiao: --jobs abc: takes a whole number of at least 1$/],
  [['--jobs', '1.5'], /^jixiao: --jobs 1\.5: takes a whole number/],
  [['--timeout', '0'], /^jixiao: --timeout 0: takes seconds above 0, at most 2147483 /],
  [['--timeout', '2200000'], /^jixiao: --timeout 2200000: takes seconds above 0, at most 2147483 /],
  [['--timeout', 'soon'], /^jixiao: --timeout soon: /],
  [['--max-pages', '0'], /^jixiao: --max-pages 0: takes a whole number of at least 1$/],
  [['--max-memory', '64'], /^jixiao: --max-memory 64: takes MB from 256 \(.*\) to 1048576 \(1 TB\)$/],
  [['--max-memory', '99999999'], /^jixiao: --max-memory 99999999: takes MB from 256 \(.*\) to 1048576 \(1 TB\)$/],
  [['--ocr-dpi', '0'], /^jixiao: --ocr-dpi 0: takes a resolution from 72 to 600$/],
  [['--ocr-dpi', '3000'], /^jixiao: --ocr-dpi 3000: takes a resolution from 72 to 600$/],
];

// Every value on check; a few on the others (each run starts a Node: seconds on a loaded machine).
test.each([
  ['check', BAD],
  ['extract', [BAD[0]!, BAD[4]!, BAD[10]!]],
  ['batch', [BAD[2]!, BAD[5]!, BAD[8]!]],
] as const)(
  '%s: a bad option value is one line and exit 2',
  (command, cases) => {
    const out = command === 'batch' ? ['--out', path.join(os.tmpdir(), 'jixiao-never-written')] : [];
    for (const [args, message] of cases) {
      const run = jixiao([command, ...out, ...args, sample]);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n'), args.join(' ')).toEqual([expect.stringMatching(message)]);
      expect(run.stdout).toBe('');
    }
  },
  120_000,
);

test('a control character in a value is shown escaped', () => {
  const run = jixiao(['check', '--jobs', '\u001b[8m2', sample]);
  expect(run.status).toBe(2);
  expect(run.stderr).toBe('jixiao: --jobs \\u001b[8m2: takes a whole number of at least 1\n');
});

test('--jobs above the cores: a warning, then the run; far above: capped', () => {
  const cores = os.availableParallelism();
  const run = jixiao(['check', '--jobs', String(cores + 1), '--json', sample]);
  expect(run.status).toBe(0);
  expect(run.stderr).toContain(`jixiao: warning: --jobs ${cores + 1} is more than the ${cores} cores`);
  const capped = jixiao(['check', '--jobs', '100000', '--json', sample]);
  expect(capped.status).toBe(0);
  expect(capped.stderr).toContain(`jixiao: --jobs 100000 is more than 4 per core (${cores} cores): using ${4 * cores}`);
}, 120_000);

test('worker and report check theirs too', () => {
  expect(jixiao(['worker', '--queue', 'redis://127.0.0.1:1/0', '--grace', '0']).stderr).toBe(
    'jixiao: --grace 0: takes whole seconds from 1 to 2147483\n',
  );
  expect(jixiao(['report', sample, '--out', os.tmpdir(), '--dpi', 'x']).stderr).toBe(
    'jixiao: --dpi x: takes a whole number of at least 1\n',
  );
});
