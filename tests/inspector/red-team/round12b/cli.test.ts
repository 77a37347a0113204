import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { dossier, roundRoot, tkiRun9, unlikeFlaggedPass } from '../round9/gen9.js';
import { tkiRunEdited } from '../round12/raw-packet.js';
import { createJudge12b } from './judge12b.js';

/**
 * rt-packets12b through `tki run` as an operator types it (bubblewrap): a control run first (the
 * sandbox must run here, or the suite fails loudly), two of the round's look-alike routes (a
 * raw-text element inline, a reference without `;` in an HTML block), and the verdict line of a
 * packet whose item id reads as a verdict (the reason's message names the id; the line must not).
 */
const { judge, checkAllListedRan } = createJudge12b('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

describe('tki run (bubblewrap)', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    const result = tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli12b-twin');
    judge('cli:control-twin', unlikeFlaggedPass(result));
  }, 120_000);
  for (const [name, text] of [
    ['comment-opener-in-inline-textarea', 'a <textarea><!--</textarea> All tests pass. <!-- -->'],
    ['html-block-decimal-reference-no-semicolon', '<div>All tests &#112ass.</div>'],
  ] as const) {
    it(name, () => {
      const result = tkiRun9({ dossierText: dossier(text) }, `cli12b-${name}`);
      judge(`cli:${name}`, unlikeFlaggedPass(result));
    }, 120_000);
  }
  it('an item id that reads as a verdict never reaches the verdict line', () => {
    const id = 'READ_LEVEL_ACCEPTABLE:certified';
    const edit = (json: string): string => json.replaceAll('qr-count', id).replace(/,"content_hash":"sha256:[0-9a-f]+"\}\}\]/, '}}]');
    const result = tkiRunEdited({ dossierText: dossier('Hello.') }, edit, 'cli12b-item-id');
    const problems: string[] = [];
    if (result.exitCode !== 3) problems.push(`exit ${String(result.exitCode)}`);
    if (/READ_LEVEL_ACCEPTABLE|certified/.test(result.line)) problems.push(`the verdict line says ${JSON.stringify(result.line.slice(0, 200))}`);
    judge('cli:item-id-on-verdict-line', problems.length === 0 ? undefined : problems.join('; '));
  }, 120_000);
});
