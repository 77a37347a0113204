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

/** Folders whose files share machine-wide resources. */
const SYSTEM = ['tests/sandbox', 'tests/packaging', 'tests/adoption', 'tests/cli'];

export default defineConfig({
  plugins: [compiledCommonJs],
  test: {
    // The SPEC §7 matrix runs on its own: `npm run acceptance` (vitest.acceptance.config.ts).
    exclude: ['tests/acceptance/**', '**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one file at a time on CI's two cores.
    maxWorkers: 2,
    server: { deps: { external: [/\/dist\/.*\.cjs$/] } },
    projects: [
      // Files that run in process or spawn short-lived CLIs in their own scratch directories: two at a time.
      { extends: true, test: { name: 'analysis', include: ['tests/**/*.test.ts'], exclude: [...SYSTEM, 'tests/acceptance/**', '**/node_modules/**'] } },
      // Files that drive the sandboxes (bwrap, Podman, Docker), mount, install packed packages or play other
      // local users as root: one at a time, after the others, so they never race each other for the engines.
      { extends: true, test: { name: 'system', include: SYSTEM.map((folder) => `${folder}/**/*.test.ts`), fileParallelism: false } },
    ],
  },
});
