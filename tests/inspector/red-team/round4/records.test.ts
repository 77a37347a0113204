import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import type { HostileItem } from '../packet-gen.js';
import { claim, dossier, inspect4, listingItem, OTHER_HASH, PIN, recordItem, roundRoot, SUBJECT, verdictOf } from './gen4.js';
import { createJudge } from './judge4.js';

/**
 * rt-packets4, verdict integrity through evidence content: records that say something else than the
 * claim (a failure, a mismatch, a rejection, no exit code at all) must not back it. Each attack has
 * a control twin that states the contradiction plainly, so the comparison shows what the inspector
 * reads.
 */
const { judge, checkAllListedRan } = createJudge('records');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const listing = listingItem(`${SUBJECT} sha256:${PIN}\n`);
const exitClaim = claim('E1', 'EXECUTION_RESULT', `The selftest of ${SUBJECT} exited 0.`, ['exit1']);

async function exitVerdict(label: string, content: string): Promise<string> {
  const result = await inspect4({ dossierText: dossier(`- E1: The selftest of ${SUBJECT} exited 0.`), claims: [exitClaim], items: [listing, recordItem('EXIT_CODE_RECORD', content, 'exit1')] }, label);
  return verdictOf(result, 'E1');
}

const ACCEPTED = 'NO_READ_LEVEL_DEFECT_FOUND';

describe('an exit-code record that does not say 0 does not back "exited 0"', () => {
  it('control: a record of exit code 1 contradicts the claim', async () => {
    judge('records:control-exit-1', (await exitVerdict('exit-control', `${SUBJECT} exit code: 1\n`)) === 'EVIDENCE_CONFLICTING' ? undefined : 'exit code 1 did not conflict: the attacks below prove nothing');
  });
  const records: Record<string, string> = {
    // Windows prints NTSTATUS codes in hex; 0xC0000005 is an access violation.
    'hex-ntstatus': `${SUBJECT} exit code: 0xC0000005\n`,
    // The same code in decimal: too many digits to be read as an exit code at all.
    'decimal-ntstatus': `${SUBJECT} exit code: 3221225477\n`,
    'json-null': JSON.stringify({ artifact: SUBJECT, exit_code: null }),
    'json-empty-string': JSON.stringify({ artifact: SUBJECT, exit_code: '' }),
    'json-empty-array': JSON.stringify({ artifact: SUBJECT, exit_code: [] }),
    'json-false': JSON.stringify({ artifact: SUBJECT, exit_code: false }),
    // JSON.parse rounds 1e-400 to 0; the record never said 0.
    'json-underflow': `{"artifact":"${SUBJECT}","exit_code":1e-400}`,
    'json-fraction': `{"artifact":"${SUBJECT}","exit_code":0.5}`,
    // A first-wins JSON reader sees exit_code 1.
    'json-duplicate-key': `{"artifact":"${SUBJECT}","exit_code":1,"exit_code":0}`,
    // The record names the subject only to say it did not run; the exit 0 is another tool's.
    'other-tools-exit': `tools/other.py exit code: 0\n${SUBJECT} SKIPPED (not run)\n`,
  };
  for (const [name, content] of Object.entries(records)) {
    it(name, async () => {
      const verdict = await exitVerdict(`exit-${name}`, content);
      judge(`records:exit-${name}`, verdict === ACCEPTED ? `record ${JSON.stringify(content.slice(0, 80))} backs "exited 0" (${verdict})` : undefined);
    });
  }
});

describe('a run log that reports a failure or a mismatch does not back a pass claim', () => {
  it('a log of 3/22 passed, 19 FAILED backs "ran 22/22"', async () => {
    const result = await inspect4({
      dossierText: dossier(`- E1: The selftest of ${SUBJECT} ran 22/22.`),
      claims: [claim('E1', 'EXECUTION_RESULT', `The selftest of ${SUBJECT} ran 22/22.`, ['log1'])],
      items: [listing, recordItem('RUN_LOG', `$ python3 ${SUBJECT} --selftest\nselftest finished: 3/22 passed, 19 FAILED\n`, 'log1')],
    }, 'log-fail-22');
    const verdict = verdictOf(result, 'E1');
    judge('records:failing-log-backs-22-of-22', verdict === ACCEPTED ? `a log of 3/22 passed, 19 FAILED backs "ran 22/22" (${verdict})` : undefined);
  });

  const pin = recordItem('HASH_PIN', `${SUBJECT} sha256:${PIN}\n`, 'pin1');
  async function hashVerdict(label: string, log: string): Promise<string> {
    const result = await inspect4({
      dossierText: dossier(`- H1: The pinned hash of ${SUBJECT} is reproduced.`),
      claims: [claim('H1', 'HASH_REPRODUCED', `The pinned hash of ${SUBJECT} is reproduced.`, ['pin1', 'log1'])],
      items: [pin, recordItem('RUN_LOG', log, 'log1')],
    }, label);
    return verdictOf(result, 'H1');
  }
  it('control: a log stating only another hash conflicts', async () => {
    const verdict = await hashVerdict('hash-control', `sha256sum ${SUBJECT}\ncomputed sha256:${OTHER_HASH}\n`);
    judge('records:control-hash-other', verdict === 'EVIDENCE_CONFLICTING' ? undefined : `a log of another hash gave ${verdict}: the attacks below prove nothing`);
  });
  it('a mismatch log that quotes the pin as "expected" backs HASH_REPRODUCED', async () => {
    const verdict = await hashVerdict('hash-mismatch', `sha256sum ${SUBJECT}\nexpected sha256:${PIN}\nactual   sha256:${OTHER_HASH}\nMISMATCH\n`);
    judge('records:hash-mismatch-log-backs-reproduced', verdict === ACCEPTED ? `a log reporting MISMATCH (expected pin, actual other) backs "reproduced" (${verdict})` : undefined);
  });
  it('a 68-digit hash that starts with the pin backs HASH_REPRODUCED', async () => {
    const verdict = await hashVerdict('hash-prefix', `sha256sum ${SUBJECT}\ncomputed sha256:${PIN}ffff\n`);
    judge('records:hash-longer-than-pin', verdict === ACCEPTED ? `a 68-hex-digit "hash" that starts with the pin backs "reproduced" (${verdict})` : undefined);
  });
});

describe('an approval record that refuses does not back APPROVAL_GRANTED', () => {
  it('REJECTED / DENIED', async () => {
    const approval: HostileItem = recordItem('APPROVAL_RECORD', `${SUBJECT}: approval REJECTED by the board; status: DENIED\n`, 'appr1');
    const result = await inspect4({ dossierText: dossier(`- A1: ${SUBJECT} is approved for release.`), claims: [claim('A1', 'APPROVAL_GRANTED', `${SUBJECT} is approved for release.`, ['appr1'])], items: [listing, approval] }, 'approval-rejected');
    const verdict = verdictOf(result, 'A1');
    judge('records:rejected-approval-backs-granted', verdict === ACCEPTED ? `an approval record saying REJECTED/DENIED backs "approved" (${verdict})` : undefined);
  });
});
