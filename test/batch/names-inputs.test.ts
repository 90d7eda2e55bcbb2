// Output names made from any input name, and the expansion of inputs.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { expandInputs } from '../../src/batch/inputs.ts';
import { safeName, uniqueNames } from '../../src/writers/names.ts';
import { inside } from '../../src/util/files.ts';

test('safe names: no separators, dots, control or reserved characters; bounded in bytes', () => {
  expect(safeName('/a/b/报告.PDF')).toBe('报告');
  expect(safeName('..\\..\\etc\\passwd.pdf')).toBe('passwd');
  expect(safeName('../..pdf')).toBe('document');
  expect(safeName('a\nb\u0000c\u202ed.pdf')).toBe('a_b_c_d');
  expect(safeName('nul.pdf')).toBe('_nul');
  expect(safeName('x:y*?.pdf')).toBe('x_y__');
  const long = safeName('很'.repeat(200) + '.pdf');
  expect(Buffer.byteLength(long)).toBeLessThanOrEqual(150);
  expect(long).toBe('很'.repeat(50));
  expect(safeName('😀'.repeat(100))).toBe('😀'.repeat(37)); // never half a surrogate pair
});

test('unique names: clashes (any case) told apart by a hash of the path, the same every time', () => {
  const names = uniqueNames(['a/报告.pdf', 'b/报告.pdf', 'c/REPORT.pdf', 'd/report.pdf', 'e/other.pdf']);
  expect(names[4]).toBe('other');
  expect(names[0]).toMatch(/^报告-[0-9a-f]{8}$/);
  expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(5);
  expect(uniqueNames(['a/报告.pdf', 'b/报告.pdf', 'c/REPORT.pdf', 'd/report.pdf', 'e/other.pdf'])).toEqual(names);
});

test('inside(): refuses paths that leave the folder', () => {
  expect(inside('/out', 'docs/a.json')).toBe('/out/docs/a.json');
  expect(() => inside('/out', '../x.json')).toThrow(/outside/);
  expect(() => inside('/out', '/etc/passwd')).toThrow(/outside/);
  expect(() => inside('/out', 'docs/../../x')).toThrow(/outside/);
});

test('inputs: files as given, folders recursively (*.pdf any case), globs; typos reported', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-inputs-'));
  mkdirSync(path.join(dir, 'f', 'deep'), { recursive: true });
  for (const f of ['f/b.pdf', 'f/a.PDF', 'f/deep/c.Pdf', 'f/notes.txt', 'g.pdf', 'h.dat'])
    writeFileSync(path.join(dir, f), 'x');
  const r = await expandInputs([
    path.join(dir, 'f'),
    path.join(dir, 'h.dat'),
    path.join(dir, '*.pdf'),
    path.join(dir, 'f', 'b.pdf'),
  ]);
  expect(r.files).toEqual([
    path.join(dir, 'f/a.PDF'),
    path.join(dir, 'f/b.pdf'),
    path.join(dir, 'f/deep/c.Pdf'),
    path.join(dir, 'h.dat'),
    path.join(dir, 'g.pdf'),
  ]);
  expect(r.problems).toEqual([]);
  const bad = await expandInputs([path.join(dir, 'missing.pdf'), path.join(dir, 'none-*.pdf')]);
  expect(bad.problems).toEqual([
    `${path.join(dir, 'missing.pdf')}: no such file or folder`,
    `${path.join(dir, 'none-*.pdf')}: no file matches this pattern`,
  ]);
});
