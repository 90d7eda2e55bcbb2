// The lint: few rules, each for a reason. Syntax-only (no type information),
// so that it stays fast; tsc does the type checking.
// - the layer order of lint/layers.ts: an import that points up a layer, or
//   sideways within one, is an error (import-x/no-restricted-paths);
// - no import circle between files, type-only imports counted (jixiao/no-cycle,
//   lint/no-cycle.ts: import-x/no-cycle skips type imports, with no option not to);
// - nothing declared and left unused;
// - type-only imports written as such;
// - functions of src/ at most 60 lines of code: one that must stay one piece
//   says why in its eslint-disable comment;
// - files of src/ at most 450 lines (lint/file-size.ts, which lists the few
//   let off for now).
import './lint/typescript-6.js';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';
import { MAX_LINES, OVER_MAX_LINES } from './lint/file-size.ts';
import { LAYERS, forbiddenFor } from './lint/layers.ts';
import jixiao from './lint/no-cycle.ts';

const zones = LAYERS.flat()
  .filter((folder) => forbiddenFor(folder).length > 0)
  .map((folder) => ({
    target: `./src/${folder}`,
    from: forbiddenFor(folder).map((f) => `./src/${f}`),
    message: `src/${folder}/ may import only from lower layers (lint/layers.ts).`,
  }));

export default [
  { ignores: ['dist/', 'node_modules/', 'out/', 'test/package/consumer/', 'test/fixtures/'] },
  {
    files: ['**/*.{ts,js,mjs}'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [importX.createNodeResolver({ extensions: ['.ts', '.js', '.mjs', '.json'] })],
      'import-x/extensions': ['.ts', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js', '.mjs'] },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false },
      ],
    },
  },
  {
    // Import rules on src/ only: tests, benches and scripts are leaves nothing imports, so no cycle runs
    // through them, and following their imports through all of src/ again would double the lint's time.
    files: ['src/**/*.ts'],
    plugins: { jixiao },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...zones,
            {
              target: './src',
              from: ['./test', './bench', './scripts', './bin', './lint'],
              message: 'src/ does not import tests, tools or scripts.',
            },
          ],
        },
      ],
      'jixiao/no-cycle': 'error',
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-lines': ['error', { max: MAX_LINES, skipBlankLines: false, skipComments: false }],
    },
  },
  // (an empty `files` is an error to ESLint: the entry only while the list holds a file)
  ...(OVER_MAX_LINES.length > 0 ? [{ files: [...OVER_MAX_LINES], rules: { 'max-lines': 'off' } }] : []),
];
