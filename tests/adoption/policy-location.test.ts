import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigureError, configureProblems } from '../../eslint-plugin-tki/configure.js';
import plugin from '../../eslint-plugin-tki/index.js';
import { PRESET_POLICIES } from '../../eslint-plugin-tki/configs.js';
import { locatePolicy } from '../../policy/locate.js';

/**
 * Where the policy is and what happens without one: one rule (policy/locate.ts) for tki-guard
 * and `tki.configure()`, so both tools give the same answer from any directory.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-policy-location-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const DEPLOY = "import { execFile } from 'node:child_process';\n\nexport function deploy(): void {\n  execFile('rsync', ['-a', 'dist/', 'backup:/srv/app']);\n}\n";
const GRANT = { grants: [{ files: ['src/deploy.ts'], capabilities: ['EXEC'], reason: 'deploys the site with rsync' }] };

function project(name: string, files: Readonly<Record<string, string>>): string {
  const directory = path.join(work, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    writeFileSync(path.join(directory, file), text);
  }
  return directory;
}

function guard(cwd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(root, 'dist/guard/cli.js'), '--no-cache', ...args], { cwd, encoding: 'utf8' });
}

function eslintWith(config: Linter.Config, cwd: string, file: string, code: string): string[] {
  return new Linter({ cwd }).verify(code, [config], file).map((message) => `${message.line}:${message.column} ${message.ruleId ?? ''} ${message.message}`);
}

describe('locatePolicy: the nearest tki.policy.json, up to the repository root', () => {
  it('walks up from each start directory, past package roots, to the repository or filesystem root', () => {
    const files = new Set(['/repo/package.json', '/repo/tki.policy.json', '/repo/packages/a/package.json', '/other/tki.policy.json', '/tki.policy.json', '/work/app/.git', '/work/app/package.json']);
    const exists = (file: string): boolean => files.has(file);
    const read = (): undefined => undefined;
    expect(locatePolicy(['/repo/src/deep'], exists, true, read)).toEqual({ kind: 'file', file: '/repo/tki.policy.json', root: '/repo' });
    // packages/a is a package nested in /repo: /repo's policy governs it, as an ESLint config at the root does.
    expect(locatePolicy(['/repo/packages/a/src'], exists, true, read)).toEqual({ kind: 'file', file: '/repo/tki.policy.json', root: '/repo' });
    // The repository root ends the walk: a policy outside the checkout (here /tki.policy.json) is not the project's.
    expect(locatePolicy(['/work/app/src'], exists, true, read)).toEqual({ kind: 'defaults', searched: ['/work/app/src', '/work/app'] });
    // Outside any repository the walk reaches the filesystem root.
    expect(locatePolicy(['/tmp/x'], exists, true, read)).toEqual({ kind: 'file', file: '/tki.policy.json', root: '/' });
    // Each start in turn (tki-guard: the tsconfig's directory, then the working directory).
    expect(locatePolicy(['/work/app/src', '/repo/src'], exists, true, read)).toMatchObject({ kind: 'file', file: '/repo/tki.policy.json' });
  });

  it('a policy whose ignore globs cover a nested package root does not govern that package', () => {
    const texts: Readonly<Record<string, string>> = {
      '/repo/tki.policy.json': JSON.stringify({ ignore: ['fixtures/**', '**/*.d.ts'] }),
      '/repo/package.json': '{"name":"repo"}',
      '/repo/fixtures/package.json': '{}',
      '/repo/tools/lib/package.json': '{}',
    };
    const exists = (file: string): boolean => file in texts;
    const read = (file: string): string | undefined => texts[file];
    // fixtures/** disowns the fixtures package: its files get the defaults.
    expect(locatePolicy(['/repo/fixtures/case'], exists, true, read)).toEqual({ kind: 'defaults', searched: ['/repo/fixtures/case', '/repo/fixtures', '/repo'] });
    // A pattern that ignores some files (*.d.ts) does not disown a package.
    expect(locatePolicy(['/repo/tools/lib/src'], exists, true, read)).toMatchObject({ kind: 'file', file: '/repo/tki.policy.json' });
    // Ignoring only applies across a package root: in the root package itself the policy governs (and ignores those files).
    expect(locatePolicy(['/repo/src'], exists, true, read)).toMatchObject({ kind: 'file', file: '/repo/tki.policy.json' });
  });
});

describe('locatePolicy: workspace members belong to their workspace root', () => {
  const manifests: Readonly<Record<string, string>> = {
    '/mono/package.json': JSON.stringify({ name: 'mono', private: true, workspaces: ['packages/*', '!packages/legacy'] }),
    '/mono/packages/app/package.json': '{"name":"app"}',
    '/mono/packages/legacy/package.json': '{"name":"legacy"}',
    '/yarn/package.json': JSON.stringify({ workspaces: { packages: ['apps/**'] } }),
    '/yarn/apps/web/site/package.json': '{}',
    '/pnpm/pnpm-workspace.yaml': "packages:\n  - 'tools/*' # the tools\n  - \"!tools/old\"\nother: 1\n",
    '/pnpm/tools/cli/package.json': '{}',
    '/plain/package.json': '{"name":"plain"}',
    '/plain/vendor/lib/package.json': '{}',
  };
  const policies = new Set(['/mono/tki.policy.json', '/yarn/tki.policy.json', '/pnpm/tki.policy.json', '/plain/tki.policy.json']);
  const exists = (file: string): boolean => policies.has(file) || file in manifests;
  const read = (file: string): string | undefined => manifests[file];

  it('walks from a member to the root that lists it (npm, yarn, pnpm)', () => {
    expect(locatePolicy(['/mono/packages/app/src'], exists, true, read)).toMatchObject({ kind: 'file', file: '/mono/tki.policy.json' });
    expect(locatePolicy(['/yarn/apps/web/site'], exists, true, read)).toMatchObject({ kind: 'file', file: '/yarn/tki.policy.json' });
    expect(locatePolicy(['/pnpm/tools/cli'], exists, true, read)).toMatchObject({ kind: 'file', file: '/pnpm/tki.policy.json' });
  });

  it('also walks past a package that no enclosing workspace lists, or that it excludes: the enclosing policy governs it', () => {
    expect(locatePolicy(['/mono/packages/legacy'], exists, true, read)).toMatchObject({ kind: 'file', file: '/mono/tki.policy.json' });
    expect(locatePolicy(['/plain/vendor/lib'], exists, true, read)).toMatchObject({ kind: 'file', file: '/plain/tki.policy.json' });
  });
});

describe('tki-guard and tki.configure() agree', () => {
  it('configure() from a config at the project root applies the policy to files linted from src/', () => {
    const app = project('granted', { 'package.json': '{"name":"granted","type":"module"}', 'tki.policy.json': JSON.stringify(GRANT), 'src/deploy.ts': DEPLOY });
    const linted = eslintWith(plugin.configure(pathToFileURL(path.join(app, 'eslint.config.mjs'))) as Linter.Config, path.join(app, 'src'), path.join(app, 'src/deploy.ts'), DEPLOY);
    expect(linted).toEqual([]);
    // The guard reads the same file from the project root (its upward search is not switched on yet).
    expect(guard(app, ['src'])).toMatchObject({ status: 0, stdout: 'tki-guard: no findings in 1 module\n' });
  });

  it('without a tki.policy.json: configure(import.meta.url) uses the defaults, as the guard does (no error about a missing file)', () => {
    const app = project('no-policy', { 'package.json': '{"name":"no-policy"}', 'src/deploy.ts': DEPLOY });
    const config = plugin.configure(pathToFileURL(path.join(app, 'eslint.config.mjs')));
    expect(config.settings.tki).toEqual({ policy: PRESET_POLICIES.recommended, root: app });
    expect(plugin.configure(path.join(app, 'eslint.config.cjs'), { level: 'strict' }).settings.tki).toEqual({ policy: PRESET_POLICIES.strict, root: app });
    const linted = eslintWith(config as Linter.Config, app, path.join(app, 'src/deploy.ts'), DEPLOY);
    expect(linted).toEqual([expect.stringMatching(/^1:10 tki\/no-forbidden-capability `execFile` reaches EXEC/)]);
    const checked = guard(app, ['src']);
    expect(checked.stdout).toContain('src/deploy.ts:1:10  no-forbidden-capability  EXEC');
  });

  it('a policyFile named explicitly must exist: missing is an error, never the defaults', () => {
    const app = project('explicit', { 'package.json': '{"name":"explicit"}', 'src/deploy.ts': DEPLOY });
    const config = plugin.configure(path.join(app, 'eslint.config.cjs'), { policyFile: 'policy/tki.json' });
    expect(config.settings.tki).toEqual({ policyFile: path.join(app, 'policy/tki.json'), root: app });
    const linted = eslintWith(config as Linter.Config, app, path.join(app, 'src/deploy.ts'), DEPLOY);
    expect(linted).toEqual([expect.stringMatching(/^1:1 tki\/no-forbidden-capability tki cannot check this file: .*policy\/tki\.json:1:1: invalid tki policy: cannot read the policy file: it does not exist \(a policyFile named explicitly must exist/)]);
  });
});

describe('a policy named from elsewhere anchors its grants in both tools alike (red team round 10)', () => {
  it('a shared policy outside the project: grants are read from the project\'s package root', () => {
    const shared = project('shared-policy', { 'tki.policy.json': JSON.stringify(GRANT) });
    const app = project('shared-app', { 'package.json': '{"name":"shared-app"}', 'src/deploy.ts': DEPLOY, 'src/other.ts': DEPLOY });
    const config = plugin.configure(path.join(app, 'eslint.config.cjs'), { policyFile: '../shared-policy/tki.policy.json' });
    expect(config.settings.tki).toEqual({ policyFile: path.join(shared, 'tki.policy.json'), root: app });
    expect(eslintWith(config as Linter.Config, app, path.join(app, 'src/deploy.ts'), DEPLOY)).toEqual([]);
    expect(eslintWith(config as Linter.Config, app, path.join(app, 'src/other.ts'), DEPLOY)).toEqual([expect.stringMatching(/^1:10 tki\/no-forbidden-capability /)]);
    // The guard, from the root or from src/, grants the same file (it anchored at src/ before).
    for (const [cwd, input] of [[app, 'src'], [path.join(app, 'src'), '.']] as const) {
      const checked = guard(cwd, ['--fast', '--policy', path.join(shared, 'tki.policy.json'), input]);
      expect(checked.stdout).toBe('src/other.ts:1:10  no-forbidden-capability  EXEC  `execFile` reaches EXEC; remove it, or grant EXEC to this file in tki.policy.json (`grants`, with a reason)\ntki-guard: 1 finding in 2 modules\n');
    }
  });

  it('a policy above the config file\'s folder: grants are read from the policy\'s folder, as when it is found', () => {
    const workspace = project('above', { 'tki.policy.json': JSON.stringify({ grants: [{ ...GRANT.grants[0], files: ['app/src/deploy.ts'] }] }), 'app/package.json': '{"name":"above-app"}', 'app/src/deploy.ts': DEPLOY });
    const app = path.join(workspace, 'app');
    const config = plugin.configure(path.join(app, 'eslint.config.cjs'), { policyFile: '../tki.policy.json' });
    expect(config.settings.tki).toEqual({ policyFile: path.join(workspace, 'tki.policy.json'), root: workspace });
    expect(eslintWith(config as Linter.Config, app, path.join(app, 'src/deploy.ts'), DEPLOY)).toEqual([]);
    expect(guard(app, ['--fast', '--policy', '../tki.policy.json', 'src'])).toMatchObject({ status: 0, stdout: 'tki-guard: no findings in 1 module\n' });
  });
});

describe('tki.configure() validates its arguments at config load', () => {
  it('lists every problem in one message: unknown level, unknown option, non-string policyFile, missing location', () => {
    expect(configureProblems('/p/eslint.config.mjs', { level: 'strictest' })).toEqual(['unknown level "strictest" (one of: recommended, strict)']);
    expect(configureProblems('/p/eslint.config.mjs', { levle: 'strict', policyFile: 42 })).toEqual(['unknown option "levle" (known: level, policyFile)', 'policyFile must be a non-empty path, not 42']);
    expect(configureProblems(undefined, {})).toEqual([expect.stringContaining("the first argument must be the config file's location")]);
    expect(configureProblems('/p/eslint.config.mjs', 'strict')).toEqual(['the options must be an object ({ level, policyFile })']);
    expect(configureProblems(new URL('file:///p/eslint.config.mjs'), { level: 'strict', policyFile: 'tki.json' })).toEqual([]);
    expect(() => plugin.configure('/p/eslint.config.mjs', { level: 'Strict' as 'strict' })).toThrow(ConfigureError);
  });

  it('ESLint itself prints the one line and no stack trace', () => {
    const app = project('bad-options', { 'package.json': '{"name":"bad-options","type":"module"}', 'src/exit.ts': 'process.exit(0);\n' });
    const pluginUrl = pathToFileURL(path.join(root, 'dist/eslint-plugin-tki/index.js')).href;
    writeFileSync(path.join(app, 'eslint.config.mjs'), `import tki from ${JSON.stringify(pluginUrl)};\nexport default [tki.configure(import.meta.url, { levle: 'strict', policyFile: 42 })];\n`);
    const result = spawnSync(process.execPath, [path.join(root, 'node_modules/eslint/bin/eslint.js'), 'src'], { cwd: app, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr + result.stdout).toContain('tki.configure(): unknown option "levle" (known: level, policyFile); policyFile must be a non-empty path, not 42');
    expect(result.stderr + result.stdout).not.toMatch(/\n\s+at \S+/);
  });
});
