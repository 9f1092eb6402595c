import { defineConfig } from 'vitest/config';

// The one timed test (the /health bound under hostile uploads, issue 9) runs alone after the others:
// beside another test file on the same two cores, the figure would measure that file, not the server.
const ALONE = ['src/platform/upload/uploads.responsive.test.ts'];

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Two cores: two test files at a time keeps the database tests from starving each other.
    maxWorkers: 2,
    pool: 'forks',
    // The web app is built once for all browser test files (see e2e/global-setup.ts).
    globalSetup: ['e2e/global-setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'all',
          include: ['src/**/*.test.ts', 'e2e/**/*.test.ts'],
          exclude: ALONE,
          sequence: { groupOrder: 0 },
        },
      },
      { extends: true, test: { name: 'alone', include: ALONE, maxWorkers: 1, sequence: { groupOrder: 1 } } },
    ],
  },
});
