import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSandboxCgroup, planSandboxCgroup, removeSandboxCgroup, sandboxCgroupProcsFiles, sandboxMemoryCeilingBytes } from '../../../sandbox/launch/cgroup.js';
import { DEFAULT_PROFILE } from '../../../sandbox/profile/default-profile.js';
import { removeScratchDirs, scratchDir } from '../helpers/cli.js';

/**
 * The cgroup v2 path of launch/cgroup.ts, against a fake cgroupfs tree in a temporary directory:
 * this host has cgroups v1 only, so the v2 branch never runs in the end-to-end tests. What this
 * proves: the plan picks a cgroup2 mount with memory and pids enabled for children (and prefers it
 * to v1), the cgroup is one directory with memory.max, memory.swap.max and pids.max written, the
 * sandbox joins through its one cgroup.procs, and stale cgroups of dead launchers are swept. What
 * it cannot: that a real v2 kernel accepts the writes (the file names are the kernel's, see
 * Documentation/admin-guide/cgroup-v2.rst) — that runs on a v2 host only.
 */
afterAll(removeScratchDirs);

const mountLine = (id: number, mountPoint: string, fsType: string, superOptions: string): string => `${id} 30 0:${id} / ${mountPoint} rw,nosuid,nodev,noexec,relatime shared:9 - ${fsType} ${fsType === 'cgroup2' ? 'cgroup2' : 'cgroup'} ${superOptions}`;

function fakeV2(enabled: string): string {
  const root = join(scratchDir('cgroup-v2'), 'unified');
  mkdirSync(root);
  writeFileSync(join(root, 'cgroup.subtree_control'), `${enabled}\n`);
  writeFileSync(join(root, 'cgroup.procs'), '1\n');
  return root;
}

describe('cgroup v2 (fake cgroupfs)', () => {
  it('plans v2 on a cgroup2 mount whose subtree_control enables memory and pids, in preference to v1', () => {
    if (process.getuid?.() !== 0) throw new Error('planSandboxCgroup plans for a root operator only: run the suite as root (CI does)');
    const root = fakeV2('cpu io memory pids');
    const v1 = scratchDir('cgroup-v1');
    for (const controller of ['memory', 'pids']) mkdirSync(join(v1, controller));
    const mountInfo = [mountLine(40, join(v1, 'memory'), 'cgroup', 'rw,memory'), mountLine(41, join(v1, 'pids'), 'cgroup', 'rw,pids'), mountLine(42, root, 'cgroup2', 'rw,nsdelegate')].join('\n');
    expect(planSandboxCgroup(mountInfo)).toEqual({ ok: true, version: 2, root });
    // Without pids enabled for children, v2 is not usable: the v1 pair is chosen.
    const partial = fakeV2('memory');
    expect(planSandboxCgroup([mountLine(40, join(v1, 'memory'), 'cgroup', 'rw,memory'), mountLine(41, join(v1, 'pids'), 'cgroup', 'rw,pids'), mountLine(42, partial, 'cgroup2', 'rw')].join('\n'))).toEqual({ ok: true, version: 1, memoryRoot: join(v1, 'memory'), pidsRoot: join(v1, 'pids') });
    // Neither: one reason, no plan.
    const none = planSandboxCgroup(mountLine(42, partial, 'cgroup2', 'rw'));
    expect(none.ok).toBe(false);
  });

  it('creates one directory with memory.max, memory.swap.max and pids.max, joins through its cgroup.procs, and sweeps a dead launcher\'s cgroup', async () => {
    if (process.getuid?.() !== 0) throw new Error('planSandboxCgroup plans for a root operator only: run the suite as root (CI does)');
    const root = fakeV2('memory pids');
    // A stale cgroup of a launcher that no longer exists (pid far above pid_max), holding no process.
    const stale = join(root, 'tki-sandbox-2147483646-aaaaaaaaaaaa');
    mkdirSync(stale);
    // A live launcher's (this process): kept.
    const live = join(root, `tki-sandbox-${process.pid}-bbbbbbbbbbbb`);
    mkdirSync(live);
    const plan = planSandboxCgroup(mountLine(42, root, 'cgroup2', 'rw'));
    if (!plan.ok || plan.version !== 2) throw new Error(`expected a v2 plan, got ${JSON.stringify(plan)}`);
    const memoryBytes = sandboxMemoryCeilingBytes(DEFAULT_PROFILE.limits, DEFAULT_PROFILE.rlimits.data.hard);
    const cgroup = createSandboxCgroup(plan, { memoryBytes, pids: 64 });
    expect(cgroup.version).toBe(2);
    expect(cgroup.dirs).toHaveLength(1);
    const [dir] = cgroup.dirs as [string];
    expect(dir).toMatch(new RegExp(`^${root}/tki-sandbox-${process.pid}-[0-9a-f]{12}$`));
    expect(readFileSync(join(dir, 'memory.max'), 'utf8')).toBe(String(memoryBytes));
    expect(readFileSync(join(dir, 'pids.max'), 'utf8')).toBe('64');
    // memory.swap.max is written only where the kernel offers it (a fresh fake directory has none).
    expect(existsSync(join(dir, 'memory.swap.max'))).toBe(false);
    expect(sandboxCgroupProcsFiles(cgroup)).toEqual([join(dir, 'cgroup.procs')]);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
    // A cgroup already gone is not an error.
    await removeSandboxCgroup({ version: 2, dirs: [join(root, 'does-not-exist')] });
  });
});
