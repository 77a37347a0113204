import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPEN_TODAY } from './open-today.js';

/**
 * Red team 9b: the round 9 fixes attacked again, black box, with the built tools of this
 * checkout (`dist/guard/cli.js`, the plugin's `dist/eslint-plugin-tki/index.js` through the
 * repository's ESLint, `dist/cli/tki.js run` under bwrap as root). Each check asserts the
 * CORRECT behaviour; a check whose key is in open-today.ts must still fail (the list only shrinks).
 */
const REPO = path.resolve(__dirname, '../../..');
const GUARD = path.join(REPO, 'dist/guard/cli.js');
const TKI = path.join(REPO, 'dist/cli/tki.js');
const PLUGIN = path.join(REPO, 'dist/eslint-plugin-tki/index.js');
const ESLINT = path.join(REPO, 'node_modules/.bin/eslint');
const PACKET = path.join(REPO, 'fixtures/packets/execution-with-run-evidence');

const EXEC_MODULE = "import { execFile } from 'node:child_process';\n\nexport function deploy(): void {\n  execFile('rsync', ['-a', 'dist/']);\n}\n";
const TSCONFIG_OPTIONS = { strict: true, module: 'nodenext', skipLibCheck: true, types: [] };

function check(key: string, assertion: () => void | Promise<void>, timeout = 240_000): void {
  it(
    key,
    async () => {
      if (!(key in OPEN_TODAY)) return assertion();
      await expect(Promise.resolve().then(assertion), `${key} is fixed: delete it from open-today.ts`).rejects.toThrow();
    },
    timeout,
  );
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const scratch = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), prefix));

function run(command: string, args: readonly string[], cwd: string): Run {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000, killSignal: 'SIGKILL', env: { ...process.env, XDG_CACHE_HOME: path.join(os.tmpdir(), 'tki-rt9b-xdg') } });
  return { status: result.status, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}
const guard = (args: readonly string[], cwd: string): Run => run(process.execPath, [GUARD, ...args], cwd);
const eslint = (args: readonly string[], cwd: string): Run => run(ESLINT, args, cwd);
const statusOf = (result: Run): string => `${result.status}: ${result.stdout}${result.stderr}`.slice(0, 600);

function grantExec(globs: readonly string[]): string {
  return `${JSON.stringify({ grants: [{ files: globs, capabilities: ['EXEC'], reason: 'deploys the build with rsync, from CI only' }] }, null, 2)}\n`;
}

/** A git repository (the policy search stops at its root) with the plugin's recommended config. */
function repository(prefix: string, entries: Readonly<Record<string, string>>): string {
  const dir = scratch(prefix);
  spawnSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
  const all: Record<string, string> = {
    'package.json': '{ "name": "root", "version": "1.0.0" }\n',
    'eslint.config.mjs': `import tki from ${JSON.stringify(PLUGIN)};\n\nexport default [tki.configs.recommended];\n`,
    ...entries,
  };
  for (const [name, text] of Object.entries(all)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** The root policy grants EXEC to the package's file; the package has no policy of its own. */
const grantedPackage = (prefix: string): string =>
  repository(prefix, {
    'tki.policy.json': grantExec(['packages/a/src/deploy.ts']),
    'packages/a/package.json': '{ "name": "a", "version": "1.0.0" }\n',
    'packages/a/src/deploy.ts': EXEC_MODULE,
  });

describe('red team 9b: one file, one verdict, however the run names it', () => {
  beforeAll(() => {
    for (const file of [GUARD, PLUGIN, ESLINT]) if (!existsSync(file)) throw new Error(`${file} is missing: npm run build first`);
  });

  // guard.md: the search starts from the inputs, "never from the working directory". The policy
  // is found from another directory, but the files are named relative to the working directory,
  // so the grant `packages/a/src/deploy.ts` matches nothing there.
  check('absolute-path-from-another-cwd-misses-grants', () => {
    const dir = grantedPackage('tki-rt9b-abs-');
    const elsewhere = scratch('tki-rt9b-cwd-');
    const fromRoot = guard(['packages/a/src'], dir);
    const fromElsewhere = guard([path.join(dir, 'packages/a/src')], elsewhere);
    expect(fromRoot.status, statusOf(fromRoot)).toBe(0);
    expect(fromElsewhere.status, statusOf(fromElsewhere)).toBe(0);
  });

  // A tsconfig in config/ that includes ../src, next to a policy of its own: the guard judges
  // src/deploy.ts under config/tki.policy.json, ESLint (from the file) under the root policy.
  check('tsconfig-beside-a-policy-overrides-the-root-policy', () => {
    const dir = repository('tki-rt9b-sibling-', {
      'tki.policy.json': '{}\n',
      'src/deploy.ts': EXEC_MODULE,
      'config/tsconfig.json': `${JSON.stringify({ compilerOptions: TSCONFIG_OPTIONS, include: ['../src/**/*.ts'] })}\n`,
      'config/tki.policy.json': grantExec(['../src/deploy.ts']),
    });
    const lint = eslint(['src'], dir);
    const whole = guard(['-p', 'config/tsconfig.json'], dir);
    expect(lint.status, statusOf(lint)).toBe(1);
    expect(whole.status, statusOf(whole)).not.toBe(0);
  });

  // A tsconfig outside the repository (a shared CI config) whose include names the repository's
  // files: the search starts at the tsconfig and never reaches the repository's policy.
  check('tsconfig-outside-the-repository-ignores-its-policy', () => {
    const dir = repository('tki-rt9b-outside-', { 'tki.policy.json': grantExec(['src/deploy.ts']), 'src/deploy.ts': EXEC_MODULE });
    const ci = scratch('tki-rt9b-ci-');
    writeFileSync(path.join(ci, 'tsconfig.json'), `${JSON.stringify({ compilerOptions: TSCONFIG_OPTIONS, include: [path.join(dir, 'src/**/*.ts')] })}\n`);
    const lint = eslint(['src'], dir);
    const whole = guard(['-p', path.join(ci, 'tsconfig.json')], dir);
    expect(lint.status, statusOf(lint)).toBe(0);
    expect(whole.status, statusOf(whole)).toBe(lint.status);
  });

  // The package named through a symlink that lives outside the repository (a CI workspace link):
  // both tools search up the link's own path, find no policy and apply the defaults.
  check('symlinked-path-changes-the-verdict', () => {
    const dir = grantedPackage('tki-rt9b-link-');
    const link = path.join(scratch('tki-rt9b-links-'), 'a');
    symlinkSync(path.join(dir, 'packages/a'), link);
    const elsewhere = path.dirname(link);
    const results = {
      guardReal: guard(['packages/a/src'], dir).status,
      guardLink: guard([path.join(link, 'src')], elsewhere).status,
      eslintLink: eslint(['-c', path.join(dir, 'eslint.config.mjs'), path.join(link, 'src')], elsewhere).status,
    };
    expect(results).toEqual({ guardReal: 0, guardLink: 0, eslintLink: 0 });
  });
});

interface Launch {
  status: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** `tki run` on the fixture packet; `during` is called with the launcher's pid once it started. */
function launch(env: NodeJS.ProcessEnv, during: (pid: number) => void): Promise<Launch & { tmp: string }> {
  const tmp = scratch('tki-rt9b-tmpdir-');
  chmodSync(tmp, 0o755); // the sandbox's own uid passes through TMPDIR
  const out = path.join(scratch('tki-rt9b-out-'), 'out');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TKI, 'run', PACKET, '--out', out], { env: { ...process.env, TMPDIR: tmp, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status, ended) => resolve({ status, signal: ended, stderr, tmp }));
    if (child.pid !== undefined) during(child.pid);
  });
}

const DEBUGGER = /Debugger listening on/;

/** A signal to a launcher that may have ended already (then there is nothing to signal). */
function signal(pid: number, name: NodeJS.Signals): void {
  try {
    // tki-allow-next-line no-forbidden-capability -- the red team sends SIGUSR1 to its own launcher child to show whether it opens a debugger
    process.kill(pid, name);
  } catch {
    // ESRCH: the run ended first.
  }
}

describe('red team 9b: the launcher (root, bwrap)', () => {
  beforeAll(() => {
    // A sandbox check that cannot run fails loudly, never passes.
    if (process.getuid?.() !== 0) throw new Error('these checks need root (the launcher as a root operator)');
    if (spawnSync('bwrap', ['--version']).status !== 0) throw new Error('bwrap is missing');
    if (!existsSync(TKI)) throw new Error(`${TKI} is missing: npm run build first`);
  });

  // The fix installs its SIGUSR1 handler when tki's first module runs; before that node's own
  // handler is live, and a debugger opened then stays open for the whole run.
  check('launcher-sigusr1-before-its-handler', async () => {
    const opened: string[] = [];
    for (const delayMs of [10, 40, 80]) {
      const result = await launch({}, (pid) => setTimeout(() => signal(pid, 'SIGUSR1'), delayMs));
      if (DEBUGGER.test(result.stderr)) opened.push(`${delayMs} ms`);
    }
    expect(opened, 'SIGUSR1 at these delays opened a debugger').toEqual([]);
  });

  check('node-options-inspect-reaches-the-launcher', async () => {
    const result = await launch({ NODE_OPTIONS: '--inspect=127.0.0.1:0' }, () => undefined);
    expect(result.stderr).not.toMatch(DEBUGGER);
  });

  // A signal whose default action ends the process (not SIGINT, SIGTERM, SIGHUP or SIGQUIT,
  // which the fix handles), sent while the run is under way, leaves the work directory behind.
  check('unhandled-signals-leave-the-work-directory', async () => {
    const left: string[] = [];
    for (const name of ['SIGUSR2', 'SIGALRM', 'SIGVTALRM', 'SIGPROF'] as const) {
      for (const delayMs of [200, 300, 450]) {
        const result = await launch({}, (pid) => setTimeout(() => signal(pid, name), delayMs));
        if (readdirSync(result.tmp).some((entry) => entry.startsWith('tki-engine-'))) left.push(`${name} at ${delayMs} ms (exit ${String(result.status ?? result.signal)}: ${result.stderr.trim()})`);
      }
    }
    expect(left, 'the work directory stayed after these signals').toEqual([]);
  });
});
