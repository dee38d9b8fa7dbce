import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('../..', import.meta.url));

// Extension services run against WXT's in-memory fake browser (storage, alarms, notifications, permissions).
export default defineProject({
  root,
  plugins: [WxtVitest({ root })],
  test: {
    name: 'extension',
    include: ['tests/extension/**/*.test.ts'],
    dir: root,
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
