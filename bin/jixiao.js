#!/usr/bin/env node
// Starts the CLI on a Node that can run it. jixiao is TypeScript run by
// Node's own type stripping (Node 22.13+ with a flag, 22.18+/24 without).
// On an older system Node (20 is past its end of life) it re-runs itself
// with the Node 24 that `npm ci` installs into node_modules (npm package `node`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const main = join(root, 'src', 'cli', 'main.ts');
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 13);

if (supported && process.features.typescript) {
  await import(new URL(`file://${main}`).href);
} else {
  let node = process.execPath;
  const args = [];
  if (supported) {
    args.push('--experimental-strip-types', '--no-warnings=ExperimentalWarning');
  } else {
    node = join(root, 'node_modules', 'node', 'bin', 'node');
    if (!existsSync(node)) {
      process.stderr.write(
        `jixiao: needs Node.js 22.13 or newer (this is ${process.version}); run \`npm ci\` in ${root} to install the bundled Node 24, or install Node 24\n`,
      );
      process.exit(2);
    }
  }
  const run = spawnSync(node, [...args, main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? (run.signal ? 128 + 15 : 2));
}
