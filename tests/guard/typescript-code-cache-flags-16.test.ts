import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/**
 * TypeScript's V8 code cache (guard/cache/typescript-code-cache.cts) is rejected by a Node started
 * with other V8 flags, and a rejected run writes its own: one name for every flag set made runs
 * that alternate flag sets (a `NODE_OPTIONS=--max-old-space-size=…` shell and a plain one) compile
 * TypeScript afresh every time. Each flag set keeps its own file, and a run never replaces another's.
 */
const home = mkdtempSync(path.join(tmpdir(), 'tki-code-cache-flags-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

const loader = path.join(home, 'load-typescript.cjs');
writeFileSync(loader, `require(${JSON.stringify(path.join(repoRoot, 'dist/guard/load/typescript-shim.cjs'))});\n`);
const cacheFolder = path.join(home, '.cache', 'tki', 'v8');

function loadTypeScript(flags: readonly string[], nodeOptions = ''): void {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NODE_OPTIONS: nodeOptions };
  delete env.XDG_CACHE_HOME;
  const run = spawnSync(process.execPath, [...flags, loader], { env, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
}

const cacheFiles = (): Map<string, string> => new Map(readdirSync(cacheFolder).sort().map((name) => [name, readFileSync(path.join(cacheFolder, name)).toString('base64')]));

describe("TypeScript's code cache under several V8 flag sets", () => {
  it('a plain run, a run with a V8 flag and a run with it in NODE_OPTIONS each keep their own cache; none overwrites another', () => {
    loadTypeScript([]);
    const plain = cacheFiles();
    expect(plain.size).toBe(1);
    loadTypeScript(['--max-old-space-size=512']);
    const withFlag = cacheFiles();
    expect(withFlag.size).toBe(2);
    loadTypeScript([], '--max-old-space-size=512');
    loadTypeScript(['--stack-size=900']);
    const after = cacheFiles();
    expect(after.size).toBe(4);
    // The plain run's cache is the one it wrote: the flagged runs did not replace it.
    for (const [name, data] of plain) expect(after.get(name)).toBe(data);
    // And a second plain run takes it as it is (an accepted cache is not written again).
    loadTypeScript([]);
    expect(cacheFiles()).toEqual(after);
  });
});
