import path from 'node:path';
import { rmSync } from 'node:fs';
import { afterAll, describe, it } from 'vitest';
import { writeHostilePacket, type HostileSpec, type JsonObject } from '../packet-gen.js';
import { runCli } from '../run.js';
import { dossier, flagsOf7, freshDir, roundRoot, summary } from './gen7.js';
import { createJudge7 } from './judge7.js';

/**
 * rt-packets7: the round's main routes through `tki run` as an operator types it (bubblewrap), so
 * that the sandboxed inspector and the launcher's re-checked report.json say the same as the
 * unsandboxed entry. A control run first: if the sandbox cannot run here the suite fails loudly.
 */
const { judge, checkAllListedRan } = createJudge7('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const PASS = 'FLAG_PROSE_ONLY_PASS';

function tkiRun(spec: HostileSpec, label: string): ReturnType<typeof runCli> {
  const dir = freshDir(label);
  const packet = path.join(dir, 'packet');
  writeHostilePacket(packet, spec);
  return runCli(packet, path.join(dir, 'out'));
}

const canonClaim: JsonObject = { claim_id: 'C1', text: 'tools/canon.py: 22/22 PASS, exit 0.', claim_type: 'EXECUTION_RESULT', subject: 'tools/canon.py', evidence_refs: ['run1'] };
const canonLog = { item_id: 'run1', kind: 'RUN_LOG', path: 'runs/run1.log', surface: 'pg:dot_tools', content: '$ python tools/canon.py\n22/22 passed\ntools/canon.py exit code: 0\n' };

describe('tki run (bubblewrap) gives a hostile dossier the verdict of its ASCII twin', () => {
  it('control: the ASCII twin is READ_LEVEL_FAIL with FLAG_PROSE_ONLY_PASS', () => {
    const result = tkiRun({ dossierText: dossier('The selftest: exit 0.') }, 'cli-twin');
    judge('cli:control-twin', result.exitCode === 1 && flagsOf7(result).includes(PASS) ? undefined : `${summary(result)} ${result.line} ${result.stderr.slice(0, 300)}`);
  }, 120_000);
  for (const [name, spec] of [
    ['rli-word-order-exit-zero', { dossierText: dossier('The selftest: \u20670 exit\u2069.') }],
    ['control-char-hides-pass', { dossierText: dossier('The selftest: exit 0. \u0001') }],
    ['phrase-backs-other-tool', { dossierText: dossier('tools/evil.py: 22/22 PASS, exit 0.'), claims: [canonClaim], items: [canonLog] }],
  ] as const) {
    it(name, () => {
      const result = tkiRun(spec, `cli-${name}`);
      judge(`cli:${name}`, result.exitCode === 1 && flagsOf7(result).includes(PASS) ? undefined : `${summary(result)}: ${result.line.slice(0, 200)}`);
    }, 120_000);
  }
});
