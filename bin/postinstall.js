// npm runs this when it installs jixiao. It only looks, and says one line when PP-OCR's engine is missing or
// may go missing; it never fails the install and never uses the network.
//
// Why: onnxruntime-node, an optional dependency, carries its CPU binaries in its npm package, but on Linux x64
// its own install script also downloads CUDA libraries from a host outside the npm registry. Where that fails
// (a machine that reaches only the registry, a firewall), npm drops the package without a word and OCR falls
// back to tesseract.js. Its script skips the download when ONNXRUNTIME_NODE_INSTALL=skip is set. npm runs the
// two packages' scripts side by side, so this one cannot wait for the outcome: it says what will happen.
//
// npm shows no output of an install script that succeeds, so the line also goes to the terminal (/dev/tty)
// where there is one: the person who typed `npm install` sees it.
import { closeSync, existsSync, openSync, readFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const ENGINE = 'onnxruntime-node';

try {
  const state = engineState();
  if (state !== 'ok') say(line(state));
} catch {
  // Nothing here may fail an install.
}

/** 'ok', 'missing' (not installed), or 'downloading' (its install script fetches CUDA files, which may fail). */
function engineState() {
  let entry;
  try {
    entry = createRequire(import.meta.url).resolve(ENGINE);
  } catch {
    return 'missing';
  }
  if (process.platform !== 'linux' || process.arch !== 'x64' || !scriptRuns()) return 'ok';
  const root = packageRoot(entry);
  // The file its script downloads on Linux x64 (script/install-metadata.js): there already, nothing is fetched.
  if (!root || existsSync(join(root, 'bin', 'napi-v6', 'linux', 'x64', 'libonnxruntime_providers_cuda.so')))
    return 'ok';
  return 'downloading';
}

/** Whether npm runs the engine's install script in this install: not when told to skip, nor where the project denies it. */
function scriptRuns() {
  const env = process.env;
  if (env.npm_lifecycle_event !== 'postinstall' || !env.npm_config_local_prefix) return false;
  if ((env.ONNXRUNTIME_NODE_INSTALL || env.npm_config_onnxruntime_node_install) === 'skip') return false;
  // The project's allowScripts (npm 11) — jixiao's own checkout denies it, as a user's project may.
  const project = join(env.npm_config_local_prefix, 'package.json');
  const allow = existsSync(project) ? JSON.parse(readFileSync(project, 'utf8')).allowScripts : undefined;
  return !(allow && allow[ENGINE] === false);
}

/** The folder of the package.json named ENGINE above `file`. */
function packageRoot(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === ENGINE) return dir;
  }
  return null;
}

function line(state) {
  const again =
    process.env.npm_config_global === 'true'
      ? 'ONNXRUNTIME_NODE_INSTALL=skip npm install -g jixiao'
      : 'ONNXRUNTIME_NODE_INSTALL=skip npm install';
  const what =
    state === 'missing'
      ? `PP-OCR's engine ${ENGINE} is not installed, so OCR will use tesseract.js`
      : `${ENGINE} (PP-OCR's engine) downloads CUDA files from outside npm as it installs; where it cannot, npm leaves it out and OCR uses tesseract.js`;
  return `jixiao: ${what} — for PP-OCR on the CPU (its binaries are in the npm package) run \`${again}\`\n`;
}

function say(text) {
  process.stderr.write(text);
  if (process.stderr.isTTY) return;
  try {
    const tty = openSync('/dev/tty', 'w');
    try {
      writeSync(tty, text);
    } finally {
      closeSync(tty);
    }
  } catch {
    // no terminal (CI, a scheduler): the line is in npm's log, and jixiao says it again when a page needs OCR
  }
}
