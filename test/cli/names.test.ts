// File names as given on the command line: opened in whatever bytes they are,
// printed quoted when they hold anything a terminal would act on.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { oldNode } from '../support/procs.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = path.join(root, 'bin', 'jixiao.js');
const sample = path.join(root, 'samples', 'yueyanglou-scjg-2023.pdf');

test.skipIf(process.platform !== 'linux')(
  'a name in GBK bytes is read; names with a newline or an escape are printed quoted',
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-names-'));
    // 报告.pdf in GBK: not UTF-8, so process.argv holds U+FFFD for it.
    const gbk = Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.pdf')]);
    copyFileSync(sample, gbk);
    const newline = path.join(dir, 'a\nb.pdf');
    copyFileSync(sample, newline);
    const missing = path.join(dir, 'x\u001b[2Jy.pdf');
    // spawnSync takes strings (UTF-8): the GBK bytes go through sh's printf.
    const raw = spawnSync(
      '/bin/sh',
      [
        '-c',
        `exec "$0" "$1" check "$(printf '%s/\\261\\250\\270\\346.pdf' "$2")" "$3" "$4"`,
        process.execPath,
        bin,
        dir,
        newline,
        missing,
      ],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(raw.status).toBe(2);
    expect(raw.stdout).toContain(`"${dir}/\ufffd\ufffd\ufffd\ufffd.pdf"：错误 0，警告 1，提示 2`);
    expect(raw.stdout).toContain(`"${dir}/a\\u000ab.pdf"：错误 0，警告 1，提示 2`);
    expect(raw.stderr).toBe(`jixiao: "${dir}/x\\u001b[2Jy.pdf": no such file\n`);
  },
  240_000,
);

const node20 = oldNode();
test.skipIf(process.platform !== 'linux' || !node20)(
  'through the re-exec of an older Node, a name in GBK bytes is still read (its bytes passed on in JIXIAO_RAW_ARGV)',
  () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jixiao-names-'));
    copyFileSync(
      sample,
      Buffer.concat([Buffer.from(dir + '/'), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.pdf')]),
    );
    const raw = spawnSync(
      '/bin/sh',
      ['-c', `exec "$0" "$1" check "$(printf '%s/\\261\\250\\270\\346.pdf' "$2")"`, node20!, bin, dir],
      {
        encoding: 'utf8',
        timeout: 120_000,
      },
    );
    expect(raw.stderr).toBe('');
    expect(raw.stdout).toContain(`"${dir}/\ufffd\ufffd\ufffd\ufffd.pdf"：错误 0，警告 1，提示 2`);
  },
  240_000,
);
