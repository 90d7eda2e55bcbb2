// `jixiao batch` stopped with Ctrl-C while documents are still queued: exit
// status 130 and the "run it again" line — the CLI reads `interrupted` from the
// library's runBatch (p-queue's clear() used to turn the stop into an error, exit 2).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const clean = path.join(root, 'test', 'fixtures', 'reports', 'edu-dept.pdf');

test('Ctrl-C during a batch: exit 130, what was done is kept', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-stop-'));
  const bytes = readFileSync(clean);
  const inputs = Array.from({ length: 40 }, (_, i) => {
    const p = path.join(dir, `${String(i).padStart(2, '0')}.pdf`);
    writeFileSync(p, Buffer.concat([bytes, Buffer.from(`\n%${i}\n`)]));
    return p;
  });
  const out = path.join(dir, 'out');
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'jixiao.js'), 'batch', ...inputs, '--out', out, '--jobs', '1', '--quiet'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const manifest = path.join(out, 'manifest.jsonl');
  const lines = () =>
    existsSync(manifest) ? readFileSync(manifest, 'utf8').trim().split('\n').filter(Boolean).length : 0;
  const deadline = Date.now() + 60_000;
  while (lines() < 1 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  expect(lines()).toBeGreaterThanOrEqual(1);
  child.kill('SIGINT');
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).toContain('interrupted');
  expect(status).toBe(130);
  const done = lines();
  expect(done).toBeGreaterThanOrEqual(1);
  expect(done).toBeLessThan(inputs.length);
});
