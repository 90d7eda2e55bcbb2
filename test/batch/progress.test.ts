// The progress bar's library is loaded only to draw a bar (a terminal): a batch in a log, a script or with
// --quiet never loads it. And the bar is still drawn.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { Progress } from '../../src/batch/progress.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');

test('lines and none load no cli-progress; a bar does', () => {
  const script = `
    import { registerHooks } from 'node:module';
    const urls = [];
    registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });
    const loaded = () => urls.some((u) => u.includes('/node_modules/cli-progress/'));
    const { Progress } = await import(${JSON.stringify(path.join(root, 'src', 'batch', 'progress.ts'))});
    const state = { total: 2, reused: 0, done: 0, failed: 0, pages: 0 };
    new Progress('none', state).stop();
    new Progress('lines', state).stop();
    const before = loaded();
    new Progress('bar', state, 10_000, process.stdout).stop();
    console.error(before, loaded());
  `;
  const run = spawnSync(node, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr.trim()).toBe('false true');
});

test('the bar is drawn with its counts', () => {
  let text = '';
  const stream = new Writable({ write: (chunk, _, done) => ((text += String(chunk)), done()) });
  Object.assign(stream, {
    isTTY: true,
    columns: 120,
    cursorTo: () => true,
    clearLine: () => true,
    moveCursor: () => true,
  });
  const state = { total: 3, reused: 0, done: 2, failed: 1, pages: 5 };
  const progress = new Progress('bar', state, 10_000, stream as unknown as NodeJS.WriteStream);
  progress.update();
  progress.stop();
  expect(text).toMatch(/jixiao batch .* 2\/3 docs \| [\d.]+ pages\/s \| 1 failed/);
});
