#!/usr/bin/env node
// Starts the CLI on a Node that can run it.
// - Installed package (no src/ beside bin/): runs the JavaScript built into dist/.
// - A checkout (src/ present): runs the TypeScript sources with Node's own type
//   stripping (Node 22.13+ with a flag, 22.18+/24 without), so no build step.
// jixiao needs Node 22.13+. On an older system Node (20 is past its end of
// life) it re-runs itself with the Node 24 of the npm package `node`, a
// dependency of jixiao (node_modules/node/bin/node).
//
// A re-run is still one program to whoever started it: the visible process
// passes SIGINT, SIGTERM and SIGHUP on to the real one, exits with its status
// (or dies of the signal that ended it), and the real one stops when the
// visible one dies, even of SIGKILL (it notices its IPC channel close).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { constants } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');
const source = join(root, 'src', 'cli', 'main.ts');
const fromSource = existsSync(source);
const main = fromSource ? source : join(root, 'dist', 'cli', 'main.js');
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 22 || (major === 22 && minor >= 13);
const runnable = supported && (!fromSource || process.features.typescript);

/** Set in the environment of the re-run process: the visible process's pid. */
const REEXEC = 'JIXIAO_REEXEC_PARENT';
const FORWARDED = ['SIGINT', 'SIGTERM', 'SIGHUP'];
/** A signal the real process reports having had by itself within this long is not sent to it again. */
const SAME_SIGNAL_MS = 1000;
/** How long the visible process waits for that report before it passes a signal on. */
const FORWARD_DELAY_MS = 400;
/** After the visible process died: how long the real one may take to stop cleanly before it is killed. */
const ORPHAN_GRACE_MS = 3000;

const reexecuted = process.env[REEXEC] !== undefined;
if (reexecuted) {
  delete process.env[REEXEC];
  watchParent();
}

if (runnable) {
  await import(pathToFileURL(main).href);
} else if (reexecuted) {
  // Never a second re-run: the Node chosen for this one should have been able to run it.
  process.stderr.write(`jixiao: cannot run on ${process.version} (${process.execPath})\n`);
  process.exit(2);
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
            : "jixiao: install Node 24, or reinstall with that package's install script allowed: npm install -g jixiao --allow-scripts=node\n"),
      );
      process.exit(2);
    }
  }
  reexec(node, [...args, self, ...process.argv.slice(2)]);
}

/**
 * The arguments after the script as their own bytes (hex, NUL-separated) for
 * src/cli/raw-args.ts: the child's argv holds them decoded as UTF-8 already, so
 * a file named in GBK bytes would be lost on the way. Linux only; elsewhere none.
 */
function rawArgv() {
  try {
    const all = readFileSync('/proc/self/cmdline');
    const parts = [];
    let start = 0;
    for (let i = 0; i < all.length; i++) if (all[i] === 0) (parts.push(all.subarray(start, i)), (start = i + 1));
    const args = parts.slice(-(process.argv.length - 2));
    if (process.argv.length <= 2 || args.length !== process.argv.length - 2) return {};
    return {
      JIXIAO_RAW_ARGV: Buffer.concat(args.flatMap((a, i) => (i === 0 ? [a] : [Buffer.from([0]), a]))).toString('hex'),
    };
  } catch {
    return {};
  }
}

/** The visible process: runs the CLI in `node`, passes signals on, ends as the child ended. */
function reexec(node, argv) {
  const child = spawn(node, argv, {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, [REEXEC]: String(process.pid), ...rawArgv() },
  });
  // A Ctrl-C (or a terminal's hang-up) reaches both processes; the child says so, and the signal is not sent twice.
  const heard = new Map();
  child.on('message', (m) => {
    if (m && typeof m.signal === 'string') heard.set(m.signal, Date.now());
  });
  const forwarders = FORWARDED.map((sig) => {
    const forward = () => {
      const at = Date.now();
      setTimeout(() => {
        if ((heard.get(sig) ?? -Infinity) < at - SAME_SIGNAL_MS) child.kill(sig);
      }, FORWARD_DELAY_MS);
    };
    process.on(sig, forward);
    return [sig, forward];
  });
  child.on('error', (err) => {
    process.stderr.write(`jixiao: cannot start ${node}: ${err.message}\n`);
    process.exit(2);
  });
  child.on('exit', (code, signal) => {
    if (code !== null) process.exit(code);
    for (const [sig, forward] of forwarders) process.off(sig, forward);
    const number = constants.signals[signal] ?? 15;
    // Die of the same signal where that is harmless, so a parent waiting on this pid sees what happened;
    // signals that would dump core here (SIGSEGV, SIGABRT …) become the shell's 128+n instead.
    if (signal === 'SIGKILL' || FORWARDED.includes(signal)) process.kill(process.pid, signal);
    setTimeout(() => process.exit(128 + number), 100);
  });
}

/** The re-run process: reports the signals it has by itself, and stops when the visible process is gone. */
function watchParent() {
  if (!process.channel) return;
  process.channel.unref(); // the channel must not keep a finished command alive
  for (const sig of FORWARDED) {
    const tell = () => {
      // With a callback a closed channel (the parent gone) is not an 'error' event.
      if (process.connected) process.send({ signal: sig }, () => {});
      // Nobody else here handles it: the signal's own action (the process ends), as without this listener.
      if (process.listenerCount(sig) === 1) {
        process.off(sig, tell);
        process.kill(process.pid, sig);
      }
    };
    process.on(sig, tell);
  }
  process.once('disconnect', () => {
    // Stop as SIGTERM stops the command (a batch records what is done), and for certain a little later.
    setTimeout(() => process.kill(process.pid, 'SIGKILL'), ORPHAN_GRACE_MS).unref();
    process.kill(process.pid, 'SIGTERM');
  });
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
