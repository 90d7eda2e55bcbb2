// The Node flags a document process inherits from the batch's (util/processes.ts): a profiler's or a
// heap limit's flags stay behind, and so does a value written as the next argument — with
// --cpu-prof-interval 250 passed on, the worker took 250 for its module.
import { expect, test } from 'vitest';
import { inheritedFlags } from '../../src/util/processes.ts';

test('a flag not inherited leaves its value behind too, written after it or with =', () => {
  expect(
    inheritedFlags([
      '--cpu-prof',
      '--cpu-prof-interval',
      '250',
      '--cpu-prof-dir=/tmp/p',
      '--enable-source-maps',
      '--max-old-space-size=4096',
      '--stack-size',
      '2000',
    ]),
  ).toEqual(['--enable-source-maps', '--stack-size', '2000']);
});
