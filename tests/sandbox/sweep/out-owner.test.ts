import { chmodSync, chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareOutputDirectory } from '../../../sandbox/report/output-dir.js';
import { removeScratchDirs, scratchDir } from '../helpers/cli.js';
import { terminalLine } from '../../../src/text/verdict-line-label.js';

afterAll(removeScratchDirs);

function requireRoot(): void {
  if (process.geteuid?.() !== 0) throw new Error('this test plays a root operator and another local user: run it as root (CI does)');
}

function outDir(name: string, uid: number, mode: number): string {
  const dir = join(scratchDir('sweep-out'), name);
  mkdirSync(dir);
  chownSync(dir, uid, uid);
  chmodSync(dir, mode);
  return dir;
}

describe('--out of a root operator (round five: another user created /tmp/out first and replaced report.json)', () => {
  it('refuses a directory another user owns, naming the path, owner and mode', () => {
    requireRoot();
    const dir = outDir('theirs', 1000, 0o777);
    const result = prepareOutputDirectory(dir, undefined, 'run');
    expect(result.ok ? result : { ok: false, line: terminalLine(result.line) }).toEqual({ ok: false, line: `tki run: BLOCKED: --out ${dir} is owned by uid 1000 with mode 0777: another user could replace the report in it; use a directory you own that no other user may write (a missing one is created)` });
  });

  it('refuses its own directory when the group or others may write it, sticky or not', () => {
    requireRoot();
    for (const mode of [0o777, 0o1777, 0o775, 0o757]) {
      const result = prepareOutputDirectory(outDir(`mine-${mode.toString(8)}`, 0, mode), undefined, 'run');
      expect(result.ok, mode.toString(8)).toBe(false);
      if (!result.ok) expect(result.line).toContain(`is owned by uid 0 with mode 0${mode.toString(8)}:`);
    }
  });

  it('accepts its own 0755 directory and creates a missing one', () => {
    requireRoot();
    for (const dir of [outDir('mine-755', 0, 0o755), join(scratchDir('sweep-out'), 'missing', 'out')]) {
      const result = prepareOutputDirectory(dir, undefined, 'run');
      expect(result.ok, dir).toBe(true);
      if (result.ok) result.value.release();
    }
  });
});
