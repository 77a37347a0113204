import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkDir } from '../../../sandbox/launch/work-dir.js';
import { removeScratchDirs, runTki, scratchDir } from '../helpers/cli.js';
import { writePacketDir } from '../helpers/packet.js';

afterAll(removeScratchDirs);

/** Red team round 6, ENVVAR (closed by boot6's check in work-dir.ts): an unusable TMPDIR ends in one line that names it and says what to do. */
describe('a TMPDIR the launcher cannot use', () => {
  it('missing, relative, or a file: one BLOCKED line naming TMPDIR, its value and the fix', () => {
    const root = scratchDir('tmpdir');
    const file = join(root, 'a-file');
    writeFileSync(file, '');
    const cases: Array<[string, RegExp]> = [
      [join(root, 'no-such-dir'), /does not exist/],
      ['relative/tmp', /is not an absolute path/],
      [file, /is not a directory/],
    ];
    for (const [value, problem] of cases) {
      const created = createWorkDir({ root: value });
      expect(created.ok, value).toBe(false);
      const line = created.ok ? '' : created.line;
      expect(line.startsWith(`tki: BLOCKED: TMPDIR ${value} `), line).toBe(true);
      expect(line).toMatch(problem);
      expect(line).toMatch(/; set TMPDIR to an existing directory, such as \/tmp$/);
    }
  });

  it('tki run with TMPDIR missing: exit 3 and that one line, no internal error', () => {
    const root = scratchDir('tmpdir-run');
    const packet = writePacketDir(join(root, 'packet'));
    mkdirSync(join(root, 'out'));
    const missing = join(root, 'no-such-dir');
    const run = runTki(['run', packet, '--out', join(root, 'out')], { TMPDIR: missing });
    const printed = `${run.stdout}${run.stderr}`.trimEnd().split('\n');
    expect(run.status, printed.join('\n')).toBe(3);
    expect(printed).toEqual([`tki: BLOCKED: TMPDIR ${missing} does not exist; set TMPDIR to an existing directory, such as /tmp`]);
  });
});
