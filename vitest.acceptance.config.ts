import { defineConfig } from 'vitest/config';

// `npm run acceptance`: the SPEC §7 matrix against the built CLIs and the real sandbox (npm run build first).
export default defineConfig({
  test: {
    include: ['tests/acceptance/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 900_000,
    pool: 'forks',
    // The files share the machine's two cores with bwrap and the guard; one at a time keeps timings honest.
    fileParallelism: false,
  },
});
