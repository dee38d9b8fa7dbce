import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Three projects: pure/Node unit tests, extension tests on WXT's fake browser, and end-to-end tests in real Chromium.
export default defineConfig({
  root,
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          // Starting an embedded database (PGlite) takes 10-25 s on a loaded 2-core machine, in a hook or a test:
          // both get the same, generous limit, so a slow machine is not reported as a failure.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      './tests/extension/vitest.config.ts',
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          globalSetup: ['tests/e2e/global-setup.ts'],
        },
      },
    ],
  },
});
