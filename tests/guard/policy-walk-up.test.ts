import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateProjectRoot } from '../../guard/load/policy-file.js';
import { projectRootFor } from '../../guard/load/policy.js';
import { guardFixtures, repoRoot } from './helpers.js';

const cli = path.join(repoRoot, 'dist/guard/cli.js');

function runCli(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, '--no-cache', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-walk-up-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const DEPLOY = "import { execFile } from 'node:child_process';\nexport const deploy = (): void => void execFile('rsync');\n";
const GRANT = '{ "grants": [{ "files": ["src/deploy.ts"], "capabilities": ["EXEC"], "reason": "deploys the build with rsync" }] }\n';

describe('tki-guard finds tki.policy.json as the plugin does: walking up to the repository root', () => {
  it('run from a subfolder, the project policy applies, with paths relative to its directory', () => {
    const root = project({ 'package.json': '{ "name": "app", "type": "module" }\n', 'tki.policy.json': GRANT, 'src/deploy.ts': DEPLOY, 'src/lib/net.ts': "import { connect } from 'node:net';\nexport const c = connect;\n" });
    const fromSrc = runCli(['.'], path.join(root, 'src'));
    expect(fromSrc.stderr).toBe('');
    // The grant (written relative to the policy's directory) holds; the ungranted file is named from the project root.
    expect(fromSrc.stdout).not.toContain('deploy.ts');
    expect(fromSrc.stdout).toMatch(/^src\/lib\/net\.ts:1:10  no-forbidden-capability  NETWORK  /m);
    expect(fromSrc.status).toBe(1);
    // The same answer from the deepest folder, for the files under it.
    const fromLib = runCli(['.'], path.join(root, 'src/lib'));
    expect(fromLib.stdout).toMatch(/^src\/lib\/net\.ts:1:10 /m);
    // The baseline lives at the project root whichever folder the run starts in.
    expect(runCli(['.', '--update-baseline'], path.join(root, 'src/lib')).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(root, 'tki-baseline.json'), 'utf8'))).toMatchObject({ findings: { 'src/lib/net.ts': expect.any(Object) } });
    expect(runCli(['.'], path.join(root, 'src')).status).toBe(0);
  });

  it('walks past a nested package root: one file, one verdict, from the root or from the package', () => {
    const outer = project({
      'package.json': '{ "name": "outer" }\n',
      'tki.policy.json': '{ "grants": [{ "files": ["packages/a/src/deploy.ts"], "capabilities": ["EXEC"], "reason": "deploys the build with rsync" }] }\n',
      'packages/a/package.json': '{ "name": "a" }\n',
      'packages/a/src/deploy.ts': DEPLOY,
      'packages/a/src/net.ts': "import { connect } from 'node:net';\nexport const c = connect;\n",
    });
    const fromRoot = runCli(['packages/a/src'], outer);
    const fromPackage = runCli(['src'], path.join(outer, 'packages/a'));
    for (const run of [fromRoot, fromPackage]) {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(1);
      // The root's grant holds for deploy.ts; paths are relative to the policy's directory.
      expect(run.stdout).toMatch(/^packages\/a\/src\/net\.ts:1:10  no-forbidden-capability  NETWORK  /m);
      expect(run.stdout).not.toContain('deploy.ts');
    }
  });

  it('a nested package that the enclosing policy ignores is its own project: the defaults apply', () => {
    const outer = project({ '.git/HEAD': 'ref: refs/heads/main\n', 'tki.policy.json': GRANT.replace('{ "grants"', '{ "ignore": ["vendor/**"], "grants"'), 'vendor/app/package.json': '{ "name": "inner" }\n', 'vendor/app/src/deploy.ts': DEPLOY });
    const result = runCli(['src'], path.join(outer, 'vendor/app'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('src/deploy.ts:1:10  no-forbidden-capability  EXEC');
    // No policy governs it: one line on stderr says which defaults apply.
    expect(result.stderr).toBe(`tki-guard: no tki.policy.json found in ${path.join(outer, 'vendor/app')} or above it (up to the repository root, or an enclosing policy ignores it); the recommended defaults apply\n`);
  });

  it('with a tsconfig in a subfolder of the policy (no package.json between), the policy above it applies', () => {
    const root = project({
      'package.json': '{ "name": "mono", "type": "module" }\n',
      'tki.policy.json': '{ "grants": [{ "files": ["packages/web/src/deploy.ts"], "capabilities": ["EXEC"], "reason": "deploys the build with rsync" }] }\n',
      'packages/web/tsconfig.json': '{ "compilerOptions": { "module": "nodenext", "strict": true, "noEmit": true }, "include": ["src"] }\n',
      'packages/web/src/deploy.ts': DEPLOY,
    });
    for (const mode of [[], ['--fast']]) {
      const result = runCli(['-p', 'packages/web/tsconfig.json', ...mode], root);
      expect({ mode, status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({ mode, status: 0, stdout: 'tki-guard: no findings in 1 module\n', stderr: '' });
    }
  });

  it('the fixtures of this repository stop at fixtures/package.json, never reaching the repository policy', () => {
    expect(locateProjectRoot(path.join(guardFixtures, 'suppressed'), path.join(guardFixtures, 'suppressed'))).toBe(path.join(guardFixtures, 'suppressed'));
    expect(readFileSync(path.join(repoRoot, 'fixtures/package.json'), 'utf8')).toContain('"type": "module"');
  });

  it('projectRootFor: the policy directory when it holds the inputs, else where no policy would anchor them', () => {
    expect(projectRootFor('/p/src', '/p/tki.policy.json')).toBe('/p');
    expect(projectRootFor('/p', '/p/tki.policy.json')).toBe('/p');
    expect(projectRootFor('/q/src', '/p/tki.policy.json', () => false)).toBe('/q/src');
    expect(projectRootFor('/p2/src', '/p/tki.policy.json', () => false)).toBe('/p2/src');
    // A shared policy outside the project: the inputs' package root, as without a policy.
    const tree = (...files: string[]) => (file: string): boolean => files.includes(file);
    expect(projectRootFor('/q/src/deep', '/shared/tki.policy.json', tree('/q/package.json'))).toBe('/q');
    expect(projectRootFor('/p/src', null, () => false)).toBe('/p/src');
  });

  it('projectRootFor without a policy file: the package root, the workspace root for a member, else the .git directory', () => {
    const tree = (...files: string[]) => (file: string): boolean => files.includes(file);
    expect(projectRootFor('/p/src/deep', null, tree('/p/package.json'))).toBe('/p');
    expect(projectRootFor('/p/src', null, tree('/p/.git', '/package.json'))).toBe('/p');
    expect(projectRootFor('/p/src', null, tree('/p/src/package.json', '/p/.git'))).toBe('/p/src');
  });

  it('without a tki.policy.json, `cd src && tki-guard .` reads the root baseline and reports the same paths as `tki-guard src`', () => {
    const root = project({ 'package.json': '{ "name": "no-policy", "version": "1.0.0" }\n', 'src/deploy.ts': DEPLOY });
    expect(runCli(['src', '--update-baseline'], root).status).toBe(0);
    const fromSrc = runCli(['.', '--format', 'json', '--no-baseline'], path.join(root, 'src'));
    expect((JSON.parse(fromSrc.stdout) as { findings: { file: string }[] }).findings.map((finding) => finding.file)).toEqual(['src/deploy.ts']);
    expect(runCli(['.'], path.join(root, 'src'))).toMatchObject({ status: 0, stdout: 'tki-guard: no findings in 1 module (1 in the baseline)\n' });
  });
});
