// Inputs that are not regular files — a FIFO, a socket, a link to /dev/zero —
// and one too large to read are refused before they are opened, each with its
// kind in one manifest line, and the other files of the batch are read. Before
// this, `ln -s /dev/zero z.pdf` hung the batch for ever while hashing.
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import type net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashFile, MAX_FILE_BYTES, readInput, RefusedInput } from '../../src/batch/input-file.ts';
import { runBatch } from '../../src/batch/run.ts';
import type { ManifestRecord } from '../../src/writers/manifest.ts';
import { linkToZero, makeFifo, makeSocket, sparseFile } from '../support/hostile-files.ts';
import { madeReport } from './corpus.ts';

const work = mkdtempSync(path.join(tmpdir(), 'jixiao-hostile-'));
const dir = path.join(work, 'in');
const GOOD = ['a.pdf', 'b.pdf', 'c.pdf'];
const HOSTILE: Record<string, { code: string; reason: RegExp }> = {
  'pipe.pdf': { code: 'not-a-file', reason: /^is a FIFO \(named pipe\), not a regular file; not opened$/ },
  'sock.pdf': { code: 'not-a-file', reason: /^is a socket, not a regular file; not opened$/ },
  'zero.pdf': {
    code: 'not-a-file',
    reason: /^is a character device \(through a symbolic link\), not a regular file; not opened$/,
  },
  'huge.pdf': { code: 'too-large', reason: /^1025 MB, larger than the limit of 1024 MB for an input file; not read$/ },
};
let socket: net.Server;

beforeAll(async () => {
  mkdirSync(dir, { recursive: true });
  GOOD.forEach((name, i) => writeFileSync(path.join(dir, name), madeReport(i)));
  makeFifo(path.join(dir, 'pipe.pdf'));
  socket = await makeSocket(path.join(dir, 'sock.pdf'));
  linkToZero(path.join(dir, 'zero.pdf'));
  sparseFile(path.join(dir, 'huge.pdf'), MAX_FILE_BYTES + 1024 * 1024);
  // It starts as a PDF does: its size, not its header, is what refuses it.
  const fd = openSync(path.join(dir, 'huge.pdf'), 'r+');
  writeSync(fd, '%PDF-1.7\n', 0);
  closeSync(fd);
});

afterAll(() => new Promise<void>((resolve) => socket.close(() => resolve())));

test('reading: refused at once, by kind, without blocking (a FIFO with no writer would block open(2) for ever)', async () => {
  for (const [name, { code, reason }] of Object.entries(HOSTILE)) {
    for (const read of [hashFile, readInput]) {
      const err = await read(path.join(dir, name)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, `${name} ${read.name}`).toBeInstanceOf(RefusedInput);
      expect((err as RefusedInput).code).toBe(code);
      expect((err as RefusedInput).message).toMatch(reason);
    }
  }
  // A bound below the file's size: refused as well, however the size was learnt.
  await expect(hashFile(path.join(dir, 'a.pdf'), 100)).rejects.toThrow(/larger than the limit/);
  expect((await hashFile(path.join(dir, 'a.pdf'))).bytes).toBe(readFileSync(path.join(dir, 'a.pdf')).length);
  // A regular file of several read chunks comes back byte for byte.
  const big = path.join(work, 'big.bin');
  writeFileSync(big, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(3 * 1024 * 1024 + 17)]));
  expect(Buffer.from(await readInput(big)).equals(readFileSync(big))).toBe(true);
});

test('batch of a folder: each hostile input one failed line with its kind; the others read', async () => {
  const out = path.join(work, 'out-folder');
  const result = await runBatch({ inputs: [dir], out, jobs: 2, progress: 'none', ocr: 'never' });
  const manifest = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ManifestRecord);
  expect(manifest.length).toBe(GOOD.length + Object.keys(HOSTILE).length);
  for (const [name, { code, reason }] of Object.entries(HOSTILE)) {
    const r = manifest.find((m) => m.path === path.join(dir, name))!;
    expect({ name, status: r.status, code: r.code }).toEqual({ name, status: 'failed', code });
    expect(r.reason).toMatch(reason);
    expect(r.sha256).toBeNull();
  }
  for (const name of GOOD) expect(manifest.find((m) => m.path === path.join(dir, name))!.status).toBe('ok');
  expect(result).toMatchObject({ ok: GOOD.length, failed: Object.keys(HOSTILE).length, exitCode: 1 });
}, 60_000);

test('batch of files named one by one (a FIFO and a /dev/zero link among them): the same', async () => {
  const out = path.join(work, 'out-files');
  const inputs = [
    path.join(dir, 'pipe.pdf'),
    path.join(dir, 'a.pdf'),
    path.join(dir, 'zero.pdf'),
    path.join(dir, 'b.pdf'),
  ];
  const result = await runBatch({ inputs, out, jobs: 2, progress: 'none', ocr: 'never' });
  expect(result).toMatchObject({ total: 4, ok: 2, failed: 2, exitCode: 1 });
  const codes = readFileSync(path.join(out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as ManifestRecord).code);
  expect(codes).toEqual(['not-a-file', null, 'not-a-file', null]);
}, 60_000);
