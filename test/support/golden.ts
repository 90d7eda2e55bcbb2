// Golden files: expected output committed as JSON and compared. They are
// rewritten only on purpose (UPDATE_GOLDEN=1 npm test), and the diff reviewed.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';

export function expectGolden(file: string, actual: unknown): void {
  const json = JSON.stringify(actual, null, 2) + '\n';
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, json);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file missing: ${file} (create it with UPDATE_GOLDEN=1 and review it)`);
  expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}
