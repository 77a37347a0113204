import { spawnSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TKI_VERSION } from '../../cli/commands/usage.js';
import { unsupportedPlatformLine } from '../../cli/platform.js';
import { PLUGIN_VERSION } from '../../eslint-plugin-tki/version.js';
import { GUARD_VERSION } from '../../guard/version.js';

const root = path.resolve(import.meta.dirname, '../..');
const version = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

function run(bin: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(root, bin), ...args], { cwd: root, encoding: 'utf8' });
}

describe('--help and --version on every bin and subcommand', () => {
  it('tki: help to stdout with the commands and exit codes, exit 3 (tki never exits 0)', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const result = run('dist/cli/tki.js', [flag]);
      expect({ flag, status: result.status, stderr: result.stderr }).toEqual({ flag, status: 3, stderr: '' });
      expect(result.stdout).toMatch(/^Usage: tki <command>/);
      expect(result.stdout).toContain('Exit codes (never 0):');
      expect(result.stdout.split('\n').every((line) => line.length <= 100)).toBe(true);
    }
  });

  it('tki <command> --help: that command, exit 3, whatever else is on the line', () => {
    for (const command of ['run', 'inspect', 'attest']) {
      for (const args of [[command, '--help'], [command, '-h'], [command, 'x', '--out', 'y', '--help']]) {
        const result = run('dist/cli/tki.js', args);
        expect({ args, status: result.status, stderr: result.stderr }).toEqual({ args, status: 3, stderr: '' });
        expect(result.stdout).toMatch(new RegExp(`^Usage: tki ${command} `));
        expect(result.stdout).toContain('Exit codes');
      }
    }
  });

  it('tki --version and tki <command> --version print the package version, exit 3', () => {
    for (const args of [['--version'], ['-v'], ['run', '--version'], ['attest', '-v']]) {
      const result = run('dist/cli/tki.js', args);
      expect({ args, status: result.status, stdout: result.stdout }).toEqual({ args, status: 3, stdout: `${version}\n` });
    }
  });

  it('tki-guard: help with short flags and exit codes, and the version, to stdout with exit 0', () => {
    for (const flag of ['--help', '-h']) {
      const result = run('dist/guard/cli.js', [flag]);
      expect({ status: result.status, stderr: result.stderr }).toEqual({ status: 0, stderr: '' });
      for (const expected of ['-p, --project', '-f, --format', '-o, --output', '-j, --jobs', '--cache-location', 'Exit codes:']) expect(result.stdout).toContain(expected);
    }
    for (const flag of ['--version', '-v']) expect(run('dist/guard/cli.js', [flag])).toMatchObject({ status: 0, stdout: `${version}\n` });
  });

  it('an unknown command points at --help in one line', () => {
    const result = run('dist/cli/tki.js', ['frobnicate']);
    expect(result.status).toBe(3);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('tki --help');
  });

  it('the three packages carry one version: the root package.json', () => {
    expect([TKI_VERSION, GUARD_VERSION, PLUGIN_VERSION]).toEqual([version, version, version]);
  });
});

describe('in the clone', () => {
  it('npm ci links tki and tki-guard into node_modules/.bin, so `npx tki` runs the build instead of reinstalling the clone', () => {
    expect(realpathSync(path.join(root, 'node_modules/.bin/tki'))).toBe(path.join(root, 'dist/cli/tki.js'));
    expect(realpathSync(path.join(root, 'node_modules/.bin/tki-guard'))).toBe(path.join(root, 'dist/guard/cli.js'));
    const result = spawnSync('npx', ['--no-install', 'tki', '--version'], { cwd: root, encoding: 'utf8' });
    expect({ status: result.status, stdout: result.stdout }).toEqual({ status: 3, stdout: `${version}\n` });
  });
});

describe('platforms', () => {
  it('the inspector refuses in one line outside Linux x64; plugin and guard are not limited', () => {
    expect(unsupportedPlatformLine('linux', 'x64')).toBeUndefined();
    expect(unsupportedPlatformLine('darwin', 'arm64')).toBe('tki: the inspector and its sandbox run on Linux x64 only (this is darwin-arm64); eslint-plugin-tki and tki-guard work on every platform');
    expect(unsupportedPlatformLine('linux', 'arm64')).toContain('linux-arm64');
    expect(unsupportedPlatformLine('win32', 'x64')).toContain('win32-x64');
  });
});
