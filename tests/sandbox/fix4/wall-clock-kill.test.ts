import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSandboxed } from '../../../sandbox/launch/run-sandboxed.js';
import { INSIDE_KILL_GRACE_SECONDS } from '../../../sandbox/lock.js';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { PROJECT_ROOT, removeScratchDirs, scratchDir } from '../helpers/cli.js';
import { requireDocker } from '../helpers/docker.js';
import { writePacketDir } from '../helpers/packet.js';

/**
 * Issue 12, round four (PERSIST): a container does not die with its CLI, and the launcher's
 * watchdog (which removes it) can be killed together with the launcher, e.g. by a whole-cgroup
 * kill of a CI job. The lock arms a SIGKILL timer at the run's wall clock + a grace
 * (sandbox/lock.ts), which nothing inside can catch, re-arm or delete (timer_* are refused once
 * locked), so the sandbox ends by itself.
 */
afterAll(removeScratchDirs);

const INSIDE = '/opt/tki/dist/sandbox/bundle/inside.js';
/** Locks as tki inspect does with a short wall clock, ignores the catchable signals, then sleeps far longer. */
const sleeper = (wallClockSeconds: number): string => `
  const { applyExecLock, DEFAULT_PROFILE } = await import('${INSIDE}');
  const lock = applyExecLock({ ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, wallClockSeconds: ${wallClockSeconds} } });
  process.stderr.write('locked ' + JSON.stringify(lock) + '\\n');
  process.on('SIGTERM', () => {}); process.on('SIGALRM', () => {});
  setTimeout(() => {}, 120_000);`;

describe('the inside ends by itself at its wall clock (kill timer armed by the lock)', () => {
  it('bwrap: a locked inside that ignores signals and sleeps 120 s is SIGKILLed at wall clock + grace, long before the launcher\'s own 60 s', async () => {
    const packet = writePacketDir(join(scratchDir('kill-timer'), 'packet'));
    const started = Date.now();
    const run = await runSandboxed({ engine: 'bwrap', profile: { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, wallClockSeconds: 60 } }, packetPath: packet, packetIsFile: false, nodeArgs: () => ['--jitless', '--input-type=module', '-e', sleeper(1)] });
    const seconds = (Date.now() - started) / 1000;
    if (!run.ok) throw new Error(run.line);
    expect(run.exit.stderr).toContain('locked {"ok":true}');
    expect(run.exit.launcherLimit, 'the inside ended before the launcher had to stop it').toBeUndefined();
    // bwrap reports its child's fatal signal as 128 + n: SIGKILL.
    expect(run.exit.exitCode).toBe(128 + 9);
    expect(seconds).toBeGreaterThanOrEqual(1 + INSIDE_KILL_GRACE_SECONDS - 0.5);
    expect(seconds).toBeLessThan(40);
  }, 120_000);

  it('docker: with the launcher AND its watchdog SIGKILLed together, the container is gone by wall clock + grace', async () => {
    requireDocker();
    const packet = writePacketDir(join(scratchDir('kill-timer-docker'), 'packet'));
    const launcherScript = `
      const { runSandboxed } = await import(${JSON.stringify(join(PROJECT_ROOT, 'dist/sandbox/launch/run-sandboxed.js'))});
      const { DEFAULT_PROFILE } = await import(${JSON.stringify(join(PROJECT_ROOT, 'dist/sandbox/profile/default-profile.js'))});
      await runSandboxed({ engine: 'docker', profile: { ...DEFAULT_PROFILE, limits: { ...DEFAULT_PROFILE.limits, wallClockSeconds: 600 } }, packetPath: ${JSON.stringify(packet)}, packetIsFile: false, nodeArgs: () => ['--jitless', '--input-type=module', '-e', ${JSON.stringify(sleeper(3))}] });`;
    const launcher = spawn(process.execPath, ['--input-type=module', '-e', launcherScript], { stdio: 'ignore' });
    const launcherPid = launcher.pid ?? -1;
    // The watchdog is the launcher's detached child whose command removes the container: its name is there.
    let watchdog: { pid: number; container: string } | undefined;
    for (let tries = 0; tries < 600 && watchdog === undefined; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
        try {
          const ppid = /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1];
          const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
          const container = argv.find((arg) => /^tki-sandbox-[0-9a-f]{12}$/.test(arg));
          if (Number(ppid) === launcherPid && argv[0] === '/bin/sh' && container !== undefined) watchdog = { pid: Number(entry), container };
        } catch {
          // gone meanwhile
        }
      }
    }
    expect(watchdog, 'the launcher started its watchdog').toBeDefined();
    const name = watchdog?.container ?? '';
    const running = (): boolean => spawnSync('docker', ['ps', '-q', '--filter', `name=^${name}$`], { encoding: 'utf8' }).stdout.trim() !== '';
    try {
      for (let tries = 0; tries < 600 && !running(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(running(), 'the container started').toBe(true);
      const killedAt = Date.now();
      process.kill(launcherPid, 'SIGKILL');
      process.kill(watchdog?.pid ?? -1, 'SIGKILL');
      // Without the kill timer the container would sleep on for 120 s (and, under a hanging inside, forever).
      let gone = false;
      while (!gone && Date.now() - killedAt < 60_000) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        gone = !running();
      }
      expect(gone, `container ${name} still running 60 s after its launcher and watchdog were killed`).toBe(true);
    } finally {
      spawnSync('docker', ['rm', '-f', name], { stdio: 'ignore' });
    }
  }, 240_000);
});
