// Names as bytes everywhere: files named in GBK (an older Windows share's
// encoding, not UTF-8) are read by every command however they are reached —
// matched by a glob, inside a folder (itself named in GBK), named directly —
// and by `report`, as `extract` reads them. Two such names decode alike (each
// byte a replacement character): they stay two documents, told apart by their
// bytes, which the manifest records (pathBytes) for resume and for `report`.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, expect, test } from 'vitest';
import { madeReport } from '../batch/corpus.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const node = path.join(root, 'node_modules', 'node', 'bin', 'node');
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');
const work = mkdtempSync(path.join(tmpdir(), 'jixiao-gbk-'));
const dir = path.join(work, 'in');
const gbk = (s: string) => Buffer.from(s, 'latin1');
/** 报告.pdf and 博规.pdf in GBK: both decode as four replacement characters and .pdf */
const REPORT = gbk('\xb1\xa8\xb8\xe6.pdf');
const FUNDS = gbk('\xb2\xa9\xb9\xe7.pdf');
/** a folder 单位 in GBK */
const UNIT = gbk('\xb5\xa5\xce\xbb');
const SHOWN = '\ufffd\ufffd\ufffd\ufffd.pdf';
const at = (...parts: Buffer[]) => Buffer.concat([Buffer.from(dir), ...parts.flatMap((p) => [Buffer.from('/'), p])]);

beforeAll(() => {
  mkdirSync(dir);
  copyFileSync(sample, at(REPORT));
  writeFileSync(at(FUNDS), madeReport(1));
  mkdirSync(at(UNIT));
  writeFileSync(at(UNIT, REPORT), madeReport(2));
});

/** jixiao through sh, so that arguments can hold bytes that are not UTF-8 ($1… are printf'd). */
function jixiao(script: string, ...args: string[]) {
  return spawnSync('/bin/sh', ['-c', `exec "$0" "$BIN" ${script}`, node, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, BIN: bin },
  });
}

function manifest(out: string): { path: string; pathBytes?: string; status: string; doc: string | null }[] {
  return readFileSync(path.join(work, out, 'manifest.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

const hex = (b: Buffer) => b.toString('hex');

test.skipIf(process.platform !== 'linux')(
  'batch: by a glob, in a folder, named directly — every GBK name read, two that decode alike kept apart; resumed by bytes',
  () => {
    const globbed = jixiao(`batch 'in/*.pdf' --out g --quiet`);
    expect(globbed.status, globbed.stderr).toBe(0);
    const g = manifest('g');
    expect(g.map((r) => [r.status, r.pathBytes]).sort()).toEqual(
      [
        ['ok', hex(Buffer.from('in/')) + hex(REPORT)],
        ['ok', hex(Buffer.from('in/')) + hex(FUNDS)],
      ].sort(),
    );
    expect(g.every((r) => r.path === `in/${SHOWN}`)).toBe(true);
    expect(new Set(g.map((r) => r.doc)).size).toBe(2);

    const folder = jixiao(`batch in --out f --quiet`);
    expect(folder.status, folder.stderr).toBe(0);
    const f = manifest('f');
    expect(f.length).toBe(3);
    expect(f.every((r) => r.status === 'ok')).toBe(true);
    expect(f.map((r) => r.pathBytes).sort()).toEqual(
      [
        hex(Buffer.from('in/')) + hex(REPORT),
        hex(Buffer.from('in/')) + hex(FUNDS),
        hex(Buffer.concat([Buffer.from('in/'), UNIT, Buffer.from('/'), REPORT])),
      ].sort(),
    );
    const again = jixiao(`batch in --out f`);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain('3 documents: 3 ok, 0 failed, 0 skipped (3 done by an earlier run)');

    const direct = jixiao(
      `batch "$(printf 'in/\\261\\250\\270\\346.pdf')" "$(printf 'in/\\262\\251\\271\\347.pdf')" --out d --quiet`,
    );
    expect(direct.status, direct.stderr).toBe(0);
    expect(manifest('d').map((r) => r.status)).toEqual(['ok', 'ok']);
  },
  600_000,
);

test.skipIf(process.platform !== 'linux')(
  'report: a GBK name named directly and in a folder is read; a batch folder of them has its pages drawn from their bytes',
  () => {
    const direct = jixiao(`report "$(printf 'in/\\261\\250\\270\\346.pdf')" in --out site --quiet`);
    expect(direct.status, direct.stderr).toBe(0);
    expect(direct.stderr).toBe('');
    const docs = readdirSync(path.join(work, 'site', 'documents')).filter((n) => n.endsWith('.html'));
    expect(docs.length).toBe(3); // the same file given twice is read once
    const batch = jixiao(`batch in --out rb --quiet`);
    expect(batch.status, batch.stderr).toBe(0);
    const site = jixiao(`report rb --out site2 --quiet`);
    expect(site.status, site.stderr).toBe(0);
    const html = readdirSync(path.join(work, 'site2', 'documents'))
      .filter((n) => n.endsWith('.html'))
      .map((n) => readFileSync(path.join(work, 'site2', 'documents', n), 'utf8'))
      .join('');
    expect(html).not.toContain('找不到 PDF 文件');
    expect(existsSync(path.join(work, 'site2', 'index.html'))).toBe(true);
  },
  600_000,
);
