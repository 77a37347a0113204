import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planSandboxCgroup, sandboxMemoryCeilingBytes } from '../../../sandbox/launch/cgroup.js';
import { spawnEngine } from '../../../sandbox/launch/spawn-engine.js';
import { CGROUP_ENTRY_RELATIVE_PATH, CGROUP_ENTRY_SETUP_FAILED } from '../../../sandbox/runtime/package-root.js';
import { runSandboxed } from '../../../sandbox/launch/run-sandboxed.js';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { PROJECT_ROOT, removeScratchDirs, scratchDir } from '../helpers/cli.js';
import { writePacketDir } from '../helpers/packet.js';

/** Round four (issue 12, MEM): a root operator's bwrap sandbox runs in a memory + pids cgroup of its own. */
afterAll(removeScratchDirs);

describe("bwrap's cgroup (root operator)", () => {
  it('the inside is in tki-sandbox-<launcher pid>-* for memory and pids (with their limits) from bwrap\'s first process on, its cgroup namespace is rooted there (no host path), and the cgroup is gone afterwards', async () => {
    if (process.getuid?.() !== 0) throw new Error('this test needs a root operator (CI runs the suite as root)');
    const plan = planSandboxCgroup();
    if (!plan.ok) throw new Error(`this host offers no cgroup: ${plan.reason}`);
    const packet = writePacketDir(join(scratchDir('fix4-cgroup'), 'packet'));
    // The inside reports its view, then stays a moment so that the test can look at the cgroup from the host.
    const script = "process.stderr.write(require('fs').readFileSync('/proc/self/cgroup', 'utf8')); setTimeout(() => {}, 1500)";
    const roots = plan.version === 1 ? [plan.memoryRoot, plan.pidsRoot] : [plan.root];
    const seen: Array<{ dir: string; procs: string[]; limit: string }> = [];
    const watching = (async () => {
      for (let tries = 0; tries < 200 && seen.length < roots.length; tries += 1) {
        seen.length = 0;
        for (const root of roots) {
          const name = readdirSync(root).find((entry) => entry.startsWith(`tki-sandbox-${process.pid}-`));
          if (name === undefined) continue;
          const dir = join(root, name);
          const procs = readFileSync(join(dir, 'cgroup.procs'), 'utf8').split('\n').filter((line) => line !== '');
          const limitFile = plan.version === 2 ? 'memory.max' : root === plan.memoryRoot ? 'memory.limit_in_bytes' : 'pids.max';
          if (procs.length > 0) seen.push({ dir, procs, limit: readFileSync(join(dir, limitFile), 'utf8').trim() });
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const run = await runSandboxed({ engine: 'bwrap', profile: DEFAULT_PROFILE, packetPath: packet, packetIsFile: false, nodeArgs: () => ['-e', script] });
    await watching;
    if (!run.ok) throw new Error(run.line);
    expect(run.exit.exitCode).toBe(0);
    // Inside: every hierarchy's path is the namespace root.
    const lines = run.exit.stderr.split('\n').filter((line) => line !== '');
    expect(lines.length, run.exit.stderr).toBeGreaterThan(0);
    for (const line of lines) expect(line, run.exit.stderr).toMatch(/:\/$/);
    // Outside: the sandbox's processes were in its cgroup, under its limits.
    expect(seen.map((entry) => dirname(entry.dir)).sort()).toEqual([...roots].sort());
    for (const entry of seen) {
      expect(entry.procs.length).toBeGreaterThan(0);
      expect(entry.limit).toBe(entry.dir.startsWith(plan.version === 1 ? plan.pidsRoot : '\0') ? String(DEFAULT_PROFILE.rlimits.nproc.hard) : String(sandboxMemoryCeilingBytes(DEFAULT_PROFILE.limits, DEFAULT_PROFILE.rlimits.data.hard)));
    }
    for (const entry of seen) expect(existsSync(entry.dir)).toBe(false);
  }, 120_000);

  it('tki-enter-cgroup that cannot join, or cannot read its arguments, ends the run with its one line (exit 121), never running the command', async () => {
    const helper = join(PROJECT_ROOT, CGROUP_ENTRY_RELATIVE_PATH);
    const marker = join(scratchDir('fix4-enter'), 'ran');
    const exit = await spawnEngine({ executable: helper, argv0: 'tki-enter-cgroup', setupFailureStatus: CGROUP_ENTRY_SETUP_FAILED, env: 'empty', args: ['65534', '65534', '/nonexistent/cgroup.procs', '--', '/usr/bin/touch', 'touch', marker] });
    expect(exit.exitCode).toBe(CGROUP_ENTRY_SETUP_FAILED);
    expect(exit.setupFailure).toBe('tki-enter-cgroup: /nonexistent/cgroup.procs: No such file or directory');
    expect(existsSync(marker)).toBe(false);
    // Arguments it cannot read: the usage line, nothing run.
    const garbled = await spawnEngine({ executable: helper, env: 'empty', setupFailureStatus: CGROUP_ENTRY_SETUP_FAILED, args: ['nobody', '65534', '/dev/null', '--', '/usr/bin/touch', 'touch', marker] });
    expect(garbled.setupFailure).toMatch(/^tki-enter-cgroup: usage/);
    expect(existsSync(marker)).toBe(false);
  });
});
