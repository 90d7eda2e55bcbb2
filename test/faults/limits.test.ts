// Limits that bound, checked before the work they would bound: a file's
// header before the file (a 900 MB file that is no PDF was read whole), its
// size against what --max-memory admits before it is read (a 1000 MB file
// with a %PDF header peaked at 3.3 GB under the 2048 MB default), an image's
// pixels before it is decoded (a 408 KB PDF holding a 20,480² Flate image
// peaked at 5.1 GB). The peak of the largest process of the command (GNU
// time) stays within --max-memory +10 %. And the hostile files that always
// held, kept holding: a PDF with JavaScript, a page tree that loops, a link
// planted in the output folder. Files are made here, in a folder of this
// test's own; the large ones sparse.
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defaultPdfEngine } from '../../src/pdf/document.ts';
import { imageBomb, rawPdf, xobjectFanOut } from '../support/hostile-pdfs.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const TIME = '/usr/bin/time';
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-limits-'));
const TEXT = 'BT /F1 12 Tf 72 700 Td (Budget 100) Tj ET';

/** A sparse file of `mb` MB beginning with `head`. */
function sparse(file: string, mb: number, head: string): void {
  const fd = openSync(file, 'w');
  writeSync(fd, head);
  writeSync(fd, '\n', mb * 1024 * 1024 - 1);
  closeSync(fd);
}

beforeAll(() => {
  writeFileSync(path.join(work, 'image-bomb.pdf'), imageBomb());
  sparse(path.join(work, 'big.pdf'), 1000, '%PDF-1.7\n');
  sparse(path.join(work, 'admitted.pdf'), 300, '%PDF-1.7\n');
  sparse(path.join(work, 'not-a-pdf.pdf'), 900, '<html>');
  // Opening it asks to run JavaScript (pdf.js runs none: no scripting, no eval); its text is read as any other.
  writeFileSync(
    path.join(work, 'script.pdf'),
    rawPdf([
      '<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R /Names << /JavaScript << /Names [(x) 5 0 R] >> >> >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>',
      `<< /Length ${TEXT.length} >>\nstream\n${TEXT}\nendstream`,
      "<< /S /JavaScript /JS (app.alert('x'); this.submitForm('http://example.com/');) >>",
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ]),
  );
  writeFileSync(path.join(work, 'fan-out.pdf'), xobjectFanOut());
  // A page tree whose kid is its own parent.
  writeFileSync(
    path.join(work, 'loop.pdf'),
    rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']),
  );
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** jixiao under GNU time where there is one: its status, stderr, and the peak of its largest process (MB). */
function timed(args: string[]) {
  const argv = existsSync(TIME) ? [TIME, '-f', 'maxrss=%M', node, bin, ...args] : [node, bin, ...args];
  const t0 = Date.now();
  const r = spawnSync(argv[0]!, argv.slice(1), { cwd: work, encoding: 'utf8', timeout: 600_000 });
  const kb = /maxrss=(\d+)/.exec(r.stderr)?.[1];
  const stderr = r.stderr.replace(/^maxrss=\d+\n?/m, '').replace(/^Command exited with non-zero status \d+\n/m, '');
  return { status: r.status, stdout: r.stdout, stderr, peakMb: kb ? Number(kb) / 1024 : null, ms: Date.now() - t0 };
}

test('an image bomb (400 million pixels in 408 KB) is not decoded: the document reads, within the bound', () => {
  const run = timed(['extract', 'image-bomb.pdf']);
  expect(run.status, run.stderr).toBe(0);
  expect(JSON.parse(run.stdout).pages).toHaveLength(1);
  console.log(`image bomb: peak ${run.peakMb?.toFixed(0)} MB, ${run.ms} ms`);
  if (run.peakMb !== null) expect(run.peakMb).toBeLessThan(2048 * 1.1);
  if (run.peakMb !== null) expect(run.peakMb).toBeLessThan(1024); // not decoded at all: 5.1 GB when it was
}, 600_000);

test('a 1000 MB file with a %PDF header: refused unread under the default bound, with the reason', () => {
  const run = timed(['check', 'big.pdf']);
  expect(run.status).toBe(2);
  expect(run.stderr.trim()).toBe(
    'jixiao: big.pdf: 1000 MB, larger than the limit of 755 MB for an input file under --max-memory 2048 MB (pdf.js holds a file whole, and more besides); not read',
  );
  if (run.peakMb !== null) expect(run.peakMb).toBeLessThan(400);
}, 600_000);

test('a 300 MB file within what --max-memory 1024 admits: read, then stopped by the bound (pdf.js rebuilds a file without a cross-reference table in strings), within it +10 %', () => {
  const run = timed(['check', '--max-memory', '1024', 'admitted.pdf']);
  expect(run.status).toBe(2);
  expect(run.stderr.trim()).toMatch(
    /^jixiao: admitted\.pdf: (needed more than 1024 MB of memory \(--max-memory\); stopped|corrupt or truncated PDF: .*|unreadable PDF: .*)$/,
  );
  console.log(`admitted 300 MB file: ${run.stderr.trim()}; peak ${run.peakMb?.toFixed(0)} MB`);
  if (run.peakMb !== null) expect(run.peakMb).toBeLessThan(1024 * 1.1);
}, 600_000);

test('a 900 MB file that is no PDF is said so from its first kilobyte: at once, and not read into memory', () => {
  for (const command of [['check'], ['batch', '--out', 'b', '--quiet']]) {
    const run = timed([...command, 'not-a-pdf.pdf']);
    expect(run.status).toBe(command[0] === 'check' ? 2 : 1);
    if (command[0] === 'check') expect(run.stderr.trim()).toBe('jixiao: not-a-pdf.pdf: not a PDF (no %PDF- header)');
    if (run.peakMb !== null) expect(run.peakMb).toBeLessThan(400);
  }
}, 600_000);

test('a PDF that asks to run JavaScript is read as text (nothing run, nothing sent); a page tree that loops fails its page', () => {
  const script = timed(['extract', 'script.pdf']);
  expect(script.status, script.stderr).toBe(0);
  expect(
    JSON.parse(script.stdout)
      .paragraphs.map((p: { text: string }) => p.text)
      .join(''),
  ).toContain('Budget 100');
  // pdf.js finds the loop: its one page fails with the reason, at once; the file after it is read.
  const loop = timed(['extract', 'loop.pdf']);
  expect(loop.status, loop.stderr).toBe(0);
  expect(JSON.parse(loop.stdout).pages[0].error).toMatch(/circular reference/);
  expect(loop.ms).toBeLessThan(60_000);
}, 600_000);

test.runIf(defaultPdfEngine() === 'pdfium')(
  "a bound above PDFium's 2 GB heap: the file that fills it is one line (pdf.js reads on, to the time limit), the next file reads",
  () => {
    // fan-out.pdf fills PDFium's heap in seconds and PDFium aborts: the instance is dropped, pdf.js reads on
    // (and walks the forms until the time limit); the sample after it gets a new PDFium.
    const run = timed(['check', '--timeout', '15', '--max-memory', '4096', 'fan-out.pdf', sample]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('jixiao: fan-out.pdf: not finished within 15 s (--timeout); stopped');
    expect(run.stdout).toContain('yueyanglou-scjg-2023.pdf：错误 0');
    console.log(`fan-out past PDFium's heap: peak ${run.peakMb?.toFixed(0)} MB, ${run.ms} ms`);
    if (run.peakMb !== null) expect(run.peakMb).toBeLessThan(4096 * 1.1);
  },
  600_000,
);

test('a link planted in the output folder (docs/ → elsewhere) is refused before anything is written through it', () => {
  const out = path.join(work, 'planted');
  const elsewhere = path.join(work, 'elsewhere');
  mkdirSync(out);
  mkdirSync(elsewhere);
  symlinkSync(elsewhere, path.join(out, 'docs'));
  const run = timed(['batch', sample, '--out', out, '--quiet']);
  expect(run.status).toBe(2);
  expect(run.stderr.trim()).toMatch(/^jixiao batch: output folder .*resolves outside the output folder/);
  expect(existsSync(path.join(elsewhere, 'yueyanglou-scjg-2023.json'))).toBe(false);
}, 600_000);
