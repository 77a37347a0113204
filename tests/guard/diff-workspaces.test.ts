import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAgainst } from '../../guard/diff/command.js';
import { parseCliArgs } from '../../guard/index.js';

/**
 * `tki-guard diff` analyses BASE from BASE's checkout only (red team 6, finding 1): in npm
 * workspaces node_modules/@m/<name> are links to packages/<name>; followed into the working tree,
 * BASE would read the working tree's code, name modules `../…`, and report a gain as a loss.
 */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

const NETWORK_PING = "import { request } from 'node:https';\nexport const ping = (): void => {\n  request('https://example.invalid').end();\n};\n";

/** The layout `npm i` makes (relative links under node_modules/@m), committed on main; then a feature branch. */
function workspaces(extra: Record<string, string> = {}): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-diff-ws-')));
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'test@example.invalid');
  git(root, 'config', 'user.name', 'test');
  write(root, {
    'package.json': '{ "name": "mono", "private": true, "workspaces": ["packages/*"] }\n',
    '.gitignore': 'node_modules/\n',
    'packages/net/package.json': '{ "name": "@m/net", "main": "src/index.ts" }\n',
    'packages/net/src/index.ts': 'export const ping = (): number => 1;\n',
    'packages/app/package.json': '{ "name": "@m/app", "dependencies": { "@m/net": "*" } }\n',
    'packages/app/src/main.ts': "import { ping } from '@m/net';\nexport const main = (): unknown => ping();\n",
    ...extra,
  });
  mkdirSync(path.join(root, 'node_modules/@m'), { recursive: true });
  for (const name of ['net', 'app']) symlinkSync(`../../packages/${name}`, path.join(root, 'node_modules/@m', name));
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  git(root, 'checkout', '-qb', 'feature');
  return root;
}

async function diffIn(cwd: string, ...argv: string[]) {
  const parsed = parseCliArgs(['diff', '--no-cache', '--no-depcruise', ...argv]);
  if (!parsed.ok) throw new Error(parsed.error.code);
  const result = await diffAgainst(parsed.value, cwd);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.report.diff;
}

const gains = (diff: Awaited<ReturnType<typeof diffIn>>): string[] => diff.modules.flatMap((module) => module.gained.map((change) => `${module.name} +${change.capability}`));

describe('tki-guard diff in npm workspaces', () => {
  it('a workspace package gains NETWORK: it and its dependent gain it, nothing is lost, no module is named outside the repository', async () => {
    const root = workspaces();
    write(root, { 'packages/net/src/index.ts': NETWORK_PING });
    const diff = await diffIn(root, 'main', '--', 'packages');
    expect(diff.modules.map((module) => module.name).filter((name) => name.startsWith('..'))).toEqual([]);
    expect(gains(diff)).toEqual(['packages/app/src/main.ts +NETWORK', 'packages/net/src/index.ts +NETWORK']);
    expect(diff.modules.flatMap((module) => module.lost)).toEqual([]);
    expect(diff.packages.map((entry) => `${entry.name} +${entry.gained.map((change) => change.capability).join()}`)).toEqual(['@m/app +NETWORK', '@m/net +NETWORK']);
    expect(diff.disallowed).toBe(2);
  });

  it('run inside the dependent package (its own tsconfig), BASE still reads its own copy of the workspace package', async () => {
    const root = workspaces({ 'packages/app/tsconfig.json': '{ "compilerOptions": { "module": "nodenext", "strict": true }, "include": ["src"] }\n' });
    write(root, { 'packages/net/src/index.ts': NETWORK_PING });
    const diff = await diffIn(path.join(root, 'packages/app'), 'main');
    expect(gains(diff)).toEqual(['packages/app/src/main.ts +NETWORK', 'packages/net/src/index.ts +NETWORK']);
    expect(diff.modules.flatMap((module) => module.lost)).toEqual([]);
  });

  it('a package installed in the working tree (not first-party) is still found from BASE', async () => {
    const root = workspaces({ 'packages/app/src/main.ts': "import { ping } from '@m/net';\nimport left from 'left-pad';\nexport const main = (): unknown => [ping(), left];\n" });
    write(root, { 'node_modules/left-pad/package.json': '{ "name": "left-pad", "main": "index.js" }\n', 'node_modules/left-pad/index.js': "module.exports = require('node:child_process');\n" });
    const diff = await diffIn(root, 'main', '--deps', '--', 'packages');
    expect(gains(diff)).toEqual([]);
    expect(diff.modules.flatMap((module) => module.lost)).toEqual([]);
  });
});
