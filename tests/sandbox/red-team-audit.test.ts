/**
 * Independent red-team audit of the sandbox (issues #12, #15): attacker code runs inside the default
 * profile through tki's own runSandboxed entry (locked by the same applyExecLock + P1 as the probe
 * runner) under every engine, as root and as uid 65534. Every route must be closed, or be listed in
 * red-team/open-today.ts (printed on every run).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { killedRunLeftovers, outRouteCases, scratchWithPacket, tkiRun } from './red-team/cli-routes.js';
import { OPEN_TODAY } from './red-team/open-today.js';
import { runDriver, type Operator, type RouteResult } from './red-team/run-driver.js';

const ENGINES = ['bwrap', 'podman', 'docker'] as const;
const OPERATORS: readonly Operator[] = ['root', 'nobody'];

function listedOpen(route: string, engine: string, operator: Operator): boolean {
  return OPEN_TODAY.some((o) => route.startsWith(o.route) && o.engines.includes(engine) && o.operators.includes(operator));
}

/** Here uid 65534 has no docker socket access and no subordinate ids for rootless podman: the engine must refuse in one line. */
function refusedForOperator(engine: string, operator: Operator, out: { ok: boolean; line?: string }): boolean {
  if (operator !== 'nobody' || engine === 'bwrap') return false;
  expect(out.ok).toBe(false);
  expect(out.line ?? '').toMatch(/^tki: (docker|podman) (cannot be used here|refused to start the sandbox)/);
  console.log(`[red-team] ${engine}/nobody: engine refused (${(out.line ?? '').slice(0, 160)})`);
  return true;
}

function unexpectedOpen(results: readonly RouteResult[], engine: string, operator: Operator): string[] {
  const open = results.filter((r) => !r.closed);
  for (const r of open) console.log(`[red-team] OPEN ${engine}/${operator} ${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
  return open.filter((r) => !listedOpen(r.id, engine, operator)).map((r) => `${r.id}: ${JSON.stringify(r.observed).slice(0, 300)}`);
}

describe('red-team audit: routes inside the sandbox', () => {
  for (const engine of ENGINES) {
    for (const operator of OPERATORS) {
      it(`${engine} as ${operator}: host root, writable paths, setuid, dlopen, memfd, syscalls, env and host-path leaks`, () => {
        const out = runDriver(engine, 'battery', operator);
        if (refusedForOperator(engine, operator, out)) return;
        expect(out.ok, out.line).toBe(true);
        const results = out.results ?? [];
        // the harness itself ran: locked, P1 passed, and the battery reached its end
        expect(results.find((r) => r.id === 'harness/lock+p1'), JSON.stringify(out).slice(0, 800)).toBeDefined();
        expect(results.some((r) => r.id.startsWith('SYSCALL/')), 'the raw-syscall battery ran').toBe(true);
        expect(unexpectedOpen(results, engine, operator)).toEqual([]);
        // the launcher stays small
        expect(out.maxRssMiB).toBeLessThan(400);
      }, 400_000);
    }
  }
});

describe('red-team audit: a foreign-ABI syscall (x32 read) ends the process, never half of it', () => {
  for (const engine of ENGINES) {
    it(`${engine} as root: x32 read is refused or kills the whole process`, () => {
      if (listedOpen('SYSCALL/x32 read', engine, 'root')) {
        // Running it leaves a half-dead container the engine cannot stop (see open-today.ts): print, do not leak.
        console.log(`[red-team] OPEN ${engine}/root SYSCALL/x32 read: reproduce with node tests/sandbox/red-team/drive.mjs <repo> ${engine} x32 <scratch>`);
        return;
      }
      const out = runDriver(engine, 'x32', 'root', 120_000);
      expect(out.ok, out.line).toBe(true);
      expect(unexpectedOpen(out.results ?? [], engine, 'root')).toEqual([]);
    }, 200_000);
  }
});

describe('red-team audit: resource ceilings (bwrap and docker, root and nobody)', () => {
  for (const engine of ['bwrap', 'docker'] as const) {
    for (const operator of OPERATORS) {
      it(`${engine}/${operator}: 8 GiB allocation does not complete`, () => {
        const out = runDriver(engine, 'memory', operator);
        if (refusedForOperator(engine, operator, out)) return;
        expect(out.ok, out.line).toBe(true);
        const alive = (out.results ?? []).find((r) => r.id === 'MEM/8GiB');
        expect(alive, `allocated: ${JSON.stringify(alive?.observed)}`).toBeUndefined();
      }, 400_000);
      it(`${engine}/${operator}: 3000 forks are refused before 1500`, () => {
        const out = runDriver(engine, 'pids', operator);
        if (refusedForOperator(engine, operator, out)) return;
        expect(out.ok, out.line).toBe(true);
        const pids = (out.results ?? []).find((r) => r.id === 'PIDS/fork');
        expect(pids === undefined || pids.closed, JSON.stringify(pids?.observed)).toBe(true);
      }, 400_000);
      it(`${engine}/${operator}: a 2 GiB stdout flood does not grow the launcher`, () => {
        const out = runDriver(engine, 'stdout-flood', operator);
        if (refusedForOperator(engine, operator, out)) return;
        expect(out.ok, out.line).toBe(true);
        expect(out.maxRssMiB).toBeLessThan(400);
        // cut at the stdout cap (Docker's stdout is the channel: the same cap once it is not frames)
        expect(out.limit).toBe('stdout');
      }, 400_000);
      it(`${engine}/${operator}: a 2 GiB report-channel flood does not grow the launcher and is cut`, () => {
        const out = runDriver(engine, 'channel-flood', operator);
        if (refusedForOperator(engine, operator, out)) return;
        expect(out.ok, out.line).toBe(true);
        expect(out.maxRssMiB).toBeLessThan(400);
        // cut, not drained: the launcher stopped the sandbox at a cap it names (settle.ts)
        expect(out.limit).toBe(engine === 'docker' ? 'stdout' : 'report-channel');
        expect((out.results ?? []).find((r) => r.id.startsWith('FLOOD/'))).toBeUndefined();
        expect(unexpectedOpen(out.results ?? [], engine, operator)).toEqual([]);
      }, 400_000);
    }
  }
});

describe('red-team audit: the operator side (tki run)', () => {
  it('--out routes are refused with one line and nothing is written', () => {
    const { dir, packet } = scratchWithPacket();
    for (const c of outRouteCases(dir, packet)) {
      const r = tkiRun(packet, c.out);
      expect(r.status, `${c.name}: ${r.stderr}`).toBe(3);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\/(in|out|opt\/tki)\b/);
    }
    expect(readdirSync(packet).sort()).toEqual(['content', 'expected.json', 'packet.json']);
    expect(() => statSync(path.join(dir, 'victim-target'))).toThrow();
  }, 400_000);

  it('the launcher writes only the three report files, 0644, operator-owned, never setuid', () => {
    const { dir, packet } = scratchWithPacket();
    const out = path.join(dir, 'out');
    const r = tkiRun(packet, out);
    expect(r.status).toBe(1);
    const names = readdirSync(out).sort();
    expect(names).toEqual(['checkpoint-inspection.md', 'report.json', 'report.md']);
    for (const n of names) {
      const st = statSync(path.join(out, n));
      expect((st.mode & 0o7777).toString(8)).toBe('644');
      expect(st.uid).toBe(process.getuid?.());
    }
    expect(readFileSync(path.join(out, 'report.json'), 'utf8').length).toBeGreaterThan(0);
  }, 400_000);

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    it(`no tki temp directory stays behind after ${signal} of tki run`, async () => {
      const { dir, packet } = scratchWithPacket();
      const { seen, left } = await killedRunLeftovers(packet, path.join(dir, `out-${signal}`), signal, 30);
      console.log(`[red-team] ${signal}: temp dirs seen during the run: ${seen.join(', ') || 'none'}; left: ${left.join(', ') || 'none'}`);
      expect(seen.length, 'the signal arrived while the run had its temp dir').toBeGreaterThan(0);
      if (signal === 'SIGKILL' && left.length > 0) console.log(`[red-team] SIGKILL cannot be handled: ${left.join(', ')} stays until the next start sweeps it`);
      else if (listedOpen(`TMP/${signal.slice(3)}`, 'bwrap', 'root') && left.length > 0) console.log(`[red-team] OPEN bwrap/root TMP/${signal.slice(3)}: ${left.join(', ')} left behind`);
      else expect(left).toEqual([]);
    }, 400_000);
  }
});

it('prints the routes that are open today', () => {
  for (const o of OPEN_TODAY) console.log(`[red-team] OPEN_TODAY (${o.severity}) ${o.route} [${o.engines.join(',')}; ${o.operators.join(',')}]: ${o.note}`);
  expect(OPEN_TODAY.every((o) => o.note.length > 0)).toBe(true);
});
