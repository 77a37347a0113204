import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vitest/config';

const root = import.meta.dirname;

/**
 * CommonJS sources (`.cts`, imported as `./x.cjs`) cannot run in Vitest's ES module runner: a test
 * gets their compiled `dist/` file instead, loaded by Node itself (tests already need the build).
 */
const compiledCommonJs: Plugin = {
  name: 'tki-compiled-commonjs',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!source.endsWith('.cjs') || importer === undefined || importer.includes('/node_modules/')) return null;
    const file = path.resolve(path.dirname(importer), source);
    if (!file.startsWith(`${root}/`) || file.startsWith(`${root}/dist/`) || !existsSync(file.replace(/\.cjs$/, '.cts'))) return null;
    return { id: path.join(root, 'dist', path.relative(root, file)), external: true };
  },
};

export default defineConfig({
  plugins: [compiledCommonJs],
  test: {
    include: ['tests/**/*.test.ts'],
    // The SPEC §7 matrix runs on its own: `npm run acceptance` (vitest.acceptance.config.ts).
    exclude: ['tests/acceptance/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    server: { deps: { external: [/\/dist\/.*\.cjs$/] } },
  },
});
