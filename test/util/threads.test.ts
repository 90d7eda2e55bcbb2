// A thread's stderr is the user's until the thread is being stopped: pdf.js
// warns 'Cannot load "@napi-rs/canvas"' from a document worker stopped while
// it loads, which a batch stopped by a full disk printed beside its one line.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');

test('what a thread writes is shown until stopThread, and nothing after', () => {
  for (let run = 0; run < 3; run++) {
    const child = spawnSync(node, [fileURLToPath(new URL('./threads/parent.ts', import.meta.url))], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.status, child.stderr).toBe(0);
    const [before, after] = child.stderr.split('STOP\n');
    expect(before).toMatch(/^(x\n)+$/);
    expect(after).toBe('');
  }
});
