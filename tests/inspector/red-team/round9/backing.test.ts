import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import type { HostileItem, JsonObject } from '../packet-gen.js';
import { dossier, flagsOf9, inspect9, roundRoot, summary9, type Run9 } from './gen9.js';
import { createJudge9 } from './judge9.js';

/**
 * rt-packets9, what backs a prose pass assertion after round 7's fix: a sentence is backed when it is
 * the claim's text, contains it, or "is about that claim's subject (names its file and no other
 * artifact)" (evidence-model.md, prose scan). Naming the file is matched by its file name, so
 * `vendor/canon.py` (another artifact of the same name) is taken for `tools/canon.py`; and a sentence
 * that names the subject in passing while its pass is about something that is not a file name (the
 * release build) is "about no other artifact". Also checked (guards): a claim whose text is the bare
 * phrase, a claim resting on dangling or unusable evidence, a log whose exit code is another command's.
 */
const { judge, checkAllListedRan } = createJudge9('backing');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = 'FLAG_PROSE_ONLY_PASS';
const CANON = 'tools/canon.py';
const FULL = `${CANON}: 22/22 PASS, exit 0.`;
const CANON_LOG = `$ python ${CANON}\n22/22 passed\n${CANON} exit code: 0\n`;

function runLog(content = CANON_LOG, surface = 'pg:dot_tools'): HostileItem {
  return { item_id: 'run1', kind: 'RUN_LOG', path: 'runs/run1.log', surface, content };
}

function backedBy(claimText: string, prose: string, label: string, refs: readonly string[] = ['run1'], log = runLog()): Promise<Run9> {
  const claim: JsonObject = { claim_id: 'C1', text: claimText, claim_type: 'EXECUTION_RESULT', subject: CANON, evidence_refs: [...refs] };
  return inspect9({ dossierText: dossier(prose), claims: [claim], items: [log] }, label);
}

function claimVerdict(result: Run9): string {
  const claims = (result.report?.claims as JsonObject[] | undefined) ?? [];
  return String(claims[0]?.verdict);
}

describe('a backed claim backs only pass assertions about its own subject', () => {
  it('control: the claim is backed and its own sentence is not flagged', async () => {
    const result = await backedBy(FULL, FULL, 'control');
    const ok = claimVerdict(result) === 'NO_READ_LEVEL_DEFECT_FOUND' && !flagsOf9(result).includes(PASS);
    judge('backing:control-claim-backed', ok ? undefined : `claim ${claimVerdict(result)}, ${summary9(result)}: the checks below prove nothing`);
  });
  for (const [name, claimText, prose] of [
    ['same-file-name-other-directory', `The selftest of ${CANON} exited with code 0.`, 'vendor/canon.py: 22/22 PASS, exit 0.'],
    ['subject-named-in-passing', `The selftest of ${CANON} exited with code 0.`, `Besides ${CANON}, the release build: 22/22 PASS.`],
    // Guards (hold today).
    ['bare-phrase-claim-other-tool', '22/22 PASS', 'tools/evil.py: 22/22 PASS.'],
    ['bare-exit-claim-release-build', 'exit 0', 'The release build: exit 0.'],
    ['file-name-suffix', `The selftest of ${CANON} exited with code 0.`, 'tools/notcanon.py: 22/22 PASS, exit 0.'],
  ] as const) {
    it(`${name}: ${prose}`, async () => {
      const result = await backedBy(claimText, prose, name);
      judge(`backing:${name}`, flagsOf9(result).includes(PASS) ? undefined : `"${prose}" is backed by the ${CANON} claim "${claimText}" (${claimVerdict(result)}): ${summary9(result)}`);
    });
  }
});

describe('a claim backs nothing unless its own evidence is accepted (guards, hold today)', () => {
  const cases: readonly (readonly [string, () => Promise<Run9>])[] = [
    ['dangling-only', () => backedBy(FULL, FULL, 'dangling-only', ['ghost'])],
    ['log-and-dangling', () => backedBy(FULL, FULL, 'log-and-dangling', ['run1', 'ghost'])],
    ['unusable-log', () => backedBy(FULL, FULL, 'unusable-log', ['run1'], runLog(CANON_LOG, 'pg:elsewhere'))],
    ['log-names-no-subject', () => backedBy(FULL, FULL, 'log-no-subject', ['run1'], runLog('22/22 passed\nexit code: 0\n'))],
    ['log-of-longer-name', () => backedBy(FULL, FULL, 'log-longer-name', ['run1'], runLog(`$ python ${CANON}.bak\n22/22 passed\n${CANON}.bak exit code: 0\n`))],
    ['exit-code-of-another-command', () => backedBy(`${CANON} exited with code 0.`, `${CANON} exited with code 0.`, 'other-command', ['run1'], runLog(`$ python tools/other.py\ntools/other.py exit code: 0\n$ python ${CANON}\n21/22 passed\n${CANON} exit code: 1\n`))],
  ];
  for (const [name, run] of cases) {
    it(name, async () => {
      const result = await run();
      const problems: string[] = [];
      if (claimVerdict(result) === 'NO_READ_LEVEL_DEFECT_FOUND') problems.push('the claim is accepted');
      if (!flagsOf9(result).includes(PASS)) problems.push(`its sentence is not flagged: ${summary9(result)}`);
      judge(`backing:${name}`, problems.length === 0 ? undefined : problems.join('; '));
    });
  }
});
