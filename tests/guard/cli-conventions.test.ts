import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIFF_USAGE, USAGE } from '../../guard/cli-args.js';
import { parseCliArgs } from '../../guard/index.js';
import { terminalMessage } from '../../guard/report/text.js';
import { guardFixtures, repoRoot } from './helpers.js';

const cli = path.join(repoRoot, 'dist/guard/cli.js');

function runCli(args: readonly string[], cwd = path.join(guardFixtures, 'clean')): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tki-guard help', () => {
  it('`diff --help` and `help diff` print the diff usage; `help` and `--help` the whole one; exit 0, stdout', () => {
    for (const args of [['diff', '--help'], ['diff', '-h'], ['help', 'diff'], ['diff', 'main', '--format', 'xml', '--help']]) {
      expect({ args, ...runCli(args) }).toEqual({ args, status: 0, stdout: DIFF_USAGE, stderr: '' });
    }
    for (const args of [['help'], ['--help'], ['-h'], ['src', '--frobnicate', '--help']]) {
      expect({ args, ...runCli(args) }).toEqual({ args, status: 0, stdout: USAGE, stderr: '' });
    }
    expect(DIFF_USAGE).toContain('fetch-depth: 0');
    expect(DIFF_USAGE).not.toContain('--baseline');
    for (const text of [USAGE, DIFF_USAGE]) expect(text.split('\n').filter((line) => line.length > 100)).toEqual([]);
  }, 300_000);

  it('an unknown help topic is one usage line, exit 2; a directory named help is ./help', () => {
    expect(runCli(['help', 'frobnicate'])).toEqual({ status: 2, stdout: '', stderr: 'tki-guard: no help on "frobnicate" (tki-guard help, tki-guard help diff)\n' });
    expect(parseCliArgs(['./help'])).toMatchObject({ ok: true, value: { command: 'analyze', input: { kind: 'paths', paths: ['./help'] } } });
  });
});

describe('contradicting options are one usage line, exit 2, never a silent last-wins', () => {
  it.each([
    [['--baseline', 'b.json', '--no-baseline'], '--baseline names a baseline file and --no-baseline ignores it; use one'],
    [['--no-baseline', '--baseline=b.json'], '--baseline names a baseline file and --no-baseline ignores it; use one'],
    [['--update-baseline', '--no-baseline'], '--update-baseline and --no-baseline contradict each other; use one'],
    [['--update-baseline', '--prune-baseline'], '--update-baseline and --prune-baseline contradict each other; use one'],
    [['diff', '--watch'], '--watch does not apply to diff (see tki-guard diff --help)'],
    [['diff', 'main', '--baseline', 'b.json'], '--baseline does not apply to diff (see tki-guard diff --help)'],
  ])('%j', (args, detail) => {
    expect(runCli(args)).toEqual({ status: 2, stdout: '', stderr: `tki-guard: ${detail}\n` });
  });

  it('agreeing ones are fine: a named baseline file to update', () => {
    expect(parseCliArgs(['--baseline', 'b.json', '--update-baseline'])).toMatchObject({ ok: true, value: { baseline: 'b.json', baselineMode: 'update' } });
    expect(parseCliArgs(['--no-baseline', '--no-baseline'])).toMatchObject({ ok: true, value: { baselineMode: 'off' } });
  });
});

describe('messages and errors', () => {
  it('a finding line drops the final period, as ESLint shows the same message; JSON keeps the message whole', () => {
    expect(terminalMessage('`x` reaches EXEC; grant it (`grants`, with a reason).')).toBe('`x` reaches EXEC; grant it (`grants`, with a reason)');
    expect(terminalMessage('ends with a spaced .')).toBe('ends with a spaced .');
    const directory = path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel');
    const text = runCli(['--no-cache', '.'], directory);
    const json = JSON.parse(runCli(['--no-cache', '.', '--format', 'json'], directory).stdout) as { findings: Array<{ message: string }> };
    const first = json.findings[0]?.message ?? '';
    expect(first).toMatch(/\.$/);
    expect(text.stdout).toContain(`  ${first.slice(0, -1)}\n`);
  }, 120_000);

  it('every line of a policy with several problems carries the prefix', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tki-cli-policy-'));
    writeFileSync(path.join(root, 'package.json'), '{}\n');
    writeFileSync(path.join(root, 'a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'tki.policy.json'), '{ "grants": [{ "files": ["a.ts"], "capabilities": ["TELEPORT"], "reason": "x" }] }\n');
    const result = runCli(['--no-cache', '.'], root);
    expect(result.status).toBe(2);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBe(2);
    for (const line of lines) expect(line).toMatch(/^tki-guard: .*tki\.policy\.json:1:\d+: invalid tki policy: /);
  });

  it('diff outside a git repository says so in one line, exit 2', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tki-cli-nogit-'));
    writeFileSync(path.join(root, 'a.ts'), 'export const a = 1;\n');
    const result = runCli(['diff', '--', '.'], root);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `tki-guard: git: ${root} is not inside a git working tree; diff compares with a git revision (run it in the repository's checkout)\n` });
  });
});
