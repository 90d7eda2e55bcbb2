// The site's drawing threads get PDFium compiled once, by the site (a WebAssembly.Module with each job),
// and draw from it the very bytes a PDFium compiled in its own thread draws.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { Renderer } from '../../src/review/renderer.ts';
import { compiledPdfium } from '../../src/pdf/pdfium/module.ts';
import { DEFAULT_DPI, drawPdfPages } from '../../src/writers/page-images.ts';
import { SAMPLE } from '../batch/corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-renderer-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('two threads drawing from the module compiled once draw the same bytes as PDFium compiled here', async () => {
  expect(await compiledPdfium()).toBeInstanceOf(WebAssembly.Module);
  const key = { sha256: 'x', dpi: DEFAULT_DPI, scanned: [] };
  const renderer = new Renderer(2, null, false);
  const threaded = path.join(work, 'threaded');
  const here = path.join(work, 'here');
  try {
    // two jobs at once: one in each thread
    const [a, b] = await Promise.all([
      renderer.render(SAMPLE, key, path.join(threaded, 'a'), { pages: [1, 10] }),
      renderer.render(SAMPLE, key, path.join(threaded, 'b'), { pages: [3] }),
    ]);
    expect(a.map((p) => p.file)).toEqual(['page-0001.png', 'page-0010.png']);
    expect(b.map((p) => p.file)).toEqual(['page-0003.png']);
  } finally {
    await renderer.close();
  }
  const bytes = new Uint8Array(readFileSync(SAMPLE));
  await drawPdfPages(bytes, key, here, [1, 3, 10]);
  for (const [dir, file] of [
    ['a', 'page-0001.png'],
    ['a', 'page-0010.png'],
    ['b', 'page-0003.png'],
  ] as const)
    expect(readFileSync(path.join(threaded, dir, file)).equals(readFileSync(path.join(here, file)))).toBe(true);
});
