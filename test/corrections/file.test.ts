// corrections.jsonl: whole lines appended and fsync'd; a torn last line left
// out on reading and cut before the next append; a line written by hand
// without its newline kept; any other bad line reported by number.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import type { FindingDecision } from '../../src/schema/corrections.ts';
import { appendCorrection, readCorrections } from '../../src/writers/corrections-file.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'jixiao-corrections-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (note: string): FindingDecision => ({
  document: 'a'.repeat(64),
  finding: 'c1',
  anchor: { rule: 'sum-mismatch', page: 2, message: '不符' },
  decision: 'dismissed',
  note,
  by: 'auditor',
  at: '2026-12-10T08:00:00.000Z',
});

test('appended lines read back in order; a missing file has none', async () => {
  const file = path.join(dir, 'a.jsonl');
  expect(await readCorrections(file)).toEqual({ lines: [], problems: [] });
  await appendCorrection(file, line('一'));
  await appendCorrection(file, line('<script>alert(1)</script>'));
  const r = await readCorrections(file);
  expect(r.lines.map((l) => [l.line, (l.correction as FindingDecision).note])).toEqual([
    [1, '一'],
    [2, '<script>alert(1)</script>'],
  ]);
  expect(readFileSync(file, 'utf8').endsWith('\n')).toBe(true);
});

test('a torn last line: not read, and cut when the next line is appended', async () => {
  const file = path.join(dir, 'torn.jsonl');
  await appendCorrection(file, line('一'));
  appendFileSync(file, JSON.stringify(line('二')).slice(0, 40));
  expect((await readCorrections(file)).lines).toHaveLength(1);
  expect((await readCorrections(file)).problems).toEqual([]);
  await appendCorrection(file, line('三'));
  const r = await readCorrections(file);
  expect(r.lines.map((l) => (l.correction as FindingDecision).note)).toEqual(['一', '三']);
  expect(r.problems).toEqual([]);
});

test('a whole last line written by hand without its newline is kept', async () => {
  const file = path.join(dir, 'by-hand.jsonl');
  writeFileSync(file, JSON.stringify(line('手写')));
  await appendCorrection(file, line('二'));
  expect((await readCorrections(file)).lines.map((l) => (l.correction as FindingDecision).note)).toEqual([
    '手写',
    '二',
  ]);
});

test('a bad line in the middle is reported by number; the others still count', async () => {
  const file = path.join(dir, 'bad.jsonl');
  writeFileSync(
    file,
    [JSON.stringify(line('一')), '{not json', JSON.stringify({ document: 'x' }), JSON.stringify(line('四'))].join(
      '\n',
    ) + '\n',
  );
  const r = await readCorrections(file);
  expect(r.lines.map((l) => l.line)).toEqual([1, 4]);
  expect(r.problems).toEqual([
    `${file}:2: not JSON`,
    expect.stringMatching(new RegExp(`^${file}:3: not a correction`)),
  ]);
});

test('a line that is no correction is refused before it is written', async () => {
  const file = path.join(dir, 'refused.jsonl');
  await expect(appendCorrection(file, { ...line('x'), decision: 'maybe' } as never)).rejects.toThrow();
  expect((await readCorrections(file)).lines).toEqual([]);
});
