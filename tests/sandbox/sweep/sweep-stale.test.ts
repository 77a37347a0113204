/**
 * The start-up sweep of stale tki temporary directories against a hostile local user (uid 1000) in a
 * shared sticky TMPDIR, and against renames inside the operator's own stale directory (round five).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sweepStaleTempDirs } from '../../../sandbox/launch/sweep/sweep-stale.js';
import { removeScratchDirs, scratchDir } from '../helpers/cli.js';

afterAll(removeScratchDirs);

const ATTACKER = 1000;
/** Above Linux's pid_max ceiling (2^22): never a live process. */
const DEAD_PID = String(2 ** 22 + 1);
const SWAP_SOURCE = join(import.meta.dirname, '..', 'red-team', 'round5', 'swap5.c');

function requireRoot(): void {
  if (process.geteuid?.() !== 0) throw new Error('this test plays another local user with setpriv: run it as root (CI does)');
}

/** A shared TMPDIR like /tmp (1777) and a victim directory of the operator's with `count` files. */
function scene(count: number): { tmp: string; victim: string } {
  const base = scratchDir('sweep6');
  const tmp = join(base, 'tmp');
  mkdirSync(tmp);
  chmodSync(tmp, 0o1777);
  const victim = join(base, 'victim');
  mkdirSync(victim, { mode: 0o700 });
  for (let i = 0; i < count; i += 1) writeFileSync(join(victim, `f${String(i)}`), 'the operator\'s own file\n');
  return { tmp, victim };
}

function asAttacker(script: string): void {
  execFileSync('setpriv', [`--reuid=${String(ATTACKER)}`, `--regid=${String(ATTACKER)}`, '--clear-groups', '/bin/sh', '-c', script], { cwd: '/' });
}

function compileSwap(dir: string): string {
  const binary = join(dir, 'swap5');
  execFileSync('gcc', ['-O2', '-o', binary, SWAP_SOURCE]);
  chmodSync(binary, 0o755);
  return binary;
}

describe('the sweep leaves another user\'s directories alone', () => {
  it('a FIFO, a /dev/zero symlink and a dead pid as owner.pid: nothing blocks, nothing is read or removed', () => {
    requireRoot();
    const { tmp } = scene(0);
    asAttacker(`cd '${tmp}' && mkdir tki-engine-fifo tki-engine-zero tki-engine-dead tki-attest-dead && mkfifo tki-engine-fifo/owner.pid && ln -s /dev/zero tki-engine-zero/owner.pid && echo ${DEAD_PID} > tki-engine-dead/owner.pid && touch tki-engine-dead/x && echo ${DEAD_PID} > tki-attest-dead/owner.pid`);
    const started = Date.now();
    const outcome = sweepStaleTempDirs(tmp);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(outcome).toEqual({ removed: [], failed: [] });
    expect(readdirSync(tmp).sort()).toEqual(['tki-attest-dead', 'tki-engine-dead', 'tki-engine-fifo', 'tki-engine-zero']);
  });

  it('a planted directory swapped with a symlink to the operator\'s files in a loop (swap5.c): no file outside is deleted', () => {
    requireRoot();
    const { tmp, victim } = scene(2000);
    const swap = compileSwap(join(tmp, '..'));
    const swappers = [1, 2, 3].map((k) => {
      const dir = join(tmp, `tki-engine-race${String(k)}`);
      asAttacker(`mkdir -p '${dir}/sub' && echo ${DEAD_PID} > '${dir}/owner.pid' && cd '${dir}/sub' && seq -f 'f%g' 0 1999 | xargs touch && ln -s '${victim}' '${dir}/lnk'`);
      return spawn('setpriv', [`--reuid=${String(ATTACKER)}`, `--regid=${String(ATTACKER)}`, '--clear-groups', swap, join(dir, 'sub'), join(dir, 'lnk')], { stdio: 'ignore' });
    });
    try {
      for (let i = 0; i < 20; i += 1) expect(sweepStaleTempDirs(tmp).removed).toEqual([]);
    } finally {
      for (const swapper of swappers) swapper.kill('SIGKILL');
    }
    expect(readdirSync(victim)).toHaveLength(2000);
  });
});

describe('the sweep removes the operator\'s own stale directories through descriptors', () => {
  it('removes a dead run\'s directory, keeps a live one\'s and one being created, and never follows a symlink inside', () => {
    requireRoot();
    const { tmp, victim } = scene(10);
    const dead = join(tmp, 'tki-engine-dead');
    mkdirSync(join(dead, 'a', 'b'), { recursive: true });
    writeFileSync(join(dead, 'owner.pid'), `${DEAD_PID}\n`);
    writeFileSync(join(dead, 'a', 'b', 'file'), 'x');
    symlinkSync(victim, join(dead, 'a', 'to-victim'));
    symlinkSync(victim, join(tmp, 'tki-attest-link'));
    mkdirSync(join(tmp, 'tki-engine-live'));
    writeFileSync(join(tmp, 'tki-engine-live', 'owner.pid'), `${String(process.pid)}\n`);
    mkdirSync(join(tmp, 'tki-engine-new'));
    const outcome = sweepStaleTempDirs(tmp);
    expect(outcome).toEqual({ removed: [dead], failed: [] });
    expect(readdirSync(tmp).sort()).toEqual(['tki-attest-link', 'tki-engine-live', 'tki-engine-new']);
    expect(readdirSync(victim)).toHaveLength(10);
  });

  it('its own stale directory whose sub/ and a symlink to the victim trade places in a loop: the victim keeps every file', () => {
    requireRoot();
    const { tmp, victim } = scene(2000);
    const swap = compileSwap(join(tmp, '..'));
    for (let round = 0; round < 5; round += 1) {
      const dir = join(tmp, `tki-engine-own${String(round)}`);
      mkdirSync(join(dir, 'sub'), { recursive: true });
      writeFileSync(join(dir, 'owner.pid'), `${DEAD_PID}\n`);
      for (let i = 0; i < 2000; i += 1) writeFileSync(join(dir, 'sub', `f${String(i)}`), '');
      symlinkSync(victim, join(dir, 'lnk'));
      // The operator's own uid swaps here: the worst case, a rename inside a directory the sweep owns.
      const swapper = spawn(swap, [join(dir, 'sub'), join(dir, 'lnk')], { stdio: 'ignore' });
      try {
        spawnSync('sleep', ['0.05']);
        const outcome = sweepStaleTempDirs(tmp);
        // Removed, or refused because an entry changed under it: either way nothing outside is touched.
        expect(outcome.removed.length + outcome.failed.length).toBeGreaterThan(0);
      } finally {
        swapper.kill('SIGKILL');
      }
      expect(readdirSync(victim)).toHaveLength(2000);
    }
    expect(existsSync(victim)).toBe(true);
  });
});
