import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The SPEC §7 matrix runs on its own: `npm run acceptance` (vitest.acceptance.config.ts).
    exclude: ['tests/acceptance/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
