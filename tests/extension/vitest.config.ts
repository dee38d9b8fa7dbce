import { defineProject } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Extension services run against WXT's in-memory fake browser (storage, alarms, notifications, permissions).
export default defineProject({
  plugins: [WxtVitest()],
  test: {
    name: 'extension',
    include: ['tests/extension/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
  },
});
