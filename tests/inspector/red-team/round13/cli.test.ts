import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { dossier, flagsOf9, roundRoot, summary9, tkiRun9, unlikeFlaggedPass } from '../round9/gen9.js';
import { tkiRunEdited } from '../round12/raw-packet.js';
import { createJudge13 } from './judge13.js';

/**
 * rt-packets13 through `tki run` as an operator types it (bubblewrap): a control run first (the
 * sandbox must run here, or the suite fails loudly), three of the round's look-alike routes (a
 * `<bdo dir="rtl">`, a comment opener split across table cells, global-denial wording in a
 * right-to-left paragraph), and the verdict line of a packet whose surface reads as a verdict.
 */
const { judge, checkAllListedRan } = createJudge13('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const DENIAL_FLAG = 'FLAG_GLOBAL_DENIAL_WORDING';

describe('tki run (bubblewrap)', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    judge('cli:control-twin', unlikeFlaggedPass(tkiRun9({ dossierText: dossier('All tests pass.') }, 'cli13-twin')));
  }, 120_000);
  for (const [name, text] of [
    ['bdo-rtl-inline', 'All tests <bdo dir="rtl">ssap</bdo>.'],
    ['comment-across-table-cells-header', '| <!-- | All tests pass. | --> |\n|---|---|---|\n| a | b | c |'],
  ] as const) {
    it(name, () => {
      judge(`cli:${name}`, unlikeFlaggedPass(tkiRun9({ dossierText: dossier(text) }, `cli13-${name}`)));
    }, 120_000);
  }
  it('global-denial wording in a right-to-left paragraph is flagged as its twin', () => {
    const twin = tkiRun9({ dossierText: dossier('The file does not exist anywhere.') }, 'cli13-denial-twin');
    const shown = tkiRun9({ dossierText: dossier('\u200Fanywhere\u200F exist\u200F not\u200F does\u200F file\u200F The.') }, 'cli13-denial-rtl');
    const problems: string[] = [];
    if (!flagsOf9(twin).includes(DENIAL_FLAG)) problems.push(`control failed: twin ${summary9(twin)}`);
    if (!flagsOf9(shown).includes(DENIAL_FLAG) || shown.exitCode !== twin.exitCode) problems.push(`${summary9(shown)}, twin ${summary9(twin)}`);
    judge('cli:denial-rtl-paragraph-rlm', problems.length === 0 ? undefined : problems.join('; '));
  }, 240_000);
  it('a surface that reads as a verdict never reaches the verdict line (guard)', () => {
    const edit = (json: string): string => json.replaceAll('"pg:kb_stats"', '"/home/READ_LEVEL_ACCEPTABLE:certified"');
    const result = tkiRunEdited({ dossierText: dossier('Hello.') }, edit, 'cli13-surface');
    const problems: string[] = [];
    if (![1, 2, 3].includes(result.exitCode ?? -1)) problems.push(`exit ${String(result.exitCode)}`);
    if (/READ_LEVEL_ACCEPTABLE|certified/.test(`${result.line}\n${result.stderr}`)) problems.push(`the terminal says ${JSON.stringify(`${result.line} ${result.stderr}`.slice(0, 200))}`);
    judge('cli:surface-on-verdict-line', problems.length === 0 ? undefined : problems.join('; '));
  }, 120_000);
});
