// An OCR pool loads its engine's modules when it reads its first page, not when it is made: every document
// process makes a pool, few read a page with tesseract.js, and loading it cost each ≈ 30 ms of CPU.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');

/** Runs `body` in a fresh Node with the pool module imported as `ocr`; `loaded()` says whether tesseract.js was. */
function probe(body: string): string {
  const script = `
    import { registerHooks } from 'node:module';
    const urls = [];
    registerHooks({ load(url, context, next) { urls.push(url); return next(url, context); } });
    const loaded = () => urls.some((u) => u.includes('/node_modules/tesseract.js/'));
    const ocr = await import(${JSON.stringify(path.join(root, 'src', 'ocr', 'pool.ts'))});
    ${body}
  `;
  const run = spawnSync(node, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.trim();
}

test('making a pool, either engine, loads no tesseract.js', () => {
  const out = probe(`
    const pools = [ocr.createOcrPool(1, 'ppocr'), ocr.createOcrPool(1, 'tesseract')];
    console.log(pools.map((p) => p.engine).join(' '), loaded());
    await Promise.all(pools.map((p) => p.close()));
    console.log(loaded());
  `);
  expect(out).toBe('ppocr tesseract false\nfalse');
});

test('a tesseract pool loads tesseract.js for its first page and reads it', () => {
  // A white page with one black bar: not noise (src/ocr/noise.ts), so it reaches the engine.
  const out = probe(`
    const width = 400, height = 120, pixels = new Uint8Array(width * height).fill(255);
    for (let y = 50; y < 70; y++) pixels.fill(0, y * width + 100, y * width + 300);
    const pool = ocr.createOcrPool(1, 'tesseract');
    const before = loaded();
    const result = await pool.recognize({ width, height, pixels }, 2);
    console.log(before, loaded(), result.engine);
    await pool.close();
  `);
  expect(out).toBe('false true tesseract');
}, 120_000);
