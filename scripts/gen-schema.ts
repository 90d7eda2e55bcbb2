// Writes schemas/report.schema.json from the zod contract (npm run schema).
// test/schema/schema-file.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { reportJsonSchema, SCHEMA_FILE } from '../src/schema/json-schema.ts';

writeFileSync(SCHEMA_FILE, reportJsonSchema());
console.log(`wrote ${SCHEMA_FILE}`);
