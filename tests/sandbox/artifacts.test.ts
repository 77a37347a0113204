import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AUDIT_ARCH_X86_64,
  CLONE_NAMESPACE_FLAGS,
  BWRAP_SECCOMP_FD,
  compileBwrapArgs,
  compileContainerArgs,
  PODMAN_TIMEOUT_GRACE_SECONDS,
  compileNodeFlags,
  compileOciSeccomp,
  compileSeccompBpf,
  DEFAULT_PROFILE,
  packageRoot,
  recordedRuntimePackages,
  RUNTIME_PACKAGES_FILE,
  runtimePackages,
  SANDBOX_ENTRIES,
  SECCOMP_RET,
  X32_SYSCALL_BIT,
  X86_64_SYSCALLS,
  type SandboxInvocation,
  type SandboxProfile,
  type SyscallName,
} from '../../sandbox/index.js';
import { DEVICE_NODES, encodeBwrapArgsFd } from '../../sandbox/engines/bwrap-argv.js';
import { lockedRules } from '../../sandbox/lock.js';
import { SANDBOX_BUNDLES } from '../../sandbox/runtime/bundle-paths.js';
import { RUNTIME_FILES_FILE, runtimeFiles } from '../../sandbox/runtime/runtime-packages.js';
import { runSeccompProgram } from './helpers/bpf-interpreter.js';

const AUDIT_ARCH_I386 = 0x40000003;
const EPERM = SECCOMP_RET.ERRNO | 1;
const ENOSYS = SECCOMP_RET.ERRNO | 38;
const SIGCHLD = 17;
const THREAD_FLAGS = 0x003d0f00; // CLONE_VM|FS|FILES|SIGHAND|THREAD|SYSVSEM|SETTLS|PARENT_SETTID|CHILD_CLEARTID
const profile = DEFAULT_PROFILE;

/** What the profile says the filter must answer for a syscall number (no clone flags, mmap without PROT_EXEC). */
function expectedAnswer(nr: number, stage: 'startup' | 'locked', rules: SandboxProfile['seccomp'] = profile.seccomp): number {
  const denied = new Set<number>([...rules.deny, ...(stage === 'locked' ? rules.denyAfterStart : [])].map((name) => X86_64_SYSCALLS[name]));
  if (denied.has(nr)) return EPERM;
  if (rules.enosys.some((name) => X86_64_SYSCALLS[name] === nr)) return ENOSYS;
  const allowed = new Set<number>([...rules.allow, ...(stage === 'startup' ? rules.denyAfterStart : [])].map((name) => X86_64_SYSCALLS[name]));
  if (allowed.has(nr)) return SECCOMP_RET.ALLOW;
  // Once locked, an unlisted call traps into the addon's SIGSYS handler, which answers ENOSYS (the data bits).
  return stage === 'locked' && rules.reportUnlistedAfterStart ? TRAP_ENOSYS : ENOSYS;
}
const TRAP_ENOSYS = SECCOMP_RET.TRAP | 38;
/** Calls whose locked answer depends on an argument (tested on their own below; arch_prctl in tests/sandbox/sweep/arch-prctl.test.ts). */
const ARGUMENT_RULES = new Set<number>([X86_64_SYSCALLS.arch_prctl, X86_64_SYSCALLS.clone, X86_64_SYSCALLS.mmap, X86_64_SYSCALLS.mprotect, X86_64_SYSCALLS.open, X86_64_SYSCALLS.openat, X86_64_SYSCALLS.prctl]);
const PROT_READ_EXEC = 0x5;
const MAP_PRIVATE = 0x2;
const MAP_ANONYMOUS = 0x20;

describe('the seccomp BPF program matches the profile', () => {
  for (const stage of ['startup', 'locked'] as const) {
    it(`${stage}: every x86_64 number 0..511 gets exactly the profile's answer`, () => {
      const program = compileSeccompBpf(profile, stage);
      expect(program.length % 8).toBe(0);
      for (let nr = 0; nr < 512; nr += 1) {
        if (nr === X86_64_SYSCALLS.clone || (stage === 'locked' && ARGUMENT_RULES.has(nr))) continue;
        expect({ nr, answer: runSeccompProgram(program, { nr, arch: AUDIT_ARCH_X86_64 }) }).toEqual({ nr, answer: expectedAnswer(nr, stage) });
      }
    });
  }

  it('execve and execveat are allowed at start-up (the engine must start node) and denied once locked', () => {
    for (const name of ['execve', 'execveat'] as const) {
      expect(runSeccompProgram(compileSeccompBpf(profile, 'startup'), { nr: X86_64_SYSCALLS[name], arch: AUDIT_ARCH_X86_64 })).toBe(SECCOMP_RET.ALLOW);
      expect(runSeccompProgram(compileSeccompBpf(profile, 'locked'), { nr: X86_64_SYSCALLS[name], arch: AUDIT_ARCH_X86_64 })).toBe(EPERM);
    }
  });

  it('kills the i386 entry and denies x32 numbers', () => {
    const program = compileSeccompBpf(profile, 'locked');
    for (const nr of [1, 11, 102]) expect(runSeccompProgram(program, { nr, arch: AUDIT_ARCH_I386 })).toBe(SECCOMP_RET.KILL_PROCESS);
    expect(runSeccompProgram(program, { nr: X32_SYSCALL_BIT | 41, arch: AUDIT_ARCH_X86_64 })).toBe(EPERM);
    expect(runSeccompProgram(program, { nr: X32_SYSCALL_BIT | 0, arch: AUDIT_ARCH_X86_64 })).toBe(EPERM);
  });

  it('clone: thread creation passes; a fork passes at start-up and is denied once locked; every namespace flag is denied', () => {
    const answers = (stage: 'startup' | 'locked', rules = profile.seccomp): ((flags: number) => number) => {
      const program = compileSeccompBpf({ ...profile, seccomp: rules }, stage);
      return (flags) => runSeccompProgram(program, { nr: X86_64_SYSCALLS.clone, arch: AUDIT_ARCH_X86_64, args: [flags] });
    };
    for (const stage of ['startup', 'locked'] as const) {
      const clone = answers(stage);
      expect(clone(THREAD_FLAGS)).toBe(SECCOMP_RET.ALLOW);
      expect(clone(SIGCHLD)).toBe(stage === 'locked' ? EPERM : SECCOMP_RET.ALLOW);
      expect(clone(0x00004000 /* CLONE_VFORK */ | 0x100 /* CLONE_VM */ | SIGCHLD)).toBe(stage === 'locked' ? EPERM : SECCOMP_RET.ALLOW);
      for (const flag of profile.seccomp.denyCloneFlags) expect({ flag, answer: clone(SIGCHLD | CLONE_NAMESPACE_FLAGS[flag]) }).toEqual({ flag, answer: EPERM });
      for (const flag of profile.seccomp.denyCloneFlags) expect({ flag, answer: clone(THREAD_FLAGS | CLONE_NAMESPACE_FLAGS[flag]) }).toEqual({ flag, answer: EPERM });
    }
    expect(answers('locked', { ...profile.seccomp, denyUncountedMemoryAfterStart: false })(SIGCHLD)).toBe(SECCOMP_RET.ALLOW);
  });

  it('once locked, no mmap RLIMIT_DATA would not count: MAP_SHARED, MAP_SHARED_VALIDATE and MAP_GROWSDOWN are denied, private mappings pass', () => {
    const locked = compileSeccompBpf(profile, 'locked');
    const startup = compileSeccompBpf(profile, 'startup');
    const mmap = (program: Buffer, flags: number, prot = 0x3): number => runSeccompProgram(program, { nr: X86_64_SYSCALLS.mmap, arch: AUDIT_ARCH_X86_64, args: [0, 1 << 20, prot, flags, -1, 0] });
    for (const flags of [0x01 | MAP_ANONYMOUS, 0x03 | MAP_ANONYMOUS, MAP_PRIVATE | MAP_ANONYMOUS | 0x0100, 0x01, 0x01 | MAP_ANONYMOUS | 0x20000 /* MAP_STACK */]) {
      expect({ flags, locked: mmap(locked, flags), startup: mmap(startup, flags) }).toEqual({ flags, locked: EPERM, startup: SECCOMP_RET.ALLOW });
    }
    for (const flags of [MAP_PRIVATE | MAP_ANONYMOUS, MAP_PRIVATE, MAP_PRIVATE | MAP_ANONYMOUS | 0x20000, MAP_PRIVATE | MAP_ANONYMOUS | 0x4000 /* MAP_NORESERVE */]) expect({ flags, locked: mmap(locked, flags) }).toEqual({ flags, locked: SECCOMP_RET.ALLOW });
  });

  it('default deny: a call on no list (mbind, memfd_secret, a number the table does not name) answers ENOSYS at start-up and traps to the ENOSYS-answering handler once locked', () => {
    for (const stage of ['startup', 'locked'] as const) {
      for (const nr of [X86_64_SYSCALLS.mbind, X86_64_SYSCALLS.memfd_secret, 460, 511]) expect(runSeccompProgram(compileSeccompBpf(profile, stage), { nr, arch: AUDIT_ARCH_X86_64 })).toBe(stage === 'locked' ? TRAP_ENOSYS : ENOSYS);
    }
    const plain = { ...profile, seccomp: { ...profile.seccomp, reportUnlistedAfterStart: false } };
    expect(runSeccompProgram(compileSeccompBpf(plain, 'locked'), { nr: X86_64_SYSCALLS.mbind, arch: AUDIT_ARCH_X86_64 })).toBe(ENOSYS);
  });

  it('once locked, no open for writing, creating or truncating passes; reads do; seccomp(2) and prctl(PR_SET_SECCOMP) are refused', () => {
    const locked = compileSeccompBpf(profile, 'locked');
    const startup = compileSeccompBpf(profile, 'startup');
    const openat = (program: Buffer, flags: number): number => runSeccompProgram(program, { nr: X86_64_SYSCALLS.openat, arch: AUDIT_ARCH_X86_64, args: [-100, 0, flags, 0] });
    const open = (program: Buffer, flags: number): number => runSeccompProgram(program, { nr: X86_64_SYSCALLS.open, arch: AUDIT_ARCH_X86_64, args: [0, flags, 0] });
    const O_CLOEXEC = 0x80000;
    for (const flags of [0x1, 0x2, 0x41, 0x40, 0x200, 0x401, 0x2 | O_CLOEXEC, 0x410002 /* O_TMPFILE|O_RDWR */]) {
      expect({ flags, openat: openat(locked, flags), open: open(locked, flags) }).toEqual({ flags, openat: EPERM, open: EPERM });
      expect(openat(startup, flags)).toBe(SECCOMP_RET.ALLOW);
    }
    for (const flags of [0, O_CLOEXEC, 0x10000 /* O_DIRECTORY */ | O_CLOEXEC]) expect({ flags, openat: openat(locked, flags), open: open(locked, flags) }).toEqual({ flags, openat: SECCOMP_RET.ALLOW, open: SECCOMP_RET.ALLOW });
    const prctl = (program: Buffer, option: number): number => runSeccompProgram(program, { nr: X86_64_SYSCALLS.prctl, arch: AUDIT_ARCH_X86_64, args: [option] });
    expect(prctl(locked, 22)).toBe(EPERM);
    expect(prctl(locked, 38 /* PR_SET_NO_NEW_PRIVS */)).toBe(SECCOMP_RET.ALLOW);
    expect(prctl(startup, 22)).toBe(SECCOMP_RET.ALLOW);
    expect(runSeccompProgram(locked, { nr: X86_64_SYSCALLS.seccomp, arch: AUDIT_ARCH_X86_64 })).toBe(EPERM);
    expect(runSeccompProgram(startup, { nr: X86_64_SYSCALLS.seccomp, arch: AUDIT_ARCH_X86_64 })).toBe(SECCOMP_RET.ALLOW);
  });

  it('once locked in a --jitless node, no memory becomes executable: mmap and mprotect with PROT_EXEC are denied, file or anonymous; the start-up loader passes', () => {
    const locked = compileSeccompBpf(lockedRules(profile, ['--jitless']), 'locked');
    const call = (program: Buffer, name: 'mmap' | 'mprotect', prot: number, flags = MAP_PRIVATE): number => runSeccompProgram(program, { nr: X86_64_SYSCALLS[name], arch: AUDIT_ARCH_X86_64, args: name === 'mmap' ? [0, 4096, prot, flags, 3, 0] : [0x10000, 4096, prot] });
    for (const prot of [PROT_READ_EXEC, 0x7, 0x4, 0x4 | 0x1000000 /* PROT_GROWSDOWN */]) {
      expect({ prot, file: call(locked, 'mmap', prot), anonymous: call(locked, 'mmap', prot, MAP_PRIVATE | MAP_ANONYMOUS), mprotect: call(locked, 'mprotect', prot) }).toEqual({ prot, file: EPERM, anonymous: EPERM, mprotect: EPERM });
    }
    for (const prot of [0, 0x1, 0x3]) expect({ prot, mmap: call(locked, 'mmap', prot), mprotect: call(locked, 'mprotect', prot) }).toEqual({ prot, mmap: SECCOMP_RET.ALLOW, mprotect: SECCOMP_RET.ALLOW });
    const startup = compileSeccompBpf(profile, 'startup');
    expect(call(startup, 'mmap', PROT_READ_EXEC)).toBe(SECCOMP_RET.ALLOW);
    expect(call(startup, 'mprotect', 0x7)).toBe(SECCOMP_RET.ALLOW);
    // mprotect off the allowlist stays unlisted even without PROT_EXEC (the rule allows only what the list allows).
    const withoutMprotect = compileSeccompBpf({ ...profile, seccomp: { ...profile.seccomp, allow: profile.seccomp.allow.filter((name) => name !== 'mprotect') } }, 'locked');
    expect(call(withoutMprotect, 'mprotect', 0x3)).toBe(TRAP_ENOSYS);
  });

  it('a node with its JIT on (no --jitless) gets the file-mapping rule only: its JIT needs anonymous executable memory', () => {
    expect(lockedRules(profile, ['--jitless'])).toBe(profile);
    const locked = compileSeccompBpf(lockedRules(profile, []), 'locked');
    const mmap = (prot: number, flags: number): number => runSeccompProgram(locked, { nr: X86_64_SYSCALLS.mmap, arch: AUDIT_ARCH_X86_64, args: [0, 4096, prot, flags, 3, 0] });
    expect(mmap(PROT_READ_EXEC, MAP_PRIVATE)).toBe(EPERM);
    expect(mmap(PROT_READ_EXEC, MAP_PRIVATE | MAP_ANONYMOUS)).toBe(SECCOMP_RET.ALLOW);
    expect(mmap(0x3, MAP_PRIVATE)).toBe(SECCOMP_RET.ALLOW);
    expect(runSeccompProgram(locked, { nr: X86_64_SYSCALLS.mprotect, arch: AUDIT_ARCH_X86_64, args: [0x10000, 4096, 0x7] })).toBe(SECCOMP_RET.ALLOW);
  });

  it('property: for any allow and deny lists drawn from the table, the program answers exactly as the lists say', () => {
    const names = Object.keys(X86_64_SYSCALLS).filter((name) => !ARGUMENT_RULES.has(X86_64_SYSCALLS[name as SyscallName])) as SyscallName[];
    fc.assert(
      fc.property(fc.subarray(names), fc.subarray(names), fc.subarray(names), (deny, afterStart, allow) => {
        const rules = { ...profile.seccomp, deny, denyAfterStart: afterStart, enosys: [], allow };
        const program = compileSeccompBpf({ ...profile, seccomp: rules }, 'locked');
        return names.every((name) => runSeccompProgram(program, { nr: X86_64_SYSCALLS[name], arch: AUDIT_ARCH_X86_64 }) === expectedAnswer(X86_64_SYSCALLS[name], 'locked', rules));
      }),
      { numRuns: 15 },
    );
  });

  it('holds the SPEC §6 deny list', () => {
    const spec = ['socket', 'connect', 'bind', 'listen', 'accept', 'accept4', 'ptrace', 'mount', 'umount2', 'pivot_root', 'unshare', 'setns', 'bpf', 'perf_event_open', 'keyctl', 'init_module', 'finit_module', 'delete_module', 'kexec_load', 'kexec_file_load'];
    expect(profile.seccomp.deny).toEqual(expect.arrayContaining(spec));
    // timer_*: only the lock's own kill timer is armed (before it locks); nothing re-arms or deletes it afterwards.
    expect(profile.seccomp.denyAfterStart).toEqual(['execve', 'execveat', 'seccomp', 'timer_create', 'timer_settime', 'timer_delete']);
  });
});

describe('the OCI seccomp JSON matches the profile', () => {
  const oci = compileOciSeccomp(profile);
  it('is default deny (ENOSYS), denies the start-up list with EPERM, clone3 with ENOSYS, allows the allowlist and execve (the entrypoint)', () => {
    expect(oci.defaultAction).toBe('SCMP_ACT_ERRNO');
    expect(oci.defaultErrnoRet).toBe(38);
    expect(oci.architectures).toEqual(['SCMP_ARCH_X86_64', 'SCMP_ARCH_X86', 'SCMP_ARCH_X32']);
    const eperm = oci.syscalls.filter((rule) => rule.errnoRet === 1 && rule.args === undefined).flatMap((rule) => rule.names);
    expect([...eperm].sort()).toEqual([...profile.seccomp.deny].sort());
    expect(oci.syscalls.filter((rule) => rule.errnoRet === 38).flatMap((rule) => rule.names)).toEqual(profile.seccomp.enosys);
    const allowed = oci.syscalls.filter((rule) => rule.action === 'SCMP_ACT_ALLOW' && rule.args === undefined).flatMap((rule) => rule.names);
    expect(allowed).toContain('execve');
    // The same allowlist as the BPF start-up stage: every name the BPF program passes, the JSON passes.
    const bpf = compileSeccompBpf(profile, 'startup');
    const bpfAllowed = (Object.keys(X86_64_SYSCALLS) as SyscallName[]).filter((name) => name !== 'clone' && runSeccompProgram(bpf, { nr: X86_64_SYSCALLS[name], arch: AUDIT_ARCH_X86_64 }) === SECCOMP_RET.ALLOW);
    expect([...allowed].sort()).toEqual(bpfAllowed.sort());
  });
  it('has one masked clone rule per namespace flag, and allows clone only when none is set', () => {
    const cloneRules = oci.syscalls.filter((rule) => rule.names.includes('clone'));
    const denyRules = cloneRules.filter((rule) => rule.action === 'SCMP_ACT_ERRNO');
    expect(denyRules.map((rule) => rule.args?.[0]?.value).sort()).toEqual(profile.seccomp.denyCloneFlags.map((flag) => CLONE_NAMESPACE_FLAGS[flag]).sort());
    for (const rule of cloneRules) expect(rule.args?.[0]).toMatchObject({ index: 0, op: 'SCMP_CMP_MASKED_EQ' });
    const mask = profile.seccomp.denyCloneFlags.reduce((all, flag) => all | CLONE_NAMESPACE_FLAGS[flag], 0);
    expect(cloneRules.filter((rule) => rule.action === 'SCMP_ACT_ALLOW').map((rule) => rule.args?.[0])).toEqual([{ index: 0, value: mask, valueTwo: 0, op: 'SCMP_CMP_MASKED_EQ' }]);
  });
});

const invocation: SandboxInvocation = {
  runtime: {
    nodePath: '/usr/bin/node',
    bindings: [
      { source: '/usr/bin/node', target: '/usr/bin/node' },
      { source: '/host/project/dist', target: '/opt/tki/dist' },
    ],
    cliEntry: '/opt/tki/dist/sandbox/bundle/tki-inside.js',
    probesEntry: '/opt/tki/dist/sandbox/bundle/probes.js',
  },
  packetPath: '/host/packet',
  packetIsFile: false,
  nodeArgs: ['/opt/tki/dist/cli/tki.js', 'inspect', '--in', '/in', '--report-fd', '3'],
};

/** Pairs `[flag, a, b]` out of an argv for the given flags. */
function operations(args: readonly string[], flags: readonly string[], arity: number): string[][] {
  const found: string[][] = [];
  const end = args.indexOf('--');
  args.slice(0, end).forEach((arg, index) => {
    if (flags.includes(arg)) found.push(args.slice(index, index + 1 + arity));
  });
  return found;
}

describe('the bwrap argv matches the profile', () => {
  const args = compileBwrapArgs(profile, invocation);
  it('unshares every namespace, forbids nested user namespaces, drops capabilities, clears the environment', () => {
    for (const flag of ['--unshare-user', '--unshare-net', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup', '--disable-userns', '--clearenv', '--die-with-parent', '--new-session']) {
      expect(args).toContain(flag);
    }
    expect(operations(args, ['--cap-drop'], 1)).toEqual([['--cap-drop', 'ALL']]);
    expect(operations(args, ['--setenv'], 2).map(([, key, value]) => [key, value])).toEqual(Object.entries(profile.env));
    expect(operations(args, ['--seccomp'], 1)).toEqual([['--seccomp', String(BWRAP_SECCOMP_FD)]]);
  });
  it('binds the packet read-only at /in, the runtime read-only, no writable host path (only device nodes), /proc/sys covered, no devpts', () => {
    expect(operations(args, ['--bind', '--bind-try', '--bind-fd'], 2)).toEqual([]);
    expect(operations(args, ['--dev-bind'], 2).map(([, source, target]) => `${source}->${target}`)).toEqual(DEVICE_NODES.map((device) => `${device}->${device}`));
    expect(args).not.toContain('--dev');
    expect(args.join(' ')).toContain('--tmpfs /proc/sys --remount-ro /proc/sys');
    const readOnly = operations(args, ['--ro-bind'], 2).map(([, source, target]) => `${source}->${target}`);
    expect(readOnly).toEqual(['/usr/bin/node->/usr/bin/node', '/host/project/dist->/opt/tki/dist', '/host/packet->/in']);
    expect(compileBwrapArgs(profile, { ...invocation, packetIsFile: true, packetPath: '/host/p.json' })).toEqual(expect.arrayContaining(['--ro-bind', '/host/p.json', '/in/packet.json']));
  });
  it('makes / read-only after the last mount and runs node on the given arguments', () => {
    const remountRoot = args.findIndex((arg, index) => arg === '--remount-ro' && args[index + 1] === '/');
    expect(remountRoot).toBeGreaterThan(0);
    const lastMount = Math.max(...['--ro-bind', '--bind', '--proc', '--dev-bind', '--tmpfs'].map((flag) => args.lastIndexOf(flag)));
    expect(lastMount).toBeLessThan(remountRoot);
    expect(args.slice(args.indexOf('--') + 1)).toEqual(['/usr/bin/node', ...invocation.nodeArgs]);
  });
  it('goes to bwrap through --args: host paths only on the descriptor, never on the command line /proc/1/cmdline shows inside', () => {
    const { data, command } = encodeBwrapArgsFd(args);
    expect(command).toEqual(['--', '/usr/bin/node', ...invocation.nodeArgs]);
    const passed = data.toString('utf8').split('\0');
    expect(passed.pop()).toBe('');
    expect(passed).toEqual(args.slice(0, args.indexOf('--')));
    expect(command.join(' ')).not.toMatch(/\/host\//);
  });
});

describe('the podman/docker arguments match the profile', () => {
  for (const engine of ['podman', 'docker'] as const) {
    it(`${engine}: no network, read-only root, no capabilities, no-new-privileges, the profile's seccomp and limits`, () => {
      const args = compileContainerArgs(profile, invocation, { engine, image: 'localhost/tki-sandbox:x', seccompPath: '/tmp/s.json', user: '65534:65534', cgroupLimits: true });
      const pairs = args.map((arg, index) => `${arg} ${args[index + 1] ?? ''}`);
      for (const pair of ['--network none', '--cap-drop ALL', '--security-opt no-new-privileges', '--security-opt seccomp=/tmp/s.json', '--user 65534:65534', '--ipc none', '--pull never']) {
        expect(pairs).toContain(pair);
      }
      expect(args).toContain('--read-only');
      expect(pairs).toContain('--mount type=bind,source=/host/packet,destination=/in,ro=true');
      // No writable host path: the packet is the only bind of a host directory; Docker's generated
      // /etc files are read-only binds of /dev/null (no /var/lib/docker path in mountinfo), and so is
      // /proc/diskstats (host-info-masks.ts: podman masks it with --security-opt mask= instead).
      const generated = engine === 'docker' ? ['/etc/hostname', '/etc/hosts', '/etc/resolv.conf', '/proc/diskstats'].map((target) => `type=bind,source=/dev/null,destination=${target},ro=true`) : [];
      expect(args.filter((arg) => arg.startsWith('type=bind')).sort()).toEqual(['type=bind,source=/host/packet,destination=/in,ro=true', ...generated].sort());
      for (const [name, limit] of Object.entries(profile.rlimits)) expect(pairs).toContain(`--ulimit ${name}=${limit.soft}:${limit.hard}`);
      expect(pairs).toContain(`--pids-limit ${profile.rlimits.nproc.hard}`);
      expect(pairs).toContain(`--memory ${profile.limits.memoryMiB + 1024}m`);
      if (engine === 'podman') expect(pairs).toContain(`--timeout ${profile.limits.wallClockSeconds + PODMAN_TIMEOUT_GRACE_SECONDS}`);
      for (const [key, value] of Object.entries(profile.env)) expect(pairs).toContain(`--env ${key}=${value}`);
      expect(args.slice(-invocation.nodeArgs.length - 1)).toEqual(['localhost/tki-sandbox:x', ...invocation.nodeArgs]);
    });
  }
});

describe("the inspector's node flags match the profile", () => {
  it('permission model with reads in the sandbox and no write grant at all, the addon allowed, no code generation, no realpath per import, the heap ceiling', () => {
    expect(compileNodeFlags(profile)).toEqual([
      '--experimental-permission',
      '--allow-addons',
      '--allow-fs-read=/',
      '--disable-warning=ExperimentalWarning',
      '--disable-warning=SecurityWarning',
      '--preserve-symlinks',
      '--disallow-code-generation-from-strings',
      '--min-semi-space-size=16',
      '--jitless',
      '--no-expose-wasm',
      `--max-old-space-size=${profile.limits.memoryMiB}`,
    ]);
    expect(compileNodeFlags({ ...profile, node: { permissionModel: false, disallowCodeGeneration: false, preserveSymlinks: false, jitless: false } })).toEqual(['--min-semi-space-size=16', `--max-old-space-size=${profile.limits.memoryMiB}`]);
  });

  it("Dockerfile.sandbox's ENTRYPOINT runs node with exactly these flags", () => {
    const dockerfile = readFileSync(join(packageRoot(), 'Dockerfile.sandbox'), 'utf8');
    const entrypoint = /^ENTRYPOINT (\[[^\]]*\])/m.exec(dockerfile.replace(/\\\n\s*/g, ''))?.[1];
    expect(entrypoint, 'Dockerfile.sandbox has a JSON ENTRYPOINT').toBeDefined();
    const argv = JSON.parse(entrypoint ?? '[]') as string[];
    expect(argv.slice(1, argv.indexOf('/opt/tki/dist/sandbox/bundle/tki-inside.js'))).toEqual(compileNodeFlags(DEFAULT_PROFILE));
  });
});

describe('the sandbox user under podman and docker', () => {
  it('is the profile\'s unprivileged user, never keep-id (no uid inside maps to the operator or to root); podman passes the report channel on', () => {
    const options = { image: 'i', seccompPath: '/s.json', user: '65534:65534', cgroupLimits: false };
    const podman = compileContainerArgs(profile, invocation, { ...options, engine: 'podman' });
    expect(podman.join(' ')).not.toContain('keep-id');
    expect(podman.join(' ')).toContain('--user 65534:65534');
    expect(podman.join(' ')).toContain('--preserve-fds 1');
    // The profile's cgroup namespace: both engines default to the host's on cgroups v1.
    expect(podman.join(' ')).toContain('--cgroupns private');
    expect(compileContainerArgs(profile, invocation, { ...options, engine: 'docker' }).join(' ')).toContain('--cgroupns private');
    expect(compileContainerArgs(profile, invocation, { ...options, engine: 'docker' })).not.toContain('--preserve-fds');
  });
});

describe('the runtime packages the build records', () => {
  it('equal a fresh scan of what the sandbox entries import (so `tki run` mounts exactly those)', () => {
    const root = packageRoot();
    const recorded = recordedRuntimePackages(root);
    expect(recorded, `${RUNTIME_PACKAGES_FILE} is missing or malformed: run \`npm run build\``).toBeDefined();
    expect(recorded).toEqual(runtimePackages(root, SANDBOX_ENTRIES.map((entry) => join(root, entry))));
    // The entries are bundles (sandbox/runtime/bundle-sandbox.ts): zod is inside them, no package is mounted.
    expect(recorded).toEqual([]);
  });

  it('hand in exactly the two bundles, which import nothing but node builtins; tki inspect\'s carries no process, network or launcher code', () => {
    const root = packageRoot();
    const files = JSON.parse(readFileSync(join(root, RUNTIME_FILES_FILE), 'utf8')) as string[];
    expect(files).toEqual([...SANDBOX_ENTRIES].sort());
    expect(runtimeFiles(root, SANDBOX_ENTRIES.map((entry) => join(root, entry)))).toEqual(files);
    const inside = readFileSync(join(root, SANDBOX_BUNDLES.inspect), 'utf8');
    const builtins = [...inside.matchAll(/^import .* from "([^"]+)";$/gm)].map((match) => match[1] ?? '');
    expect(builtins.length).toBeGreaterThan(0);
    expect(builtins.every((specifier) => specifier.startsWith('node:'))).toBe(true);
    for (const absent of ['node:child_process', 'node:net', 'node:worker_threads', 'node:http']) expect(builtins).not.toContain(absent);
    // The inspector's zod schemas and the exec lock are in it (it is the inspector, not a stub).
    expect(inside).toContain('jitless');
    expect(inside).toContain('applyExecLock');
  });
});
