#!/usr/bin/env node
// Starts the CLI on a Node that can run it.
// - Installed package (no src/ beside bin/): runs the JavaScript built into dist/.
// - A checkout (src/ present): runs the TypeScript sources with Node's own type
//   stripping (Node 22.13+ with a flag, 22.18+/24 without), so no build step.
// jixiao needs Node 22.13+. On an older system Node (20 is past its end of
// life) it re-runs itself with the Node 24 of the npm package `node`, a
// dependency of jixiao (node_modules/node/bin/node).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'src', 'cli', 'main.ts');
const fromSource = existsSync(source);
const main = fromSource ? source : join(root, 'dist', 'cli', 'main.js');
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 13);

if (supported && (!fromSource || process.features.typescript)) {
  await import(pathToFileURL(main).href);
} else {
  let node = process.execPath;
  const args = [];
  if (supported) {
    args.push('--experimental-strip-types', '--no-warnings=ExperimentalWarning');
  } else {
    node = bundledNode();
    if (!node) {
      process.stderr.write(
        `jixiao: needs Node.js 22.13 or newer (this is ${process.version}), and the Node 24 of the npm package \`node\` is not installed beside it.\n` +
          (fromSource
            ? `jixiao: run \`npm ci\` in ${root}, or install Node 24\n`
            : 'jixiao: install Node 24, or reinstall with that package\'s install script allowed: npm install -g jixiao --allow-scripts=node\n'),
      );
      process.exit(2);
    }
  }
  const run = spawnSync(node, [...args, main, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? (run.signal ? 128 + 15 : 2));
}

/** node_modules/node/bin/node wherever npm put it: beside jixiao (-g, npx) or hoisted into the project (a dependency). */
function bundledNode() {
  const candidates = [join(root, 'node_modules', 'node', 'bin', 'node')];
  try {
    candidates.push(join(dirname(createRequire(import.meta.url).resolve('node/package.json')), 'bin', 'node'));
  } catch {
    // not installed
  }
  return candidates.find((c) => existsSync(c)) ?? null;
}
