import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin-tki/index.js';

/**
 * Red team round 10's low findings on how a project is named: `-p DIR` and a dangling
 * tki.policy.json link. Each test fails on the code before the fix.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-policy-edge-')));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EXEC = "import { execFileSync } from 'node:child_process';\nexecFileSync('true');\n";

function project(name: string, files: Readonly<Record<string, string>>): string {
  const directory = path.join(work, name);
  mkdirSync(path.join(directory, '.git'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }
  return directory;
}

function guard(cwd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, [path.join(root, 'dist/guard/cli.js'), '--no-cache', '--no-depcruise', ...args], { cwd, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('naming a project', () => {
  it('-p DIR reads DIR/tsconfig.json, as tsc -p DIR does', () => {
    const app = project('p-dir', { 'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', types: [] }, include: ['src'] }), 'src/run.ts': EXEC, 'tki.policy.json': '{}' });
    for (const [cwd, named] of [[app, '.'], [work, 'p-dir'], [path.join(app, 'src'), '..']] as const) {
      const checked = guard(cwd, ['--fast', '-p', named]);
      expect({ named, status: checked.status, stderr: checked.stderr }).toEqual({ named, status: 1, stderr: '' });
      expect(checked.stdout).toContain('src/run.ts:1:10  no-forbidden-capability  EXEC');
    }
  });

  it('a dangling tki.policy.json link is an unreadable policy in both tools, never "no policy"', () => {
    const app = project('dangling', { 'package.json': '{"name":"dangling"}', 'src/run.ts': EXEC });
    symlinkSync('../policies/tki.policy.json', path.join(app, 'tki.policy.json'));
    const checked = guard(app, ['--fast', 'src']);
    expect(checked).toEqual({ status: 2, stdout: '', stderr: `tki-guard: ${app}/tki.policy.json:1:1: invalid tki policy: cannot read the policy file: it is a symbolic link to ../policies/tki.policy.json, which does not exist\n` });
    const config = plugin.configure(path.join(app, 'eslint.config.cjs'));
    const messages = new Linter({ cwd: app }).verify(EXEC, [config as Linter.Config], path.join(app, 'src/run.ts'));
    expect(messages.map((message) => message.message)).toContainEqual(expect.stringContaining('tki.policy.json:1:1: invalid tki policy: cannot read the policy file: it is a symbolic link to ../policies/tki.policy.json, which does not exist'));
  });
});
