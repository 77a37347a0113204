import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArgs, type CliOptions } from '../../guard/index.js';
import { diffAgainst } from '../../guard/diff/command.js';
import { DIFF_RENDERERS } from '../../guard/diff/render.js';
import { repoRoot } from './helpers.js';

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function write(root: string, files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
}

/** A repository on `main` with a file-reading module granted FILES_READ, then a `feature` branch. */
function repository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tki-diff-'));
  git(root, 'init', '-q', '-b', 'main');
  git(root, 'config', 'user.email', 'test@example.invalid');
  git(root, 'config', 'user.name', 'test');
  write(root, {
    'package.json': '{ "name": "demo-app", "type": "module" }\n',
    'tsconfig.json': '{ "compilerOptions": { "module": "nodenext", "strict": true }, "include": ["src"] }\n',
    'tki.policy.json': '{ "grants": [{ "files": ["src/files.ts"], "capabilities": ["FILES_READ"], "reason": "the config loader reads files" }] }\n',
    'src/files.ts': "import { readFileSync } from 'node:fs';\nexport const load = (file: string): string => readFileSync(file, 'utf8');\n",
    'src/spawn.ts': "import { execFile } from 'node:child_process';\nexport const run = execFile;\n",
    'src/main.ts': "import { load } from './files.js';\nexport const main = (): string => load('config.json');\n",
  });
  git(root, 'add', '-A');
  git(root, 'commit', '-qm', 'base');
  git(root, 'checkout', '-qb', 'feature');
  return root;
}

const options = (...argv: string[]): CliOptions => {
  const parsed = parseCliArgs(['diff', '--no-cache', '--no-depcruise', ...argv]);
  if (!parsed.ok) throw new Error(parsed.error.code);
  return parsed.value;
};

async function diffIn(root: string, ...argv: string[]) {
  const result = await diffAgainst(options(...argv), root);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value.report;
}

describe('tki-guard diff', () => {
  it('names a gained capability with its witness path, per module and per package, and says it is not allowed', async () => {
    const root = repository();
    write(root, {
      'src/net.ts': "import { request } from 'node:https';\nexport const send = (): unknown => request('https://metrics.invalid');\n",
      'src/main.ts': "import { load } from './files.js';\nimport { send } from './net.js';\nexport const main = (): string => { send(); return load('config.json'); };\n",
    });
    git(root, 'rm', '-q', 'src/spawn.ts');
    const report = await diffIn(root);
    expect(report.base.label).toBe('merge base with main');
    expect(report.base.commit).toBe(git(root, 'rev-parse', 'main'));
    expect(report.diff.modules).toEqual([
      { name: 'src/main.ts', gained: [{ capability: 'NETWORK', witness: ['src/main.ts', 'src/net.ts', 'node:https'], held: false }], lost: [] },
      { name: 'src/net.ts', gained: [{ capability: 'NETWORK', witness: ['src/net.ts', 'node:https'], held: false }], lost: [] },
      { name: 'src/spawn.ts', gained: [], lost: [{ capability: 'EXEC', witness: ['src/spawn.ts', 'node:child_process'], held: false }] },
    ]);
    expect(report.diff.packages).toEqual([
      { name: 'demo-app', gained: [{ capability: 'NETWORK', witness: ['src/main.ts', 'src/net.ts', 'node:https'], held: false }], lost: [{ capability: 'EXEC', witness: ['src/spawn.ts', 'node:child_process'], held: false }] },
    ]);
    expect(report.diff.disallowed).toBe(2);
    const markdown = DIFF_RENDERERS.markdown(report);
    expect(markdown).toContain('| ⛔ **gained, not allowed** | `src/main.ts` | NETWORK | `src/main.ts → src/net.ts → node:https` |');
    expect(markdown).toContain('| ➖ lost | `src/spawn.ts` | EXEC |');
    expect(JSON.parse(DIFF_RENDERERS.json(report))).toMatchObject({ disallowed: 2, base: { label: 'merge base with main' } });
    expect(DIFF_RENDERERS.text(report)).toContain('  src/net.ts  +NETWORK  NOT ALLOWED\n      src/net.ts → node:https\n');
  });

  it('allows a gain the working tree grants, judging BASE under the same policy', async () => {
    const root = repository();
    write(root, {
      'tki.policy.json': '{ "grants": [{ "files": ["src/files.ts"], "capabilities": ["FILES_READ", "ENV"], "reason": "the config loader reads files and its env" }] }\n',
      'src/files.ts': "import { readFileSync } from 'node:fs';\nexport const load = (file: string): string => readFileSync(process.env.CONFIG_DIR + file, 'utf8');\n",
    });
    const report = await diffIn(root, 'main');
    expect(report.base.label).toBe('main');
    // A held member capability has no finding to take a sink from: the witness names the module (docs/guard.md#capability-diff).
    expect(report.diff.modules).toEqual([{ name: 'src/files.ts', gained: [{ capability: 'ENV', witness: ['src/files.ts', 'ENV (used in this module)'], held: true }], lost: [] }]);
    expect(report.diff.disallowed).toBe(0);
  });

  it('exits 1 on a disallowed gain, 0 without one, 2 with one line on an unknown revision', () => {
    const root = repository();
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'dist/guard/cli.js'), 'diff', ...args, '--no-cache'], { cwd: root, encoding: 'utf8' });
    expect(cli().status).toBe(0);
    write(root, { 'src/main.ts': "export { request } from 'node:http';\n" });
    const gained = cli('--format', 'markdown');
    expect(gained.status).toBe(1);
    expect(gained.stdout).toContain('`src/main.ts → node:http`');
    const unknown = cli('no-such-revision');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe('tki-guard: git: unknown revision "no-such-revision"\n');
  }, 240_000);
});
