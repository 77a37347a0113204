import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import type { HostileItem, JsonObject } from '../packet-gen.js';
import { dossier, flagsOf7, inspect7, roundRoot, summary, type Run7 } from './gen7.js';
import { createJudge7 } from './judge7.js';

/**
 * rt-packets7, what backs a prose pass assertion. A pass assertion is backed when a backed
 * execution-class claim "states the same pass phrase" (evidence-model.md, prose scan). The phrase
 * alone is compared, not what it is said about: a claim "tools/canon.py: 22/22 PASS, exit 0.", backed
 * by canon.py's own run log, backs "tools/evil.py ran 22/22 PASS." and "The release build: exit 0.".
 * Round 4 closed the same route for coverage by subject token; this is its neighbour. Also checked:
 * the TR39 skeleton (m → rn, 1 → l) does not merge distinct ASCII file names for coverage.
 */
const { judge, checkAllListedRan } = createJudge7('backing');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = 'FLAG_PROSE_ONLY_PASS';

function backedRun(subject: string, claimText: string, prose: string, label: string): Promise<Run7> {
  const claim: JsonObject = { claim_id: 'C1', text: claimText, claim_type: 'EXECUTION_RESULT', subject, evidence_refs: ['run1'] };
  const log: HostileItem = { item_id: 'run1', kind: 'RUN_LOG', path: 'runs/run1.log', surface: 'pg:dot_tools', content: `$ python ${subject}\n22/22 passed\n${subject} exit code: 0\n` };
  return inspect7({ dossierText: dossier(prose), claims: [claim], items: [log] }, label);
}

function claimVerdict(result: Run7): string {
  const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
  return String(claims[0]?.verdict);
}

const CANON = 'tools/canon.py';
const PHRASE_CLAIM = `${CANON}: 22/22 PASS, exit 0.`;

describe('a backed claim backs only pass assertions about what it evidences', () => {
  it('control: the claim is backed and the same sentence about canon.py is not flagged', async () => {
    const result = await backedRun(CANON, PHRASE_CLAIM, PHRASE_CLAIM, 'backing-control-same');
    const ok = claimVerdict(result) === 'NO_READ_LEVEL_DEFECT_FOUND' && !flagsOf7(result).includes(PASS);
    judge('backing:control-claim-backed', ok ? undefined : `claim ${claimVerdict(result)}, ${summary(result)}: the checks below prove nothing`);
  });
  it('control: a claim without the phrase does not back a pass about another tool', async () => {
    const result = await backedRun(CANON, `The selftest of ${CANON} exited with code 0.`, 'tools/evil.py: 22/22 PASS, exit 0.', 'backing-control-other');
    judge('backing:control-other-tool-flagged', flagsOf7(result).includes(PASS) ? undefined : `not flagged: ${summary(result)}`);
  });
  for (const [name, prose] of [
    ['phrase-backs-other-tool', 'tools/evil.py ran 22/22 PASS.'],
    ['phrase-backs-other-tool-with-exit', 'tools/evil.py: 22/22 PASS, exit 0.'],
    ['phrase-backs-unrelated-build', 'The release build: exit 0.'],
  ] as const) {
    it(`${name}: ${prose}`, async () => {
      const result = await backedRun(CANON, PHRASE_CLAIM, prose, `backing-${name}`);
      judge(`backing:${name}`, flagsOf7(result).includes(PASS) ? undefined : `"${prose}" is backed by the canon.py claim "${PHRASE_CLAIM}": ${summary(result)}`);
    });
  }
});

describe('the skeleton does not merge distinct ASCII file names (guards, hold today)', () => {
  for (const [name, subject, other] of [
    ['m-as-rn', 'tools/modem.py', 'tools/modern.py'],
    ['one-as-l', 'tools/v1.py', 'tools/vl.py'],
    ['zero-as-o', 'tools/l0g.py', 'tools/log.py'],
  ] as const) {
    it(`${subject} does not cover ${other}`, async () => {
      const result = await backedRun(subject, `The selftest of ${subject} exited with code 0.`, `${other}: 22/22 PASS.`, `skeleton-${name}`);
      judge(`backing:skeleton-${name}`, flagsOf7(result).includes(PASS) ? undefined : `"${other}: 22/22 PASS." covered by the ${subject} claim: ${summary(result)}`);
    });
  }
});
