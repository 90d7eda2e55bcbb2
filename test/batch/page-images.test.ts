// `jixiao batch --page-images`: each document's pages drawn into
// DIR/pages/<name>/ while the document is open — one image per page and a
// pages.json naming what they were drawn from — the same bytes the review site
// draws from the file; kept on resume, drawn when asked for on a folder that
// has none, refused with a queue.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runBatch } from '../../src/batch/run.ts';
import { BatchSetupError } from '../../src/batch/errors.ts';
import { runQueueBatch } from '../../src/queue/coordinator.ts';
import { readManifest } from '../../src/writers/manifest.ts';
import { buildSite } from '../../src/review/site.ts';
import { DEFAULT_DPI, drawPdfPages, findingPages, PAGES_JSON, type PageImages } from '../../src/writers/page-images.ts';
import type { Report } from '../../src/schema/report.ts';
import { badFiles, madeReport, SAMPLE, writeAll } from './corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-page-images-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const inputs = writeAll(path.join(work, 'in'), [
  { name: 'made-0.pdf', bytes: madeReport(0) }, // two pages
  { name: 'made-1.pdf', bytes: madeReport(1) },
  { name: 'sample.pdf', bytes: new Uint8Array(readFileSync(SAMPLE)) },
  ...badFiles().filter((f) => f.name === 'truncated.pdf'),
]);
const pagesJson = (out: string, name: string) =>
  JSON.parse(readFileSync(path.join(out, 'pages', name, PAGES_JSON), 'utf8')) as PageImages;
const run = (out: string, pageImages: boolean | 'findings') =>
  runBatch({ inputs, out, jobs: 2, progress: 'none', pageImages });

describe('batch --page-images', () => {
  const out = path.join(work, 'out');

  test('one image per page, a pages.json with its key, the manifest naming the folder', async () => {
    const result = await run(out, true);
    expect(result.failed).toBe(1);
    const records = await readManifest(path.join(out, 'manifest.jsonl'));
    for (const r of records.filter((x) => x.status === 'ok')) {
      const name = path.basename(r.doc!, '.json');
      expect(r.pageImages).toBe(`pages/${name}`);
      const report = JSON.parse(readFileSync(path.join(out, r.doc!), 'utf8')) as Report;
      const images = pagesJson(out, name);
      expect(images.sha256).toBe(report.source.sha256);
      expect(images.dpi).toBe(DEFAULT_DPI);
      expect(images.scanned).toEqual([]);
      expect(images.pages.map((p) => p.geometry?.number)).toEqual(report.pages.map((p) => p.number));
      expect(
        images.pages.every(
          (p) => p.error === null && p.file === `page-${String(p.geometry!.number).padStart(4, '0')}.png`,
        ),
      ).toBe(true);
      const files = readdirSync(path.join(out, 'pages', name)).filter((f) => f.endsWith('.png'));
      expect(files.length).toBe(report.pages.length);
      // 144 dpi: two pixels a point
      const first = images.pages[0]!;
      expect(first.pixelWidth).toBe(Math.round(first.geometry!.width * 2));
    }
    // a failed document has no folder
    expect(readdirSync(path.join(out, 'pages')).sort()).toEqual(['made-0', 'made-1', 'sample']);
    expect(pagesJson(out, 'made-0').pages.length).toBe(2);
  });

  test('drawn from the open document, the same bytes as drawn from the file', async () => {
    const fresh = path.join(work, 'fresh');
    const key = pagesJson(out, 'sample');
    const pages = await drawPdfPages(new Uint8Array(readFileSync(SAMPLE)), key, fresh, 'all');
    expect(pages).toEqual(key.pages);
    for (const p of pages)
      expect(
        readFileSync(path.join(fresh, p.file!)).equals(readFileSync(path.join(out, 'pages', 'sample', p.file!))),
      ).toBe(true);
  });

  test('a run again keeps them; a run without the flag keeps them too', async () => {
    const image = path.join(out, 'pages', 'sample', 'page-0001.png');
    const before = statSync(image).mtimeMs;
    const again = await run(out, true);
    expect(again.reused).toBe(4);
    const without = await run(out, false);
    expect(without.reused).toBe(4);
    expect(statSync(image).mtimeMs).toBe(before);
    const records = await readManifest(path.join(out, 'manifest.jsonl'));
    expect(records.filter((r) => r.pageImages).length).toBe(3);
  });

  test('asked for on a folder read without it: the documents are read again and drawn', async () => {
    const plain = path.join(work, 'plain');
    await run(plain, false);
    const records = await readManifest(path.join(plain, 'manifest.jsonl'));
    expect(records.some((r) => r.pageImages)).toBe(false);
    const result = await run(plain, true);
    expect(result.reused).toBe(1); // only the failed one stands
    expect(readdirSync(path.join(plain, 'pages')).sort()).toEqual(['made-0', 'made-1', 'sample']);
    // and a folder whose images were removed is drawn again
    rmSync(path.join(plain, 'pages', 'made-1', PAGES_JSON));
    const redo = await run(plain, true);
    expect(redo.reused).toBe(3);
    expect(pagesJson(plain, 'made-1').pages.length).toBe(1);
  });

  test('a document changed since is read and drawn again, its old images replaced', async () => {
    const changed = path.join(work, 'changed');
    await run(changed, true);
    const before = pagesJson(changed, 'made-0');
    writeFileSync(inputs[0]!, madeReport(1)); // one page now
    try {
      await run(changed, true);
      const after = pagesJson(changed, 'made-0');
      expect(after.sha256).not.toBe(before.sha256);
      expect(after.pages.length).toBe(1);
      expect(readdirSync(path.join(changed, 'pages', 'made-0')).filter((f) => f.endsWith('.png'))).toEqual([
        'page-0001.png',
      ]);
    } finally {
      writeFileSync(inputs[0]!, madeReport(0));
    }
  });

  test('findings: only the pages a first site draws, which the site then copies and draws none', async () => {
    const found = path.join(work, 'findings');
    await run(found, 'findings');
    const records = await readManifest(path.join(found, 'manifest.jsonl'));
    let drawn = 0;
    for (const r of records.filter((x) => x.status === 'ok')) {
      const name = path.basename(r.doc!, '.json');
      const report = JSON.parse(readFileSync(path.join(found, r.doc!), 'utf8')) as Report;
      const images = pagesJson(found, name);
      expect(images.pages.map((p) => p.number)).toEqual(findingPages(report));
      drawn += images.pages.length;
      // the same bytes as --page-images all drew
      for (const p of images.pages)
        expect(
          readFileSync(path.join(found, 'pages', name, p.file!)).equals(
            readFileSync(path.join(out, 'pages', name, p.file!)),
          ),
        ).toBe(true);
    }
    // the sample's findings are on some of its pages, not all; the made reports have none
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThan(pagesJson(out, 'sample').pages.length);
    const site = await buildSite({ inputs: [found], out: path.join(work, 'findings-site') });
    expect(site.drawn).toBe(0);
    expect(site.pages).toBe(drawn);
    // asked for every page now: read and drawn again; findings after all: kept
    expect((await run(found, true)).reused).toBe(1);
    expect(pagesJson(found, 'sample').pages.length).toBe(pagesJson(out, 'sample').pages.length);
    expect((await run(found, 'findings')).reused).toBe(4);
  });

  test('not with a queue: refused before anything is enqueued', async () => {
    await expect(
      runQueueBatch({ inputs, out: path.join(work, 'q'), queue: 'redis://127.0.0.1:1/0', pageImages: true }),
    ).rejects.toBeInstanceOf(BatchSetupError);
  });
});
