// The JSON Schema of the contract, generated from the zod schemas.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Report, SCHEMA_VERSION } from './report.ts';

export const SCHEMA_FILE = fileURLToPath(new URL('../../schemas/report.schema.json', import.meta.url));

export function reportJsonSchema(): string {
  const schema = z.toJSONSchema(Report, { target: 'draft-2020-12' });
  const doc = {
    $id: `https://jixiao.invalid/schemas/report-${SCHEMA_VERSION}.json`,
    title: 'jixiao report',
    description:
      'One extracted 绩效自评报告: generated from src/schema/report.ts by `npm run schema`; do not edit by hand.',
    ...schema,
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
