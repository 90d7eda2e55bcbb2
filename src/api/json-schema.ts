// The contract as a JSON Schema object (draft 2020-12), made from the zod schemas.
import { reportJsonSchema as text } from '../schema/json-schema.ts';

export function reportJsonSchema(): Record<string, unknown> {
  return JSON.parse(text()) as Record<string, unknown>;
}
