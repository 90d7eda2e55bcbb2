// typescript-eslint parses with TypeScript's JavaScript API, which TypeScript 7
// (the native compiler this project type-checks with) does not have yet. The
// TypeScript 6.0 API is installed beside it as the package `typescript-6`, and
// this hook hands it to typescript-eslint (and ts-api-utils) when they ask for
// `typescript`; every other `typescript` stays 7. Imported by eslint.config.js
// before typescript-eslint is loaded.
import { registerHooks } from 'node:module';

const LINT_PACKAGES = /[\\/]node_modules[\\/](?:typescript-eslint|@typescript-eslint[\\/][^\\/]+|ts-api-utils)[\\/]/;

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'typescript' && LINT_PACKAGES.test(context.parentURL ?? ''))
      return nextResolve('typescript-6', context);
    return nextResolve(specifier, context);
  },
});
