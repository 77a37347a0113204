import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * With a `.dependency-cruiser.cjs`, a warm run whose dependency structure the cached violations
 * still match reports them without loading dependency-cruiser (about a CPU-second of a one-file
 * edit, issue #11); an edit that changes the structure cruises again. The built bin runs with a
 * module loader hook that lists every module it loads, as tests/guard/start-up-modules.test.ts does.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-depcruise-warm-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hooks = path.join(work, 'hooks.mjs');
writeFileSync(hooks, "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.TKI_LOADED_LIST, `${url}\\n`); return next(url, context); }\n");
const register = path.join(work, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

let runs = 0;
/** One cached `tki-guard .` in `project`: its text report and the modules it loaded. */
function run(project: string): { report: string; loaded: string[] } {
  runs += 1;
  const list = path.join(work, `loaded-${runs}.txt`);
  writeFileSync(list, '');
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(root, 'dist/guard/cli.js'), '.'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, TKI_LOADED_LIST: list },
  });
  expect(child.status, child.stderr).toBe(1);
  return { report: child.stdout, loaded: readFileSync(list, 'utf8').split('\n').filter((line) => line !== '') };
}

/** Each case spawns the bin three or four times; a loaded machine stretches one run to tens of seconds. */
const RUNS_TIMEOUT = 300_000;

const isDepcruise = (url: string): boolean => url.includes('/node_modules/dependency-cruiser/');

const CONFIG = "module.exports = { forbidden: [{ name: 'no-core-os', severity: 'error', from: {}, to: { dependencyTypes: ['core'], path: '^(node:)?os$' } }] };\n";

function project(name: string): string {
  const directory = path.join(work, name);
  mkdirSync(path.join(directory, '.git'), { recursive: true });
  mkdirSync(path.join(directory, 'node_modules'));
  writeFileSync(path.join(directory, 'package.json'), '{"name":"depcruise-warm","type":"module"}');
  writeFileSync(path.join(directory, '.dependency-cruiser.cjs'), CONFIG);
  writeFileSync(path.join(directory, 'main.js'), "import os from 'node:os';\nimport { helper } from './helper.js';\nexport const answer = helper(os.EOL);\n");
  writeFileSync(path.join(directory, 'helper.js'), 'export const helper = (text) => text.length;\n');
  return directory;
}

describe('dependency-cruiser on a warm run', () => {
  it('is not loaded while the structure is unchanged, and its violation is still reported where it is now', () => {
    const directory = project('unchanged-structure');
    const cold = run(directory);
    expect(cold.loaded.some(isDepcruise)).toBe(true);
    expect(cold.report).toContain('main.js:1:');
    expect(cold.report).toContain('depcruise/no-core-os');
    // An edit that imports nothing new: the cached violations answer.
    writeFileSync(path.join(directory, 'main.js'), `// moved down\n${readFileSync(path.join(directory, 'main.js'), 'utf8')}export const more = 1;\n`);
    const warm = run(directory);
    // Not vacuous: the hook saw the guard's own modules load (the bin's bundle: scripts/pack/bundle-guard.ts).
    expect(warm.loaded.some((url) => url.includes('/dist/guard/cli-main-chunk-'))).toBe(true);
    expect(warm.loaded.filter(isDepcruise)).toEqual([]);
    expect(warm.report).toContain('depcruise/no-core-os');
    // Located in the current graph: the import moved one line down.
    expect(warm.report).toMatch(/main\.js:2:\d+ +depcruise\/no-core-os/);
  }, RUNS_TIMEOUT);

  it('is loaded again when an edit adds an import or a module', () => {
    const directory = project('changed-structure');
    run(directory);
    appendFileSync(path.join(directory, 'helper.js'), "import os from 'node:os';\nexport const eol = os.EOL;\n");
    const added = run(directory);
    expect(added.loaded.some(isDepcruise)).toBe(true);
    expect(added.report).toMatch(/helper\.js:\d+:\d+ +depcruise\/no-core-os/);
    writeFileSync(path.join(directory, 'third.js'), "import { helper } from './helper.js';\nexport const third = helper('x');\n");
    expect(run(directory).loaded.some(isDepcruise)).toBe(true);
  }, RUNS_TIMEOUT);
});
