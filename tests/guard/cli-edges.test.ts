import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

/** The CLI's edges a new user meets (red team 5): a reader that closes the pipe, `diff --help` (a policy that is a directory: tests/adoption/policy-read.test.ts). */
const work = mkdtempSync(path.join(tmpdir(), 'tki-cli-edges-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const cli = path.join(repoRoot, 'dist/guard/cli.js');

function project(name: string): string {
  const directory = path.join(work, name);
  mkdirSync(path.join(directory, 'src'), { recursive: true });
  writeFileSync(path.join(directory, 'package.json'), '{"name":"edges"}');
  for (let index = 0; index < 40; index += 1) writeFileSync(path.join(directory, `src/f${index}.ts`), "import { execFile } from 'node:child_process';\nexecFile('ls');\n");
  return directory;
}

describe('tki-guard at its edges', () => {
  it('a reader that closed the pipe gets no EPIPE trace, and the exit code stays the verdict', () => {
    const directory = project('pipe');
    for (const reader of ['true', 'head -1']) {
      const run = spawnSync('bash', ['-c', `node ${JSON.stringify(cli)} --no-cache src | ${reader}; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd: directory, encoding: 'utf8' });
      expect({ reader, stderr: run.stderr.replace(/^tki-guard: no tki\.policy\.json found.*\n/, '') }).toEqual({ reader, stderr: 'exit=1\n' });
    }
  });

  it('diff --help lists the --version it accepts', () => {
    const help = spawnSync(process.execPath, [cli, 'diff', '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('  -v, --version               print the version and exit 0\n');
    const version = spawnSync(process.execPath, [cli, 'diff', '--version'], { encoding: 'utf8' });
    expect(version).toMatchObject({ status: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
  });
});
