/**
 * Round-5 red-team audit (issue #12, black box). Two attackers:
 * - a compromised inspector: attacker code runs in place of the inspector in the default profile through
 *   tki's own runSandboxed entry, locked as the inspector locks itself (inside5.mjs), under bwrap (root and
 *   unprivileged operator), podman and docker (root): write opens through openat2/creat/open(2), System V
 *   and POSIX IPC, personality/modify_ldt, the operator's terminal on descriptors 0-2, the whole allowlist;
 * - a hostile local user (uid 1000) against the launcher's start-up sweep of stale work directories in a
 *   shared TMPDIR (sweep5.ts): a FIFO or /dev/zero as owner.pid, a directory it cannot remove, and an
 *   rm -rf race through a swapped symlink.
 * Every route must be closed or listed in open-round5.ts; a listed route found closed fails too.
 */
import { describe, expect, it } from 'vitest';
import type { Operator, RouteResult } from '../run-driver.js';
import { judgeRound5 } from './judge5.js';
import { runRound5 } from './run5.js';
import { attestInterrupted } from './attest-leftover5.js';
import { outPrecreatedByAttacker } from './out5.js';
import { dropScene, endedNormally, newScene, plant, runTki, sweepRace, type TkiOutcome } from './sweep5.js';

function expectJudged(results: readonly RouteResult[], engine: string, operator: Operator): void {
  const { unlistedOpen, fixedButListed } = judgeRound5(results, engine, operator);
  expect(unlistedOpen).toEqual([]);
  expect(fixedButListed).toEqual([]);
}

/** A control run with nothing planted must end normally, or a route's outcome proves nothing. */
function expectControl(outcome: TkiOutcome): void {
  expect(endedNormally(outcome), JSON.stringify(outcome)).toBe(true);
}

describe('round 5: a compromised inspector inside the default profile', () => {
  const cases: [string, Operator][] = [['bwrap', 'root'], ['bwrap', 'nobody'], ['podman', 'root'], ['docker', 'root']];
  for (const [engine, operator] of cases) {
    it(`${engine}/${operator}: write opens, IPC memory, code segments, terminal descriptors`, () => {
      const out = runRound5(engine, 'battery', operator);
      expect(out.ok, out.line).toBe(true);
      const results = out.results ?? [];
      const harness = results.find((r) => r.id === 'harness/lock+p1');
      expect(harness, JSON.stringify(out).slice(0, 800)).toBeDefined();
      expect(harness?.observed, 'the runner locked itself and P1 confirmed the profile').toMatchObject({ lock: true, p1: [], native: 'loaded' });
      expect(results.find((r) => r.id === 'harness/done'), out.stderrTail).toBeDefined();
      expect(results.filter((r) => !r.id.startsWith('harness/')).length).toBeGreaterThanOrEqual(12);
      console.log(`[red-team r5] ${engine}/${operator} ${JSON.stringify(results.find((r) => r.id.startsWith('harness/allowlist')))}`);
      expectJudged(results, engine, operator);
    }, 300_000);
  }
});

describe('round 5: a compromised inspector maps new executable memory without mmap or mprotect', () => {
  for (const operator of ['root', 'nobody'] as const) {
    it(`bwrap/${operator}: the vDSO unmapped and mapped again with arch_prctl(ARCH_MAP_VDSO_64)`, () => {
      const out = runRound5('bwrap', 'vdso', operator);
      expect(out.ok, out.line).toBe(true);
      const results = out.results ?? [];
      expect(results.find((r) => r.id === 'harness/lock+p1')?.observed, JSON.stringify(out).slice(0, 800)).toMatchObject({ lock: true, p1: [], native: 'loaded' });
      expect(results.find((r) => r.id === 'harness/done'), out.stderrTail).toBeDefined();
      expectJudged(results, 'bwrap', operator);
    }, 120_000);
  }
});

describe('round 5: a hostile local user against the launcher\'s sweep of stale work directories', () => {
  const fifoCases: [string, Operator][] = [['bwrap', 'root'], ['bwrap', 'nobody'], ['podman', 'root'], ['docker', 'root']];
  for (const [engine, operator] of fifoCases) {
    it(`${engine}/${operator}: a FIFO planted as owner.pid`, () => {
      const scene = newScene(operator);
      try {
        plant(scene, 'rt5fifo', 'fifo');
        const outcome = runTki(scene, engine, 25_000);
        expectJudged([{ id: 'SWEEP/a planted owner.pid FIFO hangs the launcher', closed: !outcome.timedOut, observed: outcome }], engine, operator);
      } finally {
        dropScene(scene);
      }
    }, 120_000);
  }

  it('bwrap/root: a symlink to /dev/zero planted as owner.pid (control run first)', () => {
    const scene = newScene('root');
    try {
      expectControl(runTki(scene, 'bwrap', 90_000));
      plant(scene, 'rt5zero', 'zero');
      const outcome = runTki(scene, 'bwrap', 15_000);
      const closed = !outcome.timedOut && outcome.maxRssMiB < 512;
      expectJudged([{ id: 'SWEEP/a planted owner.pid symlink to /dev/zero exhausts the launcher\'s memory', closed, observed: outcome }], 'bwrap', 'root');
    } finally {
      dropScene(scene);
    }
  }, 180_000);

  it('bwrap/nobody: another user\'s stale-looking work directory (control run first)', () => {
    const scene = newScene('nobody');
    try {
      expectControl(runTki(scene, 'bwrap', 90_000));
      plant(scene, 'rt5dead', 'dead');
      const outcome = runTki(scene, 'bwrap', 90_000);
      expectJudged([{ id: 'SWEEP/another user\'s planted work directory blocks every run', closed: endedNormally(outcome), observed: outcome }], 'bwrap', 'nobody');
    } finally {
      dropScene(scene);
    }
  }, 240_000);

  // root only: an unprivileged operator's sweep stops at EACCES in the attacker's directory first (the blocking route above)
  for (const operator of ['root'] as const) {
    it(`bwrap/${operator}: rm -rf race through a swapped symlink in a planted work directory`, () => {
      const scene = newScene(operator);
      try {
        const race = sweepRace(scene, 'bwrap', 3);
        const closed = race.victimLeft === race.victimTotal;
        expectJudged([{ id: 'SWEEP/a planted work directory swapped for a symlink deletes the operator\'s files', closed, observed: { victimLeft: race.victimLeft, of: race.victimTotal, runs: race.outcomes.map((o) => o.firstLine) } }], 'bwrap', operator);
      } finally {
        dropScene(scene);
      }
    }, 400_000);
  }
});

describe('round 5: the report writer and another user\'s --out', () => {
  it('bwrap/root: an --out another local user created first (empty, 0777)', () => {
    const r = outPrecreatedByAttacker();
    expectJudged([{ id: 'OUT/an --out another user created: the report is replaced after the run', closed: !r.replaced, observed: r }], 'bwrap', 'root');
  }, 240_000);
});

describe('round 5: clean-up after SIGTERM', () => {
  it('bwrap/root: tki attest stopped by SIGTERM, then a complete tki run', async () => {
    const r = await attestInterrupted();
    expect(r.beforeSignal.some((n) => n.startsWith('tki-attest-')), `the attestation's scratch existed before the signal: ${JSON.stringify(r)}`).toBe(true);
    const left = r.afterNextRun.filter((n) => n.startsWith('tki-'));
    expectJudged([{ id: 'CLEANUP/tki attest leaves its scratch directory after SIGTERM', closed: left.length === 0, observed: r }], 'bwrap', 'root');
  }, 300_000);
});
