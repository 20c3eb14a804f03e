import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/e2e installs the packed tarball from the registry: `npm run test:e2e` (vitest.e2e.config.mts).
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
