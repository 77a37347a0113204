import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { STACK_LINE, freshProject, packOnce, repoRoot, type Run } from '../red-team-5/project.js';
import { EXEC_MODULE, binIn, files, git, tempDir } from '../red-team-6/projects.js';
import { OPEN_TODAY } from './open-today.js';
import { ESLINT_CONFIG, NETWORK_MODULE, commitThenBranch, grantExec, pnpmLayout, projectLike, runFor } from './projects.js';

/**
 * Red team 7: a new user adopts tki outside the repository with the packed packages (one packing,
 * one install per run; other projects link or copy that install): grants as people write them,
 * one verdict between ESLint and the guard, diff in worktrees, submodules and `file:` packages, a
 * pnpm-style layout, and every error path of the three bins. Each check asserts the CORRECT
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

let installed = '';
let cacheHome = '';

beforeAll(() => {
  const tarballs = packOnce();
  // typescript-eslint: docs/eslint-plugin.md installs it for its typed-linting config.
  installed = freshProject([tarballs.plugin, tarballs.guard, tarballs.tki, 'typescript-eslint']);
  cacheHome = tempDir('tki-rt7-xdg-');
}, 600_000);

const bin = (name: string): string => path.join(installed, 'node_modules/.bin', name);
const guard = (args: readonly string[], cwd: string, timeoutMs = 120_000): Run & { timedOut: boolean } =>
  runFor(bin('tki-guard'), args, cwd, timeoutMs, { XDG_CACHE_HOME: cacheHome });
const eslint = (args: readonly string[], cwd: string): Run => binIn(installed, 'eslint', args, cwd);
const tki = (args: readonly string[], cwd: string, timeoutMs = 120_000): Run & { timedOut: boolean } => runFor(bin('tki'), args, cwd, timeoutMs);
const noStack = (run: Run): void => expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_LINE);
const oneLine = (text: string): void => {
  expect(text.trim()).not.toBe('');
  expect(text.trim().split('\n')).toHaveLength(1);
};
const packet = (): string => path.join(installed, 'node_modules/tki/examples/fix7-a');

describe('red team 7: grants and policies as users write them', () => {
  // "./src/deploy.ts" is how many people write a path; an absolute path and a Windows-style one are
  // what an editor's "copy path" gives. Each either grants or is reported as matching no file.
  check('grant-glob-dot-slash-silently-dead', () => {
    const dir = projectLike(installed, 'tki-rt7-grant-', { 'src/deploy.ts': EXEC_MODULE });
    for (const glob of ['./src/deploy.ts', path.join(dir, 'src/deploy.ts'), 'src\\deploy.ts']) {
      writeFileSync(path.join(dir, 'tki.policy.json'), grantExec([glob]));
      const run = guard(['src'], dir);
      noStack(run);
      const said = run.status === 0 || /grants\.0|match(es)? no file/i.test(run.stderr);
      expect({ glob, status: run.status, stderr: run.stderr, said }).toMatchObject({ said: true });
    }
  });

  // JSON.parse keeps the last of two equal keys; a reviewer reads the first list of grants too.
  check('policy-duplicate-key', () => {
    const dir = projectLike(installed, 'tki-rt7-dup-', {
      'src/deploy.ts': EXEC_MODULE,
      'tki.policy.json': `{\n  "grants": [{ "files": ["src/deploy.ts"], "capabilities": ["EXEC"], "reason": "${'deploys the build with rsync'}" }],\n  "grants": []\n}\n`,
    });
    const run = guard(['src'], dir);
    noStack(run);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/tki\.policy\.json:3:\d+: .*duplicate/i);
  });

  // Regression (works today): a policy error is one line per problem at its place, by both tools.
  check('policy-errors-both-tools', () => {
    const dir = projectLike(installed, 'tki-rt7-policyerr-', {
      'src/deploy.ts': EXEC_MODULE,
      'eslint.config.mjs': ESLINT_CONFIG,
      'tki.policy.json': '{ "grants": [ { "files": "src/deploy.ts", "capabilities": ["EXEC", 7], "reason": 3 } ] }\n',
    });
    const cli = guard(['src'], dir);
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim().split('\n')).toHaveLength(3);
    const lint = eslint(['src'], dir);
    noStack(lint);
    for (const at of ['1:26', '1:68', '1:82']) {
      expect(cli.stderr).toContain(`tki.policy.json:${at}: invalid tki policy`);
      expect(lint.stdout).toContain(`tki.policy.json:${at}: invalid tki policy`);
    }
  });
});

describe('red team 7: one verdict (ESLint and the guard)', () => {
  // The editor lints every file; the CI gate of docs/ci-workflow.yml runs `npx tki-guard`, which
  // with a tsconfig analyzes only its files. A script outside `include` fails ESLint, passes CI.
  check('ci-gate-misses-files-outside-tsconfig', () => {
    const dir = projectLike(installed, 'tki-rt7-outside-', {
      'src/index.ts': 'export const one = 1;\n',
      'scripts/release.ts': EXEC_MODULE,
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "nodenext", "noEmit": true }, "include": ["src"] }\n',
      'eslint.config.mjs': ESLINT_CONFIG,
    });
    const lint = eslint(['.'], dir);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('scripts/release.ts');
    const ci = guard([], dir);
    expect({ status: ci.status, mentionsScript: ci.stdout.includes('scripts/release.ts') || ci.stderr.includes('scripts/release.ts') }).toEqual({ status: 1, mentionsScript: true });
  });

  // Regression (works today): policy `ignore`, a .d.ts, a .mjs and a .cjs get one verdict.
  check('edge-files-one-verdict', () => {
    const dir = projectLike(installed, 'tki-rt7-edges-', {
      'src/deploy.ts': EXEC_MODULE,
      'src/generated/client.ts': EXEC_MODULE,
      'src/tool.mjs': "import { execFile } from 'node:child_process';\nexport const run = () => execFile('ls');\n",
      'src/legacy.cjs': "const cp = require('node:child_process');\nmodule.exports = () => cp.execSync('ls');\n",
      'types/a.d.ts': "import { execFile } from 'node:child_process';\nexport declare const x: typeof execFile;\n",
      'tki.policy.json': '{ "ignore": ["src/generated/**"] }\n',
      'eslint.config.mjs': ESLINT_CONFIG,
    });
    const named = (text: string): string[] => [...new Set([...text.matchAll(/(src|types)\/[\w./-]+\.(?:ts|mjs|cjs)/g)].map((m) => m[0]))].sort();
    const lint = eslint(['.'], dir);
    const cli = guard(['.'], dir);
    expect(named(lint.stdout)).toEqual(['src/deploy.ts', 'src/legacy.cjs', 'src/tool.mjs']);
    expect(named(cli.stdout)).toEqual(named(lint.stdout));
  });

  // A nested package that is not a workspace member, under a root whose policy grants it: one file,
  // one verdict, whichever directory the guard runs in.
  check('nested-package-verdict-depends-on-cwd', () => {
    const dir = projectLike(installed, 'tki-rt7-nested-', {
      'packages/a/package.json': '{ "name": "a", "version": "1.0.0" }\n',
      'packages/a/src/deploy.ts': EXEC_MODULE,
      'tki.policy.json': grantExec(['packages/a/src/deploy.ts']),
    });
    const fromRoot = guard(['packages/a/src'], dir);
    const fromPackage = guard(['src'], path.join(dir, 'packages/a'));
    expect(fromPackage.status).toBe(fromRoot.status);
  });
});

describe('red team 7: diff where BASE is not a plain clone', () => {
  const gained = (run: Run, file: string): void => {
    noStack(run);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(new RegExp(`${file.replaceAll('.', '\\.')}\\s+\\+NETWORK\\s+NOT ALLOWED`));
  };

  // Regression (works today): a linked git worktree (.git is a file).
  check('diff-in-git-worktree', () => {
    const dir = projectLike(installed, 'tki-rt7-wt-', { '.gitignore': 'node_modules\n', 'src/net.ts': 'export const ping = (): number => 1;\n' });
    commitThenBranch(dir);
    git(dir, ['switch', '-q', 'main']);
    const worktree = `${dir}-feature`;
    git(dir, ['worktree', 'add', '-q', worktree, 'feature']);
    files(worktree, { 'src/net.ts': NETWORK_MODULE });
    gained(guard(['diff', 'main', 'src'], worktree), 'src/net.ts');
  });

  // Regression (works today): the project is a git submodule (.git is a file naming ../.git/modules).
  check('diff-in-submodule', () => {
    const lib = projectLike(installed, 'tki-rt7-sublib-', { '.gitignore': 'node_modules\n', 'src/net.ts': 'export const ping = (): number => 1;\n' });
    git(lib, ['init', '-q', '-b', 'main']);
    git(lib, ['add', '-A']);
    git(lib, ['commit', '-qm', 'init']);
    const superRepo = tempDir('tki-rt7-super-');
    git(superRepo, ['init', '-q', '-b', 'main']);
    git(superRepo, ['-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', lib, 'lib']);
    git(superRepo, ['commit', '-qm', 'submodule']);
    const inner = path.join(superRepo, 'lib');
    files(inner, { 'src/net.ts': NETWORK_MODULE });
    gained(runFor(bin('tki-guard'), ['diff', 'main', 'src'], inner, 120_000, { XDG_CACHE_HOME: cacheHome }), 'src/net.ts');
  });

  // Regression (works today): a `file:` dependency (node_modules/netlib → ../libs/net, as npm links
  // it) gains NETWORK; BASE must read its own copy of libs/net, not the working tree's.
  check('diff-file-dependency', () => {
    const dir = tempDir('tki-rt7-filedep-');
    files(dir, {
      'package.json': '{ "name": "app", "version": "1.0.0", "dependencies": { "netlib": "file:libs/net" } }\n',
      '.gitignore': 'node_modules\n',
      'libs/net/package.json': '{ "name": "netlib", "version": "1.0.0", "main": "src/index.ts" }\n',
      'libs/net/src/index.ts': 'export const ping = (): number => 1;\n',
      'src/main.ts': "import { ping } from 'netlib';\n\nexport const main = (): void => ping();\n",
    });
    mkdirSync(path.join(dir, 'node_modules'));
    symlinkSync('../libs/net', path.join(dir, 'node_modules/netlib'));
    commitThenBranch(dir);
    files(dir, { 'libs/net/src/index.ts': NETWORK_MODULE });
    gained(guard(['diff', 'main', 'src'], dir), 'src/main.ts');
  });
});

describe('red team 7: a pnpm-style layout (symlinked node_modules)', () => {
  // Regression (works today): ESLint, the guard and tki run through relative symlinks into .pnpm.
  check('pnpm-layout-all-three', () => {
    const dir = pnpmLayout(installed, ['tki', 'tki-guard', 'eslint-plugin-tki', 'eslint', 'typescript']);
    files(dir, { 'src/deploy.ts': EXEC_MODULE, 'eslint.config.mjs': ESLINT_CONFIG });
    const lint = runFor(process.execPath, ['node_modules/eslint/bin/eslint.js', '.'], dir);
    expect(lint.stdout).toMatch(/1:10\s+error\s+.*tki\/no-forbidden-capability/);
    const cli = runFor(process.execPath, ['node_modules/tki-guard/dist/guard/cli.js', 'src'], dir);
    expect(cli.stdout).toContain('src/deploy.ts:1:10  no-forbidden-capability  EXEC');
    const run = runFor(process.execPath, ['node_modules/tki/dist/cli/tki.js', 'run', 'node_modules/tki/examples/fix7-a', '--out', path.join(dir, 'report')], dir, 180_000);
    expect({ status: run.status, stdout: run.stdout.split('\n')[0] }).toMatchObject({ status: 1, stdout: expect.stringContaining('READ_LEVEL_FAIL') });
  });
});

describe('red team 7: error paths of the three bins', () => {
  // docs/sandbox.md: "Run anywhere else it blocks by design: … it prints one line naming the invariant
  // and exits 3". Through a pipe it does; with stderr redirected to a file (a CI log) nothing arrives.
  check('tki-inspect-outside-sandbox-silent', () => {
    const dir = tempDir('tki-rt7-in-');
    const log = path.join(dir, 'stderr.log');
    const run = runFor('bash', ['-c', '"$0" inspect --in "$1" 2>"$2"', bin('tki'), dir, log], dir);
    expect(run.status).toBe(3);
    oneLine(readFileSync(log, 'utf8'));
  });

  // README choices: "tki errors end with a pointer, not the usage".
  check('tki-inspect-error-pointer', () => {
    const run = tki(['inspect'], installed);
    expect(run.status).toBe(3);
    oneLine(run.stderr);
    expect(run.stderr).toMatch(/run 'tki inspect --help' for usage\s*$/);
  });

  check('tki-run-extra-argument-message', () => {
    const run = tki(['run', packet(), '--out', path.join(tempDir('tki-rt7-out-'), 'o'), 'extra'], installed);
    expect(run.status).toBe(3);
    oneLine(run.stderr);
    expect(run.stderr).toContain('extra');
  });

  check('tki-run-out-under-proc-hangs', () => {
    const run = tki(['run', packet(), '--out', '/proc/tki-rt7-nope/x'], installed, 15_000);
    expect(run.timedOut).toBe(false);
    expect(run.status).toBe(3);
    oneLine(run.stderr);
  });

  check('guard-cache-location-under-proc-hangs', () => {
    const dir = projectLike(installed, 'tki-rt7-cacheloc-', { 'src/deploy.ts': EXEC_MODULE });
    const run = guard(['src', '--cache-location', '/proc/tki-rt7-nope'], dir, 15_000);
    expect(run.timedOut).toBe(false);
    noStack(run);
  });

  check('guard-baseline-directory-raw-error', () => {
    const dir = projectLike(installed, 'tki-rt7-basedir-', { 'src/deploy.ts': EXEC_MODULE });
    const run = guard(['src', '--baseline', 'src'], dir);
    expect(run.status).toBe(2);
    oneLine(run.stderr);
    expect(run.stderr).not.toMatch(/EISDIR|illegal operation/);
  });

  // Regression (works today): help and version of every bin and subcommand, and tki's help per command.
  check('help-and-version-everywhere', () => {
    for (const args of [['--help'], ['-h'], ['--version'], ['diff', '--help'], ['diff', '--version'], ['help', 'diff']]) {
      const run = guard(args, installed);
      expect({ args, status: run.status, out: run.stdout.length > 0, err: run.stderr }).toEqual({ args, status: 0, out: true, err: '' });
    }
    for (const args of [['--help'], ['help'], ['help', 'run'], ['help', 'attest'], ['help', 'inspect'], ['run', '--help'], ['attest', '-h'], ['--version'], ['run', '--version']]) {
      const run = tki(args, installed);
      expect({ args, status: run.status, out: run.stdout.length > 0 }).toEqual({ args, status: 3, out: true });
    }
    const unknown = tki(['help', 'nosuch'], installed);
    expect(unknown.status).toBe(3);
    oneLine(unknown.stderr);
  });

  // Regression (works today): the installed tki run as an unprivileged operator (uid 65534).
  check('tki-run-unprivileged', () => {
    // mkdtemp makes 0700 directories: the operator must be able to reach the installed bin and packet.
    chmodSync(installed, 0o755);
    const out = tempDir('tki-rt7-nobody-');
    runFor('chown', ['65534:65534', out], out);
    const run = runFor('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', bin('tki'), 'run', packet(), '--out', path.join(out, 'report')], out, 180_000);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('READ_LEVEL_FAIL');
  });
});

describe('red team 7: the docs, word for word', () => {
  // docs/eslint-plugin.md "Typed linting": the only typed config in the docs, as a user copies it.
  check('eslint-plugin-doc-typed-snippet-runs', () => {
    const doc = readFileSync(path.join(repoRoot, 'docs/eslint-plugin.md'), 'utf8');
    const snippet = /```js\n([^`]*projectService[^`]*)```/.exec(doc)?.[1];
    expect(snippet).toBeDefined();
    const dir = projectLike(installed, 'tki-rt7-typed-', {
      'src/deploy.ts': EXEC_MODULE,
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "nodenext", "noEmit": true }, "include": ["src"] }\n',
      'eslint.config.mjs': snippet ?? '',
    });
    const lint = eslint(['src'], dir);
    noStack(lint);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('tki/no-forbidden-capability');
  });
});
