import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { sarifRuleProblems, sarifSchemaErrors } from '../../guard/sarif-check.js';
import { STACK_LINE, freshProject, packOnce, type Run } from '../red-team-5/project.js';
import { EXEC_MODULE, binIn, files, tempDir } from '../red-team-6/projects.js';
import { ESLINT_CONFIG, runFor } from '../red-team-7/projects.js';
import { OPEN_TODAY } from './open-today.js';
import { NETWORK_MODULE, branchWith, execGrant, repository } from './projects.js';

/**
 * Red team 9: a new user adopts tki outside the repository with the packed packages (one packing,
 * one install; every other project links that install's node_modules). Focus: the policy search
 * past nested package roots (one file, one verdict, whatever the working directory), grant globs
 * and the dead-grant warning, baselines on partial runs, suppressions in both tools, SARIF on
 * every exit, the policy's JSON Schema against the tools, the diff's pull-request table, and the
 * installed inspector as an unprivileged user. Each check asserts the CORRECT behaviour; a check
 * whose key is in open-today.ts must still fail (the list can only shrink).
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
  installed = freshProject([tarballs.plugin, tarballs.guard, tarballs.tki]);
  cacheHome = tempDir('tki-rt9-xdg-');
}, 600_000);

const bin = (name: string): string => path.join(installed, 'node_modules/.bin', name);
const guard = (args: readonly string[], cwd: string): Run & { timedOut: boolean } => runFor(bin('tki-guard'), args, cwd, 120_000, { XDG_CACHE_HOME: cacheHome });
const eslint = (args: readonly string[], cwd: string): Run => binIn(installed, 'eslint', args, cwd);
const noStack = (run: Run): void => expect(`${run.stdout}\n${run.stderr}`).not.toMatch(STACK_LINE);
const DEAD_GRANT = /matches no file of this run/;

describe('red team 9: the policy search (one file, one verdict, whatever the working directory)', () => {
  // The root policy does not ignore packages/a, which has a policy of its own granting EXEC.
  // docs/guard.md: "`cd packages/app && npx tki-guard src` and `npx tki-guard packages/app/src`
  // give one verdict". Today the root run uses the root policy, the package run its own.
  check('nested-policy-verdict-depends-on-cwd', () => {
    const dir = repository(installed, 'tki-rt9-nested-', {
      'eslint.config.mjs': ESLINT_CONFIG,
      'tki.policy.json': '{}\n',
      'packages/a/package.json': '{ "name": "a", "version": "1.0.0" }\n',
      'packages/a/src/deploy.ts': EXEC_MODULE,
      'packages/a/tki.policy.json': execGrant(['src/deploy.ts']),
    });
    const pkg = path.join(dir, 'packages/a');
    const statuses = {
      guardFromRoot: guard(['packages/a/src'], dir).status,
      guardFromPackage: guard(['src'], pkg).status,
      eslintFromRoot: eslint(['packages/a'], dir).status,
      eslintFromPackage: eslint(['-c', '../../eslint.config.mjs', '.'], pkg).status,
    };
    expect(new Set(Object.values(statuses)).size, JSON.stringify(statuses)).toBe(1);
  });

  // docs/guard.md: a policy whose `ignore` covers a nested package root "does not govern that
  // package: it is a separate project with its own policy or the defaults". From the root the
  // package's files vanish (0 modules, exit 0); from inside it the defaults find EXEC.
  check('disowned-package-verdict-depends-on-cwd', () => {
    const dir = repository(installed, 'tki-rt9-disowned-', {
      'tki.policy.json': '{ "ignore": ["packages/a/**"] }\n',
      'packages/a/package.json': '{ "name": "a", "version": "1.0.0" }\n',
      'packages/a/src/deploy.ts': EXEC_MODULE,
    });
    const fromRoot = guard(['packages/a/src'], dir);
    const fromPackage = guard(['src'], path.join(dir, 'packages/a'));
    expect({ fromRoot: fromRoot.status, fromPackage: fromPackage.status }).toEqual({ fromRoot: 1, fromPackage: 1 });
  });

  // A monorepo whose only policy lives in the app: CI at the root runs `npx tki-guard apps/web/src`.
  // The search starts at the working directory, not at the inputs, so the app's grant is missed.
  check('policy-search-starts-at-cwd-not-inputs', () => {
    const dir = repository(installed, 'tki-rt9-mono-', {
      'apps/web/package.json': '{ "name": "web", "version": "1.0.0" }\n',
      'apps/web/src/deploy.ts': EXEC_MODULE,
      'apps/web/tki.policy.json': execGrant(['src/deploy.ts']),
    });
    writeFileSync(path.join(dir, 'package.json'), '{ "name": "mono", "private": true, "workspaces": ["apps/*"] }\n');
    const fromRoot = guard(['apps/web/src'], dir);
    const fromApp = guard(['src'], path.join(dir, 'apps/web'));
    expect({ fromRoot: fromRoot.status, fromApp: fromApp.status }).toEqual({ fromRoot: 0, fromApp: 0 });
  });

  // Regression (works today): an editor's ESLint server runs in its own directory and passes the
  // workspace as `cwd`; the recommended config finds the policy from that cwd.
  check('eslint-api-cwd-finds-policy', () => {
    const dir = repository(installed, 'tki-rt9-api-', {
      'eslint.config.mjs': ESLINT_CONFIG,
      'src/deploy.ts': EXEC_MODULE,
      'tki.policy.json': execGrant(['src/deploy.ts']),
      'src/other.ts': EXEC_MODULE,
    });
    const script = `const { ESLint } = require(${JSON.stringify(path.join(installed, 'node_modules/eslint'))});
new ESLint({ cwd: ${JSON.stringify(dir)} }).lintFiles(['src']).then((results) => {
  for (const r of results) for (const m of r.messages) console.log(require('node:path').relative(${JSON.stringify(dir)}, r.filePath) + ':' + m.line + ':' + m.column + ' ' + m.ruleId);
});`;
    const run = runFor(process.execPath, ['-e', script], '/');
    noStack(run);
    expect(run.stdout.trim().split('\n')).toEqual(['src/other.ts:1:10 tki/no-forbidden-capability']);
  });
});

describe('red team 9: grant globs as people write them', () => {
  // Regression (works today): each glob grants in both tools, or in neither and the guard names it.
  check('grant-globs-one-verdict-or-warned', () => {
    const dir = repository(installed, 'tki-rt9-globs-', { 'eslint.config.mjs': ESLINT_CONFIG, 'src/deploy.ts': EXEC_MODULE });
    for (const glob of ['.\\src\\deploy.ts', 'src//deploy.ts', 'src/', 'src/{deploy,x}.ts']) {
      writeFileSync(path.join(dir, 'tki.policy.json'), execGrant([glob]));
      const cli = guard(['src'], dir);
      const lint = eslint(['src'], dir);
      const seen = { glob, guard: cli.status, eslint: lint.status, warned: DEAD_GRANT.test(cli.stderr) };
      expect(seen).toEqual({ ...seen, eslint: cli.status, warned: cli.status === 1 });
    }
  });

  // Regression (works today): a key written twice anywhere (inside a grant, or spelled with a JSON
  // escape) is an error at the second, in both tools.
  check('policy-duplicate-keys-anywhere', () => {
    const dir = repository(installed, 'tki-rt9-dup-', { 'eslint.config.mjs': ESLINT_CONFIG, 'src/deploy.ts': EXEC_MODULE });
    const grant = '{ "files": ["src/deploy.ts"], "capabilities": ["EXEC"], "reason": "deploys the build with rsync" }';
    const cases = [
      { text: `{ "grants": [{ "files": ["x"], ${grant.slice(2)}] }\n`, at: '1:32', key: 'files' },
      { text: `{ "grants": [],\n  "\\u0067rants": [${grant}] }\n`, at: '2:3', key: 'grants' },
    ];
    for (const { text, at, key } of cases) {
      writeFileSync(path.join(dir, 'tki.policy.json'), text);
      const cli = guard(['src'], dir);
      const lint = eslint(['src'], dir);
      const line = `tki.policy.json:${at}: invalid tki policy: duplicate key "${key}"`;
      expect({ status: cli.status, guard: cli.stderr.includes(line), eslint: lint.stdout.includes(line) }).toEqual({ status: 2, guard: true, eslint: true });
    }
  });
});

describe('red team 9: baselines', () => {
  const baselined = (): string => {
    const dir = repository(installed, 'tki-rt9-base-', { 'tki.policy.json': '{}\n', 'src/a/deploy.ts': EXEC_MODULE, 'src/b/net.ts': NETWORK_MODULE });
    expect(guard(['src', '--update-baseline'], dir).status).toBe(0);
    return dir;
  };

  // A run over part of the project (a pre-commit hook, `cd src/a && npx tki-guard .`) is
  // legitimate (docs/install.md says so of grants). Today the baseline entries of the files it did
  // not analyze are "fixed" (exit 1), and --prune-baseline on the subset deletes them.
  check('baseline-partial-run-fails-and-prunes-others', () => {
    const dir = baselined();
    const partial = guard(['src/a'], dir);
    expect({ status: partial.status, stdout: partial.stdout }).toMatchObject({ status: 0 });
    guard(['src/a', '--prune-baseline'], dir);
    expect(readFileSync(path.join(dir, 'tki-baseline.json'), 'utf8')).toContain('src/b/net.ts');
  });

  // CI runs `--level strict` and wrote the baseline; a developer runs the default level. The
  // strict-only entries are not "fixed", their rule did not run: today exit 1, and a prune deletes them.
  check('baseline-other-level-entries-fixed', () => {
    const dir = repository(installed, 'tki-rt9-baselevel-', { 'tki.policy.json': '{}\n', 'src/stop.ts': 'export const stop = (): never => process.exit(0);\n' });
    expect(guard(['src', '--level', 'strict', '--update-baseline'], dir).status).toBe(0);
    const recommended = guard(['src'], dir);
    expect({ status: recommended.status, stdout: recommended.stdout }).toMatchObject({ status: 0 });
  });

  // Regression (works today): the baseline is the project root's, from any sub-directory.
  check('baseline-same-from-subfolder', () => {
    const dir = baselined();
    const run = guard(['.'], path.join(dir, 'src'));
    expect({ status: run.status, stderr: run.stderr }).toMatchObject({ status: 0 });
    expect(run.stdout).toContain('2 in the baseline');
  });
});

describe('red team 9: suppressions and SARIF', () => {
  // Regression (works today): a block comment, a comment inside JSX and a transitive suppression
  // give the same findings and the same unused-suppression notes in ESLint and the guard.
  check('suppressions-one-verdict', () => {
    const dir = repository(installed, 'tki-rt9-sup-', {
      'eslint.config.mjs': ESLINT_CONFIG,
      'tki.policy.json': '{}\n',
      'src/deploy.ts': `// tki-allow-next-line no-forbidden-capability EXEC -- deploys with rsync from CI only\n${EXEC_MODULE}`,
      'src/main.ts': "// tki-allow-next-line transitive-capability EXEC -- the deploy step, reviewed in #12\nimport { deploy } from './deploy.js';\n\nexport const main = (): void => deploy();\n",
      'src/multi.ts': "/* tki-allow-next-line no-forbidden-capability -- lists files at start-up only */\nimport {\n  execFileSync,\n} from 'node:child_process';\n\nexport const list = (): Buffer => execFileSync('ls');\n",
      'src/view.tsx': "import { spawn } from 'node:child_process';\n\nexport const View = () => (\n  <div>\n    {/* tki-allow-next-line no-forbidden-capability EXEC -- the button spawns the helper */}\n    <button onClick={() => spawn('x')} />\n  </div>\n);\n",
    });
    const cli = guard(['src'], dir);
    const lint = eslint(['src', '--format', 'json'], dir);
    const fromGuard = [...cli.stdout.matchAll(/^(src\/\S+?):(\d+):(\d+)\s/gm)].map((m) => `${m[1]}:${m[2]}:${m[3]}`).sort();
    const results = JSON.parse(lint.stdout) as Array<{ filePath: string; messages: Array<{ line: number; column: number }> }>;
    const fromEslint = results.flatMap((r) => r.messages.map((m) => `${path.relative(dir, r.filePath)}:${m.line}:${m.column}`)).sort();
    expect(fromGuard).toEqual(['src/multi.ts:1:1', 'src/multi.ts:3:3', 'src/view.tsx:1:10', 'src/view.tsx:5:6']);
    expect(fromEslint).toEqual(fromGuard);
    expect(cli.stdout).toContain('(2 suppressed)');
  });

  // Regression (works today): SARIF is written and valid on exit 1 (baselined and suppressed
  // results included) and on every exit 2, where it carries the error as a notification.
  check('sarif-valid-on-every-exit', () => {
    const dir = repository(installed, 'tki-rt9-sarif-', {
      'tki.policy.json': '{}\n',
      'src/deploy.ts': `// tki-allow-next-line no-forbidden-capability EXEC -- deploys with rsync from CI only\n${EXEC_MODULE}`,
      'src/net.ts': NETWORK_MODULE,
    });
    guard(['src', '--update-baseline'], dir);
    files(dir, { 'src/exec.ts': EXEC_MODULE });
    const sarif = (args: readonly string[]): { status: number | null; log: { runs: Array<{ results: unknown[]; invocations?: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }> }> } } => {
      const out = path.join(dir, `out-${args.length}-${Math.random().toString(36).slice(2)}.sarif`);
      const run = guard([...args, '--format', 'sarif', '--output', out], dir);
      noStack(run);
      return { status: run.status, log: JSON.parse(readFileSync(out, 'utf8')) };
    };
    const findings = sarif(['src']);
    expect(findings.status).toBe(1);
    expect(sarifSchemaErrors(findings.log)).toEqual([]);
    expect(sarifRuleProblems(findings.log)).toEqual([]);
    expect(findings.log.runs[0]?.results.length).toBe(3);
    for (const args of [['src', '--bogus'], ['src', '--baseline', 'missing.json'], ['src', '--policy', 'nope.json'], ['nosuch']]) {
      const failed = sarif(args);
      expect({ args, status: failed.status, schema: sarifSchemaErrors(failed.log) }).toEqual({ args, status: 2, schema: [] });
      expect(failed.log.runs[0]?.invocations?.[0]?.executionSuccessful).toBe(false);
      expect(failed.log.runs[0]?.invocations?.[0]?.toolExecutionNotifications?.length).toBe(1);
    }
  });
});

describe('red team 9: the policy JSON Schema against the tools', () => {
  const schema = (): object => JSON.parse(readFileSync(path.join(installed, 'node_modules/tki-guard/schema/tki.policy.schema.json'), 'utf8')) as object;
  const grant = (fields: Record<string, unknown>): string => JSON.stringify({ grants: [{ files: ['src/deploy.ts'], capabilities: ['EXEC'], reason: 'deploys the build with rsync', ...fields }] });

  // Regression (works today): what the schema accepts, the guard accepts, and the other way round.
  check('policy-schema-agrees-with-guard', () => {
    const validate = new Ajv.default({ strict: false, allErrors: true }).compile(schema());
    const dir = repository(installed, 'tki-rt9-schema-', { 'src/deploy.ts': EXEC_MODULE });
    const policies = [
      grant({}),
      `{ "$schema": "./node_modules/tki-guard/schema/tki.policy.schema.json", ${grant({}).slice(1)}`,
      grant({ reason: 'short' }),
      grant({ files: [] }),
      grant({ capabilities: ['exec'] }),
      '{ "packages": { "allow": ["zod"] } }',
      '{ "allowedActions": {} }',
    ];
    for (const text of policies) {
      writeFileSync(path.join(dir, 'tki.policy.json'), text);
      const run = guard(['src'], dir);
      expect({ text, schemaValid: validate(JSON.parse(text)) }).toEqual({ text, schemaValid: run.status !== 2 });
    }
  });

  // docs/eslint-plugin.md: "The reason is required (10+ characters)", "a reason a reviewer can read".
  check('blank-grant-reason-accepted', () => {
    const dir = repository(installed, 'tki-rt9-blank-', { 'src/deploy.ts': EXEC_MODULE, 'tki.policy.json': execGrant(['src/deploy.ts'], ' '.repeat(12)) });
    const run = guard(['src'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/tki\.policy\.json:\d+:\d+: invalid tki policy: grants\.0\.reason/);
  });
});

describe('red team 9: diff and error lines', () => {
  // Regression (works today): the diff from a sub-folder, with an untracked new file.
  check('diff-from-subfolder-with-untracked-file', () => {
    const dir = repository(installed, 'tki-rt9-diffsub-', { '.gitignore': 'node_modules\n', 'tki.policy.json': '{}\n', 'src/net.ts': 'export const ping = (): number => 1;\n' });
    branchWith(dir, { 'src/net.ts': NETWORK_MODULE, 'src/new.ts': NETWORK_MODULE });
    const run = guard(['diff', 'main', '.'], path.join(dir, 'src'));
    noStack(run);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/src\/net\.ts\s+\+NETWORK\s+NOT ALLOWED/);
    expect(run.stdout).toMatch(/src\/new\.ts\s+\+NETWORK\s+NOT ALLOWED/);
  });

  // The pull-request table must name the file that exists (a backtick needs a longer code span).
  check('diff-markdown-renames-backtick-file', () => {
    const dir = repository(installed, 'tki-rt9-diffmd-', { '.gitignore': 'node_modules\n', 'tki.policy.json': '{}\n', 'src/keep.ts': 'export const one = 1;\n' });
    branchWith(dir, { 'src/x`y.ts': NETWORK_MODULE, 'src/a|b.ts': NETWORK_MODULE });
    const run = guard(['diff', 'main', 'src', '--format', 'markdown'], dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('src/a\\|b.ts');
    expect(run.stdout).not.toContain("src/x'y.ts");
    expect(run.stdout).toContain('x`y.ts');
  });

  // docs/guard.md: "one line on stderr (`tki-guard: file:line:col: …`)".
  check('tsconfig-error-not-file-line-col', () => {
    const dir = repository(installed, 'tki-rt9-tsconfig-', { 'src/a.ts': 'export const one = 1;\n', 'tsconfig.json': '{ "compilerOptions": { "strict": tru } }\n' });
    const run = guard([], dir);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^tki-guard: \S*tsconfig\.json:1:34: /);
  });

  // Regression (works today): the installed tki as an unprivileged user who cannot write the
  // package: rebuild-snapshot is one line and exit 3; run still reaches its verdict.
  check('tki-snapshot-unprivileged', () => {
    chmodSync(installed, 0o755);
    const out = tempDir('tki-rt9-nobody-');
    runFor('chown', ['65534:65534', out], out);
    const asNobody = (args: readonly string[]): Run => runFor('setpriv', ['--reuid', '65534', '--regid', '65534', '--clear-groups', bin('tki'), ...args], out, 180_000);
    const rebuild = asNobody(['rebuild-snapshot']);
    expect(rebuild.status).toBe(3);
    expect(rebuild.stderr.trim().split('\n')).toHaveLength(1);
    expect(rebuild.stderr).toMatch(/^tki rebuild-snapshot: /);
    const run = asNobody(['run', '--verbose', path.join(installed, 'node_modules/tki/examples/fix7-a'), '--out', path.join(out, 'report')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/start-up: /);
    expect(run.stdout).toContain('READ_LEVEL_FAIL');
  });
});
