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
    sandboxed: '/ ro tmpfs /newroot | /proc rw proc / | /dev/null rw devtmpfs /null | /in ro ext4 /tmp/x/in | /out rw ext4 /tmp/x/out',
    leaking: '/ ro tmpfs /newroot | /in ro ext4 /tmp/x/in | /out rw ext4 /tmp/x/out | /home rw ext4 /home',
  },
  'PR-FS-RO-IN': { sandboxed: 'EROFS', leaking: 'ok' },
  'PR-FS-OUT-OK': { sandboxed: 'ok', leaking: 'EROFS' },
  'PR-SOCK-DOCKER': { sandboxed: '/var/run/docker.sock lstat ENOENT connect EPERM', leaking: '/var/run/docker.sock lstat present connect connected' },
  'PR-PTRACE-1': { sandboxed: 'EPERM', leaking: 'ok' },
};

describe('probe observations re-read by the acceptance checks', () => {
  it('has a rule for each of the twelve probes', () => {
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
