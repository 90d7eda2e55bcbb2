// The output contract's version, in a file of its own: `jixiao --version` says it without loading zod and the schemas.
export const SCHEMA_VERSION = '1.3';
