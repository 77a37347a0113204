import { describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, judgeInvariants, judgeNodeHardening, mountTableViolation, parseMountInfo, runSelfCheck, selfCheckRefusalLine, type SelfCheckObservation } from '../../sandbox/index.js';

const line = (id: number, root: string, mountPoint: string, options: string, fsType: string): string => `${id} 1 0:1 ${root} ${mountPoint} ${options} - ${fsType} src rw`;

/** The mount table bwrap gives the inspector (abridged), as the kernel prints it. */
const GOOD_MOUNTS = [
  line(65, '/newroot', '/', 'ro,nosuid', 'tmpfs'),
  line(66, '/usr/bin/node', '/opt/tki/bin/node', 'ro,nosuid,nodev', 'ext4'),
  line(68, '/usr/lib/x86_64-linux-gnu/libc.so.6', '/usr/lib/x86_64-linux-gnu/libc.so.6', 'ro,nosuid,nodev', 'ext4'),
  line(67, '/work/main/dist', '/opt/tki/dist', 'ro,nosuid,nodev', 'ext4'),
  line(80, '/', '/proc', 'rw,nosuid,nodev,noexec', 'proc'),
  line(83, '/', '/dev', 'ro,nosuid,nodev', 'tmpfs'),
  line(84, '/null', '/dev/null', 'rw,nosuid', 'devtmpfs'),
  line(90, '/', '/dev/pts', 'rw,nosuid,noexec', 'devpts'),
  line(91, '/tmp/p', '/in', 'ro,nosuid,nodev', 'ext4'),
].join('\n');

const STATUS = 'Name:\tnode\nUid:\t65534\t65534\t65534\t65534\nNoNewPrivs:\t1\nSeccomp:\t2\nSeccomp_filters:\t2\nCapInh:\t0000000000000000\nCapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t0000000000000000\nCapAmb:\t0000000000000000\n';
const LIMITS = [
  'Limit                     Soft Limit           Hard Limit           Units',
  'Max cpu time              300                  310                  seconds',
  'Max file size             0                    0                    bytes',
  'Max data size             3221225472           3221225472           bytes',
  'Max core file size        0                    0                    bytes',
  'Max processes             64                   64                   processes',
  'Max open files            1024                 4096                 files',
  '',
].join('\n');
const NET_DEV = 'Inter-|   Receive\n face |bytes\n    lo:       0       0\n';

const GOOD: SelfCheckObservation = {
  mountInfo: GOOD_MOUNTS,
  threadStatuses: [STATUS, STATUS],
  netDev: NET_DEV,
  env: { ...DEFAULT_PROFILE.env },
  execErrno: 1,
  socketErrno: 1,
  openFds: [{ fd: 0, target: '/dev/null', pathVisible: true }, { fd: 1, target: 'socket:[1]', pathVisible: true }],
  limits: LIMITS,
  uidMap: '     65534      65534          1\n',
  procSysWrite: 'EROFS',
};

describe('P1 judged from an observation', () => {
  it('confirms every invariant of a sandbox that is as the profile says', () => {
    const outcome = runSelfCheck(DEFAULT_PROFILE, GOOD);
    expect(outcome.results.filter((result) => !result.confirmed)).toEqual([]);
    expect(outcome.ok).toBe(true);
  });

  const broken: Array<[string, Partial<SelfCheckObservation>, string]> = [
    ['a host interface', { netDev: `${NET_DEV}  eth0:   1   1\n` }, 'net-lo-only'],
    ['a writable root', { mountInfo: GOOD_MOUNTS.replace('/newroot / ro', '/newroot / rw') }, 'mounts-exact'],
    ['a writable /in', { mountInfo: GOOD_MOUNTS.replace('/in ro', '/in rw') }, 'mounts-exact'],
    ['a writable host mount at /out', { mountInfo: `${GOOD_MOUNTS}\n${line(92, '/tmp/o', '/out', 'rw,nosuid,nodev', 'ext4')}` }, 'mounts-exact'],
    ['host root (the operator root, not dropped)', { uidMap: '         0          0          1\n', threadStatuses: [STATUS.replace(/Uid:.*\n/, 'Uid:\t0\t0\t0\t0\n')] }, 'not-host-root'],
    ['a saved uid that maps to host root', { uidMap: '0 0 1\n65534 65534 1\n', threadStatuses: [STATUS.replace(/Uid:.*\n/, 'Uid:\t65534\t65534\t0\t65534\n')] }, 'not-host-root'],
    ['an unmapped uid', { uidMap: '1000 1000 1\n' }, 'not-host-root'],
    ['a writable /proc/sys', { procSysWrite: 'ok' }, 'proc-sys-read-only'],
    ['an extra writable host mount', { mountInfo: `${GOOD_MOUNTS}\n${line(93, '/home/op', '/home/op', 'rw', 'ext4')}` }, 'mounts-exact'],
    ['a read-only host directory outside the runtime', { mountInfo: `${GOOD_MOUNTS}\n${line(95, '/home/op', '/home/op', 'ro', 'ext4')}` }, 'mounts-exact'],
    ['the docker socket', { mountInfo: `${GOOD_MOUNTS}\n${line(94, '/run/docker.sock', '/run/docker.sock', 'ro', 'tmpfs')}` }, 'mounts-exact'],
    ['a secret in the environment', { env: { ...DEFAULT_PROFILE.env, AWS_SECRET_ACCESS_KEY: 'x' } }, 'env-clean'],
    ['a changed fixed value', { env: { ...DEFAULT_PROFILE.env, HOME: '/root' } }, 'env-clean'],
    ['a thread without seccomp', { threadStatuses: [STATUS, STATUS.replace('Seccomp:\t2', 'Seccomp:\t0')] }, 'seccomp-every-thread'],
    ['a thread the lock missed (one filter fewer)', { threadStatuses: [STATUS, STATUS.replace('Seccomp_filters:\t2', 'Seccomp_filters:\t1')] }, 'seccomp-every-thread'],
    ['a capability', { threadStatuses: [STATUS.replace('CapEff:\t0000000000000000', 'CapEff:\t0000000000000400')] }, 'no-capabilities'],
    ['no_new_privs unset', { threadStatuses: [STATUS.replace('NoNewPrivs:\t1', 'NoNewPrivs:\t0')] }, 'no-new-privs'],
    ['exec not locked (ENOENT reaches the path lookup)', { execErrno: 2 }, 'exec-locked'],
    ['socket() allowed', { socketErrno: 0 }, 'socket-denied'],
    ['open files above the profile', { limits: LIMITS.replace('1024                 4096', '1024                 1048576') }, 'resource-limits'],
    ['no process limit', { limits: LIMITS.replace('64                   64', 'unlimited            unlimited') }, 'resource-limits'],
    ['no CPU limit', { limits: LIMITS.replace('300                  310', 'unlimited            unlimited') }, 'resource-limits'],
    ['core dumps allowed', { limits: LIMITS.replace(/Max core file size\s+0\s+0/, 'Max core file size        unlimited            unlimited') }, 'resource-limits'],
    ['a host descriptor', { openFds: [{ fd: 20, target: '/etc/hostname', pathVisible: false }] }, 'no-inherited-fds'],
  ];
  for (const [label, change, invariant] of broken) {
    it(`names "${invariant}" for ${label}`, () => {
      const outcome = runSelfCheck(DEFAULT_PROFILE, { ...GOOD, ...change });
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      expect(outcome.failed.id).toBe(invariant);
      expect(selfCheckRefusalLine(outcome.failed)).toMatch(new RegExp(`^tki: BLOCKED: .*"${invariant}"`));
    });
  }

  it('never confirms what it could not read (matrix row 37: unverifiable means BLOCKED)', () => {
    const blind: SelfCheckObservation = { mountInfo: undefined, threadStatuses: undefined, netDev: undefined, env: {}, execErrno: undefined, socketErrno: undefined, openFds: undefined, limits: undefined, uidMap: undefined, procSysWrite: undefined };
    const results = judgeInvariants(blind, DEFAULT_PROFILE);
    expect(results.filter((result) => result.confirmed).map((result) => result.id)).toEqual(['env-clean']);
    expect(runSelfCheck(DEFAULT_PROFILE, blind).ok).toBe(false);
  });

  it('does not put environment values in the evidence', () => {
    const outcome = runSelfCheck(DEFAULT_PROFILE, { ...GOOD, env: { ...DEFAULT_PROFILE.env, API_TOKEN: 'hunter2' } });
    expect(JSON.stringify(outcome.results)).not.toContain('hunter2');
  });
});

describe('mountinfo', () => {
  it('parses octal escapes and optional fields', () => {
    const parsed = parseMountInfo('36 35 98:0 /mnt\\040a /in ro,noatime master:1 shared:2 - ext3 /dev/root rw');
    expect(parsed).toEqual({ ok: true, entries: [{ mountPoint: '/in', root: '/mnt a', readOnly: true, fsType: 'ext3', source: '/dev/root' }] });
  });
  it('refuses a line it cannot parse instead of skipping it', () => {
    expect(parseMountInfo('garbage line').ok).toBe(false);
  });
  it('accepts a single-file packet mounted at /in/packet.json', () => {
    const parsed = parseMountInfo(GOOD_MOUNTS.replace(' /in ', ' /in/packet.json '));
    expect(parsed.ok && mountTableViolation(parsed.entries, DEFAULT_PROFILE)).toBeUndefined();
  });
});

describe("the inspector's node hardening", () => {
  const permission = (allowed: (scope: string, reference?: string) => boolean) => ({ has: allowed });
  const onlyOut = permission((scope) => scope === 'fs.read');
  const argv = ['--experimental-permission', '--disallow-code-generation-from-strings', '--jitless'];
  it('is confirmed when node refuses every file write, processes and workers, bans code generation and runs without its JIT', () => {
    expect(judgeNodeHardening(DEFAULT_PROFILE, { permission: onlyOut, execArgv: argv }).confirmed).toBe(true);
  });
  it('names each gap', () => {
    expect(judgeNodeHardening(DEFAULT_PROFILE, { execArgv: argv }).observed).toBe('the permission model is off');
    expect(judgeNodeHardening(DEFAULT_PROFILE, { permission: permission(() => true), execArgv: [] }).observed).toBe(
      '/in is writable for node; node may write files; child processes are allowed; workers are allowed; code generation from strings is allowed; the JIT is on, so memory may still become executable',
    );
    expect(judgeNodeHardening(DEFAULT_PROFILE, { permission: onlyOut, execArgv: argv.filter((flag) => flag !== '--jitless') }).observed).toBe('the JIT is on, so memory may still become executable');
  });
});
