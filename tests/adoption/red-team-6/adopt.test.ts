import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK_LINE, freshProject, packOnce, type Run } from '../red-team-5/project.js';
import { OPEN_TODAY } from './open-today.js';
import { EXEC_MODULE, binIn, files, tempDir, workspacesRepo } from './projects.js';

/**
 * Red team 6: a new user adopts tki in projects outside the repository with the packed packages
 * (one packing, one install per run), beyond the README's own path: workspaces, path aliases,
 * cache locations, sub-directories, concurrent runs, typos. Each check asserts the CORRECT
 * behaviour; a check whose key is in open-today.ts must still fail (the list can only shrink).
 */
function check(key: string, assertion: () => void, timeout = 240_000): void {
  it(
    key,
    () => {
      if (!(key in OPEN_TODAY)) return assertion();
      expect(assertion, `${key} is fixed: delete it from open-today.ts`).toThrow();
    },
    timeout,
  );
}

let project = '';
/** The user's own cache folder for every run that does not test the cache location itself. */
let cacheHome = '';

beforeAll(() => {
  const tarballs = packOnce();
  project = freshProject([tarballs.plugin, tarballs.guard, tarballs.tki]);
  cacheHome = tempDir('tki-rt6-xdg-');
}, 600_000);

const guard = (args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Run =>
  binIn(project, 'tki-guard', args, cwd, { XDG_CACHE_HOME: cacheHome, ...env });
const tki = (args: readonly string[]): Run => binIn(project, 'tki', args, project);
const noStack = (run: Run): void => expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_LINE);

const GRANT_EXEC = JSON.stringify({ grants: [{ files: ['src/deploy.ts'], capabilities: ['EXEC'], reason: 'deploys the build with rsync, from CI only' }] });

describe('red team 6: adopting tki beyond the README', () => {
  // README "Developers" then "Granting a capability": the user grants EXEC in tki.policy.json, as
  // the lint message itself says, and keeps the first config the README gave. One verdict.
  check('recommended-config-ignores-policy', () => {
    files(project, { 'eslint.config.mjs': "import tki from 'eslint-plugin-tki';\n\nexport default [tki.configs.recommended];\n", 'src/deploy.ts': EXEC_MODULE, 'tki.policy.json': GRANT_EXEC });
    try {
      const cli = guard(['src'], project);
      expect(cli.status).toBe(0);
      const eslint = binIn(project, 'eslint', ['src'], project);
      noStack(eslint);
      expect({ eslint: eslint.status, stdout: eslint.stdout }).toMatchObject({ eslint: cli.status });
    } finally {
      rmSync(path.join(project, 'tki.policy.json'), { force: true });
    }
  });

  // README "Adopting": `tki-guard src --update-baseline` works without a policy file; docs/guard.md
  // says `cd src && npx tki-guard .` answers as `npx tki-guard src` does.
  check('subdir-baseline-without-policy', () => {
    const dir = tempDir('tki-rt6-sub-');
    files(dir, { 'package.json': '{ "name": "sub", "version": "1.0.0" }\n', 'src/deploy.ts': EXEC_MODULE });
    expect(guard(['src', '--update-baseline'], dir).status).toBe(0);
    expect(guard(['src'], dir).status).toBe(0);
    const fromSrc = guard(['.'], path.join(dir, 'src'));
    noStack(fromSrc);
    expect({ status: fromSrc.status, stdout: fromSrc.stdout }).toMatchObject({ status: 0 });
  });

  // XDG Base Directory: a relative XDG_CACHE_HOME is invalid and must be ignored. docs/guard.md:
  // "the guard ... never leaves a folder in your tree". The cache-secret must never land in a repo.
  check('xdg-cache-home-relative', () => {
    const dir = tempDir('tki-rt6-xdgrel-');
    files(dir, { 'package.json': '{ "name": "plain", "version": "1.0.0" }\n', 'src/deploy.ts': EXEC_MODULE });
    const run = guard(['src'], dir, { XDG_CACHE_HOME: 'relcache' });
    noStack(run);
    expect(run.status).toBe(1);
    expect(existsSync(path.join(dir, 'relcache')), 'a cache folder (with cache-secret) was written into the project').toBe(false);
  });

  // A "type": "module" project with tsconfig path aliases, one of them a #-name: tsc resolves both.
  check('tsconfig-paths-hash-alias', () => {
    const dir = tempDir('tki-rt6-alias-');
    files(dir, {
      'package.json': '{ "name": "alias", "version": "1.0.0", "type": "module" }\n',
      'tsconfig.json': JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, paths: { '@/*': ['./src/*'], '#lib': ['./src/lib/index.ts'] } },
        include: ['src'],
      }),
      'src/lib/shell.ts': EXEC_MODULE,
      'src/lib/index.ts': "export { deploy } from './shell.js';\n",
      'src/main.ts': "import * as lib from '#lib';\n\nexport const main = (): void => lib.deploy();\n",
      'src/other.ts': "import { deploy } from '@/lib/shell.js';\n\nexport const other = (): void => deploy();\n",
    });
    const run = guard(['--format', 'json'], dir);
    noStack(run);
    const report = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; capability: string | null }[] };
    const at = (file: string): string[] => report.findings.filter((f) => f.file === file).map((f) => `${f.ruleId} ${String(f.capability)}`);
    expect(at('src/other.ts')).toEqual(['transitive-capability EXEC']);
    expect(at('src/main.ts')).toEqual(['transitive-capability EXEC']);
  });

  // The standard monorepo: npm workspaces. The BASE must be the base's code, never the working tree's.
  check('diff-workspace-base-isolation', () => {
    const repo = workspacesRepo();
    const run = guard(['diff', 'main', '--format', 'json', '--', 'packages'], repo);
    noStack(run);
    expect(run.status).toBe(1);
    type Change = { capability: string; witness: string[] };
    const diff = JSON.parse(run.stdout) as { modules: { name: string; gained: Change[]; lost: Change[] }[] };
    const names = diff.modules.map((m) => m.name);
    expect(names.filter((name) => name.startsWith('..')), 'module names outside the repository').toEqual([]);
    const gained = (name: string): string[] => diff.modules.find((m) => m.name === name)?.gained.map((c) => c.capability) ?? [];
    expect(gained('packages/net/src/index.ts')).toEqual(['NETWORK']);
    expect(gained('packages/app/src/main.ts')).toEqual(['NETWORK']);
    expect(diff.modules.flatMap((m) => m.lost)).toEqual([]);
  });

  check('guard-policy-errors-each-at-its-place', () => {
    const dir = tempDir('tki-rt6-policy-');
    files(dir, {
      'package.json': '{ "name": "pol", "version": "1.0.0" }\n',
      'src/deploy.ts': EXEC_MODULE,
      'tki.policy.json': '{ "grants": [ { "file": ["src/deploy.ts"], "capabilities": ["EXCE"], "reason": "short" } ] }',
    });
    const run = guard(['src'], dir);
    expect(run.status).toBe(2);
    noStack(run);
    const lines = run.stderr.split('\n').filter((line) => line.includes('invalid tki policy'));
    expect(lines.map((line) => /tki\.policy\.json:(\d+:\d+):/.exec(line)?.[1])).toEqual(['1:15', '1:17', '1:61', '1:80']);
    writeFileSync(path.join(dir, 'tki.policy.json'), '{ "grants": [], }');
    expect(guard(['src'], dir).stderr).toMatch(/tki\.policy\.json:1:15: invalid tki policy: trailing comma/);
  });

  check('guard-typos-one-line-exit-2', () => {
    for (const args of [['--formt', 'json', 'src'], ['--format', 'jsn', 'src'], ['src', '--level', 'strictest'], ['diff', '--format', 'sarif'], ['--jobs', '0', 'src']]) {
      const run = guard(args, project);
      expect({ args, status: run.status }).toEqual({ args, status: 2 });
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).toMatch(/^tki-guard: /);
    }
  });

  check('concurrent-runs-agree', () => {
    mkdirSync(path.join(project, 'src'), { recursive: true });
    writeFileSync(path.join(project, 'src/deploy.ts'), EXEC_MODULE);
    const runs = [0, 1, 2].map(() => guard(['src', '--format', 'json'], project));
    for (const run of runs) expect(run.status).toBe(1);
    expect(new Set(runs.map((run) => run.stdout)).size).toBe(1);
  });

  check('tki-run-unknown-option-message', () => {
    const run = tki(['run', '--outt', 'x', 'node_modules/tki/examples/fix7-a']);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/unknown option --outt/i);
    expect(run.stderr).not.toContain('To specify a positional argument');
  });

  check('tki-help-run', () => {
    const run = tki(['help', 'run']);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/^Usage: tki run /);
  });

  check('tki-error-usage-one-line', () => {
    const run = tki(['runn']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('runn');
    for (const line of run.stderr.split('\n')) expect(line.length, line).toBeLessThanOrEqual(120);
  });
});
