/**
 * Round-4 red-team audit (issue #12, black box): attacker code runs in place of the inspector in the
 * default profile through tki's own runSandboxed entry, locked as the inspector locks itself, as a root
 * operator; host-side attackers (a local uid 65534 process, another local user, the packet's owner)
 * act while it runs. New routes against round 3: host processes sharing the sandbox's uid, the packet
 * stage seen from the host, memory RLIMIT_DATA does not count, the sandbox outliving its launcher,
 * escape sequences in the launcher's own messages. Every route must be closed or listed in
 * open-round4.ts; a listed route found closed fails too (drop its entry).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Operator, RouteResult } from '../run-driver.js';
import { repoRoot } from '../run-driver.js';
import { judgeRound4 } from './judge4.js';
import { OPEN_ROUND4 } from './open-round4.js';
import { outSymlinkSwap } from './out-swap.js';
import { SPOOFED_LINE, runCompromised } from './compromised.js';
import { OTHER_LOCAL_UID, SANDBOX_UID, appendAsPacketOwner, forgeFromHost, killPids, pidsNamed, readStagedSecret, removeScratch, startRound4, waitForName, type Round4Mode, type Round4Output } from './run4.js';

const ENGINES = ['bwrap', 'podman', 'docker'] as const;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function expectHarnessRan(out: Round4Output): RouteResult[] {
  expect(out.ok, out.line).toBe(true);
  const results = out.results ?? [];
  expect(results.find((r) => r.id === 'harness/lock+p1'), JSON.stringify(out).slice(0, 800)).toBeDefined();
  return results;
}

function expectJudged(results: readonly RouteResult[], engine: string, operator: Operator = 'root'): void {
  const { unlistedOpen, fixedButListed } = judgeRound4(results, engine, operator);
  expect(unlistedOpen).toEqual([]);
  expect(fixedButListed).toEqual([]);
}

describe('round 4: host processes against a running sandbox (root operator)', () => {
  for (const engine of ENGINES) {
    it(`${engine}: a uid-65534 host process rewrites the inspector's memory; another user reads the stage; the packet owner changes a staged file`, async () => {
      const run = startRound4(engine, 'victim');
      try {
        const pid = await waitForName('rt4victim', 180_000);
        expect(pid, 'the runner inside started and named itself').toBeDefined();
        if (pid === undefined) return;
        // control: a different unprivileged uid must not get in (the route is about sharing uid 65534)
        const control = forgeFromHost(run.scratch, pid, OTHER_LOCAL_UID);
        expect(control.opened, JSON.stringify(control)).toBeUndefined();
        const forged = forgeFromHost(run.scratch, pid, SANDBOX_UID);
        const stage = readStagedSecret(pid, OTHER_LOCAL_UID);
        expect(appendAsPacketOwner(run.scratch), 'the packet owner can write their own file').toBe(0);
        const out = await run.done;
        const results = expectHarnessRan(out);
        expect(results.find((r) => r.id === 'harness/done'), out.stderrTail).toBeDefined();
        results.push({ id: 'STAGE/another local user read a 0600 packet file from the stage', closed: stage.content !== 'RT4-ROOT-ONLY-SECRET', observed: { uid: OTHER_LOCAL_UID, ...stage } });
        console.log(`[red-team r4] ${engine}: host uid ${String(SANDBOX_UID)} on /proc/${String(pid)}/mem: ${JSON.stringify(forged)}`);
        expectJudged(results, engine);
      } finally {
        killPids(pidsNamed('rt4victim'));
        removeScratch(run.scratch);
      }
    }, 400_000);
  }
});

const MEMORY_MODES: Record<string, readonly Round4Mode[]> = { bwrap: ['mem-shared', 'mem-growsdown', 'mem-fork'], podman: ['mem-shared', 'mem-fork'], docker: ['mem-shared', 'mem-fork'] };
const MEMORY_ROUTE: Partial<Record<Round4Mode, string>> = {
  'mem-shared': 'MEM/MAP_SHARED anonymous memory past the data ceiling',
  'mem-growsdown': 'MEM/MAP_GROWSDOWN memory past the data ceiling',
  'mem-fork': 'MEM/forked children together past the data ceiling',
};

describe('round 4: memory the data ceiling does not count (tki run --memory 256: heap 256 MiB, data 1280 MiB)', () => {
  for (const engine of ENGINES) {
    for (const mode of MEMORY_MODES[engine] ?? []) {
      it(`${engine}: ${mode}`, async () => {
        const run = startRound4(engine, mode, 256);
        try {
          const out = await run.done;
          const results = expectHarnessRan(out);
          const route = MEMORY_ROUTE[mode] ?? mode;
          // a run the memory ceiling killed (exit 137, no line) is the route closed
          if (!results.some((r) => r.id === route)) results.push({ id: route, closed: true, observed: { killed: true, exitCode: out.exitCode, limit: out.limit } });
          expectJudged(results, engine);
        } finally {
          removeScratch(run.scratch);
        }
      }, 400_000);
    }
  }
});

describe('round 4: the same memory routes for an unprivileged operator (bwrap runs as them)', () => {
  for (const mode of MEMORY_MODES.bwrap ?? []) {
    it(`bwrap as uid 65534: ${mode}`, async () => {
      const run = startRound4('bwrap', mode, 256, 'nobody');
      try {
        const out = await run.done;
        const results = expectHarnessRan(out);
        const route = MEMORY_ROUTE[mode] ?? mode;
        if (!results.some((r) => r.id === route)) results.push({ id: route, closed: true, observed: { killed: true, exitCode: out.exitCode, limit: out.limit } });
        expectJudged(results, 'bwrap', 'nobody');
      } finally {
        removeScratch(run.scratch);
      }
    }, 400_000);
  }
});

describe('round 4: nothing of the sandbox outlives its launcher', () => {
  for (const engine of ENGINES) {
    it(`${engine}: after a SIGKILL of the launcher, the sleeping inside is gone within 6 s`, async () => {
      const run = startRound4(engine, 'persist');
      try {
        const pid = await waitForName('rt4persist', 180_000);
        expect(pid, 'the runner inside started and named itself').toBeDefined();
        process.kill(run.driverPid, 'SIGKILL');
        await run.done;
        await sleep(6000);
        const alive = pidsNamed('rt4persist');
        expectJudged([{ id: 'PERSIST/the sandbox outlives a SIGKILLed launcher', closed: alive.length === 0, observed: { alive } }], engine);
      } finally {
        killPids(pidsNamed('rt4persist'));
        removeScratch(run.scratch);
      }
    }, 400_000);

    it(`${engine}: a daemonised child (setsid, all descriptors closed) does not outlive the run`, async () => {
      const run = startRound4(engine, 'orphan');
      try {
        const out = await run.done;
        const results = expectHarnessRan(out);
        const forked = results.find((r) => r.id === 'harness/orphan forked')?.observed;
        // Since the lock refuses new processes, fork answers -EPERM (-1): no orphan can exist. Any
        // other failure is a broken harness, not a closed route.
        if (typeof forked === 'number' && forked < 0) expect(forked, 'fork after the lock is refused with EPERM').toBe(-1);
        else expect(forked).toBeGreaterThan(0);
        await sleep(2000);
        const alive = pidsNamed('rt4orphan');
        expectJudged([{ id: 'PERSIST/an orphan outlives the run', closed: alive.length === 0, observed: { forked, alive } }], engine);
      } finally {
        killPids(pidsNamed('rt4orphan'));
        removeScratch(run.scratch);
      }
    }, 400_000);
  }
});

describe('round 4: the launcher\'s own messages (tki run) under hostile packet names', () => {
  const cli = path.join(repoRoot, 'dist/cli/tki.js');
  const withPacket = (prepare: (content: string) => void): { status: number | null; stderr: string; stdout: string } => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rt4-cli-'));
    try {
      cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), path.join(dir, 'pk'), { recursive: true });
      prepare(path.join(dir, 'pk', 'content'));
      const r = spawnSync(process.execPath, [cli, 'run', path.join(dir, 'pk'), '--out', path.join(dir, 'out')], { encoding: 'utf8', timeout: 120_000 });
      return { status: r.status, stderr: r.stderr, stdout: r.stdout };
    } finally {
      // GNU rm walks a tree deeper than PATH_MAX
      spawnSync('rm', ['-rf', dir]);
    }
  };

  it('a FIFO named with a newline, OSC title and CSI erase sequences ends in one escaped line (no terminal injection)', () => {
    const fifoName = 'rt4\u001b]0;PWNED\u0007\nFAKE tki inspect: PASS (exit 0)\u001b[2K';
    const r = withPacket((content) => { expect(spawnSync('mkfifo', [path.join(content, fifoName)]).status).toBe(0); });
    expect(r.status).toBe(3);
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(`${r.stderr}${r.stdout}`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  }, 200_000);

  it('a 400-level tree of 200-byte names (paths past PATH_MAX) ends in one line, no stack trace', () => {
    // relative mkdir/chdir keeps each call under PATH_MAX while the whole path passes it (80 KiB)
    const deepTree = "import os, sys\nos.chdir(sys.argv[1])\nfor i in range(400):\n    os.mkdir('d' * 200); os.chdir('d' * 200)\nopen('deep.md', 'w').write('x')\n";
    const r = withPacket((content) => { expect(spawnSync('/usr/bin/python3', ['-c', deepTree, content]).status).toBe(0); });
    expect(r.status).toBe(3);
    expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 200_000);
});

describe('round 4: what the inside can learn about the host (and so put in its report)', () => {
  for (const engine of ENGINES) {
    it(`${engine}: the host kernel command line and block devices`, async () => {
      const run = startRound4(engine, 'hostinfo');
      try {
        const out = await run.done;
        expectJudged(expectHarnessRan(out), engine);
      } finally {
        removeScratch(run.scratch);
      }
    }, 400_000);
  }
});

describe('round 4: the report path after validation', () => {
  it('root operator, --out in a directory another user owns: swapped for a symlink while the sandbox runs', async () => {
    const r = await outSymlinkSwap();
    // Since session 6 a root operator's --out that another user owns is refused before anything runs
    // (round 5's OUT route, sandbox/launch/readable-by.ts): then no swap can land mid-run, and the
    // route is closed by that earlier check. Otherwise the swap must happen mid-run and be harmless.
    const refusedUpFront = r.status !== 0 && r.status !== 1 && /BLOCKED: --out .* is owned by uid/.test(r.stderr);
    if (!refusedUpFront) {
      expect(r.swapped, 'the swap happened while tki run was still running').toBe(true);
      expect(r.status).toBe(1);
    }
    expectJudged([{ id: 'REPORT/root writes the triplet through a symlink swapped in after validation', closed: r.inTarget.length === 0, observed: r }], 'bwrap');
  }, 400_000);
});

describe('round 4: one sandbox against concurrent runs (the process count is per host uid)', () => {
  it('a bwrap sandbox holding uid 65534 processes up to RLIMIT_NPROC; a concurrent root-operator docker run of a fixture packet still ends in its verdict', async () => {
    const run = startRound4('bwrap', 'nproc-hold');
    const dir = mkdtempSync(path.join(tmpdir(), 'rt4-nproc-'));
    try {
      // The harness reports how many processes it could start before it holds them for 25 s.
      let report: unknown;
      void run.done.then(
        (out) => {
          try {
            report = expectHarnessRan(out).find((r) => r.id === 'harness/nproc held')?.observed;
          } catch {
            // Judged below: `await run.done` and the held count fail the test instead.
          }
        },
        () => undefined,
      );
      let held = 0;
      for (let waited = 0; waited < 180_000; waited += 500) {
        const now = pidsNamed('rt4nproc').length;
        if (now >= 40 && now === held) break;
        held = now;
        // Since the lock refuses new processes, the sandbox starts none (fork answers -EPERM).
        const started = (report as { children?: number; stoppedWith?: number } | undefined);
        if (started !== undefined && started.children === 0) {
          expect(started.stoppedWith, 'fork after the lock is refused with EPERM').toBe(-1);
          break;
        }
        await sleep(500);
      }
      const refusedAtFirstFork = (report as { children?: number } | undefined)?.children === 0;
      if (!refusedAtFirstFork) expect(held, 'the sandbox holds its processes').toBeGreaterThanOrEqual(40);
      cpSync(path.join(repoRoot, 'fixtures/packets/fix7-a'), path.join(dir, 'pk'), { recursive: true });
      spawnSync('chmod', ['-R', 'a+rX', dir]);
      const victim = spawnSync(process.execPath, [path.join(repoRoot, 'dist/cli/tki.js'), 'run', path.join(dir, 'pk'), '--out', path.join(dir, 'out'), '--engine', 'docker'], { encoding: 'utf8', timeout: 120_000 });
      await run.done;
      expectJudged([{ id: 'NPROC/a sandbox holding its uid\'s process count stops a concurrent run', closed: victim.status === 1, observed: { held, status: victim.status, stderr: victim.stderr.trim().slice(0, 300) } }], 'docker');
    } finally {
      killPids(pidsNamed('rt4nproc'));
      spawnSync('rm', ['-rf', dir]);
      removeScratch(run.scratch);
    }
  }, 400_000);
});

describe('round 4: a compromised inspector through the real tki run (its report is tki\'s own, then it lies)', () => {
  const TRIPLET = ['checkpoint-inspection.md', 'report.json', 'report.md'];
  for (const mode of ['exit0', 'exit2'] as const) {
    it(`bwrap: the inside exits ${mode === 'exit0' ? 0 : 2} after sending a READ_LEVEL_FAIL report`, () => {
      const r = runCompromised(mode);
      expect(r.written, r.stderr).toEqual(TRIPLET);
      expectJudged([{ id: `EXIT/the inside's exit code replaces the report's verdict (${mode})`, closed: r.status === 1, observed: { status: r.status } }], 'bwrap');
    }, 400_000);
  }
  for (const engine of ['bwrap', 'docker'] as const) {
    it(`${engine}: control characters the inside writes on stderr never reach the operator's terminal raw`, () => {
      const r = runCompromised('stderr-controls', engine);
      expect(r.written, r.stderr).toEqual(TRIPLET);
      expectJudged([{ id: 'TERM/control characters from the inside reach the terminal', closed: !/[\u0000-\u0008\u000b-\u001f\u007f]/.test(`${r.stdout}${r.stderr}`), observed: JSON.stringify(r.stderr.slice(0, 200)) }], engine);
    }, 400_000);
    it(`${engine}: lines the inside writes on stderr are not relayed as tki's own lines`, () => {
      const r = runCompromised('stderr-spoof', engine);
      expect(r.written, r.stderr).toEqual(TRIPLET);
      const spoofed = r.stderr.split('\n').filter((l) => l === SPOOFED_LINE).length;
      expectJudged([{ id: "STDERR/the inside's stderr lines reach the operator verbatim", closed: spoofed === 0, observed: { spoofedLines: spoofed, stderrLines: r.stderr.split('\n').length, status: r.status } }], engine);
    }, 400_000);
  }
});

it('prints the round-4 routes open today', () => {
  for (const o of OPEN_ROUND4) console.log(`[red-team r4] OPEN_ROUND4 (${o.severity}) ${o.route} [${o.engines.join(',')}; ${o.operators.join(',')}]: ${o.note}`);
  expect(OPEN_ROUND4.every((o) => o.note.length > 0)).toBe(true);
});
