import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SCHEMA_FILE, reportJsonSchema } from '../../src/schema/json-schema.ts';

test('schemas/report.schema.json is up to date with the zod contract (run `npm run schema`)', () => {
  expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(reportJsonSchema());
});
