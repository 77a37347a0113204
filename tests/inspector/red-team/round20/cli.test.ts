import { cpSync, readdirSync, chmodSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { backedCountClaim } from '../packet-gen.js';
import { dossier, FIXTURE, flagsOf9, freshDir, roundRoot, summary9, tkiRun9, unlikeFlaggedPass, type Run9 } from '../round9/gen9.js';
import { claimOf } from '../run.js';
import { STACK_TRACE, tkiRun } from './cli-gen.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20 through `tki run` as an operator types it (bubblewrap): the routes this round found in
 * process (an ASCII `|` and characters outside TR39's table for I, a `popover`, SVG presentation
 * attributes), their held controls, a dangling citation differing by case, and the terminal as a sink
 * for a verdict word that follows a control character in the packet path or `--out` (the escape of the
 * control must not join the word to it so that it is shown raw). Keys are `cli:`.
 */
const { judge, checkAllListedRan } = createJudge20('cli');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

function unlikeFlagged(result: Run9, flag: string, exitCode: number): string | undefined {
  if (result.exitCode === exitCode && flagsOf9(result).includes(flag)) return undefined;
  return `${summary9(result)}: ${result.line.slice(0, 200)} ${result.stderr.slice(0, 300)}`;
}

describe('this round\'s routes under tki run', () => {
  const passes: Record<string, string> = {
    'control-twin-exit': 'THE SELFTEST: EXIT 0.',
    'glyph-exit-ascii-vertical-line': 'THE SELFTEST: EX|T 0.',
    'glyph-all-two-ascii-vertical-lines': 'A|| tests pass.',
    'glyph-exit-box-drawings-light-vertical': 'THE SELFTEST: EX\u2502T 0.',
    'glyph-exit-palochka-held': 'THE SELFTEST: EX\u04C0T 0.',
    'hidden-popover': 'All tests <span popover>never </span>pass.',
    'hidden-svg-display-none': 'All tests <svg><text display="none">never </text></svg>pass.',
    'hidden-math-mphantom': 'All tests <math><mphantom><mi>never </mi></mphantom></math>pass.',
    'hidden-svg-desc': 'All tests <svg><desc>never </desc></svg>pass.',
    'hidden-dialog-held': 'All tests <dialog>never </dialog>pass.',
    'hidden-clip-path-held': 'All tests <span style="display:inline-block;clip-path:inset(50%)">never </span>pass.',
  };
  for (const [key, text] of Object.entries(passes)) {
    it(key, () => {
      judge(`cli:${key}`, unlikeFlaggedPass(tkiRun9({ dossierText: dossier(text) }, `c20-${key}`)));
    }, 180_000);
  }
  it('the denial with an ASCII | for I', () => {
    judge('cli:glyph-denial-ascii-vertical-line', unlikeFlagged(tkiRun9({ dossierText: dossier('THE FILE DOES NOT EX|ST ANYWHERE.') }, 'c20-denial-bar'), 'FLAG_GLOBAL_DENIAL_WORDING', 2));
  }, 180_000);
  it('a dangling citation differing by case', () => {
    const base = backedCountClaim();
    const result = tkiRun9({ dossierText: dossier('Hello.'), claims: [{ ...base.claim, evidence_refs: ['qr-count', 'QR-count'] }], items: [base.item] }, 'c20-dangling');
    const claim = claimOf(result.report, 'R1');
    const ok = result.exitCode === 1 && claim?.verdict === 'INSUFFICIENT_EVIDENCE_FOR_CLAIM' && JSON.stringify(claim).includes('citation/not_in_packet');
    judge('cli:dangling-case-differs', ok ? undefined : `${summary9(result)} ${String(claim?.verdict)}`);
  }, 180_000);
});

/** A copy of the fixture packet under a directory of the given name. */
function fixtureNamed(name: string): string {
  const dir = freshDir('c20-name');
  const packet = path.join(dir, name);
  cpSync(FIXTURE, packet, { recursive: true });
  for (const entry of [packet, ...readdirSync(packet, { recursive: true }).map((file) => path.join(packet, String(file)))]) chmodSync(entry, 0o755);
  return packet;
}

describe('a verdict word right after a control character on the terminal', () => {
  const names: Record<string, string> = {
    'packet-path-sgr-then-pass': 'pkt\u001B[1mPASS',
    'packet-path-sgr-then-certified': 'pkt\u001B[32mCERTIFIED',
    'packet-path-bell-then-pass': 'pkt\u0007PASS',
    'packet-path-tab-then-read-level-acceptable': 'pkt\tREAD_LEVEL_ACCEPTABLE',
    'packet-path-zwsp-then-pass': 'pkt\u200BPASS',
  };
  for (const [key, name] of Object.entries(names)) {
    it(key, () => {
      const out = path.join(freshDir('c20-term-out'), 'out');
      const run = tkiRun([fixtureNamed(name), '--out', out]);
      const problems: string[] = [];
      if (run.status !== 1) problems.push(`exit ${String(run.status)}`);
      if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
      if (/PASS|CERTIFIED|READ_LEVEL_ACCEPTABLE/.test(run.output.replaceAll('FLAG_PROSE_ONLY_PASS', ''))) problems.push('a verdict word raw on the terminal');
      judge(`cli:terminal-${key}`, problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 400))}`);
    }, 180_000);
  }
  it('--out with an SGR sequence then a verdict word', () => {
    const out = path.join(freshDir('c20-out-sgr'), 'o\u001B[1mPASS');
    const run = tkiRun([fixtureNamed('pkt'), '--out', out]);
    const problems: string[] = [];
    if (run.status !== 1) problems.push(`exit ${String(run.status)}`);
    if (/PASS/.test(run.output.replaceAll('FLAG_PROSE_ONLY_PASS', ''))) problems.push('a verdict word raw on the terminal');
    judge('cli:terminal-out-path-sgr-then-pass', problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 400))}`);
  }, 180_000);
});
