import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPolicyFile } from '../../eslint-plugin-tki/util/policy-file.js';
import { readPolicyFile } from '../../policy/read.js';

/**
 * The one policy reader (policy/read.ts) of both tools: what a user's editor or file system
 * hands it (a byte-order mark, a directory, a missing file) is a one-line error or accepted,
 * never an exception; and `tki-guard --policy FILE` names the file instead of searching.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-policy-read-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const GRANT = { grants: [{ files: ['packages/app/src/deploy.ts'], capabilities: ['EXEC'], reason: 'deploys with rsync' }] };
const DEPLOY = "import { execFile } from 'node:child_process';\n\nexport function deploy(): void {\n  execFile('rsync', ['-a', 'dist/', 'backup:/srv/app']);\n}\n";

function guard(cwd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(root, 'dist/guard/cli.js'), '--no-cache', ...args], { cwd, encoding: 'utf8' });
}

describe('readPolicyFile', () => {
  it('accepts a byte-order mark, as tsconfig does', () => {
    const file = path.join(work, 'bom.json');
    writeFileSync(file, `\uFEFF${JSON.stringify(GRANT)}`);
    expect(readPolicyFile(file)).toMatchObject({ ok: true });
    expect(loadPolicyFile(file)).toMatchObject({ ok: true });
  });

  it('words a directory or a missing file as one error at 1:1 in both tools', () => {
    const directory = path.join(work, 'dir.json');
    mkdirSync(directory);
    const expected = { ok: false, error: { file: directory, line: 1, column: 1, message: 'cannot read the policy file: it is a directory, not a file' } };
    expect(readPolicyFile(directory)).toMatchObject(expected);
    expect(loadPolicyFile(directory)).toMatchObject(expected);
    const missing = path.join(work, 'missing.json');
    expect(loadPolicyFile(missing)).toMatchObject({ ok: false, error: { message: 'cannot read the policy file: it does not exist' } });
  });
});

describe('tki-guard --policy and workspaces', () => {
  const mono = path.join(work, 'mono');
  const app = path.join(mono, 'packages/app');
  mkdirSync(path.join(app, 'src'), { recursive: true });
  writeFileSync(path.join(app, 'package.json'), '{"name":"app"}');
  writeFileSync(path.join(app, 'src/deploy.ts'), DEPLOY);
  writeFileSync(path.join(mono, 'tki.policy.json'), JSON.stringify(GRANT));

  it('without a workspaces field the nested package is still governed by the enclosing policy (session 9: one verdict from the root or the package)', () => {
    writeFileSync(path.join(mono, 'package.json'), '{"name":"mono"}');
    expect(guard(app, ['src'])).toMatchObject({ status: 0, stdout: 'tki-guard: no findings in 1 module\n', stderr: '' });
  });

  it("a workspace member reads the workspace root's policy; its grant globs are relative to the root", () => {
    writeFileSync(path.join(mono, 'package.json'), '{"name":"mono","workspaces":["packages/*"]}');
    expect(guard(app, ['src'])).toMatchObject({ status: 0, stdout: 'tki-guard: no findings in 1 module\n', stderr: '' });
  });

  it('--policy names the file: no search, and a missing one is exit 2 naming it', () => {
    writeFileSync(path.join(mono, 'package.json'), '{"name":"mono"}');
    expect(guard(app, ['src', '--policy', '../../tki.policy.json'])).toMatchObject({ status: 0, stderr: '' });
    const missing = guard(app, ['src', '--policy', 'nowhere.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(`tki-guard: ${path.join(app, 'nowhere.json')}:1:1: invalid tki policy: cannot read the policy file: it does not exist\n`);
  });
});
