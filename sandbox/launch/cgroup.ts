import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from './work-dir.js';

/**
 * A cgroup of its own for one bwrap sandbox (issue 12, round four: MEM). RLIMIT_DATA misses
 * MAP_SHARED and MAP_GROWSDOWN memory and counts per process; a memory cgroup counts every page
 * of every process of the sandbox, and a pids cgroup every task. Only root can make one (the
 * launcher must write the limits and move the sandbox in); container engines make their own.
 *
 * cgroup v2 is used where one hierarchy has both controllers enabled for children (a pure v2
 * host); else v1's separate memory and pids hierarchies. The sandbox joins race-free and before
 * any namespace exists: the launcher starts bwrap through tki-enter-cgroup
 * (sandbox/native/tki_enter_cgroup.c), which writes its own pid into the cgroup.procs files,
 * drops to the sandbox's user and executes bwrap. Every process bwrap forks inherits the cgroup,
 * and bwrap's `--unshare-cgroup` roots the sandbox's cgroup namespace at it, so /proc/self/cgroup
 * inside reads `/` (round three: the host cgroup path was visible when the sandbox was moved in
 * after bwrap had unshared). The limits are written before the helper joins. Removed after the
 * run; one a killed launcher left behind (its pid gone, no process inside) is removed at the next start.
 */
export interface SandboxCgroup {
  readonly version: 1 | 2;
  /** The directories made (one for v2; memory and pids for v1). */
  readonly dirs: readonly string[];
}

export interface CgroupLimits {
  readonly memoryBytes: number;
  readonly pids: number;
}

export type CgroupPlan =
  | { readonly ok: true; readonly version: 1; readonly memoryRoot: string; readonly pidsRoot: string }
  | { readonly ok: true; readonly version: 2; readonly root: string }
  | { readonly ok: false; readonly reason: string };

const PREFIX = 'tki-sandbox-';

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** cgroup mounts of this mount namespace: v1 hierarchies by controller, and cgroup2 mount points. */
function cgroupMounts(mountInfo: string): { v1: Map<string, string>; v2: string[] } {
  const v1 = new Map<string, string>();
  const v2: string[] = [];
  for (const line of mountInfo.split('\n')) {
    const [before, after] = line.split(' - ');
    if (before === undefined || after === undefined) continue;
    const mountPoint = before.split(' ')[4];
    const [fsType, , superOptions] = after.split(' ');
    if (mountPoint === undefined) continue;
    if (fsType === 'cgroup2') v2.push(mountPoint);
    if (fsType === 'cgroup') for (const option of (superOptions ?? '').split(',')) if (option === 'memory' || option === 'pids') v1.set(option, mountPoint);
  }
  return { v1, v2 };
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function words(text: string | undefined): string[] {
  return (text ?? '').split(/\s+/).filter((word) => word !== '');
}

/** Where this host lets a root launcher make a sandbox cgroup with memory and pids limits, or why not. */
export function planSandboxCgroup(mountInfo: string | undefined = read('/proc/self/mountinfo')): CgroupPlan {
  if (process.getuid?.() !== 0) return { ok: false, reason: 'the operator is not root (only root may create cgroups and move processes into them)' };
  const mounts = cgroupMounts(mountInfo ?? '');
  for (const root of mounts.v2) {
    const enabled = words(read(join(root, 'cgroup.subtree_control')));
    if (enabled.includes('memory') && enabled.includes('pids') && writable(root)) return { ok: true, version: 2, root };
  }
  const memoryRoot = mounts.v1.get('memory');
  const pidsRoot = mounts.v1.get('pids');
  if (memoryRoot !== undefined && pidsRoot !== undefined && writable(memoryRoot) && writable(pidsRoot)) return { ok: true, version: 1, memoryRoot, pidsRoot };
  return { ok: false, reason: 'no cgroup hierarchy with memory and pids controllers is mounted writable (v1 memory + pids, or v2 with both enabled in subtree_control)' };
}


/** Removes `tki-sandbox-<pid>-*` cgroups whose launcher is gone and which hold no process. */
function sweepStale(roots: readonly string[]): void {
  for (const root of roots) {
    let names: string[] = [];
    try {
      names = readdirSync(root).filter((name) => name.startsWith(PREFIX));
    } catch {
      continue;
    }
    for (const name of names) {
      const owner = Number(name.slice(PREFIX.length).split('-')[0]);
      if (Number.isSafeInteger(owner) && owner > 0 && processAlive(owner)) continue;
      if (words(read(join(root, name, 'cgroup.procs'))).length > 0) continue;
      try {
        rmdirSync(join(root, name));
      } catch {
        // busy or gone: the next start tries again
      }
    }
  }
}

/** Makes the sandbox's cgroup with its limits; throws (with the file) when the kernel refuses. */
export function createSandboxCgroup(plan: Extract<CgroupPlan, { ok: true }>, limits: CgroupLimits): SandboxCgroup {
  const name = `${PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`;
  const roots = plan.version === 2 ? [plan.root] : [plan.memoryRoot, plan.pidsRoot];
  sweepStale(roots);
  const dirs = roots.map((root) => join(root, name));
  const made: string[] = [];
  try {
    for (const dir of dirs) {
      mkdirSync(dir);
      made.push(dir);
    }
    if (plan.version === 2) {
      const [dir] = dirs as [string];
      writeFileSync(join(dir, 'memory.max'), String(limits.memoryBytes));
      if (existsSync(join(dir, 'memory.swap.max'))) writeFileSync(join(dir, 'memory.swap.max'), '0');
      writeFileSync(join(dir, 'pids.max'), String(limits.pids));
    } else {
      const [memory, pids] = dirs as [string, string];
      writeFileSync(join(memory, 'memory.limit_in_bytes'), String(limits.memoryBytes));
      // With swap accounting on, memory+swap gets the same ceiling: no swapping past it.
      if (existsSync(join(memory, 'memory.memsw.limit_in_bytes'))) writeFileSync(join(memory, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
      writeFileSync(join(pids, 'pids.max'), String(limits.pids));
    }
  } catch (error) {
    for (const dir of made.reverse()) rmdirSync(dir);
    throw error;
  }
  return { version: plan.version, dirs };
}

/** The files a process writes its pid into to join the cgroup (one per directory: v1 memory and pids, or v2's one). */
export function sandboxCgroupProcsFiles(cgroup: SandboxCgroup): string[] {
  return cgroup.dirs.map((dir) => join(dir, 'cgroup.procs'));
}

/** Removes the cgroup once its processes are gone (a reaped sandbox can take a moment to leave). */
/**
 * The sandbox's memory ceiling as a whole: the V8 heap plus the same 1 GiB the data rlimit and
 * rootful podman's `--memory` leave for buffers, code and node's own (the data rlimit when the heap
 * is node's default).
 */
export function sandboxMemoryCeilingBytes(limits: { readonly memoryMiB: number }, dataHardBytes: number): number {
  return limits.memoryMiB > 0 ? (limits.memoryMiB + 1024) * 1024 * 1024 : dataHardBytes;
}

export async function removeSandboxCgroup(cgroup: SandboxCgroup): Promise<void> {
  for (const dir of cgroup.dirs) {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      try {
        rmdirSync(dir);
        break;
      } catch (error) {
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }
}
