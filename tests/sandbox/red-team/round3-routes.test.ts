/**
 * Round-3 red-team audit (issue #12, re-checked and extended): attacker code runs in place of the
 * inspector in the default profile through tki's own runSandboxed entry, locked as the inspector
 * locks itself, as a root operator and as uid 65534 (setpriv). Every route must be closed or listed
 * in round3/open-round3.ts; a listed route found closed fails too (drop its entry).
 */
import { describe, expect, it } from 'vitest';
import type { Operator } from './run-driver.js';
import { judgeRound3 } from './round3/judge.js';
import { OPEN_ROUND3 } from './round3/open-round3.js';
import { runRound3 } from './round3/run3.js';

const OPERATORS: readonly Operator[] = ['root', 'nobody'];

/** Here uid 65534 has no docker socket and no subordinate ids for rootless podman: the engine must refuse in one line. */
function engineRefusedForNobody(engine: string, operator: Operator, out: { ok: boolean; line?: string }): boolean {
  if (operator !== 'nobody' || engine === 'bwrap') return false;
  expect(out.ok).toBe(false);
  expect(out.line ?? '').toMatch(/^tki: (docker|podman) (cannot be used here|refused to start the sandbox)/);
  return true;
}

describe('round 3: routes from inside the locked sandbox', () => {
  for (const engine of ['bwrap', 'podman', 'docker'] as const) {
    for (const operator of OPERATORS) {
      it(`${engine} as ${operator}: rlimits, write-opens by every entry, pid 1's descriptors and files, mprotect exec, memfd, dlopen, socket families, clone/clone3 namespaces, unlisted syscalls, TIOCSTI`, () => {
        const out = runRound3(engine, 'battery', operator);
        if (engineRefusedForNobody(engine, operator, out)) return;
        expect(out.ok, out.line).toBe(true);
        const results = out.results ?? [];
        expect(results.find((r) => r.id === 'harness/lock+p1'), JSON.stringify(out).slice(0, 800)).toBeDefined();
        expect(results.find((r) => r.id === 'harness/done'), 'the battery reached its end').toBeDefined();
        const { unlistedOpen, fixedButListed } = judgeRound3(results, engine, operator);
        expect(unlistedOpen).toEqual([]);
        expect(fixedButListed).toEqual([]);
      }, 400_000);
    }
  }

  it('bwrap, root operator on a terminal: no descriptor inside is the terminal, /dev/tty is absent (no TIOCSTI injection)', () => {
    const out = runRound3('bwrap', 'battery', 'root', { onTerminal: true });
    expect(out.ok, out.line).toBe(true);
    const tty = (out.results ?? []).find((r) => r.id.startsWith('TTY/'));
    expect(tty?.closed, JSON.stringify(tty)).toBe(true);
  }, 400_000);

  for (const operator of OPERATORS) {
    it(`bwrap as ${operator}: an i386 syscall (int 0x80) ends the whole process`, () => {
      const out = runRound3('bwrap', 'i386', operator);
      expect(out.ok, out.line).toBe(true);
      expect(out.exitCode).not.toBe(0);
      expect((out.results ?? []).find((r) => r.id.startsWith('SYSCALL/i386'))).toBeUndefined();
    }, 400_000);
  }
});

describe('round 3: ceilings end the run, never a hang', () => {
  it('bwrap/root: wall clock (timeout 5 s) kills a hanging inspector and names the limit', () => {
    const out = runRound3('bwrap', 'hang', 'root', { limits: { wallClockSeconds: 5 }, timeoutMs: 90_000 });
    expect(out.ok, out.line).toBe(true);
    expect(out.limit).toBe('wall-clock');
    expect(out.elapsedMs ?? Infinity).toBeLessThan(60_000);
  }, 200_000);

  it('bwrap/nobody: the CPU rlimit of the lock (--cpu 2) ends a busy loop with SIGXCPU before the wall clock', () => {
    const out = runRound3('bwrap', 'cpu', 'nobody', { limits: { wallClockSeconds: 150 } });
    expect(out.ok, out.line).toBe(true);
    expect(out.limit).toBeUndefined();
    expect(out.exitCode).toBe(128 + 24);
  }, 400_000);
});

describe('round 3: the report channel from inside (decoder end; the writer is report-channel*.test.ts)', () => {
  it('a 4 GiB frame header is refused at once and the sandbox stopped (the report-channel cap)', () => {
    const out = runRound3('bwrap', 'frames-hugeheader', 'nobody');
    expect(out.ok, out.line).toBe(true);
    expect(out.limit).toBe('report-channel');
    expect(out.channelError?.code).toBe('channel/bad_header');
  }, 200_000);
  it('a frame after the end frame is refused', () => {
    const out = runRound3('bwrap', 'frames-after-end', 'root');
    expect(out.channelError?.code).toBe('channel/after_end');
  }, 200_000);
  for (const kind of ['dotdot', 'setuid'] as const) {
    it(`a ${kind} file frame without an end frame is a truncated stream (nothing can be written)`, () => {
      const out = runRound3('bwrap', `frames-${kind}`, 'root');
      expect(out.channelError?.code).toBe('channel/truncated');
    }, 200_000);
  }
});

it('prints the round-3 routes open today', () => {
  for (const o of OPEN_ROUND3) console.log(`[red-team r3] OPEN_ROUND3 (${o.severity}) ${o.route} [${o.engines.join(',')}; ${o.operators.join(',')}]: ${o.note}`);
  expect(OPEN_ROUND3.every((o) => o.note.length > 0)).toBe(true);
});
