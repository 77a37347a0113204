import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, runAttestation, type AttestationEvidence, type SandboxProfile } from '../../sandbox/index.js';
import { requireEngine } from './helpers/engines.js';

/**
 * A probe that cannot fail proves nothing: the root-safety and ceiling probes run against a
 * profile with each of their layers taken out, under real bwrap, and every one of them must fail.
 */
const UNLIMITED = { soft: 2 ** 53 - 1, hard: 2 ** 53 - 1 };
const seccomp = DEFAULT_PROFILE.seccomp;
const LOOSENED: SandboxProfile = {
  ...DEFAULT_PROFILE,
  // PR-UID-1, PR-PROCSYS-1: a root operator's sandbox stays root, /proc/sys is left as bwrap mounts it.
  rootOperatorRunsAs: { uid: 0, gid: 0, name: 'root' },
  // PR-ENV-2: bwrap inherits the launcher's environment, gets its host paths on its command line and
  // binds tki's runtime from the project directory (its path then shows in every process's mountinfo).
  engineLaunch: { emptyEnvironment: false, argumentsOnDescriptor: false, coverProcSys: false, handInRuntime: false },
  // PR-SUID-1: the launcher writes what a setuid file would look like.
  reportFileMode: 0o4755,
  seccomp: {
    ...seccomp,
    // PR-SYSCALL-1 and PR-DLOPEN-1: the unlisted calls allowed, memfd and file exec mappings allowed.
    allow: [...seccomp.allow, 'mbind', 'memfd_secret', 'memfd_create'],
    deny: seccomp.deny.filter((name) => name !== 'memfd_create'),
    denyFileExecMappingsAfterStart: false,
    denyExecMemoryAfterStart: false,
    // PR-PIDS-1, PR-MEM-1: processes may be started once locked (the nproc and data ceilings are all that would hold).
    denyUncountedMemoryAfterStart: false,
    // PR-PROCSYS-1: with the lock's ban on opens for writing in place, /proc/sys would stay shut even uncovered.
    denyWriteOpensAfterStart: false,
  },
  // PR-PIDS-1, PR-MEM-1, PR-TIME-1: no process, data or CPU ceiling.
  rlimits: { ...DEFAULT_PROFILE.rlimits, nproc: { soft: 100_000, hard: 100_000 }, data: UNLIMITED, cpu: UNLIMITED },
  // PR-MEM-1, PR-FSIZE-1, PR-TIME-1: node's default heap, no wall clock, no stdout cap.
  limits: { ...DEFAULT_PROFILE.limits, memoryMiB: 0, wallClockSeconds: 0, maxStdoutBytes: 2 ** 52 },
};

const ROOT_ONLY = new Set(['PR-UID-1', 'PR-PROCSYS-1']);
const NEW_PROBES = ['PR-SUID-1', 'PR-UID-1', 'PR-PROCSYS-1', 'PR-DLOPEN-1', 'PR-PIDS-1', 'PR-SYSCALL-1', 'PR-ENV-2', 'PR-MEM-1', 'PR-FSIZE-1', 'PR-TIME-1'];
let evidence: AttestationEvidence;

beforeAll(async () => {
  requireEngine('bwrap');
  const result = await runAttestation('bwrap', LOOSENED);
  if (!result.ok) throw new Error(result.line);
  evidence = result.evidence;
}, 600_000);

describe('the root-safety and ceiling probes fail against a loosened profile (bwrap)', () => {
  for (const id of NEW_PROBES) {
    it(`${id} fails`, () => {
      const record = evidence.probes.find((probe) => probe.id === id);
      expect(record, `${id} missing`).toBeDefined();
      // Staying root is only possible for a root operator: anyone else cannot loosen that layer.
      if (ROOT_ONLY.has(id) && process.getuid?.() !== 0) return;
      expect({ id, pass: record?.pass, observed: record?.observed }).toMatchObject({ id, pass: false });
    });
  }
  it('P1 inside refuses the loosened sandbox too (as root: not-host-root, proc-sys-read-only)', () => {
    const unconfirmed = evidence.self_check.filter((result) => !result.confirmed).map((result) => result.id);
    if (process.getuid?.() === 0) expect(unconfirmed).toEqual(expect.arrayContaining(['not-host-root', 'proc-sys-read-only']));
    else expect(unconfirmed).toEqual([]);
  });
});
