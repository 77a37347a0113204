import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { writeHostilePacket } from '../packet-gen.js';
import { dossier, fixtureCopy, freshDir, roundRoot } from '../round9/gen9.js';
import { STACK_TRACE, tkiRun } from './cli-gen.js';
import { createJudge20 } from './judge20.js';

/**
 * rt-packets20, the operator's ceilings under `tki run` (docs/sandbox.md, "How to run" and the profile's
 * limits): values at and past their edges (0, negative, fractions, exponents, hex, a number past
 * --timeout's 86,400 s, leading `+` and white space, an empty value) must be a one-line usage error
 * with exit 3 or a run, never exit 0 and never a stack trace; a ceiling that ends the run must end in a
 * BLOCKED report (exit 3) whose reason names the limit, or, when the sandbox cannot start under it, one
 * line naming it. Keys are `opt:`.
 */
const { judge, checkAllListedRan } = createJudge20('opt');
afterAll(() => {
  checkAllListedRan();
  rmSync(roundRoot(), { recursive: true, force: true });
});

const VALUES: Record<string, readonly string[]> = {
  'timeout-zero': ['--timeout', '0'],
  'timeout-negative': ['--timeout', '-5'],
  'timeout-fraction': ['--timeout', '1.5'],
  'timeout-exponent': ['--timeout', '1e3'],
  'timeout-hex': ['--timeout', '0x10'],
  'timeout-past-a-day': ['--timeout', '86401'],
  'timeout-huge': ['--timeout', '99999999999999999999999'],
  'timeout-plus-sign': ['--timeout', '+60'],
  'timeout-white-space': ['--timeout', ' 60 '],
  'timeout-empty': ['--timeout', ''],
  'memory-zero': ['--memory', '0'],
  'memory-huge': ['--memory', '9007199254740993'],
  'cpu-zero': ['--cpu', '0'],
  'processes-zero': ['--processes', '0'],
  'engine-unknown': ['--engine', 'lxc'],
  'unknown-option': ['--verbatim'],
  'option-without-value-at-the-end': ['--timeout'],
};

describe('ceiling values at and past their edges', () => {
  for (const [key, args] of Object.entries(VALUES)) {
    it(key, () => {
      const out = path.join(freshDir(`opt20-${key}`), 'out');
      const run = tkiRun([fixtureCopy(`opt20-${key}-pkt`), '--out', out, ...args]);
      const problems: string[] = [];
      if (![1, 3].includes(run.status ?? -1)) problems.push(`exit ${String(run.status)}`);
      if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
      if (run.status === 3 && run.output.trim().split('\n').length !== 1) problems.push('a refusal of more than one line');
      if (run.status === 3 && existsSync(out)) problems.push('--out created by a refused run');
      judge(`opt:${key}`, problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 300))}`);
    }, 180_000);
  }
});

describe('a ceiling that ends the run names itself', () => {
  /** A packet whose dossier takes seconds to scan. */
  function slowPacket(label: string): string {
    const packet = path.join(freshDir(label), 'packet');
    const sentences = Array.from({ length: 60_000 }, (_, index) => `Step ${String(index)}: all tests <b>pass</b>, exit 0, 22/22 PASS.`).join('\n\n');
    writeHostilePacket(packet, { dossierText: dossier(sentences) });
    return packet;
  }
  for (const [key, args, word] of [['timeout-one-second', ['--timeout', '1'], /time|clock|timeout/i], ['cpu-one-second', ['--cpu', '1'], /cpu/i], ['memory-sixteen-mib', ['--memory', '16'], /memory|heap/i], ['processes-one', ['--processes', '1'], /process/i]] as const) {
    it(key, () => {
      const out = path.join(freshDir(`opt20-${key}`), 'out');
      const run = tkiRun([slowPacket(`opt20-${key}-pkt`), '--out', out, ...args], undefined, 170_000);
      const problems: string[] = [];
      const reportPath = path.join(out, 'report.json');
      const reasons = existsSync(reportPath) ? JSON.stringify((JSON.parse(readFileSync(reportPath, 'utf8')) as Record<string, unknown>).blocked_reasons ?? []) : '';
      if (run.status !== 3) problems.push(`exit ${String(run.status)}`);
      if (STACK_TRACE.test(run.output)) problems.push('a stack trace');
      if (run.status === 3 && !word.test(`${reasons} ${run.output}`)) problems.push(`the limit is not named: ${reasons.slice(0, 200)}`);
      // A ceiling that keeps the sandbox from starting reads nothing: one line naming it is the answer then (SPEC §5).
      if (run.status === 3 && reasons === '' && run.output.trim().split('\n').length !== 1) problems.push('neither a BLOCKED report nor one line');
      judge(`opt:${key}-ends-named`, problems.length === 0 ? undefined : `${problems.join('; ')}: ${JSON.stringify(run.output.slice(0, 300))}`);
    }, 180_000);
  }
});
