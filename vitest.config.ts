import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: two test files at a time keeps the database tests from starving each other.
    maxWorkers: 2,
    pool: 'forks',
    // The web app is built once for all browser test files (see e2e/global-setup.ts).
    globalSetup: ['e2e/global-setup.ts'],
  },
});
