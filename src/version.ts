// The tool's version: package.json's, read at run time. src/version.ts and
// dist/version.js sit at the same depth, so '../package.json' is the package's
// in a checkout and when installed. (Read with require rather than a JSON
// import: no import attributes to support, and tsc leaves package.json out of
// the build.)
import { createRequire } from 'node:module';

const pkg = createRequire(import.meta.url)('../package.json') as { version: string };

export const TOOL_NAME = 'jixiao';
export const TOOL_VERSION: string = pkg.version;
