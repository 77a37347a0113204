import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELP, USAGE } from '../../cli/commands/usage.js';
import { PROBE_IDS } from '../../sandbox/probes/types.js';

/** `tki`'s help text: multi-line, every option of a usage line described, counts from the code. */
const root = path.resolve(import.meta.dirname, '../..');

function tki(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [path.join(root, 'dist/cli/tki.js'), ...args], { encoding: 'utf8' });
}

/** The `--flag`s a usage line names. */
function flagsOf(usage: string): string[] {
  return [...usage.matchAll(/--[a-z][a-z-]*/g)].map((match) => match[0]);
}

describe('tki help text', () => {
  it('bare `tki`: every command’s usage on lines of at most 100 characters, and where the help is (stderr, exit 3)', () => {
    const result = tki([]);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(lines.filter((line) => line.length > 100)).toEqual([]);
    for (const [command, usage] of Object.entries(USAGE)) {
      // A command without options (`tki rebuild-snapshot`) ends its line.
      expect(result.stderr).toMatch(new RegExp(`tki ${command}( |$)`, 'm'));
      for (const flag of flagsOf(usage)) expect({ command, flag, listed: result.stderr.includes(flag) }).toEqual({ command, flag, listed: true });
    }
    expect(result.stderr).toContain('tki --help');
  });

  it('`tki <command> --help` describes every option its usage line names, in one aligned column', () => {
    for (const [command, usage] of Object.entries(USAGE) as Array<[keyof typeof USAGE, string]>) {
      const help = tki([command, '--help']).stdout;
      expect(help).toBe(HELP[command]);
      expect({ command, long: help.split('\n').filter((line) => line.length > 100) }).toEqual({ command, long: [] });
      const options = help.split('\n\nOptions:\n')[1]?.split('\n\n')[0] ?? '';
      const described = options.split('\n').filter((line) => /^ {2}-/.test(line));
      for (const flag of flagsOf(usage)) expect({ command, flag, described: described.some((line) => new RegExp(`(^|\\s)${flag}(\\s|$)`).test(line)) }).toEqual({ command, flag, described: true });
      const columns = new Set(described.map((line) => /^ {2}\S.*?\s{2,}(?=\S)/.exec(line)?.[0].length));
      expect({ command, columns: [...columns] }).toEqual({ command, columns: [32] });
    }
  });

  it('`tki attest --help` says the number of probes the attestation runs', () => {
    const help = tki(['attest', '--help']).stdout;
    expect(help).toContain(`Runs the ${PROBE_IDS.length} attestation probes`);
    expect(help).not.toMatch(/\btwelve\b/);
  });
});
