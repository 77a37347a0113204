import { readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { dossier, fixtureCopy, roundRoot, tki, tkiRun9, unlikeFlaggedPass } from '../round9/gen9.js';
import { createJudge12 } from './judge12.js';
import { afterMayGate, tkiRunEdited } from './raw-packet.js';

/**
 * rt-packets12 through `tki run` as an operator types it (bubblewrap). tki's verdict line carries no
 * packet-supplied text (docs/inspector.md, "Escaping for each sink"), yet a repeated key's NAME is
 * the first blocked reason's location and reaches the line: only verdict-like words are withheld, so
 * "approved by the release board" is printed as tki's words. A control run first (the sandbox must
 * run here, or the suite fails loudly), then two of the round's look-alike routes.
 */
const { judge, checkAllListedRan } = createJudge12('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

describe('tki run (bubblewrap)', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    const result = tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli12-twin');
    judge('cli:control-twin', unlikeFlaggedPass(result));
  }, 120_000);
  it('a repeated key\'s name never reaches the verdict line', () => {
    const words = 'approved by the release board';
    const result = tkiRunEdited({ dossierText: dossier('Hello.') }, afterMayGate(`"${words}":1,"${words}":2`), 'cli12-repeated-key');
    const problems: string[] = [];
    if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
    if (result.line.includes(words)) problems.push(`the verdict line says ${JSON.stringify(result.line.slice(0, 160))}`);
    judge('cli:repeated-key-on-verdict-line', problems.length === 0 ? undefined : problems.join('; '));
  }, 120_000);
  for (const [name, text] of [
    ['comment-opener-in-link-title', '[x](/u "<!--") All tests pass. [y](/v "-->")'],
    ['numeric-reference-windows-1252-hex', 'All tests pa&#x9A;&#x9A;.'],
  ] as const) {
    it(name, () => {
      const result = tkiRun9({ dossierText: dossier(text) }, `cli12-${name}`);
      judge(`cli:${name}`, unlikeFlaggedPass(result));
    }, 120_000);
  }
});

describe('--out (SPEC §5: empty, or exactly a previous run\'s three files)', () => {
  it('a previous run\'s checkpoint under another name: refused, or three files after', () => {
    const packet = fixtureCopy('cli12-stale-checkpoint');
    const out = path.join(path.dirname(packet), 'out');
    const first = tki([packet, '--out', out]);
    const checkpoint = readdirSync(out).find((name) => name.startsWith('checkpoint-'));
    if (checkpoint === undefined) {
      judge('cli:out-stale-checkpoint', `control failed: first run exit ${String(first.status)}, out holds ${readdirSync(out).join(', ')}`);
      return;
    }
    renameSync(path.join(out, checkpoint), path.join(out, 'checkpoint-release-approved.md'));
    const second = tki([packet, '--out', out]);
    const files = readdirSync(out).sort();
    const held = second.status === 3 ? files.includes('checkpoint-release-approved.md') && files.length === 3 : files.length === 3;
    judge('cli:out-stale-checkpoint', held ? undefined : `exit ${String(second.status)}; out holds ${files.join(', ')}`);
  }, 240_000);
});
