import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { dossier, fixtureCopy, freshDir, roundRoot, tki, tkiRun9, unlikeFlaggedPass } from '../round9/gen9.js';
import { createJudge11 } from './judge11.js';

/**
 * rt-packets11 through `tki run` as an operator types it (bubblewrap): the round's main look-alike
 * routes give the same answer in the sandbox as in process (look-alike.test.ts), and the launcher's
 * `--out` and terminal rules hold for two new shapes. A control run first: if the sandbox cannot run
 * here the suite fails loudly.
 */
const { judge, checkAllListedRan } = createJudge11('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});



describe('tki run (bubblewrap) gives the round\'s routes the verdict of their ASCII twin', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    const result = tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli-twin');
    judge('cli:control-twin', unlikeFlaggedPass(result));
  }, 120_000);
  for (const [name, text] of [
    ['circled-letters', '\u24B6\u24DB\u24DB \u24E3\u24D4\u24E2\u24E3\u24E2 \u24DF\u24D0\u24E2\u24E2.'],
    ['empty-comment-then-text', '<!--> All tests pass. -->'],
    ['c1-next-line-between-words', 'All\u0085tests\u0085pass.'],
    ['comment-opener-in-indented-code', 'Intro.\n\n    <!--\n\nAll tests pass.\n\n    -->'],
  ] as const) {
    it(name, () => {
      const result = tkiRun9({ dossierText: dossier(text) }, `cli-${name}`);
      judge(`cli:${name}`, unlikeFlaggedPass(result));
    }, 120_000);
  }
});

describe('--out and the terminal (guards, hold today)', () => {
  it('--out a symlink to a directory inside the packet is refused', () => {
    const packet = fixtureCopy('cli-out-symlink-inside');
    mkdirSync(path.join(packet, 'sub'));
    const link = path.join(path.dirname(packet), 'outlink');
    symlinkSync(path.join(packet, 'sub'), link);
    const { status } = tki([packet, '--out', link]);
    judge('cli:out-symlink-into-packet-refused', status === 3 && readdirSync(path.join(packet, 'sub')).length === 0 ? undefined : `exit ${String(status)}; sub holds ${readdirSync(path.join(packet, 'sub')).join(', ')}`);
  }, 120_000);
  it('a packet path holding U+202E and U+0085 is shown escaped on the verdict line', () => {
    const packet = fixtureCopy('cli-bidi-path', 'p\u202Eq\u0085r');
    const out = path.join(path.dirname(packet), 'out');
    const { status, output } = tki([packet, '--out', out]);
    const raw = /[\u0085\u202E]/.test(output);
    judge('cli:packet-path-escaped', status === 1 && !raw && existsSync(path.join(out, 'report.json')) ? undefined : `exit ${String(status)}, raw controls on the terminal: ${String(raw)}`);
  }, 120_000);
});
