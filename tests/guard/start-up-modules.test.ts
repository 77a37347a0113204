import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * zod (about 95 modules, 7 % of a one-file-edit run: issue #11) loads only when tki-guard has a
 * policy or baseline file to validate. The built bin runs with a module loader hook that lists
 * every module it loads; a static import of zod anywhere on the default path fails the first case.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-start-up-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const hooks = path.join(work, 'hooks.mjs');
writeFileSync(hooks, "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(process.env.TKI_LOADED_LIST, `${url}\\n`); return next(url, context); }\n");
const register = path.join(work, 'register.mjs');
writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);

/** The modules one `tki-guard --no-cache .` loads in `project`. */
function loadedModules(project: string, ...extra: string[]): string[] {
  const list = path.join(work, `loaded-${path.basename(project)}.txt`);
  const child = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, path.join(root, 'dist/guard/cli.js'), '--no-cache', ...extra, '.'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, TKI_LOADED_LIST: list },
  });
  expect(child.status, child.stderr).toBe(0);
  return readFileSync(list, 'utf8').split('\n').filter((line) => line !== '');
}

function project(name: string, files: Record<string, string>): string {
  const directory = path.join(work, name);
  mkdirSync(path.join(directory, '.git'), { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(directory, file), text);
  return directory;
}

const isZod = (url: string): boolean => url.includes('/node_modules/zod/');
const CODE = { 'package.json': '{"name":"start-up"}', 'main.js': 'export const answer = 42;\n' };

describe('tki-guard loads zod only to validate a file', () => {
  it('a run on the defaults (no policy file, no baseline) loads no zod', () => {
    const loaded = loadedModules(project('defaults', CODE));
    // Not vacuous: the hook saw the analysis load (the bin runs a bundle, scripts/pack/bundle-guard.ts:
    // its chunks, and the confusables table the analysis's text rules import).
    expect(loaded.some((url) => url.includes('/dist/guard/cli-main-chunk-'))).toBe(true);
    expect(loaded.some((url) => url.endsWith('/unhomoglyph/data.json'))).toBe(true);
    expect(loaded.filter(isZod)).toEqual([]);
  });

  it('a policy file is validated with the schema, and zod loads for it', () => {
    const loaded = loadedModules(project('with-policy', { ...CODE, 'tki.policy.json': '{"packages":{"deny":"known"}}' }));
    expect(loaded.some(isZod)).toBe(true);
  });

  it('a baseline file is validated with its schema, and zod loads for it', () => {
    const loaded = loadedModules(project('with-baseline', { ...CODE, 'tki-baseline.json': '{"version":1,"findings":{}}' }));
    expect(loaded.some(isZod)).toBe(true);
  });
});
