import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The shell facts choice 78 rests on, run here (Debian: /bin/sh is dash) rather than assumed: each
// look-alike of launch-shell-lookalikes-18l.test.ts starts no Node under dash, each twin does. `JOB`
// stands for a file that prints a marker when Node runs it.
const folder = mkdtempSync(path.join(tmpdir(), 'tki-18l-'));
const job = path.join(folder, 'job.cjs');
writeFileSync(job, "console.log('rt18l-node-ran');\n");
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function nodeRuns(shell: string, line: string): boolean {
  let output = '';
  try {
    output = execFileSync(shell, ['-c', line.replaceAll('JOB', job)], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch (error) {
    output = String((error as { stdout?: unknown }).stdout ?? '');
  }
  return output.includes('rt18l-node-ran');
}

const haveShells = existsSync('/bin/dash') && existsSync('/bin/bash');

describe.skipIf(!haveShells)('dash and bash agree with the reader', () => {
  const lookalikes = [
    '"n\\ode" JOB',
    "'no\\\nde' JOB",
    '"NODE_OPTIONS=--require JOB" node JOB',
    'node() { echo x; }; node JOB',
    'node ()\n{\n echo x\n}\nnode JOB',
    'trap "node JOB" EXIT; trap - EXIT',
    'trap "node JOB" EXIT INT; trap 0 INT',
    'command -v node >/dev/null && echo ok',
  ];
  for (const line of lookalikes) {
    it(`no Node: ${JSON.stringify(line)}`, () => {
      expect(nodeRuns('/bin/dash', line)).toBe(false);
      expect(nodeRuns('/bin/bash', line)).toBe(false);
    });
  }
  const twins = [
    'n\\ode JOB',
    '"no\\\nde" JOB',
    '"n"\'ode\' JOB',
    'false && node() { :; }; node JOB',
    'node() { :; } & node JOB; wait',
    'node() { :; }; unset -f node; node JOB',
    'node() { :; }; command node JOB',
    'node() { command node "$@"; }; node JOB',
    'trap "node JOB" EXIT; exit 1; trap - EXIT',
    'trap "node JOB" EXIT; false && trap - EXIT',
    'trap "node JOB" EXIT; trap - EXIT &',
    'ln -sf "$(command -v node)" ./runtime && ./runtime JOB',
  ];
  for (const line of twins) {
    it(`Node: ${JSON.stringify(line)}`, () => {
      expect(nodeRuns('/bin/dash', line)).toBe(true);
      expect(nodeRuns('/bin/bash', line)).toBe(true);
    });
  }
  it('brace expansion and a reset that stops at an unknown condition differ between the two', () => {
    expect([nodeRuns('/bin/dash', '{node,JOB}'), nodeRuns('/bin/bash', '{node,JOB}')]).toEqual([false, true]);
    expect([nodeRuns('/bin/dash', "$'node' JOB"), nodeRuns('/bin/bash', "$'n\\x6fde' JOB")]).toEqual([false, true]);
    expect([nodeRuns('/bin/dash', 'trap "node JOB" EXIT BOGUS; trap - BOGUS EXIT'), nodeRuns('/bin/bash', 'trap "node JOB" EXIT BOGUS; trap - BOGUS EXIT')]).toEqual([true, false]);
  });
});
