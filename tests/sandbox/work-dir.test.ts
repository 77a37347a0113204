import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkDir, sweepStaleWorkDirs } from '../../sandbox/launch/work-dir.js';
import { removeScratchDirs, scratchDir, TKI_BIN } from './helpers/cli.js';
import { writePacketDir } from './helpers/packet.js';

afterAll(removeScratchDirs);

describe("the launcher's temp directories", () => {
  it('a TMPDIR that is missing, relative or a file is one line naming it, never an internal error', () => {
    const file = join(scratchDir('tmpdir-file'), 'file');
    writeFileSync(file, '');
    const cases: Array<[string, string]> = [
      ['/nonexistent-tki-tmpdir', 'does not exist'],
      ['relative/tmp', 'is not an absolute path'],
      [file, 'is not a directory'],
    ];
    for (const [root, problem] of cases) expect(createWorkDir({ root })).toEqual({ ok: false, line: `tki: BLOCKED: TMPDIR ${root} ${problem}; set TMPDIR to an existing directory, such as /tmp` });
    const made = createWorkDir({ root: scratchDir('tmpdir-ok') });
    expect(made.ok).toBe(true);
    if (made.ok) made.value.release();
  });

  it('a sweep removes a directory whose owner is gone and keeps a concurrent run\'s', () => {
    const root = scratchDir('sweep');
    const stale = join(root, 'tki-engine-stale');
    const live = join(root, 'tki-engine-live');
    for (const dir of [stale, live]) mkdirSync(dir);
    // pid 2^22 + 1 is above Linux's pid_max ceiling: never a live process.
    writeFileSync(join(stale, 'owner.pid'), `${2 ** 22 + 1}\n`);
    writeFileSync(join(live, 'owner.pid'), `${process.pid}\n`);
    expect(sweepStaleWorkDirs(root)).toEqual([stale]);
    expect(readdirSync(root)).toEqual(['tki-engine-live']);
  });

  it('SIGTERM during tki run removes its directory and ends with 3', async () => {
    const root = scratchDir('sigterm');
    const packet = writePacketDir(join(root, 'packet'));
    const tmp = join(root, 'tmp');
    mkdirSync(tmp);
    const child = spawn(process.execPath, [TKI_BIN, 'run', packet, '--out', join(root, 'out')], { env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TMPDIR: tmp }, stdio: 'ignore' });
    // Wait until the run has made its directory, then stop it.
    for (let waited = 0; readdirSync(tmp).length === 0 && waited < 200; waited += 1) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(readdirSync(tmp)).toHaveLength(1);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(code).toBe(3);
    expect(readdirSync(tmp)).toEqual([]);
  });
});
