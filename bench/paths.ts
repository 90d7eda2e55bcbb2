// Where the benches find the command they run: jixiao as users run it, under the Node the project brings.
// An installed package runs the JavaScript built into dist/ (bin/jixiao.js picks src/ only in a checkout, where
// Node strips the types of every file on each start, ≈ 0.25 s more CPU per process), so the benches build dist/
// when it is older than src/ and run dist/cli/main.js. JIXIAO_BENCH_FROM=src runs the checkout's TypeScript
// instead (through bin/jixiao.js, as `npm run jixiao` does).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../', import.meta.url));
export const node = path.join(root, 'node_modules', '.bin', 'node');
/** What the benches measure: 'dist' (the built JavaScript, as installed) or 'src' (the checkout's TypeScript). */
export const from: 'dist' | 'src' = process.env.JIXIAO_BENCH_FROM === 'src' ? 'src' : 'dist';
const built = path.join(root, 'dist', 'cli', 'main.js');
/** The script `node` runs for a jixiao command. */
export const bin = from === 'src' ? path.join(root, 'bin', 'jixiao.js') : built;
/** Said in each bench's output. */
export const measured =
  from === 'src'
    ? "the checkout's TypeScript (bin/jixiao.js over src/, type stripping)"
    : 'the built JavaScript (dist/cli/main.js, as an installed package runs)';

if (from === 'dist' && stale()) {
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (run.status !== 0) throw new Error('npm run build failed: the benches measure dist/');
}

/** Whether dist/ is missing or older than a file of src/. */
function stale(): boolean {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.isDirectory() ? newer(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs > builtAt,
    );
  return newer(path.join(root, 'src'));
}
