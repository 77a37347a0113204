import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sarifRuleProblems, sarifSchemaErrors } from '../guard/sarif-check.js';
import { startRegistry, type LocalRegistry } from './registry.js';
import { stepsOf, type Step } from './snippets.js';

/**
 * A user's first hour, as CI: the three packages packed, published to a local registry and
 * installed into fresh projects outside the repository by the README's own commands, in a
 * CommonJS project (`npm init -y`) and an ESM one, every snippet run and its findings asserted.
 */
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'tki-install-'));
// A project directory as users have it (mkdtemp makes 0700): run as root, the sandbox reads the
// packet as nobody, and says so in one line when it cannot.
chmodSync(work, 0o755);
const README = path.join(root, 'README.md');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
const INSTALL_DOC = path.join(root, 'docs/install.md');
let registry: LocalRegistry | undefined;

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function userEnv(): NodeJS.ProcessEnv {
  // The registry is the user's configuration, not part of a command. prefer-offline: a package
  // already in npm's cache is not revalidated, which keeps the many installs here within minutes.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    npm_config_registry: registry?.url,
    npm_config_prefer_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // A user's git identity is configuration too (the README commits, as a user would).
  Object.assign(env, { GIT_AUTHOR_NAME: 'A User', GIT_AUTHOR_EMAIL: 'user@example.com', GIT_COMMITTER_NAME: 'A User', GIT_COMMITTER_EMAIL: 'user@example.com' });
  // Nothing of the repository's own npm run may leak into the user's shell.
  for (const name of Object.keys(env)) if (name.startsWith('npm_package_') || name === 'npm_config_local_prefix' || name === 'INIT_CWD') delete env[name];
  return env;
}

const SLOW_STEP_MS = 20_000;

function shell(command: string, cwd: string): Ran {
  const started = Date.now();
  const result = spawnSync('bash', ['-c', command], { cwd, env: userEnv(), encoding: 'utf8', timeout: 300_000 });
  const took = Date.now() - started;
  // Named in the log so that a slow CI run shows which user step was slow.
  if (took > SLOW_STEP_MS) process.stderr.write(`packaging: \`${command}\` took ${Math.round(took / 1000)} s\n`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function freshProject(name: string, moduleType: 'commonjs' | 'module'): string {
  const project = path.join(work, name);
  mkdirSync(project);
  expect(shell('npm init -y', project).status).toBe(0);
  if (moduleType === 'module') expect(shell('npm pkg set type=module', project).status).toBe(0);
  return project;
}

/** Runs the steps in order; a config alternative not chosen for this project is skipped. */
function follow(steps: readonly Step[], project: string, skipFiles: readonly string[]): Array<Step & Ran & { readonly kind: 'command' }> {
  const ran: Array<Step & Ran & { readonly kind: 'command' }> = [];
  for (const step of steps) {
    if (step.kind === 'file') {
      if (skipFiles.includes(step.path)) continue;
      mkdirSync(path.dirname(path.join(project, step.path)), { recursive: true });
      writeFileSync(path.join(project, step.path), step.text);
      continue;
    }
    const result = shell(step.command, project);
    ran.push({ ...step, ...result });
    // No command a user is told to type may print a stack trace, whatever its exit code.
    expect({ command: step.command, trace: /\n\s+at \S+ \(/.test(result.stderr + result.stdout) }).toEqual({ command: step.command, trace: false });
    if (step.exitCode !== undefined) expect({ command: step.command, status: result.status, output: result.status === step.exitCode ? '' : result.stdout + result.stderr }).toEqual({ command: step.command, status: step.exitCode, output: '' });
    else expect({ command: step.command, status: result.status, output: result.status === 0 ? '' : result.stdout + result.stderr }).toEqual({ command: step.command, status: 0, output: '' });
  }
  return ran;
}

function assertReadmeFindings(ran: ReturnType<typeof follow>, project: string): void {
  const [lintBefore, lintAfter] = ran.filter((step) => step.command === 'npx eslint .');
  expect(lintBefore?.stdout).toMatch(/deploy\.ts\n\s+1:10\s+error\s+`execFile` reaches EXEC.*grant EXEC to this file in tki\.policy\.json.*tki\/no-forbidden-capability/);
  expect(lintBefore?.stdout).toContain('1 problem (1 error, 0 warnings)');
  expect(lintAfter?.stdout).toBe('');
  const [guardBefore, guardAfter] = ran.filter((step) => step.command === 'npx tki-guard src');
  expect(guardBefore?.stdout).toContain('src/deploy.ts:1:10  no-forbidden-capability  EXEC');
  expect(guardBefore?.stdout).toContain('tki-guard: 1 finding in 1 module\n');
  expect(guardAfter?.stdout).toBe('tki-guard: no findings in 1 module\n');
  const sarif = JSON.parse(readFileSync(path.join(project, 'tki.sarif'), 'utf8')) as { version: string; runs: Array<{ results: Array<{ ruleId: string }> }> };
  expect(sarif.version).toBe('2.1.0');
  expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toEqual(['no-forbidden-capability']);
  // What the installed package writes validates against SARIF 2.1.0, with help and severity for every rule.
  expect(sarifSchemaErrors(sarif)).toEqual([]);
  expect(sarifRuleProblems(sarif)).toEqual([]);
  const inspect = ran.find((step) => step.command.startsWith('npx tki run'));
  expect(inspect?.stdout).toMatch(/^tki run: READ_LEVEL_FAIL \(exit 1\)/);
  expect(JSON.parse(readFileSync(path.join(project, 'report/report.json'), 'utf8'))).toMatchObject({ final_verdict: 'READ_LEVEL_FAIL' });
  // The cache stays in node_modules, never next to the user's sources.
  expect(existsSync(path.join(project, 'node_modules/.cache/tki/guard-facts'))).toBe(true);
  expect(existsSync(path.join(project, '.tki-cache'))).toBe(false);
}

/** The README's adoption story: a baseline accepts today's finding and fails a new one; the diff names the gain and its path; a fixed finding is removable. */
function assertAdoptionFindings(ran: ReturnType<typeof follow>, project: string): void {
  const after = (command: string, nth = 0): (typeof ran)[number] => {
    const found = ran.filter((step) => step.command === command)[nth];
    if (found === undefined) throw new Error(`the README no longer runs \`${command}\` ${nth + 1} time(s)`);
    return found;
  };
  expect(after('npx tki-guard src --update-baseline').stdout).toBe('tki-guard: no findings in 2 modules (1 in the baseline, baseline updated: tki-baseline.json)\n');
  // Before the grant and the fix: the new finding fails, the known one stays accepted.
  const guardRuns = ran.filter((step) => step.command === 'npx tki-guard src');
  const newFinding = guardRuns[2];
  // `node:net` has pure members (isIP, BlockList): the finding is the member the file imports.
  expect(newFinding?.stdout).toMatch(/^src\/metrics\.ts:1:10  no-forbidden-capability  NETWORK  `connect` reaches NETWORK/);
  expect(newFinding?.stdout).not.toContain('src/notify.ts');
  expect(newFinding?.stdout).toContain('tki-guard: 1 finding in 3 modules (1 in the baseline)\n');
  const [gained, allowed] = ran.filter((step) => step.command === 'npx tki-guard diff -- src');
  expect(gained?.stdout).toMatch(/against [0-9a-f]{12} \(merge base with (?:main|master)\)/);
  expect(gained?.stdout).toContain('  src/metrics.ts  +NETWORK  NOT ALLOWED\n      src/metrics.ts → node:net\n');
  expect(gained?.stdout).toContain('1 gained (1 not allowed by the policy), 0 lost, in 1 module');
  expect(allowed?.stdout).toContain('  src/metrics.ts  +NETWORK  allowed\n      src/metrics.ts → node:net\n');
  expect(guardRuns[3]?.stdout).toBe('tki-guard: no findings in 3 modules (1 in the baseline)\n');
  expect(guardRuns[4]?.stdout).toBe('src/notify.ts  no-forbidden-capability  NETWORK  fixed: 1 baseline entry to remove (--prune-baseline)\ntki-guard: no findings in 3 modules (1 baseline entry to prune)\n');
  expect(after('npx tki-guard src --prune-baseline').stdout).toBe('tki-guard: no findings in 3 modules (baseline pruned: tki-baseline.json)\n');
  expect(JSON.parse(readFileSync(path.join(project, 'tki-baseline.json'), 'utf8'))).toMatchObject({ version: 1, findings: {} });
}

/** `--help` and `--version` of every installed bin and subcommand: to stdout; tki-guard exits 0, tki never does (3). */
function assertInstalledHelp(project: string): void {
  const cases: ReadonlyArray<readonly [string, number, string]> = [
    ['npx tki-guard --help', 0, 'Usage: tki-guard [paths…] [options]'],
    ['npx tki-guard -h', 0, 'Usage: tki-guard [paths…] [options]'],
    ['npx tki-guard diff --help', 0, 'Usage: tki-guard diff [BASE] [paths…] [options]'],
    ['npx tki --help', 3, 'Usage: tki <command>'],
    ['npx tki run --help', 3, 'Usage: tki run '],
    ['npx tki inspect --help', 3, 'Usage: tki inspect '],
    ['npx tki attest -h', 3, 'Usage: tki attest '],
  ];
  for (const [command, status, usage] of cases) {
    const result = shell(command, project);
    expect({ command, status: result.status, stderr: result.stderr, starts: result.stdout.startsWith(usage) }).toEqual({ command, status, stderr: '', starts: true });
    expect({ command, exitCodes: /Exit codes/.test(result.stdout) }).toEqual({ command, exitCodes: true });
  }
  for (const [command, status] of [['npx tki-guard --version', 0], ['npx tki --version', 3], ['npx tki run --version', 3]] as const) {
    expect({ command, ...shell(command, project) }).toEqual({ command, status, stdout: `${version}\n`, stderr: '' });
  }
}

/**
 * `eslint.config.js` in a CommonJS project (the `require` form docs/install.md gives), over every
 * file kind: both tools flag the same line of each TypeScript and JavaScript file, never a `.d.ts`.
 */
function assertEveryFileKind(project: string): void {
  const use = "import { execFile } from 'node:child_process';\n";
  const kinds: Readonly<Record<string, string>> = {
    'kinds/a.ts': `${use}execFile('ls');\n`,
    'kinds/b.mts': `${use}execFile('ls');\n`,
    'kinds/c.cts': `${use}execFile('ls');\n`,
    'kinds/d.tsx': `${use}export const view = <b>{String(execFile('ls'))}</b>;\n`,
    'kinds/e.jsx': `${use}export const view = <b>{String(execFile('ls'))}</b>;\n`,
    'kinds/f.mjs': `${use}execFile('ls');\n`,
    'kinds/g.js': "const { execFile } = require('node:child_process');\nexecFile('ls');\n",
    'kinds/h.cjs': "const { execFile } = require('node:child_process');\nexecFile('ls');\n",
    // The same text as a.ts: reported there, never in a declaration file.
    'kinds/z.d.ts': `${use}execFile('ls');\n`,
  };
  for (const [file, text] of Object.entries(kinds)) {
    mkdirSync(path.dirname(path.join(project, file)), { recursive: true });
    writeFileSync(path.join(project, file), text);
  }
  writeFileSync(path.join(project, 'eslint.config.js'), "const tki = require('eslint-plugin-tki');\n\nmodule.exports = [tki.configure(__filename)];\n");
  const lint = shell('npx eslint --format json kinds', project);
  expect({ status: lint.status, stderr: lint.stderr }).toEqual({ status: 1, stderr: '' });
  const fromEslint = (JSON.parse(lint.stdout) as Array<{ filePath: string; messages: Array<{ line: number; column: number; ruleId: string }> }>)
    .flatMap((result) => result.messages.map((message) => `${path.relative(project, result.filePath)}:${message.line}:${message.column} ${message.ruleId}`))
    .sort();
  const expected = Object.keys(kinds).filter((file) => !file.endsWith('.d.ts')).map((file) => `${file}:1:${/\.c?js$/.test(file) ? 9 : 10} tki/no-forbidden-capability`);
  expect(fromEslint).toEqual(expected);
  const guard = shell('npx tki-guard kinds --format json', project);
  expect(guard.status).toBe(1);
  const fromGuard = (JSON.parse(guard.stdout) as { findings: Array<{ file: string; line: number; column: number; ruleId: string }> }).findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} tki/${finding.ruleId}`).sort();
  expect(fromGuard).toEqual(expected);
  rmSync(path.join(project, 'eslint.config.js'));
}

/** `tki run` from the installed package as an unprivileged operator: the same verdict as root's. */
function assertUnprivilegedRun(project: string): void {
  // Only root can become another user here; a run as any other user is already unprivileged.
  if (process.getuid?.() !== 0) throw new Error('this test needs a root operator to switch to an unprivileged one with setpriv');
  const out = path.join(work, 'report-unprivileged');
  mkdirSync(out);
  chownSync(out, 65534, 65534);
  const result = spawnSync('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', './node_modules/.bin/tki', 'run', 'node_modules/tki/examples/fix7-a', '--out', path.join(out, 'report')], {
    cwd: project,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
    timeout: 300_000,
  });
  expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 1, stderr: '' });
  expect(result.stdout).toMatch(/^tki run: READ_LEVEL_FAIL \(exit 1\)/);
  expect(JSON.parse(readFileSync(path.join(out, 'report/report.json'), 'utf8'))).toMatchObject({ final_verdict: 'READ_LEVEL_FAIL' });
}

beforeAll(async () => {
  const packed = execFileSync(process.execPath, [path.join(root, 'dist/scripts/pack/main.js'), '--out', path.join(work, 'packages')], { cwd: root, encoding: 'utf8' });
  registry = await startRegistry(path.join(work, 'registry'), root);
  for (const tarball of packed.trim().split('\n')) registry.publish(tarball);
}, 300_000);

afterAll(() => {
  registry?.stop();
  rmSync(work, { recursive: true, force: true });
});

// Each project runs ≈ 30 npm/npx commands: ≈ 1 CPU-minute, 2–4 minutes on CI's two quiet cores,
// over 10 minutes on a machine shared by many jobs; the timeout is for a hang, not a speed bar.
describe('the README, word for word, in fresh projects outside the repository', () => {
  const readme = stepsOf(README, 'Three audiences');

  it('a CommonJS project (npm init -y) with eslint.config.mjs', { timeout: 1_200_000 }, () => {
    const project = freshProject('cjs-app', 'commonjs');
    const ran = follow(readme, project, ['eslint.config.cjs']);
    assertReadmeFindings(ran, project);
    assertAdoptionFindings(ran, project);
    // From a subdirectory, the configured policy still applies and nothing crashes.
    expect(shell('npx eslint .', path.join(project, 'src'))).toMatchObject({ status: 0, stderr: '' });
    // tki-guard finds the same policy walking up, and names files from the project root.
    expect(shell('npx tki-guard .', path.join(project, 'src'))).toEqual({ status: 0, stdout: 'tki-guard: no findings in 3 modules\n', stderr: '' });
    assertInstalledHelp(project);
    assertEveryFileKind(project);
    assertUnprivilegedRun(project);
  });

  it('an ESM project ("type": "module") with eslint.config.cjs, then eslint.config.ts', { timeout: 1_200_000 }, () => {
    const project = freshProject('esm-app', 'module');
    const ran = follow(readme, project, ['eslint.config.mjs']);
    assertReadmeFindings(ran, project);
    assertAdoptionFindings(ran, project);

    // docs/install.md: a typed eslint.config.ts, run by ESLint and type-checked by tsc.
    rmSync(path.join(project, 'eslint.config.cjs'));
    const typed = follow(
      stepsOf(INSTALL_DOC, 'The plugin').filter((step) => step.kind === 'file' || step.command.startsWith('npm i')),
      project,
      [],
    );
    expect(typed.map((step) => step.status)).toEqual([0, 0]);
    // configs.recommended reads the project's tki.policy.json (one verdict with the guard): the README's
    // grant covers src/deploy.ts, so a file the policy does not cover shows the config lints TypeScript.
    writeFileSync(path.join(project, 'src', 'ungranted.ts'), "import { execSync } from 'node:child_process';\n\nexport const run = (): Buffer => execSync('true');\n");
    const lint = shell('npx eslint .', project);
    rmSync(path.join(project, 'src', 'ungranted.ts'));
    expect(lint.status).toBe(1);
    expect(lint.stdout).toMatch(/ungranted\.ts\n\s+1:\d+\s+error .*tki\/no-forbidden-capability/);
    expect(lint.stdout).not.toContain('deploy.ts');
    writeFileSync(
      path.join(project, 'config-check.cts'),
      "import { defineConfig } from 'eslint/config';\nimport tki = require('eslint-plugin-tki');\n\nexport = defineConfig(tki.configs.recommended, tki.configure(__filename, { level: 'strict' }));\n",
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { module: 'nodenext', target: 'es2023', strict: true, noEmit: true, skipLibCheck: true, types: ['node'] }, files: ['eslint.config.ts', 'tseslint.config.ts', 'config-check.cts'] }),
    );
    expect(shell('npm i -D @types/node@20', project).status).toBe(0);
    expect(shell('npx tsc -p tsconfig.json', project)).toMatchObject({ status: 0, stdout: '' });
  });

  it('a broken policy: one line per problem at its line:col from both tools, no stack trace', { timeout: 120_000 }, () => {
    const project = path.join(work, 'esm-app');
    // eslint.config.js in a "type": "module" project: the README's ESM config under its plain name.
    writeFileSync(path.join(project, 'eslint.config.js'), "import tki from 'eslint-plugin-tki';\n\nexport default [tki.configure(import.meta.url)];\n");
    rmSync(path.join(project, 'eslint.config.ts'));
    writeFileSync(path.join(project, 'tki.policy.json'), '{\n  "grants": [\n    { "files": ["src/**"], "capabilities": ["TELEPORT"], "reason": "short" },\n  ]\n}\n');
    const lint = shell('npx eslint src', project);
    expect(lint.status).toBe(1);
    expect(lint.stdout).toContain('tki.policy.json:3:77: invalid tki policy: trailing comma (JSON allows none)');
    expect(lint.stdout).not.toMatch(/\n\s+at \S+ \(/);
    const guard = shell('npx tki-guard src', project);
    expect(guard.status).toBe(2);
    expect(guard.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^tki-guard: .*tki\.policy\.json:3:77: invalid tki policy: trailing comma/)]);
    writeFileSync(path.join(project, 'tki.policy.json'), '{\n  "grants": [\n    { "files": ["src/**"], "capabilities": ["TELEPORT"], "reason": "short" }\n  ]\n}\n');
    const schema = shell('npx tki-guard src --format sarif --output broken.sarif', project);
    expect(schema.status).toBe(2);
    const lines = [
      expect.stringMatching(/tki\.policy\.json:3:45: invalid tki policy: grants\.0\.capabilities\.0: /),
      expect.stringMatching(/tki\.policy\.json:3:68: invalid tki policy: grants\.0\.reason: a grant needs a reason/),
    ];
    expect(schema.stderr.trim().split('\n')).toEqual(lines);
    // On exit 2 the SARIF is still written, valid, with the error as a tool execution notification.
    const sarif = JSON.parse(readFileSync(path.join(project, 'broken.sarif'), 'utf8')) as { runs: Array<{ invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications: Array<{ level: string; message: { text: string } }> }> }> };
    expect(sarifSchemaErrors(sarif)).toEqual([]);
    const [invocation] = sarif.runs[0]?.invocations ?? [];
    expect(invocation?.executionSuccessful).toBe(false);
    expect(invocation?.toolExecutionNotifications.map((note) => note.level)).toEqual(['error']);
    expect(invocation?.toolExecutionNotifications[0]?.message.text.split('\n')).toEqual(lines);
  });
});
