import { describe, expect, it } from 'vitest';
import { PROBE_IDS } from '../../sandbox/index.js';
import { REJUDGE } from './checks/probe-evidence.js';

/** The L1 rows re-read each probe's observation; each rule must accept the sandbox's answer and refuse a leak. */
const SAMPLES: Readonly<Record<string, { readonly sandboxed: string; readonly leaking: string }>> = {
  'PR-EXEC-1': { sandboxed: '/bin/sh: EPERM; /usr/bin/node: EPERM', leaking: '/bin/sh: ok; /usr/bin/node: EPERM' },
  'PR-NET-1': { sandboxed: '1.1.1.1:443 EPERM; 127.0.0.1:5432 EPERM', leaking: '1.1.1.1:443 connected; 127.0.0.1:5432 ECONNREFUSED' },
  'PR-NET-2': { sandboxed: 'lo', leaking: 'lo,eth0' },
  'PR-SOCK-1': { sandboxed: 'EPERM', leaking: 'ok' },
  'PR-ENV-1': { sandboxed: '[HOME,HOSTNAME,PWD]', leaking: '[HOME,PGPASSWORD,PWD]' },
  'PR-FS-ESC-1': { sandboxed: '/tki-probe EROFS; /etc/tki-probe ENOENT', leaking: '/tki-probe ok; /etc/tki-probe ENOENT' },
  'PR-FS-ESC-2': { sandboxed: '/etc/shadow ENOENT; /root ENOENT', leaking: '/etc/shadow ok; /root ENOENT' },
  'PR-MOUNT-1': {
    sandboxed: '/ ro tmpfs /newroot | /proc rw proc / | /dev/null rw devtmpfs /null | /in ro ext4 /tmp/x/in',
    leaking: '/ ro tmpfs /newroot | /in ro ext4 /tmp/x/in | /out rw ext4 /tmp/x/out',
  },
  'PR-FS-RO-IN': { sandboxed: 'EPERM', leaking: 'ok' },
  'PR-FS-OUT-OK': {
    sandboxed: 'inside: sent report.json, report.md, checkpoint-attestation.md; launcher: written: report.json, report.md, checkpoint-attestation.md',
    leaking: 'inside: sent report.json, report.md, checkpoint-attestation.md; launcher: refused: channel/truncated',
  },
  'PR-SOCK-DOCKER': { sandboxed: '/var/run/docker.sock lstat ENOENT connect EPERM', leaking: '/var/run/docker.sock lstat present connect connected' },
  'PR-PTRACE-1': { sandboxed: 'EPERM', leaking: 'ok' },
  'PR-SUID-1': {
    sandboxed: 'inside: frames sent with mode 04755; launcher wrote: report.json 0644 uid 0; report.md 0644 uid 0; checkpoint-attestation.md 0644 uid 0 (operator uid 0)',
    leaking: 'inside: frames sent with mode 04755; launcher wrote: report.json 0644 uid 0; report.md 0644 uid 0; checkpoint-attestation.md 04755 uid 0 (operator uid 0)',
  },
  'PR-UID-1': { sandboxed: 'uid_map 65534 65534 1; inside->host 65534->65534 65534->65534 65534->65534 65534->65534', leaking: 'uid_map 0 0 1; inside->host 0->0 0->0 0->0 0->0' },
  'PR-PROCSYS-1': { sandboxed: '/proc/sys/kernel/core_pattern ENOENT; /proc/sysrq-trigger EACCES', leaking: '/proc/sys/kernel/core_pattern ok; /proc/sysrq-trigger EACCES' },
  'PR-DLOPEN-1': {
    sandboxed: '/tmp/tki.node ENOENT; /in/tki.node EROFS; memfd_create EPERM; dlopen failed to map segment from shared object',
    leaking: '/tmp/tki.node ENOENT; /in/tki.node EROFS; memfd_create ok; dlopen loaded',
  },
  'PR-PIDS-1': { sandboxed: '52 created, then EAGAIN', leaking: '128 created, then no refusal' },
  'PR-SYSCALL-1': { sandboxed: 'mbind ENOSYS; memfd_secret ENOSYS', leaking: 'mbind ok; memfd_secret ENOSYS' },
  'PR-ENV-2': { sandboxed: 'clean :: 1: env [] argv0 bwrap', leaking: '1 has PATH,HOME :: 1: env [PATH,HOME] argv0 bwrap' },
  'PR-MEM-1': {
    sandboxed: 'heap: ended after 2.9 s by memory limit (V8 heap 64 MiB); buffers: ended after 1.3 s by memory limit (allocation refused at 448 MiB under a 512 MiB data limit)',
    leaking: 'heap: ended after 20.1 s by wall-clock limit (20 s); buffers: ended after 20.1 s by wall-clock limit (20 s), last allocation at 90000 MiB',
  },
  'PR-FSIZE-1': {
    sandboxed: 'channel: ended after 1.0 s by report channel cap (exceeded); stdout: ended after 1.3 s by stdout cap (1048576 bytes)',
    leaking: 'channel: ended after 1.0 s by report channel cap (exceeded); stdout: ended after 20.0 s by wall-clock limit (20 s)',
  },
  'PR-TIME-1': {
    sandboxed: 'spin: ended after 2.3 s by wall-clock limit (2 s); spin: ended after 3.0 s by CPU time limit (RLIMIT_CPU)',
    leaking: 'spin: ended after 20.0 s by wall-clock limit (20 s); spin: ended after 20.0 s by wall-clock limit (20 s)',
  },
};

describe('probe observations re-read by the acceptance checks', () => {
  it('has a rule for each probe', () => {
    expect(Object.keys(REJUDGE).sort()).toEqual([...PROBE_IDS].sort());
  });
  for (const id of PROBE_IDS) {
    it(`${id}: accepts the sandbox's answer, refuses a leak`, () => {
      const sample = SAMPLES[id];
      expect(sample).toBeDefined();
      expect(REJUDGE[id]?.holds(sample?.sandboxed ?? '')).toBe(true);
      expect(REJUDGE[id]?.holds(sample?.leaking ?? '')).toBe(false);
    });
  }
});
