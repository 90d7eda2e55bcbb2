// The two versions move together as the README ("Versions") says: the
// package's (package.json), and the output contract's schemaVersion (the code).
// CHANGELOG.md names, for every release, the contract it writes; between two
// releases a contract change needs at least the matching package step.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { SCHEMA_VERSION } from '../../src/schema/report.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  version: string;
  packages: Record<string, { version?: string }>;
};
const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');

interface Release {
  version: [number, number, number];
  schema: [number, number];
  text: string;
}

function releases(): Release[] {
  const out: Release[] = [];
  for (const part of changelog.split(/^## /m).slice(1)) {
    const head = /^\[(\d+)\.(\d+)\.(\d+)\] - \d{4}-\d{2}-\d{2}$/m.exec(part.split('\n')[0]!);
    if (!head) continue;
    const schema = /^Output contract: schemaVersion (\d+)\.(\d+)\.$/m.exec(part);
    if (!schema)
      throw new Error(
        `CHANGELOG.md: release ${part.split('\n')[0]} does not name its contract ("Output contract: schemaVersion X.Y.")`,
      );
    out.push({ version: [+head[1]!, +head[2]!, +head[3]!], schema: [+schema[1]!, +schema[2]!], text: part });
  }
  return out;
}

test('package.json, the lock file, the newest CHANGELOG release and the code agree', () => {
  expect(pkg.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(lock.version).toBe(pkg.version);
  expect(lock.packages['']?.version).toBe(pkg.version);
  expect(changelog).toMatch(/^## \[Unreleased\]$/m);
  const [newest] = releases();
  expect(newest, 'CHANGELOG.md has a release').toBeDefined();
  expect(newest!.version.join('.')).toBe(pkg.version);
  expect(newest!.schema.join('.')).toBe(SCHEMA_VERSION);
});

test('each contract change between releases comes with a large enough package step', () => {
  const list = releases();
  expect(list.length).toBeGreaterThanOrEqual(2);
  for (let i = 0; i + 1 < list.length; i++) {
    const [next, prev] = [list[i]!, list[i + 1]!];
    const step =
      next.version[0] > prev.version[0]
        ? 'major'
        : next.version[1] > prev.version[1]
          ? 'minor'
          : next.version[2] > prev.version[2]
            ? 'patch'
            : 'none';
    const label = `${prev.version.join('.')} → ${next.version.join('.')}`;
    expect(step, `${label}: versions go up`).not.toBe('none');
    const schemaMajor = next.schema[0] !== prev.schema[0];
    const schemaMinor = !schemaMajor && next.schema[1] !== prev.schema[1];
    // 0.x: a minor step is npm's breaking step, so a contract major needs a minor there and is marked Breaking.
    if (schemaMajor) {
      if (prev.version[0] === 0 && next.version[0] === 0) {
        expect(step, `${label}: contract major → package minor (0.x)`).toBe('minor');
        expect(next.text, `${label}: a contract major is marked Breaking`).toMatch(/Breaking/);
      } else expect(step, `${label}: contract major → package major`).toBe('major');
    }
    if (schemaMinor) expect(['major', 'minor'], `${label}: contract minor → package minor`).toContain(step);
  }
});

test('jixiao --version prints both versions', () => {
  const run = spawnSync(process.execPath, [path.join(root, 'bin', 'jixiao.js'), '--version'], { encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stdout).toBe(`${pkg.version} (output schema ${SCHEMA_VERSION})\n`);
});
