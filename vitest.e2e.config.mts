import { defineConfig } from 'vitest/config';

/**
 * The end-to-end suite (`npm run test:e2e`): real installs of the packed
 * tarball, real ESLint / pre-commit / oxlint runs. Separate from the unit
 * suite because it needs the npm registry and takes minutes, not seconds.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // Files share the installed projects and the machine has 2 cores: one file at a time.
    fileParallelism: false,
    testTimeout: 240_000,
    hookTimeout: 600_000,
  },
});
