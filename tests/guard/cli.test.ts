import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GUARD_VERSION, parseCliArgs } from '../../guard/index.js';
import { guardFixtures, repoRoot } from './helpers.js';

/** The built CLI (npm test builds before it runs the unit tests). */
const cli = path.join(repoRoot, 'dist/guard/cli.js');

function runCli(args: readonly string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [cli, '--no-cache', ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('tki-guard CLI', () => {
  it('is built', () => {
    expect(existsSync(cli), 'run `npm run build` first').toBe(true);
  });

  it('exits 0 on a clean project and prints a summary', () => {
    const result = runCli([], path.join(guardFixtures, 'clean'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/no findings in 4 modules/);
    expect(result.stderr).toBe('');
  });

  it('exits 1 with file:line:col  rule  capability  message lines and the witness path', () => {
    const result = runCli(['.'], path.join(repoRoot, 'fixtures/evasions/cross-module/laundering-barrel'));
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('entry.ts:1:1  transitive-capability  NETWORK  ');
    // Without a policy file the project root is the package root (fixtures/package.json), so paths start there.
    expect(result.stdout).toContain('    evasions/cross-module/laundering-barrel/entry.ts → evasions/cross-module/laundering-barrel/lib/index.ts → evasions/cross-module/laundering-barrel/lib/sockets.ts → node:net');
  });

  it.each([
    ['a broken tsconfig', 'broken-tsconfig', [], /tsconfig\.json:3:3: /],
    ['an unparsable file', 'unparsable', ['.'], /^tki-guard: src\/broken\.ts:3:1: cannot parse: /],
    ['a broken policy', 'broken-policy', ['.'], /tki\.policy\.json:2:25: invalid tki policy: packages\.deny/],
    ['a missing tsconfig', 'unparsable', [], /tsconfig\.json: no such file; name what to analyze \(tki-guard src\) or a tsconfig \(tki-guard -p FILE\)$/m],
    ['an unknown option', 'clean', ['--frobnicate'], /unknown option --frobnicate/],
    ['an unknown format', 'clean', ['--format', 'xml'], /unknown format "xml"/],
  ] as const)('exits 2 with one clear line on %s', (_name, fixture, args, pattern) => {
    const result = runCli(args, path.join(guardFixtures, fixture));
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(pattern);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes --output and keeps stdout empty', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const output = path.join(mkdtempSync(path.join(tmpdir(), 'tki-guard-out-')), 'report.json');
    const result = runCli(['--format', 'json', '--output', output], path.join(guardFixtures, 'clean'));
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(JSON.parse(readFileSync(output, 'utf8'))).toMatchObject({ findings: [] });
  });

  it('prints no progress when stderr is not a terminal', () => {
    expect(runCli(['.'], path.join(guardFixtures, 'planted')).stderr).toBe('');
  });

  it('parses paths, --project and --format=value', () => {
    expect(parseCliArgs(['a.ts', 'lib'])).toMatchObject({ ok: true, value: { input: { kind: 'paths', paths: ['a.ts', 'lib'] } } });
    expect(parseCliArgs(['--project', 'x/tsconfig.json', '--format=sarif', '--deps'])).toMatchObject({
      ok: true,
      value: { input: { kind: 'project', tsconfig: 'x/tsconfig.json' }, format: 'sarif', deps: true },
    });
    expect(parseCliArgs(['--output'])).toMatchObject({ ok: false, error: { code: 'usage/missing_value' } });
  });

  it('has the version of package.json (part of the cache key)', () => {
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(GUARD_VERSION).toBe(manifest.version);
  });
});
