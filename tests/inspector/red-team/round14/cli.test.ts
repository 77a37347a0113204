import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { dossier, roundRoot, tkiRun9, unlikeFlaggedPass } from '../round9/gen9.js';
import { createJudge14 } from './judge14.js';

/**
 * rt-packets14 through `tki run` as an operator types it (bubblewrap): a control run first (the
 * sandbox must run here, or the suite fails loudly), then one route of each kind this round found
 * (a `dir` value written as a character reference, a tree-builder effect, a CDATA section in foreign
 * content, a GFM table without leading pipes) and one that held (`<ruby>` with `<rp>` inside a word).
 */
const { judge, checkAllListedRan } = createJudge14('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

describe('tki run (bubblewrap)', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    judge('cli:control-twin', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli14-twin')));
  }, 120_000);
  for (const [name, text] of [
    ['dir-value-numeric-reference', 'a <span dir="&#x72;tl">pass&#x200F; tests&#x200F; All</span>.'],
    ['formatting-element-reconstructed', '<p><b dir="rtl">x</p>pass&#x200F; tests&#x200F; All.'],
    ['svg-cdata-holds-comment-opener', '<div><svg><![CDATA[ > <!-- ]]></svg></div>\n\nAll tests pass.\n\n-->'],
    ['table-without-leading-pipe', 'x | <!-- | All tests pass. | -->\n--|---|---|--'],
    ['ruby-rp-inside-word', 'All tests <ruby>pa<rp>(</rp><rt>x</rt><rp>)</rp>ss</ruby>.'],
  ] as const) {
    it(name, () => {
      judge(`cli:${name}`, unlikeFlaggedPass(tkiRun9({ dossierText: dossier(text) }, `cli14-${name}`)));
    }, 120_000);
  }
});
