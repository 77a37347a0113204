import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import '../../policy/zod-jitless.js';
import { runGuard, type GuardRequest } from '../../guard/index.js';
import { relativePathOf } from '../../eslint-plugin-tki/util/index.js';
import { matchesAnyGlob } from '../../policy/index.js';
import { realPathOr } from '../../policy/real-path.js';

/**
 * Red team round 10 (session 10) against "a file is judged by its real path, as Node runs it":
 * links met by a walk, a tsconfig's include, `--policy` and grant globs, and files not on disk.
 * Each test fails on the code before the fix.
 */
const EXEC = "import { execFileSync } from 'node:child_process';\nexecFileSync('true');\n";

function tree(files: Readonly<Record<string, string>>): string {
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-real-path-')));
  mkdirSync(path.join(root, '.git'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const GRANT_A = JSON.stringify({ grants: [{ files: ['packages/a/src/**'], capabilities: ['EXEC'], reason: 'deploys the build' }] });

async function execFiles(request: Partial<GuardRequest> & Pick<GuardRequest, 'input' | 'cwd'>): Promise<string[]> {
  const run = await runGuard({ cache: false, depcruise: false, ...request });
  if (!run.ok) throw new Error(`tool error: ${JSON.stringify(run.error)}`);
  return run.value.result.findings.filter((finding) => finding.capability === 'EXEC').map((finding) => finding.file).sort();
}

describe('a file is judged by its real path however it is reached', () => {
  it('a link inside a granted folder does not lend its name to an ungranted file (walk)', async () => {
    const root = tree({ 'tki.policy.json': GRANT_A, 'package.json': '{}', 'packages/a/src/ok.ts': EXEC, 'tools/evil.ts': EXEC });
    symlinkSync('../../../tools/evil.ts', path.join(root, 'packages/a/src/util.ts'));
    expect(await execFiles({ input: { kind: 'paths', paths: ['packages/a'] }, cwd: root })).toEqual(['tools/evil.ts']);
  });

  it('a linked folder under a tsconfig include is judged by its target', async () => {
    const root = tree({ 'proj/tki.policy.json': GRANT_A, 'proj/package.json': '{}', 'proj/packages/a/src/ok.ts': EXEC, 'ext/evil.ts': EXEC, 'proj/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, types: [] }, include: ['packages/**/*.ts'] }) });
    symlinkSync('../../../../ext', path.join(root, 'proj/packages/a/src/vendor'));
    expect(await execFiles({ input: { kind: 'project', tsconfig: 'tsconfig.json' }, cwd: path.join(root, 'proj'), typed: false })).toEqual(['../ext/evil.ts']);
  });

  it('a linked tsconfig reads include from its own folder, as tsc does', async () => {
    const root = tree({ 'clean/tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', strict: true, types: [] }, include: ['src/**/*.ts'] }), 'clean/src/x.ts': 'export const x = 1;\n', 'app/src/evil.ts': EXEC, 'app/tki.policy.json': '{}' });
    symlinkSync('../clean/tsconfig.json', path.join(root, 'app/tsconfig.json'));
    expect(await execFiles({ input: { kind: 'project', tsconfig: 'tsconfig.json' }, cwd: path.join(root, 'app'), typed: false })).toEqual(['src/evil.ts']);
  });

  it('--policy through a link anchors the grants at the policy file itself', async () => {
    const root = tree({ 'tki.policy.json': JSON.stringify({ grants: [{ files: ['src/**'], capabilities: ['EXEC'], reason: 'deploys the build' }] }), 'packages/b/package.json': '{}', 'packages/b/src/bad.ts': EXEC });
    mkdirSync(path.join(root, 'config'));
    symlinkSync('../tki.policy.json', path.join(root, 'config/policy.json'));
    const named = await execFiles({ input: { kind: 'paths', paths: ['packages/b'] }, cwd: root, policyFile: path.join(root, 'config/policy.json') });
    const real = await execFiles({ input: { kind: 'paths', paths: ['packages/b'] }, cwd: root, policyFile: path.join(root, 'tki.policy.json') });
    expect(named).toEqual(real);
    expect(real).toEqual(['packages/b/src/bad.ts']);
  });

  it('grant and ignore globs never match a file outside the project root', () => {
    expect(matchesAnyGlob('../other/evil.ts', ['**/evil.ts', '**'])).toBe(false);
    expect(matchesAnyGlob('/abs/evil.ts', ['**'])).toBe(false);
    expect(matchesAnyGlob('src/evil.ts', ['**/evil.ts'])).toBe(true);
  });

  it('a file not on disk yet is named through the real path of its nearest folder (an editor buffer)', () => {
    const root = tree({ 'packages/a/src/ok.ts': EXEC });
    const outside = realpathSync(mkdtempSync(path.join(tmpdir(), 'tki-real-path-link-')));
    symlinkSync(root, path.join(outside, 'repo'));
    expect(realPathOr(path.join(outside, 'repo/packages/a/src/new.ts'))).toBe(path.join(root, 'packages/a/src/new.ts'));
    expect(relativePathOf(path.join(outside, 'repo/packages/a/src/new.ts'), '/', root)).toBe('packages/a/src/new.ts');
  });

  it('a FIFO named like source is refused in one line, and skipped by a walk, never read', async () => {
    const root = tree({ 'src/ok.ts': 'export const x = 1;\n' });
    expect(spawnSync('mkfifo', [path.join(root, 'src/pipe.ts')]).status).toBe(0);
    const named = await runGuard({ input: { kind: 'paths', paths: ['src/pipe.ts'] }, cwd: root, cache: false, depcruise: false });
    expect(named.ok ? 'ran' : named.error.code).toBe('usage/unanalyzable_input');
    const walked = await runGuard({ input: { kind: 'paths', paths: ['src'] }, cwd: root, cache: false, depcruise: false });
    expect(walked.ok ? walked.value.result.stats.files : walked.error.code).toBe(1);
  });
});
