import { defineConfig } from 'vitest/config';

const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks',
} as const;

export default defineConfig({
  test: {
    ...shared,
    // The review site's browser tests (Chromium, a 100-document batch) run after the
    // rest, so that they do not take the two cores from the batch and OCR tests' set-up.
    projects: [
      {
        extends: true,
        test: {
          name: 'pipeline',
          include: ['test/**/*.test.ts'],
          exclude: ['test/review/**'],
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'review', include: ['test/review/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
