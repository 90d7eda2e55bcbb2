// `jixiao report` as a user runs it, and the one-line summary that the site
// and `jixiao check` share.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const tmp = mkdtempSync(path.join(tmpdir(), 'jixiao-report-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function jixiao(args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: tmp, encoding: 'utf8', timeout: 300_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const unescape = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&');

test('report writes the site; a bad input is a failed row with its reason and exit status 2', () => {
  writeFileSync(path.join(tmp, 'not-a-pdf.pdf'), '<html>404</html>');
  const run = jixiao(['report', sample, 'not-a-pdf.pdf', '--out', 'site']);
  expect(run.stderr).toContain('not-a-pdf.pdf');
  // the pages holding a finding (4, 7 and 10), drawn while it was read; the others when asked for
  expect(run.stderr).toContain('3 page images (3 drawn now');
  expect(run.stderr).toContain('8 pages without a finding not drawn');
  expect(run.status).toBe(2);
  const index = readFileSync(path.join(tmp, 'site', 'index.html'), 'utf8');
  expect(index).toContain('not a PDF');
  expect(index).toContain('失败');
  expect(readdirSync(path.join(tmp, 'site', 'documents')).sort()).toEqual([
    'yueyanglou-scjg-2023',
    'yueyanglou-scjg-2023.html',
  ]);
  // the site's only script and style are its own files
  expect(readdirSync(path.join(tmp, 'site', 'assets')).sort()).toEqual(['review.css', 'review.js']);
  expect(index).not.toMatch(/(src|href)="(https?:)?\/\//);
});

test('PDF inputs are read under the limits check and batch read them with, and their pages drawn while read', () => {
  // the sample's 11 pages against --max-pages 5, and no time to read it in: each a failed row with its reason
  const pages = jixiao(['report', sample, '--out', 'site-pages', '--max-pages', '5']);
  expect(pages.status).toBe(2);
  expect(pages.stderr).toContain('more than the limit of 5 (--max-pages)');
  expect(readFileSync(path.join(tmp, 'site-pages', 'index.html'), 'utf8')).toContain('more than the limit of 5');
  const time = jixiao(['report', sample, '--out', 'site-time', '--timeout', '0.05']);
  expect(time.status).toBe(2);
  expect(time.stderr).toContain('--timeout');
  // the first site's pages were drawn while the document was read, and nothing of that is left lying in DIR
  const pngs = (site: string) =>
    readdirSync(path.join(tmp, site, 'documents', 'yueyanglou-scjg-2023')).filter((f) => f.endsWith('.png'));
  expect(pngs('site')).toEqual(['page-0004.png', 'page-0007.png', 'page-0010.png']);
  expect(readdirSync(path.join(tmp, 'site'))).not.toContain('.drawing');
  // --all-pages: every one
  const all = jixiao(['report', sample, '--out', 'site-all', '--all-pages']);
  expect(all.stderr).toContain('11 page images (11 drawn now');
  expect(pngs('site-all')).toHaveLength(11);
});

test("a batch folder's pages are drawn under the time limit too: past it, the page says why", () => {
  expect(jixiao(['batch', sample, '--out', 'batch', '--quiet']).status).toBe(0);
  const run = jixiao(['report', 'batch', '--out', 'site-draw', '--timeout', '0.05']);
  expect(run.status).toBe(0);
  const html = readFileSync(path.join(tmp, 'site-draw', 'documents', 'yueyanglou-scjg-2023.html'), 'utf8');
  expect(html).toContain('drawing its pages took longer than 0.05 s (--timeout)');
  expect(readdirSync(path.join(tmp, 'site-draw', 'documents', 'yueyanglou-scjg-2023'))).toEqual([]);
  // and within it, drawn
  expect(jixiao(['report', 'batch', '--out', 'site-draw', '--all-pages']).stderr).toContain(
    '11 page images (11 drawn now',
  );
});

test('check prints the same one-line summary the site shows', () => {
  const html = readFileSync(path.join(tmp, 'site', 'documents', 'yueyanglou-scjg-2023.html'), 'utf8');
  const summary = unescape(/<p class="summary" id="summary">([^<]*)<\/p>/.exec(html)![1]!);
  expect(summary).toBe(
    '2023年度岳阳市岳阳楼区市场监督管理局整体支出绩效自评报告 · 岳阳市岳阳楼区市场监督管理局 · 2023年度 · 整体支出 · 11页 · 事实 116 · 错误 0，警告 1，提示 2',
  );
  const check = jixiao(['check', sample]);
  expect(check.stdout.split('\n')).toContain(`  ${summary}`);
});

test('a usage error exits 2 and writes nothing', () => {
  expect(jixiao(['report', sample]).status).toBe(2);
  expect(jixiao(['report', '--out', 'nothing']).status).toBe(2);
  expect(readdirSync(tmp)).not.toContain('nothing');
});
